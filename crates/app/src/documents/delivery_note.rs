//! The delivery note as paper: rendered from the issued note and frozen with its hash.

use huikuan_docs::{delivery_note_pdf, DeliveryNoteDoc, DeliveryNoteLine, Paper, Rendered};
use huikuan_domain::{ContactRole, PaperKind};
use huikuan_store::tables::documents::StoredDocument;
use huikuan_store::tables::{company, contacts, customers, deliveries, Stamp};
use huikuan_store::Transaction;

use super::freeze::freeze;
use super::letterhead::letterhead;
use crate::error::AppError;
use crate::Customer;

/// Whom the goods went to, for the note's 联系人: the name given on the note, else the
/// customer's purchaser (or first contact) from the customer record, with a phone.
fn contact_of(tx: &Transaction, note: &deliveries::DeliveryNote, customer: &Customer) -> Result<String, AppError> {
    if !note.contact_name.trim().is_empty() {
        return Ok(note.contact_name.clone());
    }
    let contacts = contacts::for_customer(tx, customer.id)?;
    let Some(c) = contacts.iter().find(|c| c.fields.role == ContactRole::Purchaser).or(contacts.first()) else {
        return Ok(String::new());
    };
    let phone = [&c.fields.phone, &customer.fields.phone].into_iter().find(|p| !p.trim().is_empty());
    Ok(match phone {
        Some(phone) => format!("{}  {}", c.fields.name, phone.trim()),
        None => c.fields.name.clone(),
    })
}

/// The paper is printed as the books say when it is printed: a note entered from the
/// CLI or an import without an address or contact gets the customer's. A note frozen
/// before keeps the bytes it was frozen with (this runs only when a note is printed).
fn render(tx: &Transaction, note: &deliveries::DeliveryNote) -> Result<(Rendered, Customer), AppError> {
    let customer = customers::get(tx, note.customer_id)?;
    let us = company::get(tx)?;
    let address = if note.address.trim().is_empty() { customer.fields.address.clone() } else { note.address.clone() };
    let doc = DeliveryNoteDoc {
        letterhead: letterhead(tx)?,
        language: customer.fields.doc_language,
        paper: Paper::from_name(&us.papers.delivery_note),
        number: note.number.clone().unwrap_or_default(),
        date: note.doc_date,
        due_date: note.due_date,
        // The terms are not kept on the note; the due date it was issued with is.
        terms: customer.fields.payment_terms,
        customer_code: customer.fields.code.clone(),
        customer_name: customer.fields.name.clone(),
        contact: contact_of(tx, note, &customer)?,
        address,
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
    let paper = Paper::from_name(&company::get(tx)?.papers.delivery_note);
    let (rendered, customer) = render(tx, note)?;
    freeze(tx, stamp, PaperKind::DeliveryNote, number, &customer, note.doc_date, paper, &rendered)
}
