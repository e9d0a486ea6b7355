//! The limitation watch (诉讼时效): for each open receivable, when its three years started,
//! the last event that restarted them with its evidence, and the day they run out.
//! Restarting events (Civil Code art. 195): a letter whose receipt came back signed "no
//! objection" (the customer acknowledging the debt); a letter whose receipt came back signed or that
//! went by express with a tracking number; a statement the customer confirmed; a payment
//! that left part of the receivable open; a promise to pay or a repayment plan the customer
//! agreed to (every receivable it then owed). A letter without proof of arrival restarts nothing.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use huikuan_domain::behaviour::replay;
use huikuan_domain::limitation::{period_end, Restart, RestartKind};
use huikuan_domain::{EntryKind, Money};
use huikuan_store::tables::{collection, customers, documents, entries, letters, maintained, sendings, statements};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::{Books, Customer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LimitationRow {
    pub code: String,
    pub name: String,
    pub number: String,
    pub doc_date: NaiveDate,
    /// The period runs from the day after this.
    pub due_date: NaiveDate,
    pub open: Money,
    pub last_restart: Option<Restart>,
    pub ends_on: NaiveDate,
    /// Days from the report's date to the end; negative once it has run out.
    pub days_left: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LimitationReport {
    pub as_of: NaiveDate,
    /// Ordered by the day the period ends, soonest first.
    pub rows: Vec<LimitationRow>,
}

/// Every restarting event of one customer's receivables (by entry id), up to `as_of`.
fn restarts(
    tx: &Transaction,
    customer: &Customer,
    account: &huikuan_domain::Account,
    as_of: NaiveDate,
    offset: FixedOffset,
) -> Result<HashMap<i64, Vec<Restart>>, AppError> {
    let mut events: HashMap<i64, Vec<Restart>> = HashMap::new();
    for letter in letters::for_customer(tx, customer.id)? {
        let mut proofs = Vec::new();
        if let Some(receipt) = documents::signature_of(tx, letter.document_id)? {
            let day = DateTime::parse_from_rfc3339(&receipt.signed_at)
                .map_or(letter.letter_date, |at| at.with_timezone(&offset).date_naive());
            let acknowledged = letters::answer_of(tx, letter.id)?.is_some_and(|a| a.no_objection);
            proofs.push(if acknowledged {
                Restart {
                    kind: RestartKind::LetterAcknowledged,
                    date: day,
                    evidence: format!("{} 回执：无异议 / receipt: no objection", letter.number),
                }
            } else {
                Restart {
                    kind: RestartKind::LetterReceipt,
                    date: day,
                    evidence: format!("{} 回执 / receipt", letter.number),
                }
            });
        }
        for sent in sendings::of_document(tx, letter.document_id)? {
            if sent.channel == "express" && !sent.tracking.is_empty() {
                proofs.push(Restart {
                    kind: RestartKind::LetterDelivered,
                    date: sent.sent_on,
                    evidence: format!("{} express {}", letter.number, sent.tracking),
                });
            }
        }
        for (entry, _, _) in letters::items(tx, letter.id)? {
            events.entry(entry).or_default().extend(proofs.iter().cloned());
        }
    }
    for (number, period_end, confirmed_on) in statements::confirmed_for(tx, customer.id)? {
        for r in account.receivables.iter().filter(|r| r.doc_date <= period_end) {
            events.entry(r.id).or_default().push(Restart {
                kind: RestartKind::StatementConfirmed,
                date: confirmed_on,
                evidence: number.clone(),
            });
        }
    }
    let acknowledged =
        |events: &mut HashMap<i64, Vec<Restart>>, kind: RestartKind, date: NaiveDate, evidence: String| {
            for r in account.receivables.iter().filter(|r| r.doc_date <= date) {
                events.entry(r.id).or_default().push(Restart { kind, date, evidence: evidence.clone() });
            }
        };
    for promise in collection::promises_of(tx, customer.id)? {
        let by = if promise.promised_by.is_empty() { String::new() } else { format!(" · {}", promise.promised_by) };
        let evidence = format!("{} {}{by}", promise.amount.yuan(), promise.promised_date);
        acknowledged(&mut events, RestartKind::Promise, promise.made_on, evidence);
    }
    for plan in collection::plans_of(tx, customer.id)? {
        acknowledged(&mut events, RestartKind::Plan, plan.agreed_on, plan.number.clone());
    }
    let settled = replay(account, as_of);
    for part in settled.parts.iter().filter(|p| p.credit_kind == EntryKind::Payment) {
        let receivable = &account.receivables[part.receivable];
        // A payment that settles the rest is no acknowledgement of anything still open.
        if settled.settled_on[part.receivable] == Some(part.date) {
            continue;
        }
        events.entry(receivable.id).or_default().push(Restart {
            kind: RestartKind::PartPayment,
            date: part.date,
            evidence: account.credits[part.credit].number.clone(),
        });
    }
    Ok(events)
}

fn rows_of(
    tx: &Transaction,
    customer: &Customer,
    as_of: NaiveDate,
    offset: FixedOffset,
) -> Result<Vec<LimitationRow>, AppError> {
    let account = entries::account(tx, customer.id)?;
    let settlement = account.settle(as_of);
    if settlement.open_total().is_zero() {
        return Ok(Vec::new());
    }
    let events = restarts(tx, customer, &account, as_of, offset)?;
    let mut rows = Vec::new();
    for (r, open) in account.receivables.iter().zip(&settlement.open) {
        let Some(open) = open.filter(|o| o.is_positive()) else { continue };
        let (last_restart, ends_on) = period_end(r.due_date, events.get(&r.id).map_or(&[][..], Vec::as_slice), as_of);
        rows.push(LimitationRow {
            code: customer.fields.code.clone(),
            name: customer.fields.name.clone(),
            number: r.number.clone(),
            doc_date: r.doc_date,
            due_date: r.due_date,
            open,
            last_restart,
            ends_on,
            days_left: (ends_on - as_of).num_days(),
        });
    }
    Ok(rows)
}

fn sorted(mut rows: Vec<LimitationRow>) -> Vec<LimitationRow> {
    rows.sort_by(|a, b| (a.ends_on, &a.code, &a.number).cmp(&(b.ends_on, &b.code, &b.number)));
    rows
}

/// The open receivables whose period ends within `days` of `as_of` (or has ended), soonest
/// first. A restart only ever moves an end later, so only the customers with an item due
/// at least three years less `days` ago can have one: the others are not read at all.
pub(crate) fn ending_within(
    tx: &Transaction,
    as_of: NaiveDate,
    days: i64,
    offset: FixedOffset,
) -> Result<Vec<LimitationRow>, AppError> {
    let horizon = as_of + chrono::Duration::days(days);
    let latest_due =
        horizon.checked_sub_months(chrono::Months::new(12 * huikuan_domain::limitation::YEARS)).unwrap_or(horizon);
    let mut ids: std::collections::BTreeSet<i64> = maintained::customers_due_by(tx, latest_due)?.into_iter().collect();
    // Customers with entries after the day: what is open then is not what is kept.
    ids.extend(maintained::customers_active_after(tx, as_of)?);
    let mut rows = Vec::new();
    for id in ids {
        let customer = customers::get(tx, id)?;
        rows.extend(rows_of(tx, &customer, as_of, offset)?.into_iter().filter(|r| r.days_left <= days));
    }
    Ok(sorted(rows))
}

impl Books {
    /// Every open receivable's limitation period as of `as_of`, the soonest to end first.
    pub fn limitation_report(&mut self, as_of: NaiveDate) -> Result<LimitationReport, AppError> {
        let offset = self.clock.utc_offset();
        self.store.read(|tx| {
            let mut rows = Vec::new();
            for customer in customers::list(tx)? {
                rows.extend(rows_of(tx, &customer, as_of, offset)?);
            }
            Ok(LimitationReport { as_of, rows: sorted(rows) })
        })
    }

    /// One customer's open receivables with their limitation period, the soonest to end first.
    pub fn customer_limitation(&mut self, code: &str, as_of: Option<NaiveDate>) -> Result<LimitationReport, AppError> {
        let as_of = as_of.unwrap_or_else(|| self.clock.today());
        let offset = self.clock.utc_offset();
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            Ok(LimitationReport { as_of, rows: sorted(rows_of(tx, &customer, as_of, offset)?) })
        })
    }
}
