use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, Side};
use huikuan_store::tables::entries::{Entry, NewEntry};
use serde::Deserialize;

use super::open_items::{find_open, open_items};
use super::post::{allocate, positive, post, required_reason};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

/// Writing off (坏账核销) what cannot be collected of one receivable. Kept forever.
#[derive(Debug, Clone, Deserialize)]
pub struct NewWriteOff {
    pub customer_code: String,
    pub receivable: String,
    /// None: everything still open of it.
    #[serde(default)]
    pub amount: Option<Money>,
    pub date: NaiveDate,
    pub reason: String,
}

impl Books {
    pub fn write_off(&mut self, input: NewWriteOff) -> Result<Entry, AppError> {
        let reason = required_reason(&input.reason)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &input.customer_code)?;
            let items = open_items(tx, customer.id)?;
            let item = find_open(&items, &input.receivable)?;
            let amount = input.amount.unwrap_or(item.open);
            positive(amount)?;
            if amount > item.open {
                return Err(AppError::rule(
                    Some("amount".into()),
                    format!(
                        "only {} of {} is open; {} cannot be written off",
                        item.open, item.receivable.number, amount
                    ),
                    format!("{} 仅剩 {} 未收，不能核销 {}", item.receivable.number, item.open, amount),
                ));
            }
            let entry = post(
                tx,
                &stamp,
                NewEntry {
                    customer_id: customer.id,
                    kind: EntryKind::WriteOff,
                    side: Side::Credit,
                    number: String::new(),
                    doc_date: input.date,
                    due_date: None,
                    amount,
                    method: None,
                    reference: String::new(),
                    memo: reason,
                    corrects_entry_id: Some(item.receivable.id),
                },
            )?;
            allocate(tx, &stamp, entry.id, item.receivable.id, input.date, amount)?;
            Ok::<Entry, AppError>(entry)
        })
    }
}
