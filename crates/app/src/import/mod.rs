//! CSV import of a user's old spreadsheet: all-or-nothing. Every row is checked, those the
//! database must judge too (unknown customer, taken code or number), inside the write
//! transaction; if any row is bad nothing is written and every bad row is reported as
//! `line N: reason`.

pub(crate) mod csv_table;
mod import_customers;
mod import_deliveries;
mod import_opening_balances;
mod import_payments;

use std::collections::HashMap;

use serde::Serialize;

use huikuan_domain::{DocLanguage, DomainError};

use crate::error::{AppError, Refusal, RowError};
use crate::messages::{domain_zh, field_zh};

pub use import_customers::COLUMNS as CUSTOMER_COLUMNS;
pub use import_deliveries::COLUMNS as DELIVERY_COLUMNS;
pub use import_opening_balances::COLUMNS as OPENING_BALANCE_COLUMNS;
pub use import_payments::COLUMNS as PAYMENT_COLUMNS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportSummary {
    pub kind: &'static str,
    /// Data rows read from the file.
    pub rows: usize,
    /// Records written: customers, entries, or delivery notes (several rows each).
    pub created: usize,
    /// Rows of the file left out on purpose (total rows), each with its row and why; the
    /// `import_*_csv` paths read every row, so theirs is empty.
    pub skipped: Vec<SkippedRow>,
}

/// A row of the user's file left out of an import, and why, in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SkippedRow {
    pub line: u64,
    pub reason: String,
    pub reason_zh: String,
}

/// Collects row errors; the import proceeds only when it stays empty.
#[derive(Default)]
pub(crate) struct Rejections(Vec<RowError>);

impl Rejections {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn add(&mut self, line: u64, en: impl Into<String>, zh: impl Into<String>) {
        self.0.push(RowError::new(line, en, zh));
    }

    /// Records the error of a field, keeping the row going so all its errors are listed.
    pub fn check<T, E: Said>(&mut self, line: u64, result: Result<T, E>) -> Option<T> {
        result.map_err(|e| self.add(line, e.en(), e.zh())).ok()
    }

    /// Like `check`, naming the column unless the message already names it.
    pub fn field<T, E: Said>(&mut self, line: u64, column: &str, result: Result<T, E>) -> Option<T> {
        result
            .map_err(|e| {
                let (en, zh) = (e.en(), e.zh());
                let readable = column.replace('_', " ");
                let en =
                    if en.starts_with(column) || en.starts_with(&readable) { en } else { format!("{column}: {en}") };
                let name_zh = field_zh(column);
                let zh = if zh.contains(name_zh) { zh } else { format!("{name_zh}：{zh}") };
                self.add(line, en, zh)
            })
            .ok()
    }

    /// The rejections so far as an error, if there are any (and then none are left here).
    pub fn take_result(&mut self) -> Result<(), AppError> {
        if self.0.is_empty() {
            return Ok(());
        }
        let mut rows = std::mem::take(&mut self.0);
        rows.sort_by_key(|e| e.line);
        Err(AppError::ImportRejected(rows))
    }
}

/// A row's problem, said in English (the CLI's words) and in Chinese.
pub(crate) trait Said {
    fn en(&self) -> String;
    fn zh(&self) -> String;
}

impl Said for DomainError {
    fn en(&self) -> String {
        self.to_string()
    }
    fn zh(&self) -> String {
        domain_zh(self)
    }
}

impl Said for AppError {
    fn en(&self) -> String {
        self.to_string()
    }
    fn zh(&self) -> String {
        self.message_in(DocLanguage::Zh)
    }
}

impl Said for Refusal {
    fn en(&self) -> String {
        self.en.clone()
    }
    fn zh(&self) -> String {
        self.zh.clone()
    }
}

/// The line each key (a code, a number) was first seen on, to report duplicates in a file.
#[derive(Default)]
pub(crate) struct FirstSeen(HashMap<String, u64>);

impl FirstSeen {
    /// The earlier line of `key`, or None after recording this line as its first.
    pub fn earlier(&mut self, key: String, line: u64) -> Option<u64> {
        match self.0.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => Some(*first.get()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(line);
                None
            }
        }
    }
}
