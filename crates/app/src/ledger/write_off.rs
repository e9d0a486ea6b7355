use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, Side};
use huikuan_store::tables::entries::{Entry, NewEntry};
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;
use serde::Deserialize;
use ts_rs::TS;

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

/// Writing off everything still open of several receivables of one customer at once (the
/// write-off screen): one entry each, all in one transaction.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct WriteOffForm {
    pub customer_code: String,
    pub receivables: Vec<String>,
    pub date: NaiveDate,
    pub reason: String,
}

fn write_off_in(
    tx: &Transaction,
    stamp: &Stamp,
    customer_code: &str,
    receivable: &str,
    amount: Option<Money>,
    date: NaiveDate,
    reason: &str,
) -> Result<Entry, AppError> {
    let customer = customer_by_code(tx, customer_code)?;
    let items = open_items(tx, customer.id)?;
    let item = find_open(&items, receivable)?;
    let amount = amount.unwrap_or(item.open);
    positive(amount)?;
    if amount > item.open {
        return Err(AppError::rule(
            Some("amount".into()),
            format!(
                "only {} of {} is open; {} cannot be written off",
                item.open.yuan(),
                item.receivable.number,
                amount.yuan()
            ),
            format!("{} 仅剩 {} 未收，不能核销 {}", item.receivable.number, item.open.yuan(), amount.yuan()),
        ));
    }
    if date < item.receivable.doc_date {
        return Err(AppError::rule(
            Some("date".into()),
            format!(
                "{} is dated {}; it cannot be written off before that",
                item.receivable.number, item.receivable.doc_date
            ),
            format!("{} 的日期是 {}，不能在此之前核销", item.receivable.number, item.receivable.doc_date),
        ));
    }
    let entry = post(
        tx,
        stamp,
        NewEntry {
            customer_id: customer.id,
            kind: EntryKind::WriteOff,
            side: Side::Credit,
            number: String::new(),
            doc_date: date,
            due_date: None,
            amount,
            method: None,
            reference: String::new(),
            memo: reason.to_string(),
            corrects_entry_id: Some(item.receivable.id),
        },
    )?;
    allocate(tx, stamp, entry.id, item.receivable.id, date, amount)?;
    Ok(entry)
}

impl Books {
    pub fn write_off(&mut self, input: NewWriteOff) -> Result<Entry, AppError> {
        let reason = required_reason(&input.reason)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            write_off_in(tx, &stamp, &input.customer_code, &input.receivable, input.amount, input.date, &reason)
        })
    }

    /// Writes off what is open of each chosen receivable; all of them or none.
    pub fn write_off_receivables(&mut self, form: WriteOffForm) -> Result<Vec<Entry>, AppError> {
        let reason = required_reason(&form.reason)?;
        if form.receivables.is_empty() {
            return Err(AppError::rule(
                Some("receivables".into()),
                "choose at least one receivable to write off",
                "请至少选择一张要核销的单据",
            ));
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            form.receivables
                .iter()
                .map(|number| write_off_in(tx, &stamp, &form.customer_code, number, None, form.date, &reason))
                .collect()
        })
    }
}
