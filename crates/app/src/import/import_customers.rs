use std::path::Path;

use huikuan_domain::customer::{clean_text, validate_code, validate_name};
use huikuan_domain::typed::parse_kind_typed;
use huikuan_domain::{parse_amount_typed, parse_terms_typed, CustomerKind, DomainError, Money, PaymentTerms};
use huikuan_store::tables::customers;

use super::csv_table::{read, read_file};
use super::{FirstSeen, ImportSummary, Rejections, Said};
use crate::books::audit;
use crate::error::{AppError, Refusal};
use crate::messages::{domain_zh, field_zh};
use crate::{Books, CustomerFields};

pub const COLUMNS: &[&str] =
    &["code", "name", "kind", "phone", "address", "payment_terms", "credit_limit", "salesperson"];

fn parse_kind(text: &str) -> Result<CustomerKind, DomainError> {
    if text.is_empty() {
        Ok(CustomerKind::Other)
    } else {
        parse_kind_typed(text)
    }
}

fn parse_terms(text: &str) -> Result<PaymentTerms, Refusal> {
    if text.is_empty() {
        return Err(Refusal {
            field: None,
            en: "payment_terms must not be empty (cod, net:N or eom:N)".into(),
            zh: "付款条件不能为空（如 货到付款、30天、月结30天）".into(),
        });
    }
    parse_terms_typed(text).map_err(|e| in_column("payment_terms", e))
}

fn parse_limit(text: &str) -> Result<Money, Refusal> {
    if text.is_empty() {
        return Ok(Money::ZERO);
    }
    let limit: Money = parse_amount_typed(text).map_err(|e| in_column("credit_limit", e))?;
    if limit.is_negative() {
        let zh = domain_zh(&DomainError::Negative("credit_limit"));
        return Err(Refusal { field: None, en: "credit_limit must not be negative".into(), zh });
    }
    Ok(limit)
}

/// A column's error, named by the column as the CLI has always said it (in Chinese, unless
/// the message names it already).
fn in_column(column: &str, e: DomainError) -> Refusal {
    let (name_zh, zh) = (field_zh(column), domain_zh(&e));
    let zh = if zh.contains(name_zh) { zh } else { format!("{name_zh}：{zh}") };
    Refusal { field: None, en: format!("{column}: {e}"), zh }
}

impl Books {
    /// Imports customers: code,name,kind,phone,address,payment_terms,credit_limit,salesperson.
    pub fn import_customers(&mut self, path: &Path) -> Result<ImportSummary, AppError> {
        self.import_customers_csv(&read_file(path)?)
    }

    pub fn import_customers_csv(&mut self, bytes: &[u8]) -> Result<ImportSummary, AppError> {
        let mut bad = Rejections::default();
        let rows = read(bytes, COLUMNS, &mut bad)?;
        let mut parsed = Vec::new();
        let mut seen = FirstSeen::default();
        for row in &rows {
            let line = row.line;
            let code = bad.field(line, "code", validate_code(row.get("code")));
            let name = bad.field(line, "name", validate_name(row.get("name")));
            let kind = bad.field(line, "kind", parse_kind(row.get("kind")));
            let terms = bad.check(line, parse_terms(row.get("payment_terms")));
            let limit = bad.check(line, parse_limit(row.get("credit_limit")));
            let phone = bad.check(line, clean_text("phone", row.get("phone")));
            let address = bad.check(line, clean_text("address", row.get("address")));
            let salesperson = bad.check(line, clean_text("salesperson", row.get("salesperson")));
            // ASCII-only folding, as the database's COLLATE NOCASE does.
            if let Some(code) = &code {
                if let Some(first) = seen.earlier(code.to_ascii_lowercase(), line) {
                    bad.add(
                        line,
                        format!("duplicate code '{code}' (also on line {first})"),
                        format!("客户编号“{code}”重复（第 {first} 行也有）"),
                    );
                }
            }
            if let (
                Some(code),
                Some(name),
                Some(kind),
                Some(terms),
                Some(limit),
                Some(phone),
                Some(address),
                Some(sp),
            ) = (code, name, kind, terms, limit, phone, address, salesperson)
            {
                let mut fields = CustomerFields::new(&code, &name);
                fields.kind = kind;
                fields.payment_terms = terms;
                fields.credit_limit = limit;
                fields.phone = phone;
                fields.address = address;
                fields.salesperson = sp;
                parsed.push((line, fields));
            }
        }
        let stamp = self.stamp();
        let total = rows.len();
        self.store.write_bulk(|tx| {
            for (line, fields) in &parsed {
                if customers::by_code(tx, &fields.code)?.is_some() {
                    let taken = AppError::Store(huikuan_store::StoreError::CustomerCodeTaken(fields.code.clone()));
                    bad.add(*line, format!("customer code '{}' already exists", fields.code), taken.zh());
                }
            }
            bad.take_result()?;
            for (_, fields) in &parsed {
                let id = customers::insert(tx, fields, &stamp)?;
                audit(tx, &stamp, "import", "customer", id, None::<&()>, Some(fields))?;
            }
            Ok(ImportSummary { kind: "customers", rows: total, created: parsed.len(), skipped: Vec::new() })
        })
    }
}
