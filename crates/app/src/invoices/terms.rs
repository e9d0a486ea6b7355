//! Deliveries on invoice terms (票到N天付款): kept as such when they are issued, awaiting
//! their invoice until one covers them, then due N days after it reached the customer (or,
//! with no sending recorded, after it was issued). Every invoice or sending recorded for a
//! customer brings its deliveries' due dates up to date, and with them what settling reads.

use std::collections::HashMap;

use chrono::NaiveDate;
use huikuan_domain::terms::{invoice_due_date, AWAITING_INVOICE};
use huikuan_domain::{Money, PaymentTerms};
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
    let all = invoices::of_customer(tx, Some(customer_id))?;
    let reached = invoices::reached(tx, Some(customer_id))?;
    // What each invoice (with the red-letter ones reversing it) still covers of each delivery.
    let mut net: HashMap<(i64, i64), Money> = HashMap::new();
    for c in invoices::covers(tx, Some(customer_id))? {
        let original = all.iter().find(|i| i.id == c.invoice_id).and_then(|i| i.reverses_id).unwrap_or(c.invoice_id);
        *net.entry((c.entry_id, original)).or_insert(Money::ZERO) += c.amount;
    }
    let current = invoices::dues(tx, Some(customer_id))?;
    let mut changed = false;
    for (entry_id, days) in terms {
        let covering: Vec<&invoices::Invoice> = all
            .iter()
            .filter(|i| i.reverses_id.is_none() && net.get(&(entry_id, i.id)).is_some_and(|m| m.is_positive()))
            .collect();
        let issued = covering.iter().map(|i| i.issued_on).min();
        let reached_on =
            reached.iter().filter(|r| covering.iter().any(|i| i.id == r.invoice_id)).map(|r| r.reached_on).min();
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
