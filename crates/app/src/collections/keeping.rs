//! Promises and plans as they stand on a date: decided from the payments, never typed.

use chrono::NaiveDate;
use huikuan_domain::collection::{instalments_keeping, promise_keeping, Keeping, Paid};
use huikuan_domain::{Account, EntryKind, Money};
use huikuan_store::tables::collection::{self, PlanRecord, PromiseRecord};
use huikuan_store::tables::documents;
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;

/// The payments of an account already read, as promises and instalments are judged by.
pub(crate) fn payments_in(account: &Account) -> Vec<Paid> {
    account
        .credits
        .iter()
        .filter(|c| c.kind == EntryKind::Payment)
        .map(|c| Paid { date: c.date, amount: c.amount })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PromiseView {
    pub id: i64,
    pub amount: Money,
    pub promised_date: NaiveDate,
    pub made_on: NaiveDate,
    pub promised_by: String,
    pub note: String,
    pub keeping: Keeping,
    /// What the payments since the promise came to, up to its amount.
    pub paid: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InstalmentView {
    pub position: u32,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub keeping: Keeping,
    pub paid: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanView {
    pub number: String,
    pub customer_code: String,
    pub total: Money,
    pub agreed_on: NaiveDate,
    pub note: String,
    pub instalments: Vec<InstalmentView>,
    /// The agreement came back signed.
    pub signed: bool,
    /// An instalment was missed (broken or partly kept).
    pub broken: bool,
}

pub(crate) fn promise_view(p: &PromiseRecord, payments: &[Paid], as_of: NaiveDate) -> PromiseView {
    let (keeping, paid) = promise_keeping(p.amount, p.made_on, p.promised_date, payments, as_of);
    PromiseView {
        id: p.id,
        amount: p.amount,
        promised_date: p.promised_date,
        made_on: p.made_on,
        promised_by: p.promised_by.clone(),
        note: p.note.clone(),
        keeping,
        paid,
    }
}

pub(crate) fn plan_view(
    tx: &Transaction,
    plan: &PlanRecord,
    code: &str,
    payments: &[Paid],
    as_of: NaiveDate,
) -> Result<PlanView, AppError> {
    let judged = instalments_keeping(&plan.instalments, plan.agreed_on, payments, as_of);
    let instalments: Vec<InstalmentView> = plan
        .instalments
        .iter()
        .zip(judged)
        .enumerate()
        .map(|(i, (&(due_date, amount), (keeping, paid)))| InstalmentView {
            position: i as u32 + 1,
            due_date,
            amount,
            keeping,
            paid,
        })
        .collect();
    Ok(PlanView {
        number: plan.number.clone(),
        customer_code: code.to_string(),
        total: plan.total,
        agreed_on: plan.agreed_on,
        note: plan.note.clone(),
        broken: instalments.iter().any(|i| matches!(i.keeping, Keeping::Broken | Keeping::PartlyKept)),
        signed: documents::signature_of(tx, plan.document_id)?.is_some(),
        instalments,
    })
}

/// A customer's promises and plans as they stand on `as_of`.
pub(crate) fn standing(
    tx: &Transaction,
    customer_id: i64,
    code: &str,
    as_of: NaiveDate,
) -> Result<(Vec<PromiseView>, Vec<PlanView>), AppError> {
    let payments = collection::payments_of(tx, customer_id)?;
    let promises =
        collection::promises_of(tx, customer_id)?.iter().map(|p| promise_view(p, &payments, as_of)).collect();
    let plans = collection::plans_of(tx, customer_id)?
        .iter()
        .map(|p| plan_view(tx, p, code, &payments, as_of))
        .collect::<Result<_, _>>()?;
    Ok((promises, plans))
}

/// The customer's behaviour as of `to`, with its broken promises counted: promises and
/// instalments missed (broken or partly kept) whose date falls in the twelve months to `to`.
pub(crate) fn behaviour_with_promises(
    tx: &Transaction,
    customer_id: i64,
    code: &str,
    account: &huikuan_domain::Account,
    to: NaiveDate,
) -> Result<huikuan_domain::behaviour::Behaviour, AppError> {
    let mut behaviour = huikuan_domain::behaviour::behaviour(account, to);
    let from = to.checked_sub_months(chrono::Months::new(12)).unwrap_or(to).succ_opt().unwrap_or(to);
    behaviour.broken_promises = broken_between(tx, customer_id, code, from, to)?;
    Ok(behaviour)
}

/// Broken promises and missed instalments with their date in `from..=to`.
fn broken_between(
    tx: &Transaction,
    customer_id: i64,
    code: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<u32, AppError> {
    let (promises, plans) = standing(tx, customer_id, code, to)?;
    let missed = |k: Keeping| matches!(k, Keeping::Broken | Keeping::PartlyKept);
    let promises = promises.iter().filter(|p| p.promised_date >= from && missed(p.keeping)).count();
    let instalments = plans
        .iter()
        .flat_map(|p| p.instalments.iter())
        .filter(|i| i.due_date >= from && i.due_date <= to && missed(i.keeping))
        .count();
    Ok((promises + instalments) as u32)
}
