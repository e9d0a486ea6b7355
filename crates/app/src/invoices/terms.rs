//! Deliveries on invoice terms (票到N天付款): kept as such when they are issued, awaiting
//! their invoice until one covers them, then due N days after it reached the customer (or,
//! with no sending recorded, after it was issued). Every invoice or sending recorded for a
//! customer brings its deliveries' due dates up to date, and with them what settling reads.

use chrono::NaiveDate;
use huikuan_domain::terms::{invoice_due_date, AWAITING_INVOICE};
use huikuan_domain::PaymentTerms;
use huikuan_store::tables::{invoices, maintained};
use huikuan_store::Transaction;

use crate::error::AppError;

/// Keeps a delivery just posted as on invoice terms when its customer's terms are, and its
/// due date was the terms' own (not one the user gave).
pub(crate) fn keep_terms(
    tx: &Transaction,
    terms: PaymentTerms,
    entry_id: i64,
    doc_date: NaiveDate,
    due: NaiveDate,
) -> Result<(), AppError> {
    if let PaymentTerms::Inv(days) = terms {
        if due == terms.due_date(doc_date) {
            invoices::set_terms(tx, entry_id, days, AWAITING_INVOICE)?;
        }
    }
    Ok(())
}

/// Brings the due dates of a customer's deliveries on invoice terms up to date with its
/// invoices: the earliest an invoice still covering it reached the customer, else was issued.
pub(crate) fn refresh_dues(tx: &Transaction, customer_id: i64) -> Result<(), AppError> {
    let terms = invoices::terms_of(tx, customer_id)?;
    if terms.is_empty() {
        return Ok(());
    }
    let reached = invoices::reached(tx, Some(customer_id))?;
    let covering = invoices::covering(tx, customer_id, NaiveDate::MAX)?;
    let current = invoices::dues(tx, Some(customer_id))?;
    let mut changed = false;
    for (entry_id, days) in terms {
        let theirs: Vec<&invoices::Invoice> = covering.iter().filter(|(e, _)| *e == entry_id).map(|(_, i)| i).collect();
        let issued = theirs.iter().map(|i| i.issued_on).min();
        let reached_on =
            reached.iter().filter(|r| theirs.iter().any(|i| i.id == r.invoice_id)).map(|r| r.reached_on).min();
        let due = invoice_due_date(days, reached_on, issued);
        if current.get(&entry_id) != Some(&due) {
            invoices::set_due(tx, entry_id, due)?;
            changed = true;
        }
    }
    if changed {
        // Settling goes oldest due first: what is open of each delivery may move.
        maintained::mark_dirty(tx, customer_id)?;
    }
    Ok(())
}
