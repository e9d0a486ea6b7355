use chrono::NaiveDate;
use huikuan_domain::aging::{AgingBasis, AgingRow, BucketScheme};
use huikuan_domain::Money;
use huikuan_store::tables::customers;
use huikuan_store::Transaction;
use serde::Serialize;

use crate::error::AppError;
use crate::owed::Kept;
use crate::views::BucketAmounts;
use crate::Books;
use ts_rs::TS;

/// The aging report; its JSON is the `report aging` contract.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AgingReport {
    pub as_of: NaiveDate,
    pub buckets: Vec<String>,
    pub customers: Vec<AgingCustomer>,
    pub totals: AgingTotals,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AgingCustomer {
    pub code: String,
    pub name: String,
    pub balance: Money,
    pub credit: Money,
    #[ts(type = "Record<string, Money>")]
    pub buckets: BucketAmounts,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AgingTotals {
    pub balance: Money,
    pub credit: Money,
    #[ts(type = "Record<string, Money>")]
    pub buckets: BucketAmounts,
}

fn labelled(labels: &[String], row: &AgingRow) -> BucketAmounts {
    BucketAmounts(labels.iter().cloned().zip(row.buckets.iter().copied()).collect())
}

impl Books {
    /// Every customer with an entry dated on or before `as_of`, sorted by code, with the
    /// open part of each receivable in its bucket and any surplus as credit.
    pub fn aging_report(&mut self, as_of: NaiveDate, basis: AgingBasis) -> Result<AgingReport, AppError> {
        self.store.read(|tx| aging_in(tx, &Kept::as_of(tx, as_of)?, basis))
    }
}

/// The aging report as of the date of `kept`.
pub(crate) fn aging_in(tx: &Transaction, kept: &Kept, basis: AgingBasis) -> Result<AgingReport, AppError> {
    let scheme = BucketScheme::default();
    let labels = scheme.labels();
    let mut totals = AgingRow::empty(&scheme);
    let mut rows = Vec::new();
    for (id, code, name) in customers::names(tx)? {
        let Some(row) = kept.aging(id, &scheme, basis) else {
            continue;
        };
        totals.add(&row);
        rows.push(AgingCustomer {
            code,
            name,
            balance: row.balance(),
            credit: row.credit,
            buckets: labelled(&labels, &row),
        });
    }
    Ok(AgingReport {
        as_of: kept.date(),
        totals: AgingTotals { balance: totals.balance(), credit: totals.credit, buckets: labelled(&labels, &totals) },
        buckets: labels.clone(),
        customers: rows,
    })
}
