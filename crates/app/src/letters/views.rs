//! Letters as the app shows them.

use chrono::NaiveDate;
use huikuan_domain::dunning::Suggestion;
use huikuan_domain::Money;
use huikuan_store::tables::documents;
use huikuan_store::tables::letters::{self, Letter, LetterAnswer};
use huikuan_store::tables::sendings::{self, Sending};
use huikuan_store::tables::{customers, entries};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::documents::{signature_view, SignatureView};
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterItemView {
    pub number: String,
    pub open: Money,
    pub days_overdue: i64,
}

/// A letter, how it went out and whether its receipt came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterView {
    pub number: String,
    pub customer_code: String,
    pub customer_name: String,
    pub level: u8,
    pub date: NaiveDate,
    pub pay_by: NaiveDate,
    pub total: Money,
    pub items: Vec<LetterItemView>,
    pub sendings: Vec<Sending>,
    /// The signed return receipt: the proof the demand arrived.
    pub receipt: Option<SignatureView>,
    /// Sent by express with a tracking number: the courier's record of delivery.
    pub delivered: bool,
    /// The level the escalation rules allowed on its date, when the letter went out above it.
    pub skipped_from: Option<u8>,
    /// The owner's written reason for skipping a level ("" when none was skipped).
    pub skip_reason: String,
    /// What the customer ticked on the signed receipt: no objection (the debt
    /// acknowledged) or its objection; None when no answer was recorded.
    pub answer: Option<LetterAnswer>,
}

pub(crate) fn letter_view(tx: &Transaction, letter: Letter) -> Result<LetterView, AppError> {
    let customer = customers::get(tx, letter.customer_id)?;
    let items = letters::items(tx, letter.id)?
        .into_iter()
        .map(|(entry, open, days_overdue)| {
            Ok(LetterItemView { number: entries::get(tx, entry)?.number, open, days_overdue })
        })
        .collect::<Result<_, AppError>>()?;
    let sendings = sendings::of_document(tx, letter.document_id)?;
    let skip = letters::skip_of(tx, letter.id)?;
    let receipt = documents::signature_of(tx, letter.document_id)?.map(|s| signature_view(tx, s)).transpose()?;
    Ok(LetterView {
        number: letter.number,
        customer_code: customer.fields.code,
        customer_name: customer.fields.name,
        level: letter.level,
        date: letter.letter_date,
        pay_by: letter.pay_by,
        total: letter.total,
        items,
        delivered: sendings.iter().any(|s| s.channel == "express" && !s.tracking.is_empty()),
        sendings,
        receipt,
        skipped_from: skip.as_ref().map(|(due, _)| *due),
        skip_reason: skip.map(|(_, reason)| reason).unwrap_or_default(),
        answer: letters::answer_of(tx, letter.id)?,
    })
}

/// A customer the rules say is due a letter (or soon will be).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterDue {
    pub code: String,
    pub name: String,
    pub overdue: Money,
    /// The oldest overdue item's days past due.
    pub days_overdue: i64,
    pub last_letter: Option<LastLetter>,
    pub suggestion: Suggestion,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LastLetter {
    pub number: String,
    pub level: u8,
    pub date: NaiveDate,
}
