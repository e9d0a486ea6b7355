//! Today's worklist (今日催收): every customer with something due, in the order the
//! priority formula gives (README: Collections), each with the reasons it is there.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Days, NaiveDate};
use huikuan_domain::aging::days_past_due;
use huikuan_domain::collection::{priority, Keeping, PaymentStage, PriorityWeights, Standing};
use huikuan_domain::{Importance, Money};
use huikuan_store::tables::collection::{self, ContactLog, StageRecord};
use huikuan_store::tables::{customers, settings};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::keeping::{payments_in, plan_view, promise_view};
use crate::books::audit;
use crate::error::AppError;
use crate::owed::{accounts_of, Kept};
use crate::Books;

/// Why a customer is on today's list, in a few words (the UI says them in either language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkReason {
    Overdue { amount: Money, days: i64 },
    PromiseDue { amount: Money, date: NaiveDate },
    PromiseBroken { amount: Money, date: NaiveDate },
    InstalmentDue { amount: Money, date: NaiveDate },
    InstalmentBroken { amount: Money, date: NaiveDate },
    KeyCustomer,
    CollectionDay,
    Silent { days: i64 },
    NeverContacted,
    FollowUp { action: String, date: NaiveDate },
    Stage { stage: PaymentStage, person: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WorkItem {
    pub code: String,
    pub name: String,
    pub priority: f64,
    pub overdue: Money,
    pub days_overdue: i64,
    pub reasons: Vec<WorkReason>,
    pub last_contact: Option<ContactLog>,
    pub stage: Option<StageRecord>,
}

const KEY: &str = "priority_weights";
/// A broken promise or instalment stays on the list this long after its date.
const BROKEN_SHOWN_DAYS: u64 = 30;

pub(crate) fn weights(tx: &Transaction) -> Result<PriorityWeights, AppError> {
    Ok(settings::get(tx, KEY)?.unwrap_or_default())
}

/// The weights' refusals in Chinese; one not listed here is shown as the domain says it.
fn weights_zh(why: &str) -> &str {
    match why {
        "each weight is 0 to 1000" => "每个权重须在 0 到 1000 之间",
        "at least one weight must count" => "至少要有一个权重大于 0",
        other => other,
    }
}

impl Books {
    pub fn priority_weights(&mut self) -> Result<PriorityWeights, AppError> {
        self.store.read(weights)
    }

    pub fn save_priority_weights(&mut self, candidate: PriorityWeights) -> Result<PriorityWeights, AppError> {
        candidate.validate().map_err(|why| {
            AppError::rule(
                Some("priority_weights".into()),
                why.clone(),
                format!("优先级权重无效：{}", weights_zh(&why)),
            )
        })?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = weights(tx)?;
            settings::put(tx, KEY, &candidate)?;
            audit(tx, &stamp, "update", KEY, 1, Some(&before), Some(&candidate))?;
            Ok(candidate)
        })
    }

    /// Everyone to chase on `as_of`, the highest priority first.
    pub fn worklist(&mut self, as_of: NaiveDate) -> Result<Vec<WorkItem>, AppError> {
        let offset = self.clock.utc_offset();
        self.store.read(|tx| {
            let w = weights(tx)?;
            let kept = Kept::as_of(tx, as_of)?;
            let mut promises: HashMap<i64, Vec<_>> = HashMap::new();
            for p in collection::all_promises(tx)? {
                promises.entry(p.customer_id).or_default().push(p);
            }
            let mut plans: HashMap<i64, Vec<_>> = HashMap::new();
            for p in collection::all_plans(tx)? {
                plans.entry(p.customer_id).or_default().push(p);
            }
            // Payments are read only for the customers whose promises or plans they keep.
            let promised: BTreeSet<i64> = promises.keys().chain(plans.keys()).copied().collect();
            let mut payments = HashMap::new();
            accounts_of(tx, &promised, |id, account| {
                payments.insert(id, payments_in(account));
                Ok(())
            })?;
            let last: HashMap<i64, ContactLog> =
                collection::last_logs(tx)?.into_iter().map(|l| (l.customer_id, l)).collect();
            let recent = as_of.checked_sub_days(Days::new(BROKEN_SHOWN_DAYS)).unwrap_or(as_of);
            let mut items = Vec::new();
            for customer in customers::list(tx)? {
                if !kept.totals.contains_key(&customer.id) {
                    continue;
                }
                let (mut overdue, mut days) = (Money::ZERO, 0);
                if let Some((receivables, settlement)) = kept.settled(customer.id) {
                    for (r, open) in receivables.iter().zip(&settlement.open) {
                        let late = days_past_due(r, as_of);
                        if let (Some(open), true) = (open, late > 0) {
                            if open.is_positive() {
                                overdue += *open;
                                days = days.max(late);
                            }
                        }
                    }
                }
                let payments = payments.get(&customer.id).map_or(&[][..], Vec::as_slice);
                let mut reasons = Vec::new();
                let mut promises_due = 0;
                for p in promises.get(&customer.id).into_iter().flatten() {
                    let v = promise_view(p, payments, as_of);
                    let left = v.amount - v.paid;
                    match v.keeping {
                        Keeping::Open if v.promised_date == as_of => {
                            promises_due += 1;
                            reasons.push(WorkReason::PromiseDue { amount: left, date: v.promised_date });
                        }
                        Keeping::Broken | Keeping::PartlyKept if v.promised_date >= recent => {
                            promises_due += 1;
                            reasons.push(WorkReason::PromiseBroken { amount: left, date: v.promised_date });
                        }
                        _ => {}
                    }
                }
                for plan in plans.get(&customer.id).into_iter().flatten() {
                    for i in plan_view(tx, plan, &customer.fields.code, payments, as_of)?.instalments {
                        let left = i.amount - i.paid;
                        match i.keeping {
                            Keeping::Open if i.due_date == as_of => {
                                promises_due += 1;
                                reasons.push(WorkReason::InstalmentDue { amount: left, date: i.due_date });
                            }
                            Keeping::Broken | Keeping::PartlyKept if i.due_date >= recent && i.due_date < as_of => {
                                promises_due += 1;
                                reasons.push(WorkReason::InstalmentBroken { amount: left, date: i.due_date });
                            }
                            _ => {}
                        }
                    }
                }
                let log = last.get(&customer.id);
                let follow_up =
                    log.and_then(|l| l.next_date.filter(|d| *d <= as_of).map(|d| (l.next_action.clone(), d)));
                if overdue.is_zero() && promises_due == 0 && follow_up.is_none() {
                    continue;
                }
                if overdue.is_positive() {
                    reasons.insert(0, WorkReason::Overdue { amount: overdue, days });
                }
                if let Some((action, date)) = follow_up {
                    reasons.push(WorkReason::FollowUp { action, date });
                }
                let key = customer.fields.importance == Importance::Key;
                let collection_day = customer.fields.business.collection_days.includes(as_of);
                if key {
                    reasons.push(WorkReason::KeyCustomer);
                }
                if collection_day {
                    reasons.push(WorkReason::CollectionDay);
                }
                let since = log
                    .and_then(|l| DateTime::parse_from_rfc3339(&l.at).ok())
                    .map(|at| (as_of - at.with_timezone(&offset).date_naive()).num_days());
                match since {
                    None => reasons.push(WorkReason::NeverContacted),
                    Some(d) if d >= 7 => reasons.push(WorkReason::Silent { days: d }),
                    _ => {}
                }
                let stage = collection::stage_of(tx, customer.id)?;
                if let Some(s) = stage.as_ref().filter(|s| s.stage != "paid") {
                    if let Ok(stage) = s.stage.parse() {
                        reasons.push(WorkReason::Stage { stage, person: s.person.clone() });
                    }
                }
                let standing = Standing {
                    overdue,
                    days_overdue: days,
                    promises_due,
                    key_customer: key,
                    collection_day,
                    days_since_contact: since,
                };
                items.push(WorkItem {
                    priority: priority(&w, &standing),
                    code: customer.fields.code.clone(),
                    name: customer.fields.name.clone(),
                    overdue,
                    days_overdue: days,
                    reasons,
                    last_contact: log.cloned(),
                    stage,
                });
            }
            items.sort_by(|a, b| b.priority.total_cmp(&a.priority).then_with(|| a.code.cmp(&b.code)));
            Ok(items)
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_refused_weight_is_explained_in_chinese() {
        assert_eq!(super::weights_zh("each weight is 0 to 1000"), "每个权重须在 0 到 1000 之间");
        assert_eq!(super::weights_zh("at least one weight must count"), "至少要有一个权重大于 0");
    }
}
