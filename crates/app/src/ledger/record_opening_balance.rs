use chrono::NaiveDate;
use huikuan_domain::customer::clean_text;
use huikuan_domain::{DomainError, EntryKind, Money, Side};
use huikuan_store::tables::entries::{Entry, NewEntry};
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;
use serde::Deserialize;

use super::post::post;
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

/// What a customer owed when the books were started (期初). A negative amount is a
/// balance in the customer's favour.
#[derive(Debug, Clone, Deserialize)]
pub struct NewOpeningBalance {
    pub customer_code: String,
    pub date: NaiveDate,
    pub amount: Money,
    /// None: from the customer's payment terms. May be before `date` (an old invoice).
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    #[serde(default)]
    pub memo: String,
}

pub(crate) fn record_in_tx(tx: &Transaction, stamp: &Stamp, input: &NewOpeningBalance) -> Result<Entry, AppError> {
    let customer = customer_by_code(tx, &input.customer_code)?;
    if input.amount.is_zero() {
        return Err(AppError::Invalid {
            field: "amount",
            source: DomainError::NotPositive("an opening balance (other than 0)"),
        });
    }
    let debit = input.amount.is_positive();
    post(
        tx,
        stamp,
        NewEntry {
            customer_id: customer.id,
            kind: EntryKind::Opening,
            side: if debit { Side::Debit } else { Side::Credit },
            number: String::new(),
            doc_date: input.date,
            due_date: debit
                .then(|| input.due_date.unwrap_or_else(|| customer.fields.payment_terms.due_date(input.date))),
            amount: input.amount.abs(),
            method: None,
            reference: String::new(),
            memo: clean_text("memo", &input.memo).map_err(AppError::invalid("memo"))?,
            corrects_entry_id: None,
        },
    )
}

impl Books {
    pub fn record_opening_balance(&mut self, input: NewOpeningBalance) -> Result<Entry, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| record_in_tx(tx, &stamp, &input))
    }
}
