use std::path::Path;

use huikuan_domain::typed::parse_date_with_year as parse_date;
use huikuan_domain::{parse_amount_typed, DomainError, Money};
use huikuan_store::tables::customers;

use super::csv_table::{read, read_file};
use super::{ImportSummary, Rejections};
use crate::error::AppError;
use crate::ledger::NewOpeningBalance;
use crate::Books;

pub const COLUMNS: &[&str] = &["customer_code", "date", "amount", "due_date"];

impl Books {
    /// Imports opening balances: customer_code,date,amount,due_date (blank due date: from
    /// the customer's terms; a negative amount is a balance in the customer's favour).
    pub fn import_opening_balances(&mut self, path: &Path) -> Result<ImportSummary, AppError> {
        self.import_opening_balances_csv(&read_file(path)?)
    }

    pub fn import_opening_balances_csv(&mut self, bytes: &[u8]) -> Result<ImportSummary, AppError> {
        let mut bad = Rejections::default();
        let rows = read(bytes, COLUMNS, &mut bad)?;
        let mut parsed = Vec::new();
        for row in &rows {
            let line = row.line;
            let date = bad.field(line, "date", parse_date(row.get("date")));
            let amount = bad.field(line, "amount", parse_amount_typed(row.get("amount")));
            let due = row.get("due_date");
            let due_date =
                if due.is_empty() { Some(None) } else { bad.field(line, "due_date", parse_date(due).map(Some)) };
            if amount.is_some_and(Money::is_zero) {
                let en = format!("amount: {}", DomainError::NotPositive("an opening balance (other than 0)"));
                bad.add(line, en, "金额：期初余额不能为 0");
                continue;
            }
            if let (Some(date), Some(amount), Some(due_date)) = (date, amount, due_date) {
                let input = NewOpeningBalance {
                    customer_code: row.get("customer_code").to_string(),
                    date,
                    amount,
                    due_date,
                    memo: String::new(),
                };
                parsed.push((line, input));
            }
        }
        let stamp = self.stamp();
        let total = rows.len();
        self.store.write_bulk(|tx| {
            for (line, input) in &parsed {
                if customers::by_code(tx, &input.customer_code)?.is_none() {
                    let code = &input.customer_code;
                    bad.add(*line, format!("unknown customer '{code}'"), format!("客户“{code}”不存在"));
                }
            }
            bad.take_result()?;
            for (_, input) in &parsed {
                crate::ledger::record_opening_balance_in_tx(tx, &stamp, input)?;
            }
            Ok(ImportSummary { kind: "opening-balances", rows: total, created: parsed.len(), skipped: Vec::new() })
        })
    }
}
