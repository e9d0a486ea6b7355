//! The limitation watch (诉讼时效): for each open receivable, when its three years started,
//! the last event that restarted them with its evidence, and the day they run out.
//! Restarting events (Civil Code art. 195): a letter whose receipt came back signed "no
//! objection" (the customer acknowledging the debt); a letter whose receipt came back signed or that
//! went by express with a tracking number; a statement the customer confirmed; a payment
//! that left part of the receivable open; a promise to pay or a repayment plan the customer
//! agreed to (every receivable it then owed). A letter without proof of arrival restarts nothing.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};
use huikuan_domain::behaviour::replay;
use huikuan_domain::limitation::{period_end, Restart, RestartKind};
use huikuan_domain::{Account, EntryKind, Money};
use huikuan_store::tables::collection::{PlanRecord, PromiseRecord};
use huikuan_store::tables::letters::Letter;
use huikuan_store::tables::statements::Confirmed;
use huikuan_store::tables::{collection, customers, documents, entries, letters, sendings, statements};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::owed::{accounts_of, how, Kept, Reading};
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

/// What can restart a customer's periods besides its payments, read from the books before
/// its account is settled: each letter's proofs of arrival with the entries it listed, the
/// statements it confirmed, its promises and its plans.
#[derive(Default)]
struct Acknowledged {
    letters: Vec<(Vec<Restart>, Vec<i64>)>,
    statements: Vec<Confirmed>,
    promises: Vec<PromiseRecord>,
    plans: Vec<PlanRecord>,
}

/// The `Acknowledged` of the customers in `only` (of every customer when None), in a few
/// reads of the whole tables (small beside the ledger); a letter's proofs are looked up only
/// for the customers asked about.
fn acknowledged(
    tx: &Transaction,
    only: Option<&BTreeSet<i64>>,
    offset: FixedOffset,
) -> Result<HashMap<i64, Acknowledged>, AppError> {
    let asked = |id: &i64| only.is_none_or(|ids| ids.contains(id));
    let mut out: HashMap<i64, Acknowledged> = HashMap::new();
    for (id, theirs) in letters::by_customer(tx)?.into_iter().filter(|(id, _)| asked(id)) {
        for letter in theirs {
            let items = letters::items(tx, letter.id)?.into_iter().map(|(entry, _, _)| entry).collect();
            out.entry(id).or_default().letters.push((proofs(tx, &letter, offset)?, items));
        }
    }
    for (id, confirmed) in statements::confirmed_by_customer(tx)?.into_iter().filter(|(id, _)| asked(id)) {
        out.entry(id).or_default().statements = confirmed;
    }
    for p in collection::all_promises(tx)?.into_iter().filter(|p| asked(&p.customer_id)) {
        out.entry(p.customer_id).or_default().promises.push(p);
    }
    for p in collection::all_plans(tx)?.into_iter().filter(|p| asked(&p.customer_id)) {
        out.entry(p.customer_id).or_default().plans.push(p);
    }
    Ok(out)
}

/// A letter's proofs of arrival: a signed receipt (with or without "no objection"), or
/// express with a tracking number. A letter without proof restarts nothing.
fn proofs(tx: &Transaction, letter: &Letter, offset: FixedOffset) -> Result<Vec<Restart>, AppError> {
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
    Ok(proofs)
}

