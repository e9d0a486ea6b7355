use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use huikuan_domain::customer::clean_text;
use huikuan_domain::line::{line_amount, parse_quantity, parse_unit_price};
use huikuan_domain::typed::parse_date_with_year as parse_date;
use huikuan_domain::EntryKind;
use huikuan_domain::Money;
use huikuan_store::tables::entries;

use super::csv_table::{read, read_file};
use super::{ImportSummary, Rejections, Said};
use crate::error::AppError;
use crate::ledger::{NewDelivery, NewDeliveryLine};
use crate::Books;

pub const COLUMNS: &[&str] = &["number", "customer_code", "date", "item", "quantity", "unit_price", "due_date"];

/// The header of a delivery as its first row states it; later rows must agree.
struct Group {
    first_line: u64,
    lines: Vec<u64>,
    customer_code: String,
    date: Option<NaiveDate>,
    due_text: String,
    delivery: Option<NewDelivery>,
    total: Money,
}

impl Books {
    /// Imports issued delivery notes: number,customer_code,date,item,quantity,unit_price,due_date.
    /// Rows sharing a number are the lines of one note; blank due date: from the terms.
    /// Each note passes the credit check in file order; the rows of a blocked note are
    /// rejected (and nothing imported) unless `override_reason` lets them through.
    pub fn import_deliveries(&mut self, path: &Path, override_reason: Option<&str>) -> Result<ImportSummary, AppError> {
        self.import_deliveries_csv(&read_file(path)?, override_reason)
    }

    pub fn import_deliveries_csv(
        &mut self,
        bytes: &[u8],
        override_reason: Option<&str>,
    ) -> Result<ImportSummary, AppError> {
        let mut bad = Rejections::default();
        let rows = read(bytes, COLUMNS, &mut bad)?;
        let mut order: Vec<String> = Vec::new();
        let mut groups: HashMap<String, Group> = HashMap::new();
        for row in &rows {
            let line = row.line;
            let number = row.get("number").to_string();
            if bad.check(line, crate::ledger::check_given_number(&number)).is_none() {
                continue;
            }
            let date = bad.field(line, "date", parse_date(row.get("date")));
            let due_text = row.get("due_date").to_string();
            let due_date = if due_text.is_empty() {
                Some(None)
            } else {
                bad.field(line, "due_date", parse_date(&due_text).map(Some))
            };
            if let (Some(date), Some(Some(due))) = (date, due_date) {
                if due < date {
                    bad.add(
                        line,
                        format!("due_date {due} is before the date {date}"),
                        format!("到期日 {due} 早于日期 {date}"),
                    );
                }
            }
            let item = match bad.field(line, "item", clean_text("item", row.get("item"))) {
                Some(item) if item.is_empty() => {
                    bad.add(line, "item must not be empty", "品名不能为空");
                    None
                }
                item => item,
            };
            let quantity = bad.field(line, "quantity", parse_quantity(row.get("quantity")));
            let unit_price = bad.field(line, "unit_price", parse_unit_price(row.get("unit_price")));
            let customer_code = row.get("customer_code").to_string();

            let group = groups.entry(number.clone()).or_insert_with(|| {
                order.push(number.clone());
                Group {
                    first_line: line,
                    lines: Vec::new(),
                    customer_code: customer_code.clone(),
                    date,
                    due_text: due_text.clone(),
                    delivery: date.zip(due_date).map(|(date, due_date)| NewDelivery {
                        customer_code: customer_code.clone(),
                        date,
                        due_date,
                        number: Some(number.clone()),
                        contact_name: String::new(),
                        address: String::new(),
                        memo: String::new(),
                        lines: Vec::new(),
                        override_reason: override_reason.map(str::to_string),
                    }),
                    total: Money::ZERO,
                }
            });
            group.lines.push(line);
            let first = group.first_line;
            if !group.customer_code.eq_ignore_ascii_case(&customer_code) {
                let code = &group.customer_code;
                bad.add(
                    line,
                    format!("delivery '{number}' is for customer '{code}' on line {first}"),
                    format!("送货单“{number}”在第 {first} 行是客户“{code}”的"),
                );
            }
            if date.is_some() && group.date.is_some() && group.date != date {
                bad.add(
                    line,
                    format!("delivery '{number}' is dated differently on line {first}"),
                    format!("送货单“{number}”在第 {first} 行的日期不同"),
                );
            }
            if group.due_text != due_text {
                bad.add(
                    line,
                    format!("delivery '{number}' has a different due_date on line {first}"),
                    format!("送货单“{number}”在第 {first} 行的到期日不同"),
                );
            }
            let amount = quantity.zip(unit_price).and_then(|(q, p)| bad.field(line, "amount", line_amount(q, p)));
            group.total += amount.unwrap_or(Money::ZERO);
            match (group.delivery.as_mut(), item, quantity, unit_price, amount) {
                (Some(delivery), Some(item), Some(quantity), Some(unit_price), Some(_)) => {
                    delivery.lines.push(NewDeliveryLine {
                        item,
                        spec: String::new(),
                        unit: String::new(),
                        quantity,
                        unit_price,
                    });
                }
                _ => group.delivery = None,
            }
        }
        for number in &order {
            let group = &groups[number];
            if group.delivery.is_some() && group.total.is_zero() {
                bad.add(
                    group.first_line,
                    format!("delivery '{number}' has a total of 0 and cannot be issued"),
                    format!("送货单“{number}”合计为 0，不能开具"),
                );
            }
        }
        let stamp = self.stamp();
        let row_count = rows.len();
        self.store.write_bulk(|tx| {
            let mut batch = crate::ledger::DeliveryBatch::new(tx)?;
            for number in &order {
                let group = &groups[number];
                if batch.find(tx, &group.customer_code)?.is_none() {
                    for line in &group.lines {
                        let code = &group.customer_code;
                        bad.add(*line, format!("unknown customer '{code}'"), format!("客户“{code}”不存在"));
                    }
                }
                if entries::by_number(tx, EntryKind::Delivery, number)?.is_some() {
                    for line in &group.lines {
                        bad.add(
                            *line,
                            format!("delivery number '{number}' already exists"),
                            format!("送货单编号“{number}”已存在"),
                        );
                    }
                }
            }
            bad.take_result()?;
            for number in &order {
                let group = &groups[number];
                let delivery = group.delivery.as_ref().expect("every bad row was rejected above");
                let issued = crate::ledger::create_delivery_in_batch(
                    tx,
                    &stamp,
                    delivery,
                    crate::ledger::Issue::Unprinted,
                    Some(&mut batch),
                );
                match issued {
                    Ok(_) => {}
                    // A blocked note is reported and left out, so that the notes after it are
                    // checked as they would be without it; nothing is committed in the end.
                    Err(e @ AppError::CreditBlocked(_)) => {
                        for line in &group.lines {
                            bad.add(*line, e.en(), e.zh());
                        }
                    }
                    Err(e) => {
                        bad.add(group.first_line, e.en(), e.zh());
                        break;
                    }
                }
            }
            bad.take_result()?;
            Ok(ImportSummary { kind: "deliveries", rows: row_count, created: order.len(), skipped: Vec::new() })
        })
    }
}
