use chrono::NaiveDate;
use huikuan_domain::{DocLanguage, DomainError, Money, PaymentMethod};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{amount, date, field_messages, Check};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::ledger::{
    open_items_in_tx, payment_settles, AppliedAmount, ManualAllocation, NewPayment, OpenItem, PaymentReceipt,
};
use crate::messages::FieldMessage;
use crate::Books;

/// The record-payment form. Allocations typed by hand apply first; the rest of the payment
/// settles the oldest open items.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PaymentForm {
    pub customer_code: String,
    pub date: String,
    pub amount: String,
    pub method: Option<PaymentMethod>,
    pub reference: String,
    pub memo: String,
    pub allocations: Vec<AllocationForm>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AllocationForm {
    pub receivable: String,
    pub amount: String,
}

/// The customer's open items and how the payment in the form would settle them, as typed:
/// the amounts typed against rows first, the rest oldest first. A typed amount that cannot
/// apply (more than is open on its row, not an amount) is refused on its row here, before
/// saving, and left out of the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PaymentPreview {
    pub open_items: Vec<OpenItem>,
    pub open_total: Money,
    pub applied: Vec<AppliedAmount>,
    /// What the payment settles: the sum of `applied`.
    pub allocated: Money,
    /// What is left of the payment: the customer's credit once recorded.
    pub unapplied: Money,
    /// Each typed row that cannot apply, said beside it in the user's language.
    pub refusals: Vec<FieldMessage>,
}

impl PaymentForm {
    /// The rows typed against receivables: the ones that apply, in the order typed, and a
    /// refusal for each one that cannot (checked by the rule that records the payment).
    fn manual(&self, items: &[OpenItem], payment: Option<Money>) -> (Vec<ManualAllocation>, Vec<AppError>) {
        let mut accepted: Vec<ManualAllocation> = Vec::new();
        let mut refused = Vec::new();
        for row in self.allocations.iter().filter(|a| !a.amount.trim().is_empty()) {
            let at = format!("allocations.{}", row.receivable.trim());
            let part = match amount("amount", &row.amount) {
                Ok(part) => part,
                Err(e) => {
                    refused.push(e.at_field(at));
                    continue;
                }
            };
            accepted.push(ManualAllocation { receivable: row.receivable.clone(), amount: part });
            // Without a payment amount yet, the rows are checked against what is open only.
            let typed: Money = accepted.iter().map(|a| a.amount).sum();
            if let Err(e) = payment_settles(items, payment.unwrap_or(typed), &accepted) {
                accepted.pop();
                refused.push(e.at_field(at));
            }
        }
        (accepted, refused)
    }

    /// Every field checked, every refusal returned at once.
    /// `items` are the customer's open items, or why the customer cannot be read.
    fn to_new_payment(&self, items: Result<Vec<OpenItem>, AppError>, today: NaiveDate) -> Result<NewPayment, AppError> {
        let mut check = Check::default();
        let items = check.take(items).unwrap_or_default();
        let date = check.take(date("date", &self.date, today));
        let paid = check.take(amount("amount", &self.amount).and_then(|a| positive("amount", a)));
        let (allocations, refused) = self.manual(&items, paid);
        refused.into_iter().for_each(|e| _ = check.take::<()>(Err(e)));
        check.done()?;
        Ok(NewPayment {
            customer_code: self.customer_code.clone(),
            date: date.expect("checked"),
            amount: paid.expect("checked"),
            method: self.method.unwrap_or(PaymentMethod::Bank),
            reference: self.reference.clone(),
            memo: self.memo.clone(),
            number: None,
            allocations,
        })
    }
}

fn positive(field: &'static str, amount: Money) -> Result<Money, AppError> {
    if amount.is_positive() {
        return Ok(amount);
    }
    Err(AppError::Invalid { field, source: DomainError::NotPositive("the amount") })
}

impl Books {
    /// Always answers with the open items; the allocation follows what is typed, each
    /// keystroke. One read: the open items and their settlement come from the same read.
    pub fn preview_payment_form(
        &mut self,
        form: &PaymentForm,
        language: DocLanguage,
    ) -> Result<PaymentPreview, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, &form.customer_code)?;
            let open_items = open_items_in_tx(tx, customer.id)?;
            let open_total = open_items.iter().map(|i| i.open).sum();
            let payment = amount("amount", &form.amount).ok().filter(|a| a.is_positive());
            let (manual, refused) = form.manual(&open_items, payment);
            let typed: Money = manual.iter().map(|a| a.amount).sum();
            let applied = payment_settles(&open_items, payment.unwrap_or(typed), &manual)?;
            let allocated: Money = applied.iter().map(|a| a.amount).sum();
            let unapplied = payment.map_or(Money::ZERO, |p| p - allocated);
            let refusals = refused.iter().flat_map(|e| field_messages(e, language)).collect();
            Ok(PaymentPreview { open_items, open_total, applied, allocated, unapplied, refusals })
        })
    }

    pub fn record_payment_form(&mut self, form: PaymentForm) -> Result<PaymentReceipt, AppError> {
        let today = self.clock.today();
        let items = self.store.read(|tx| {
            let customer = customer_by_code(tx, &form.customer_code)?;
            open_items_in_tx(tx, customer.id)
        });
        let input = form.to_new_payment(items, today)?;
        self.record_payment(input)
    }
}
