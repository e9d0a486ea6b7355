use std::path::Path;

use huikuan_domain::typed::{parse_date_with_year as parse_date, parse_method_typed};
use huikuan_domain::{parse_amount_typed, EntryKind, Money};
use huikuan_store::tables::{customers, entries};

use super::csv_table::{read, read_file};
use super::{FirstSeen, ImportSummary, Rejections};
use crate::error::{AppError, Refusal};
use crate::ledger::NewPayment;
use crate::Books;

pub const COLUMNS: &[&str] = &["number", "customer_code", "date", "amount", "method", "reference"];

fn parse_amount(text: &str) -> Result<Money, Refusal> {
    let amount: Money = parse_amount_typed(text).map_err(|e| Refusal {
        field: None,
        en: format!("amount: {e}"),
        zh: format!("金额：{}", crate::messages::domain_zh(&e)),
    })?;
    if !amount.is_positive() {
        let zh = crate::messages::domain_zh(&huikuan_domain::DomainError::NotPositive("amount"));
        return Err(Refusal { field: None, en: "amount must be greater than 0".into(), zh });
    }
    Ok(amount)
}

impl Books {
    /// Imports payments: number,customer_code,date,amount,method,reference. Each settles
    /// its customer's open items oldest-first.
    pub fn import_payments(&mut self, path: &Path) -> Result<ImportSummary, AppError> {
        self.import_payments_csv(&read_file(path)?)
    }

    pub fn import_payments_csv(&mut self, bytes: &[u8]) -> Result<ImportSummary, AppError> {
        let mut bad = Rejections::default();
        let rows = read(bytes, COLUMNS, &mut bad)?;
        let mut parsed = Vec::new();
        let mut seen = FirstSeen::default();
        for row in &rows {
            let line = row.line;
            let number = row.get("number").to_string();
            if number.is_empty() {
                bad.add(line, "number must not be empty", "编号不能为空");
            } else {
                if let Some(first) = seen.earlier(number.clone(), line) {
                    bad.add(
                        line,
                        format!("duplicate number '{number}' (also on line {first})"),
                        format!("编号“{number}”重复（第 {first} 行也有）"),
                    );
                }
                bad.check(line, crate::ledger::check_given_number(&number));
            }
            let date = bad.field(line, "date", parse_date(row.get("date")));
            let amount = bad.check(line, parse_amount(row.get("amount")));
            let method = bad.field(line, "method", parse_method_typed(row.get("method")));
            if let (Some(date), Some(amount), Some(method), false) = (date, amount, method, number.is_empty()) {
                let input = NewPayment {
                    customer_code: row.get("customer_code").to_string(),
                    date,
                    amount,
                    method,
                    reference: row.get("reference").to_string(),
                    memo: String::new(),
                    number: Some(number),
                    allocations: Vec::new(),
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
                if let Some(number) = &input.number {
                    if entries::by_number(tx, EntryKind::Payment, number)?.is_some() {
                        bad.add(
                            *line,
                            format!("payment number '{number}' already exists"),
                            format!("收款编号“{number}”已存在"),
                        );
                    }
                }
            }
            bad.take_result()?;
            for (_, input) in &parsed {
                crate::ledger::post_payment_in_tx(tx, &stamp, input)?;
            }
            Ok(ImportSummary { kind: "payments", rows: total, created: parsed.len(), skipped: Vec::new() })
        })
    }
}
