//! The write-offs (坏账核销) recorded in a period: kept forever, listed with their reasons.

use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money};
use huikuan_store::tables::entries;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, Serialize, TS)]
pub struct WriteOffLine {
    pub number: String,
    pub date: NaiveDate,
    pub code: String,
    pub name: String,
    /// The receivable written off.
    pub receivable: String,
    pub amount: Money,
    pub reason: String,
    pub operator: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct WriteOffReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lines: Vec<WriteOffLine>,
    pub total: Money,
}

impl Books {
    /// Write-offs dated from `from` to `to`, oldest first.
    pub fn write_offs(&mut self, from: NaiveDate, to: NaiveDate) -> Result<WriteOffReport, AppError> {
        self.store.read(|tx| {
            let found = entries::of_kind_between(tx, EntryKind::WriteOff, from, to)?;
            let targets: Vec<i64> = found.iter().filter_map(|(e, _, _)| e.corrects_entry_id).collect();
            let numbers = entries::numbers(tx, &targets)?;
            let lines: Vec<WriteOffLine> = found
                .into_iter()
                .map(|(e, code, name)| WriteOffLine {
                    receivable: e.corrects_entry_id.and_then(|id| numbers.get(&id).cloned()).unwrap_or_default(),
                    number: e.number,
                    date: e.doc_date,
                    code,
                    name,
                    amount: e.amount,
                    reason: e.memo,
                    operator: e.operator,
                })
                .collect();
            Ok(WriteOffReport { from, to, total: lines.iter().map(|l| l.amount).sum(), lines })
        })
    }
}
