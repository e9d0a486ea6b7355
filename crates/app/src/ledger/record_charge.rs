use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, Side};
use huikuan_store::tables::entries::{Entry, NewEntry};
use serde::Deserialize;

use super::post::{due_date, positive, post, required_reason};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

/// Another amount the customer owes: a late fee, interest, freight.
#[derive(Debug, Clone, Deserialize)]
pub struct NewCharge {
    pub customer_code: String,
    pub date: NaiveDate,
    pub amount: Money,
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub reason: String,
}

impl Books {
    pub fn record_charge(&mut self, input: NewCharge) -> Result<Entry, AppError> {
        positive(input.amount)?;
        let reason = required_reason(&input.reason)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &input.customer_code)?;
            let due_date = due_date(customer.fields.payment_terms, input.date, input.due_date)?;
            post(
                tx,
                &stamp,
                NewEntry {
                    customer_id: customer.id,
                    kind: EntryKind::Charge,
                    side: Side::Debit,
                    number: String::new(),
                    doc_date: input.date,
                    due_date: Some(due_date),
                    amount: input.amount,
                    method: None,
                    reference: String::new(),
                    memo: reason,
                    corrects_entry_id: None,
                },
            )
        })
    }
}
