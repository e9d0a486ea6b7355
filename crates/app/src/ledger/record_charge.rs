use chrono::NaiveDate;
use huikuan_domain::customer::clean_text;
use huikuan_domain::{DomainError, EntryKind, Money, Side};
use huikuan_store::tables::entries::{Entry, NewEntry};
use serde::Deserialize;

use super::post::post;
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
        if !input.amount.is_positive() {
            return Err(AppError::Invalid { field: "amount", source: DomainError::NotPositive("the amount") });
        }
        let reason = clean_text("reason", &input.reason).map_err(AppError::invalid("reason"))?;
        if reason.is_empty() {
            return Err(AppError::Invalid { field: "reason", source: DomainError::Empty("the reason") });
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &input.customer_code)?;
            let due_date = input.due_date.unwrap_or_else(|| customer.fields.payment_terms.due_date(input.date));
            if due_date < input.date {
                return Err(AppError::Invalid {
                    field: "due_date",
                    source: DomainError::DueBeforeDate { date: input.date.to_string(), due: due_date.to_string() },
                });
            }
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
