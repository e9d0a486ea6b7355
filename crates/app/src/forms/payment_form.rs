use huikuan_domain::{Money, PaymentMethod};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{amount, date};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::ledger::{
    open_items_in_tx, payment_settles, AppliedAmount, ManualAllocation, NewPayment, OpenItem, PaymentReceipt,
};
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

/// The customer's open items and how the payment in the form would settle them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PaymentPreview {
    pub open_items: Vec<OpenItem>,
    pub open_total: Money,
    pub applied: Vec<AppliedAmount>,
    pub unapplied: Money,
}

impl PaymentForm {
    /// Allocation rows with an amount, in the order typed.
    fn manual(&self) -> Result<Vec<ManualAllocation>, AppError> {
        self.allocations
            .iter()
            .filter(|a| !a.amount.trim().is_empty())
            .map(|a| {
                let part =
                    amount("amount", &a.amount).map_err(|e| e.at_field(format!("allocations.{}", a.receivable)))?;
                Ok(ManualAllocation { receivable: a.receivable.clone(), amount: part })
            })
            .collect()
    }

    fn to_new_payment(&self) -> Result<NewPayment, AppError> {
        Ok(NewPayment {
            customer_code: self.customer_code.clone(),
            date: date("date", &self.date)?,
            amount: amount("amount", &self.amount)?,
            method: self.method.unwrap_or(PaymentMethod::Bank),
            reference: self.reference.clone(),
            memo: self.memo.clone(),
            number: None,
            allocations: self.manual()?,
        })
    }
}

impl Books {
    /// Always answers with the open items; the allocation is shown once the amount parses.
    /// One read per keystroke: the open items and their settlement come from the same read.
    pub fn preview_payment_form(&mut self, form: &PaymentForm) -> Result<PaymentPreview, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, &form.customer_code)?;
            let open_items = open_items_in_tx(tx, customer.id)?;
            let open_total = open_items.iter().map(|i| i.open).sum();
            let Ok(payment) = amount("amount", &form.amount) else {
                return Ok(PaymentPreview { open_items, open_total, applied: Vec::new(), unapplied: Money::ZERO });
            };
            let applied = payment_settles(&open_items, payment, &form.manual()?)?;
            let settled: Money = applied.iter().map(|a| a.amount).sum();
            Ok(PaymentPreview { open_items, open_total, applied, unapplied: payment - settled })
        })
    }

    pub fn record_payment_form(&mut self, form: PaymentForm) -> Result<PaymentReceipt, AppError> {
        let input = form.to_new_payment()?;
        self.record_payment(input)
    }
}
