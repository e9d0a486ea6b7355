use chrono::NaiveDate;
use huikuan_domain::line::{line_amount, parse_quantity, parse_unit_price};
use huikuan_domain::{Money, PaymentTerms};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{date, optional_date, Check};
use crate::books::customer_by_code;
use crate::credit::CreditCheck;
use crate::error::AppError;
use crate::ledger::{NewDelivery, NewDeliveryLine};
use crate::{Books, DeliveryNote};

/// The new-delivery-note form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DeliveryForm {
    pub customer_code: String,
    pub date: String,
    /// Blank: from the customer's payment terms.
    pub due_date: String,
    pub contact_name: String,
    pub address: String,
    pub memo: String,
    pub lines: Vec<LineForm>,
    /// Filled in only after the credit check blocked the note: why to issue it anyway.
    pub override_reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct LineForm {
    pub item: String,
    pub spec: String,
    pub unit: String,
    pub quantity: String,
    pub unit_price: String,
}

impl LineForm {
    fn is_blank(&self) -> bool {
        [&self.item, &self.spec, &self.unit, &self.quantity, &self.unit_price].iter().all(|t| t.trim().is_empty())
    }
}

/// What the form would issue, computed as the user types: each line's amount (None while
/// the line cannot be priced), the total and the due date from the customer's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeliveryPreview {
    pub lines: Vec<LinePreview>,
    pub total: Money,
    pub terms: Option<PaymentTerms>,
    pub due_date: Option<NaiveDate>,
    /// What the credit check says of the note so far; None until it has a date and a total.
    pub credit: Option<CreditCheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinePreview {
    pub amount: Option<Money>,
}

fn line_price(line: &LineForm) -> Option<Money> {
    let quantity = parse_quantity(&line.quantity).ok()?;
    let unit_price = parse_unit_price(&line.unit_price).ok()?;
    line_amount(quantity, unit_price).ok()
}

impl DeliveryForm {
    /// The rows the user filled in, by their place in the form.
    fn filled_rows(&self) -> Vec<usize> {
        (0..self.lines.len()).filter(|&i| !self.lines[i].is_blank()).collect()
    }

    /// Every field checked, every refusal returned at once.
    fn to_new_delivery(&self, rows: &[usize], today: NaiveDate) -> Result<NewDelivery, AppError> {
        let mut check = Check::default();
        if self.customer_code.trim().is_empty() {
            check.take::<()>(Err(AppError::rule(Some("customer_code".into()), "choose the customer", "请选择客户")));
        }
        let date = check.take(date("date", &self.date, today));
        let due_date = check.take(optional_date("due_date", &self.due_date, today));
        let lines: Vec<Option<NewDeliveryLine>> = rows.iter().map(|&i| self.line(i, &mut check)).collect();
        check.done()?;
        Ok(NewDelivery {
            customer_code: self.customer_code.clone(),
            date: date.expect("checked"),
            due_date: due_date.expect("checked"),
            number: None,
            contact_name: self.contact_name.clone(),
            address: self.address.clone(),
            memo: self.memo.clone(),
            lines: lines.into_iter().map(|l| l.expect("checked")).collect(),
            override_reason: Some(self.override_reason.clone()).filter(|r| !r.trim().is_empty()),
        })
    }

    /// Row `i` of the form, each of its refusals kept in `check`.
    fn line(&self, i: usize, check: &mut Check) -> Option<NewDeliveryLine> {
        let l = &self.lines[i];
        let at = |field: &str| format!("lines.{i}.{field}");
        if l.item.trim().is_empty() {
            let n = i + 1;
            check.take::<()>(Err(AppError::rule(
                Some(at("item")),
                format!("line {n}: the item must not be empty"),
                format!("第 {n} 行：品名不能为空"),
            )));
        }
        let quantity = check
            .take(parse_quantity(&l.quantity).map_err(|e| AppError::invalid("quantity")(e).at_field(at("quantity"))));
        let unit_price = check.take(
            parse_unit_price(&l.unit_price).map_err(|e| AppError::invalid("unit_price")(e).at_field(at("unit_price"))),
        );
        Some(NewDeliveryLine {
            item: l.item.clone(),
            spec: l.spec.clone(),
            unit: l.unit.clone(),
            quantity: quantity?,
            unit_price: unit_price?,
        })
    }
}

impl Books {
    pub fn preview_delivery(&mut self, form: &DeliveryForm) -> Result<DeliveryPreview, AppError> {
        let lines: Vec<LinePreview> = form.lines.iter().map(|l| LinePreview { amount: line_price(l) }).collect();
        let total = lines.iter().filter_map(|l| l.amount).sum();
        let code = form.customer_code.trim();
        let today = self.clock.today();
        let doc_date = date("date", &form.date, today).ok();
        let given_due = optional_date("due_date", &form.due_date, today).ok().flatten();
        if code.is_empty() {
            return Ok(DeliveryPreview { lines, total, terms: None, due_date: given_due, credit: None });
        }
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let terms = customer.fields.payment_terms;
            let due_date = given_due.or_else(|| Some(terms.due_date(doc_date?)));
            // Checked as the user types, so a block shows before the note is issued.
            let credit = match (doc_date, due_date) {
                (Some(doc), Some(due)) if total.is_positive() => {
                    Some(crate::credit::check_in_tx(tx, &customer, doc, due, total)?)
                }
                _ => None,
            };
            Ok(DeliveryPreview { lines, total, terms: Some(terms), due_date, credit })
        })
    }

    /// Issues the delivery note the form describes; blank lines are left out.
    pub fn create_delivery_form(&mut self, form: DeliveryForm) -> Result<DeliveryNote, AppError> {
        let rows = form.filled_rows();
        let input = form.to_new_delivery(&rows, self.clock.today())?;
        self.create_delivery(input).map_err(|e| blame_form_line(e, &rows))
    }
}

/// The use case counts only the lines it was given; the user sees the form's rows, blank
/// ones included, so a line's error is moved to the row it came from.
fn blame_form_line(error: AppError, kept: &[usize]) -> AppError {
    let Some(field) = error.field() else { return error };
    let mut parts = field.splitn(3, '.');
    match (parts.next(), parts.next().and_then(|n| n.parse::<usize>().ok()), parts.next()) {
        (Some("lines"), Some(index), Some(rest)) if index < kept.len() => {
            error.at_field(format!("lines.{}.{rest}", kept[index]))
        }
        _ => error,
    }
}
