//! The credit check of a delivery note as it is issued, and the override that lets a
//! blocked one through with the owner's written reason.

use chrono::NaiveDate;
use huikuan_domain::credit::{
    check_delivery, is_on_credit, CreditBlock, CreditPolicy, DeliveryExposure, OverdueItem, Reason,
};
use huikuan_domain::customer::clean_text;
use huikuan_domain::ledger::Account;
use huikuan_domain::Money;
use huikuan_store::tables::credit::{self, CreditOverride};
use huikuan_store::tables::entries;
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::policy_in;
use crate::books::audit;
use crate::error::{AppError, CreditRefusal};
use crate::{Customer, DeliveryNote};

/// What the check says of a delivery before it is issued, for the form to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CreditCheck {
    /// False for cash on delivery (due on the day): nothing to check.
    pub on_credit: bool,
    pub exposure: DeliveryExposure,
    pub blocks: Vec<CreditBlock>,
    /// The blocks said in both languages.
    pub reasons: Vec<Reason>,
}

pub(crate) fn check_in_tx(
    tx: &Transaction,
    customer: &Customer,
    date: NaiveDate,
    due_date: NaiveDate,
    amount: Money,
) -> Result<CreditCheck, AppError> {
    check_account(&policy_in(tx)?, customer, &entries::account(tx, customer.id)?, date, due_date, amount)
}

/// The check against an account already read (an import keeps each customer's account as
/// its notes are issued, rather than reading the ledger again for every note).
pub(crate) fn check_account(
    policy: &CreditPolicy,
    customer: &Customer,
    account: &Account,
    date: NaiveDate,
    due_date: NaiveDate,
    amount: Money,
) -> Result<CreditCheck, AppError> {
    // Everything recorded counts, future-dated entries too: that is what is owed.
    let exposure = DeliveryExposure::new(account.balance(), amount, customer.fields.credit_limit);
    let on_credit = is_on_credit(date, due_date);
    let blocks = if on_credit {
        // What is still open of each receivable, for the overdue rule; cash needs none of it.
        let everything = account.settle(NaiveDate::MAX);
        let open: Vec<OverdueItem> = account
            .receivables
            .iter()
            .zip(&everything.open)
            .filter_map(|(r, open)| {
                open.filter(|o| o.is_positive()).map(|open| OverdueItem {
                    number: r.number.clone(),
                    due_date: r.due_date,
                    open,
                })
            })
            .collect();
        check_delivery(policy, customer.fields.status, exposure, &open, date)
    } else {
        Vec::new()
    };
    let reasons = blocks.iter().map(|b| Reason::new(b.en(), b.zh())).collect();
    Ok(CreditCheck { on_credit, exposure, blocks, reasons })
}

/// Checks a delivery about to be issued: refused when blocked and no reason is given;
/// otherwise the check and the reason to record, if there was a block to override.
pub(crate) fn clear(
    tx: &Transaction,
    customer: &Customer,
    date: NaiveDate,
    due_date: NaiveDate,
    amount: Money,
    override_reason: Option<&str>,
) -> Result<Option<(CreditCheck, String)>, AppError> {
    overridable(customer, check_in_tx(tx, customer, date, due_date, amount)?, override_reason)
}

/// Refused when the check blocks and no reason is given; otherwise the check and the
/// reason to record, if there was a block to override.
pub(crate) fn overridable(
    customer: &Customer,
    check: CreditCheck,
    override_reason: Option<&str>,
) -> Result<Option<(CreditCheck, String)>, AppError> {
    if check.blocks.is_empty() {
        return Ok(None);
    }
    let reason =
        clean_text("reason", override_reason.unwrap_or_default()).map_err(AppError::invalid("override_reason"))?;
    if reason.is_empty() {
        let who = format!("{} {}", customer.fields.code, customer.fields.name);
        return Err(AppError::CreditBlocked(CreditRefusal { customer: who, blocks: check.blocks }));
    }
    Ok(Some((check, reason)))
}

pub(crate) fn record_override(
    tx: &Transaction,
    stamp: &Stamp,
    note: &DeliveryNote,
    check: &CreditCheck,
    reason: &str,
) -> Result<(), AppError> {
    let row = CreditOverride {
        id: 0,
        customer_id: note.customer_id,
        delivery_note_id: note.id,
        number: note.number.clone().unwrap_or_default(),
        doc_date: note.doc_date,
        amount: note.total,
        exposure: check.exposure.exposure,
        limit: check.exposure.limit,
        blocks: check.reasons.clone(),
        reason: reason.to_string(),
        at: stamp.at.clone(),
        operator: stamp.operator.clone(),
    };
    let id = credit::insert_override(tx, &row)?;
    audit(tx, stamp, "override", "credit_check", id, None::<&()>, Some(&CreditOverride { id, ..row }))
}
