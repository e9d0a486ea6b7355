//! Statements as the app shows them.

use chrono::NaiveDate;
use huikuan_domain::{Money, Period};
use huikuan_store::tables::sendings::Sending;
use huikuan_store::tables::statements::{self, Outcome, StatementRow};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;

/// Where a statement stands with the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatementStatus {
    /// Issued, no answer yet: chased like money.
    Pending,
    Confirmed,
    Disputed,
    /// A corrected statement replaced it.
    Superseded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatementSummary {
    pub number: String,
    pub customer_code: String,
    pub customer_name: String,
    pub period: Period,
    pub issued_on: NaiveDate,
    pub opening: Money,
    pub debits: Money,
    pub credits: Money,
    pub closing: Money,
    pub status: StatementStatus,
    pub sent: bool,
    pub superseded_by: Option<String>,
}

impl StatementSummary {
    pub fn of(row: StatementRow) -> StatementSummary {
        let status = match (row.superseded_by.is_some(), row.outcome.as_deref()) {
            (true, _) => StatementStatus::Superseded,
            (false, Some("confirmed")) => StatementStatus::Confirmed,
            (false, Some("disputed")) => StatementStatus::Disputed,
            _ => StatementStatus::Pending,
        };
        let s = row.statement;
        StatementSummary {
            number: s.number,
            customer_code: row.customer_code,
            customer_name: row.customer_name,
            period: s.period,
            issued_on: s.issued_on,
            opening: s.opening,
            debits: s.debits,
            credits: s.credits,
            closing: s.closing,
            status,
            sent: row.sent_count > 0,
            superseded_by: row.superseded_by,
        }
    }
}

/// One statement with the customer's answer and how it was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatementView {
    pub summary: StatementSummary,
    /// The statement this one corrects.
    pub supersedes: Option<String>,
    pub outcome: Option<Outcome>,
    pub sendings: Vec<Sending>,
}

pub(crate) fn statement_view(tx: &Transaction, id: i64) -> Result<StatementView, AppError> {
    let row = statements::row_of(tx, id)?;
    let supersedes = row.statement.supersedes_id.map(|old| statements::get(tx, old)).transpose()?.map(|s| s.number);
    let outcome = statements::outcome_of(tx, id)?;
    let sendings = huikuan_store::tables::sendings::of_document(tx, row.statement.document_id)?;
    Ok(StatementView { summary: StatementSummary::of(row), supersedes, outcome, sendings })
}
