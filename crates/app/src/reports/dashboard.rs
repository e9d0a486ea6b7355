use chrono::NaiveDate;
use huikuan_domain::{AgingBasis, Money};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use huikuan_store::tables::statements;

use super::aging_report::aging_in;
use super::LimitationRow;
use crate::credit::DueReview;
use crate::error::AppError;
use crate::owed::Kept;
use crate::statements::StatementSummary;
use crate::Books;

/// The figures the owner sees first every morning, as of today.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Dashboard {
    pub as_of: NaiveDate,
    /// The sum of open receivables; customers' credit is shown apart, not netted.
    pub total_receivable: Money,
    pub overdue: Money,
    /// Money customers paid in advance or overpaid.
    pub credit: Money,
    pub customers_owing: u32,
    pub customers_overdue: u32,
    pub buckets: Vec<BucketFigure>,
    pub top_debtors: Vec<Debtor>,
    /// Credit assessments due for review, the longest waiting first.
    pub due_reviews: Vec<DueReview>,
    /// Statements the customer has not answered yet, the longest waiting first.
    pub pending_statements: Vec<StatementSummary>,
    pub pending_statements_total: u32,
    /// Days sales outstanding: what is owed ÷ the last 90 days' sales × 90 (None without sales).
    #[ts(type = "string | null")]
    pub dso_days: Option<Decimal>,
    /// Open receivables whose limitation period ends within 90 days (or has ended), soonest first.
    pub limitation_warnings: Vec<LimitationRow>,
    pub limitation_warnings_total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct BucketFigure {
    pub label: String,
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Debtor {
    pub code: String,
    pub name: String,
    pub balance: Money,
    pub overdue: Money,
}

const TOP_DEBTORS: usize = 10;
const PENDING_SHOWN: u32 = 8;
const LIMITATION_WARN_DAYS: i64 = 90;
const LIMITATION_SHOWN: usize = 10;
const NOT_DUE: &str = "not_due";

/// The company's DSO as of `as_of`: the balance owed ÷ the sales (deliveries and charges)
/// of the 90 days to `as_of` × 90, to one decimal.
fn company_dso(tx: &huikuan_store::Transaction, as_of: NaiveDate, owed: Money) -> Result<Option<Decimal>, AppError> {
    let sales = huikuan_store::tables::entries::sales_between(tx, as_of - chrono::Duration::days(89), as_of)?;
    if !sales.is_positive() {
        return Ok(None);
    }
    let dso = Decimal::from(owed.cents().max(0)) * Decimal::from(90) / Decimal::from(sales.cents());
    Ok(Some(dso.round_dp(1)))
}

impl Books {
    pub fn dashboard(&mut self) -> Result<Dashboard, AppError> {
        self.dashboard_as_of(self.clock.today())
    }

    /// The dashboard's figures as they stood on `as_of` (statements pending and reviews due
    /// are as they are now: they have no history).
    pub fn dashboard_as_of(&mut self, as_of: NaiveDate) -> Result<Dashboard, AppError> {
        let offset = self.clock.utc_offset();
        // What was owed on the day is settled once, for the aging figures and for the
        // limitation warnings both.
        let (report, mut ending, dso) = self.store.read(|tx| {
            let kept = Kept::as_of(tx, as_of)?;
            let report = aging_in(tx, &kept, AgingBasis::DueDate)?;
            let ending = super::limitation::ending_within(tx, &kept, LIMITATION_WARN_DAYS, offset)?;
            let dso = company_dso(tx, as_of, report.totals.balance)?;
            Ok::<_, AppError>((report, ending, dso))
        })?;
        let (pending, pending_total) = self.store.read(|tx| statements::pending(tx, PENDING_SHOWN))?;
        let ending_total = ending.len() as u32;
        ending.truncate(LIMITATION_SHOWN);
        let overdue_of = |buckets: &crate::BucketAmounts| -> Money {
            buckets.0.iter().filter(|(label, _)| label != NOT_DUE).map(|(_, amount)| *amount).sum()
        };
        let mut debtors: Vec<Debtor> = report
            .customers
            .iter()
            .filter(|c| c.balance.is_positive())
            .map(|c| Debtor {
                code: c.code.clone(),
                name: c.name.clone(),
                balance: c.balance,
                overdue: overdue_of(&c.buckets),
            })
            .collect();
        let customers_owing = debtors.len() as u32;
        let customers_overdue = debtors.iter().filter(|d| d.overdue.is_positive()).count() as u32;
        debtors.sort_by(|a, b| b.balance.cmp(&a.balance).then_with(|| a.code.cmp(&b.code)));
        debtors.truncate(TOP_DEBTORS);
        let buckets = report
            .totals
            .buckets
            .0
            .iter()
            .map(|(label, amount)| BucketFigure { label: label.clone(), amount: *amount })
            .collect();
        Ok(Dashboard {
            as_of,
            total_receivable: report.totals.buckets.0.iter().map(|(_, amount)| *amount).sum(),
            overdue: overdue_of(&report.totals.buckets),
            credit: report.totals.credit,
            customers_owing,
            customers_overdue,
            buckets,
            top_debtors: debtors,
            due_reviews: self.store.read(|tx| crate::credit::due_reviews(tx, as_of))?,
            pending_statements: pending.into_iter().map(StatementSummary::of).collect(),
            pending_statements_total: pending_total as u32,
            limitation_warnings: ending,
            limitation_warnings_total: ending_total,
            dso_days: dso,
        })
    }
}
