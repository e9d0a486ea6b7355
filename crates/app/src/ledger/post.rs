//! Posting one ledger entry: its number (given, or the next gapless one for the type and
//! the document's year) and its audit record, inside the caller's transaction.

use chrono::{Datelike, NaiveDate};
use huikuan_domain::customer::clean_text;
use huikuan_domain::{DocType, DomainError, EntryKind, Money, PaymentTerms};
use huikuan_store::tables::entries::{self, Entry, NewEntry};
use huikuan_store::tables::{allocations, sequences, Stamp};
use huikuan_store::Transaction;

use crate::books::audit;
use crate::error::AppError;

pub(crate) fn doc_type_of(kind: EntryKind) -> DocType {
    match kind {
        EntryKind::Delivery => DocType::Delivery,
        EntryKind::Opening => DocType::Opening,
        EntryKind::Charge => DocType::Charge,
        EntryKind::Payment => DocType::Payment,
        EntryKind::CreditNote => DocType::CreditNote,
        EntryKind::WriteOff => DocType::WriteOff,
    }
}

/// An amount that must be more than zero.
pub(crate) fn positive(amount: Money) -> Result<Money, AppError> {
    if !amount.is_positive() {
        return Err(AppError::Invalid { field: "amount", source: DomainError::NotPositive("the amount") });
    }
    Ok(amount)
}

/// The reason a correction or charge is made: required, because it is kept forever.
pub(crate) fn required_reason(text: &str) -> Result<String, AppError> {
    let reason = clean_text("reason", text).map_err(AppError::invalid("reason"))?;
    if reason.is_empty() {
        return Err(AppError::Invalid { field: "reason", source: DomainError::Empty("the reason") });
    }
    Ok(reason)
}

/// The due date of a debit: the one given, or the customer's terms; never before the date.
pub(crate) fn due_date(terms: PaymentTerms, date: NaiveDate, given: Option<NaiveDate>) -> Result<NaiveDate, AppError> {
    let due = given.unwrap_or_else(|| terms.due_date(date));
    if due < date {
        return Err(AppError::Invalid {
            field: "due_date",
            source: DomainError::DueBeforeDate { date: date.to_string(), due: due.to_string() },
        });
    }
    Ok(due)
}

/// A number the user supplied (from an import or their own pad): trimmed, non-empty,
/// short, printable.
pub(crate) fn given_number(number: &str) -> Result<String, AppError> {
    let number = number.trim();
    if number.is_empty() || number.chars().count() > 40 || number.chars().any(char::is_control) {
        return Err(AppError::rule(
            Some("number".into()),
            format!("'{number}' is not a document number (1-40 printable characters)"),
            format!("“{number}”不是有效的单据编号（1–40 个可打印字符）"),
        ));
    }
    Ok(number.to_string())
}

/// Takes the next number when `entry.number` is empty; otherwise keeps the given one and
/// moves the sequence past it if it is written in our format.
pub(crate) fn assign_number(tx: &Transaction, entry: &mut NewEntry) -> Result<(), AppError> {
    let doc_type = doc_type_of(entry.kind);
    if entry.number.is_empty() {
        entry.number = sequences::next_number(tx, doc_type, entry.doc_date.year())?;
    } else {
        entry.number = given_number(&entry.number)?;
        sequences::note_imported(tx, doc_type, &entry.number)?;
    }
    Ok(())
}

pub(crate) fn post(tx: &Transaction, stamp: &Stamp, mut entry: NewEntry) -> Result<Entry, AppError> {
    assign_number(tx, &mut entry)?;
    let id = entries::insert(tx, &entry, stamp)?;
    let posted = entries::get(tx, id)?;
    audit(tx, stamp, "post", "entry", id, None::<&()>, Some(&posted))?;
    Ok(posted)
}

/// Applies part of a credit to one receivable by hand (or by reference) and audits it.
pub(crate) fn allocate(
    tx: &Transaction,
    stamp: &Stamp,
    credit_entry_id: i64,
    receivable_entry_id: i64,
    date: NaiveDate,
    amount: Money,
) -> Result<(), AppError> {
    let id = allocations::insert(tx, credit_entry_id, receivable_entry_id, date, amount, stamp)?;
    let after = serde_json::json!({
        "credit_entry_id": credit_entry_id,
        "receivable_entry_id": receivable_entry_id,
        "date": date,
        "amount": amount,
    });
    audit(tx, stamp, "allocate", "allocation", id, None::<&()>, Some(&after))
}