/// Every restarting event of one customer's receivables (by entry id), up to `as_of`.
fn restarts(known: &Acknowledged, account: &Account, as_of: NaiveDate) -> HashMap<i64, Vec<Restart>> {
    let mut events: HashMap<i64, Vec<Restart>> = HashMap::new();
    for (proofs, items) in &known.letters {
        for entry in items {
            events.entry(*entry).or_default().extend(proofs.iter().cloned());
        }
    }
    for (number, period_end, confirmed_on) in &known.statements {
        for r in account.receivables.iter().filter(|r| r.doc_date <= *period_end) {
            events.entry(r.id).or_default().push(Restart {
                kind: RestartKind::StatementConfirmed,
                date: *confirmed_on,
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
    for promise in &known.promises {
        let by = if promise.promised_by.is_empty() { String::new() } else { format!(" · {}", promise.promised_by) };
        let evidence = format!("{} {}{by}", promise.amount.yuan(), promise.promised_date);
        acknowledged(&mut events, RestartKind::Promise, promise.made_on, evidence);
    }
    for plan in &known.plans {
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
    events
}

/// One customer's open receivables with their periods as of `as_of`.
fn rows_of(customer: &Customer, account: &Account, known: &Acknowledged, as_of: NaiveDate) -> Vec<LimitationRow> {
    let settlement = account.settle(as_of);
    if settlement.open_total().is_zero() {
        return Vec::new();
    }
    let events = restarts(known, account, as_of);
    let mut rows = Vec::new();
    for (r, open) in account.receivables.iter().zip(&settlement.open) {
        let Some(open) = open.filter(|o| o.is_positive()) else { continue };
        // Awaiting its invoice, it is not due: no period runs yet.
        if huikuan_domain::terms::is_awaiting_invoice(r.due_date) {
            continue;
        }
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
    rows
}

/// The rows of the customers in `ids` (every customer when None), in one pass over the
/// ledger; `keep` chooses among them.
fn rows_for(
    tx: &Transaction,
    ids: Option<&BTreeSet<i64>>,
    as_of: NaiveDate,
    offset: FixedOffset,
    keep: impl Fn(&LimitationRow) -> bool,
) -> Result<Vec<LimitationRow>, AppError> {
    let known = acknowledged(tx, ids, offset)?;
    let everyone: HashMap<i64, Customer> = customers::list(tx)?.into_iter().map(|c| (c.id, c)).collect();
    let all: BTreeSet<i64>;
    let ids = match ids {
        Some(ids) => ids,
        None => {
            all = everyone.keys().copied().collect();
            &all
        }
    };
    let none = Acknowledged::default();
    let mut rows = Vec::new();
    accounts_of(tx, ids, |id, account| {
        let Some(customer) = everyone.get(&id) else { return Ok(()) };
        let theirs = known.get(&id).unwrap_or(&none);
        rows.extend(rows_of(customer, account, theirs, as_of).into_iter().filter(&keep));
        Ok(())
    })?;
    Ok(rows)
}

fn sorted(mut rows: Vec<LimitationRow>) -> Vec<LimitationRow> {
    rows.sort_by(|a, b| (a.ends_on, &a.code, &a.number).cmp(&(b.ends_on, &b.code, &b.number)));
    rows
}

/// The open receivables whose period ends within `days` of the date of `kept` (or has
/// ended), soonest first. A restart only ever moves an end later, so only an item due at
/// least three years less `days` before the date can have one: only the customers owing
/// such an item on the date (`kept` knows) are read at all.
pub(crate) fn ending_within(
    tx: &Transaction,
    kept: &Kept,
    days: i64,
    offset: FixedOffset,
) -> Result<Vec<LimitationRow>, AppError> {
    let as_of = kept.date();
    let horizon = as_of + chrono::Duration::days(days);
    // A day later than three years back from the horizon: three years after 29 February end
    // on 28 February, a day sooner than counting back finds.
    let latest_due = horizon
        .checked_sub_months(chrono::Months::new(12 * huikuan_domain::limitation::YEARS))
        .map_or(horizon, |back| back + chrono::Duration::days(1));
    let ids = if how() == Reading::Plain { None } else { Some(kept.owing_due_by(latest_due)) };
    Ok(sorted(rows_for(tx, ids.as_ref(), as_of, offset, |r| r.days_left <= days)?))
}

impl Books {
    /// Every open receivable's limitation period as of `as_of`, the soonest to end first.
    pub fn limitation_report(&mut self, as_of: NaiveDate) -> Result<LimitationReport, AppError> {
        let offset = self.clock.utc_offset();
        self.store.read(|tx| Ok(LimitationReport { as_of, rows: sorted(rows_for(tx, None, as_of, offset, |_| true)?) }))
    }

    /// One customer's open receivables with their limitation period, the soonest to end first.
    pub fn customer_limitation(&mut self, code: &str, as_of: Option<NaiveDate>) -> Result<LimitationReport, AppError> {
        let as_of = as_of.unwrap_or_else(|| self.clock.today());
        let offset = self.clock.utc_offset();
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let known = acknowledged(tx, Some(&BTreeSet::from([customer.id])), offset)?
                .remove(&customer.id)
                .unwrap_or_default();
            let account = entries::account(tx, customer.id)?;
            Ok(LimitationReport { as_of, rows: sorted(rows_of(&customer, &account, &known, as_of)) })
        })
    }
}
