use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, Side};
use huikuan_store::tables::entries::{self, Entry, NewEntry};
use serde::Deserialize;

use super::open_items::open_items;
use super::post::{allocate, positive, post, required_reason};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

/// A credit note (红字冲销 / 退货折让): reduces what the customer owes. When it corrects a
/// receivable it is applied to that receivable first; voiding a delivery note is a credit
/// note for its whole amount.
#[derive(Debug, Clone, Deserialize)]
pub struct NewCreditNote {
    pub customer_code: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub reason: String,
    /// The number of the receivable it corrects, if any.
    #[serde(default)]
    pub corrects: Option<String>,
}

impl Books {
    pub fn record_credit_note(&mut self, input: NewCreditNote) -> Result<Entry, AppError> {
        positive(input.amount)?;
        let reason = required_reason(&input.reason)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, &input.customer_code)?;
            let corrected = match input.corrects.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                None => None,
                Some(number) => {
                    let account = entries::account(tx, customer.id)?;
                    let receivable =
                        account.receivables.iter().find(|r| r.number == number).ok_or_else(|| {
                            AppError::UnknownDocument { kind: "receivable", number: number.to_string() }
                        })?;
                    if input.amount > receivable.amount {
                        return Err(AppError::rule(
                            Some("amount".into()),
                            format!(
                                "a credit note of {} is more than {number} itself ({})",
                                input.amount.yuan(),
                                receivable.amount.yuan()
                            ),
                            format!(
                                "红字冲销 {} 超过了 {number} 本身的金额（{}）",
                                input.amount.yuan(),
                                receivable.amount.yuan()
                            ),
                        ));
                    }
                    let open = open_items(tx, customer.id)?
                        .into_iter()
                        .find(|i| i.receivable.id == receivable.id)
                        .map_or(Money::ZERO, |i| i.open);
                    Some((receivable.id, open))
                }
            };
            let entry = post(
                tx,
                &stamp,
                NewEntry {
                    customer_id: customer.id,
                    kind: EntryKind::CreditNote,
                    side: Side::Credit,
                    number: String::new(),
                    doc_date: input.date,
                    due_date: None,
                    amount: input.amount,
                    method: None,
                    reference: String::new(),
                    memo: reason,
                    corrects_entry_id: corrected.map(|(id, _)| id),
                },
            )?;
            if let Some((receivable_id, open)) = corrected {
                let applied = input.amount.min(open);
                if applied.is_positive() {
                    allocate(tx, &stamp, entry.id, receivable_id, input.date, applied)?;
                }
            }
            Ok(entry)
        })
    }
}
