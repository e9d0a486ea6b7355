//! The provision for doubtful debts (坏账准备): what is open in each aging bucket times the
//! rate the owner set for it.

use chrono::NaiveDate;
use huikuan_domain::aging::{AgingBasis, BucketScheme};
use huikuan_domain::performance::provision;
use huikuan_domain::Money;
use huikuan_store::tables::settings;
use huikuan_store::Transaction;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::books::audit;
use crate::error::AppError;
use crate::Books;

const KEY: &str = "provision_rates";

/// The rate, in percent, for each bucket of the aging report (by due date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProvisionRate {
    pub bucket: String,
    #[ts(type = "string")]
    pub percent: Decimal,
}

/// A common small-business scale; the owner (or the accountant) sets their own.
pub fn default_rates() -> Vec<ProvisionRate> {
    let percents = [0, 1, 3, 5, 10, 30, 50];
    BucketScheme::default()
        .labels()
        .into_iter()
        .zip(percents)
        .map(|(bucket, p)| ProvisionRate { bucket, percent: Decimal::from(p) })
        .collect()
}

fn rates(tx: &Transaction) -> Result<Vec<ProvisionRate>, AppError> {
    Ok(settings::get(tx, KEY)?.unwrap_or_else(default_rates))
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProvisionLine {
    pub bucket: String,
    pub open: Money,
    #[ts(type = "string")]
    pub percent: Decimal,
    pub provision: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProvisionReport {
    pub as_of: NaiveDate,
    pub lines: Vec<ProvisionLine>,
    pub open: Money,
    pub provision: Money,
}

impl Books {
    pub fn provision_rates(&mut self) -> Result<Vec<ProvisionRate>, AppError> {
        self.store.read(rates)
    }

    /// One rate per bucket, in bucket order, each from 0 to 100 percent.
    pub fn save_provision_rates(&mut self, candidate: Vec<ProvisionRate>) -> Result<Vec<ProvisionRate>, AppError> {
        let labels = BucketScheme::default().labels();
        let buckets: Vec<&String> = candidate.iter().map(|r| &r.bucket).collect();
        if buckets != labels.iter().collect::<Vec<_>>() {
            return Err(AppError::rule(
                Some("provision_rates".into()),
                format!("give one rate for each bucket: {}", labels.join(", ")),
                format!("每个账龄段都要有一个比例：{}", labels.join("、")),
            ));
        }
        if let Some(bad) = candidate
            .iter()
            .find(|r| r.percent < Decimal::ZERO || r.percent > Decimal::ONE_HUNDRED || r.percent.scale() > 2)
        {
            return Err(AppError::rule(
                Some(format!("provision_rates.{}", bad.bucket)),
                format!(
                    "the rate for {} must be from 0 to 100 percent, at most 2 decimals (not {})",
                    bad.bucket, bad.percent
                ),
                format!("{} 的计提比例须在 0 到 100 之间，最多两位小数（不是 {}）", bad.bucket, bad.percent),
            ));
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = rates(tx)?;
            settings::put(tx, KEY, &candidate)?;
            audit(tx, &stamp, "update", KEY, 1, Some(&before), Some(&candidate))?;
            Ok(candidate)
        })
    }

    /// The provision as of `as_of`, by bucket of days past due.
    pub fn provision_report(&mut self, as_of: NaiveDate) -> Result<ProvisionReport, AppError> {
        let rates = self.provision_rates()?;
        let aging = self.aging_report(as_of, AgingBasis::DueDate)?;
        let lines: Vec<ProvisionLine> = aging
            .totals
            .buckets
            .0
            .iter()
            .map(|(bucket, open)| {
                let percent = rates.iter().find(|r| &r.bucket == bucket).map_or(Decimal::ZERO, |r| r.percent);
                ProvisionLine { bucket: bucket.clone(), open: *open, percent, provision: provision(*open, percent) }
            })
            .collect();
        Ok(ProvisionReport {
            as_of,
            open: lines.iter().map(|l| l.open).sum(),
            provision: lines.iter().map(|l| l.provision).sum(),
            lines,
        })
    }
}
