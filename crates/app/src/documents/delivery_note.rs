//! The delivery note as paper: rendered from the issued note and frozen with its hash.

use huikuan_docs::{delivery_note_pdf, DeliveryNoteDoc, DeliveryNoteLine, Paper, Rendered};
use huikuan_domain::PaperKind;
use huikuan_store::tables::documents::StoredDocument;
use huikuan_store::tables::{customers, deliveries, Stamp};
use huikuan_store::Transaction;

use super::freeze::freeze;
use super::letterhead::letterhead;
use crate::error::AppError;
use crate::Customer;

fn render(tx: &Transaction, note: &deliveries::DeliveryNote) -> Result<(Rendered, Customer), AppError> {
    let customer = customers::get(tx, note.customer_id)?;
    let doc = DeliveryNoteDoc {
        letterhead: letterhead(tx)?,
        language: customer.fields.doc_language,
        paper: Paper::A4,
        number: note.number.clone().unwrap_or_default(),
        date: note.doc_date,
        due_date: note.due_date,
        // The terms are not kept on the note; the due date it was issued with is.
        terms: customer.fields.payment_terms,
        customer_code: customer.fields.code.clone(),
        customer_name: customer.fields.name.clone(),
        contact: note.contact_name.clone(),
        address: note.address.clone(),
        memo: note.memo.clone(),
        total: note.total,
        lines: note
            .lines
            .iter()
            .map(|l| DeliveryNoteLine {
                item: l.item.clone(),
                spec: l.spec.clone(),
                unit: l.unit.clone(),
                quantity: l.quantity.to_string(),
                unit_price: l.unit_price.to_string(),
                amount: l.amount,
            })
            .collect(),
    };
    Ok((delivery_note_pdf(&doc)?, customer))
}

/// Prints the issued note and keeps the exact bytes: from now on this is the paper.
pub(crate) fn freeze_delivery_note(
    tx: &Transaction,
    stamp: &Stamp,
    note: &deliveries::DeliveryNote,
) -> Result<StoredDocument, AppError> {
    let number = note
        .number
        .as_deref()
        .ok_or_else(|| AppError::rule(None, "a draft has no paper until it is issued", "草稿开具后才有单据"))?;
    let (rendered, customer) = render(tx, note)?;
    freeze(tx, stamp, PaperKind::DeliveryNote, number, &customer, note.doc_date, Paper::A4, &rendered)
}
