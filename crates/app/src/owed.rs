//! What a customer owes as of a date, read from what the store keeps up to date when the
//! date is on or after the customer's last entry (the usual case: today), and settled from
//! its ledger otherwise: the accounts of a few customers read one by one, of many in one
//! pass over the ledger (`accounts_of`). Every way gives the same figures;
//! `tests/tests/book_properties.rs` holds each `Reading` to the plain computation.

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use huikuan_domain::aging::{age, AgingBasis, AgingRow, BucketScheme};
use huikuan_domain::{Account, Money, Receivable, Settlement};
use huikuan_store::tables::entries;
use huikuan_store::tables::maintained::{self, OpenItem, Totals};
use huikuan_store::Transaction;

use crate::error::AppError;

/// Receivables and their settlement built from the open items alone.
fn from_open(open: &[OpenItem], credit: Money) -> (Vec<Receivable>, Settlement) {
    let receivables = open.iter().map(|o| o.receivable.clone()).collect();
    let settlement = Settlement { open: open.iter().map(|o| Some(o.open)).collect(), credit };
    (receivables, settlement)
}

/// What every customer owed as of a date, read once for reports over every customer: kept
/// figures for those with no entry after the date, and for the others (all of them, for a
/// date long past) their accounts settled as of it in one pass over the ledger. Only what
/// is open is kept of either, so a report for a past date holds the open items, not the
/// ledger.
pub(crate) struct Kept {
    pub totals: HashMap<i64, Totals>,
    as_of: NaiveDate,
    open: HashMap<i64, Vec<OpenItem>>,
    replayed: HashMap<i64, (Vec<Receivable>, Settlement)>,
}

/// How reports over many customers read what was owed on a date. The usual way chooses by
/// cost; the property tests force each of the others and hold all of them equal.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Kept figures where they hold, accounts one by one or in one pass by what it costs.
    ByCost,
    /// As `ByCost`, but any account read is read in the one pass over the ledger.
    OnePass,
    /// The plain computation: every account read alone and settled from scratch, nothing
    /// kept is used and no customer is left unread.
    Plain,
}

thread_local! {
    static READING: Cell<Reading> = const { Cell::new(Reading::ByCost) };
}

/// Runs `f` with reports reading the given way (on this thread: the store answers on it).
#[doc(hidden)]
pub fn reading<T>(how: Reading, f: impl FnOnce() -> T) -> T {
    let before = READING.replace(how);
    let result = f();
    READING.set(before);
    result
}

pub(crate) fn how() -> Reading {
    READING.get()
}

/// Up to this many accounts are always read one by one.
const FEW: usize = 64;

/// The accounts of the customers in `ids`, each given to `f` in order of id. `f` must not
/// use the transaction (the pass over the ledger holds it on a server).
pub(crate) fn accounts_of(
    tx: &Transaction,
    ids: &BTreeSet<i64>,
    mut f: impl FnMut(i64, &Account) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let pass = match how() {
        Reading::ByCost => ids.len() > FEW && one_pass_pays(tx, ids)?,
        Reading::OnePass => true,
        Reading::Plain => false,
    };
    if pass {
        return entries::each_account(tx, |id| ids.contains(&id), f);
    }
    ids.iter().try_for_each(|&id| f(id, &entries::account(tx, id)?))
}

/// Whether one pass over the whole ledger costs less than reading these accounts one by one:
/// when they hold more than half its entries. Measured on the 1M-entry book, an account
/// read alone costs about twice as much per entry as the same entries in the pass (0.75
/// against 0.4 µs), the price of a seek and a statement per customer.
fn one_pass_pays(tx: &Transaction, ids: &BTreeSet<i64>) -> Result<bool, AppError> {
    let totals = maintained::all_totals(tx)?;
    let all: i64 = totals.values().map(|t| t.entries).sum();
    let wanted: i64 = ids.iter().filter_map(|id| totals.get(id)).map(|t| t.entries).sum();
    Ok(wanted * 2 > all)
}

impl Kept {
    pub fn as_of(tx: &Transaction, as_of: NaiveDate) -> Result<Kept, AppError> {
        let totals = maintained::all_totals(tx)?;
        // Those with an entry after the day: what is kept is not what they owed on it.
        let plain = how() == Reading::Plain;
        let stale: BTreeSet<i64> = totals
            .iter()
            .filter(|(_, t)| t.first_date <= as_of && (plain || t.last_date > as_of))
            .map(|(id, _)| *id)
            .collect();
        let mut replayed = HashMap::new();
        accounts_of(tx, &stale, |id, account| {
            replayed.insert(id, open_part(&account.receivables, account.settle(as_of)));
            Ok(())
        })?;
        Ok(Kept { totals, as_of, open: maintained::all_open(tx)?, replayed })
    }

    /// The customer's aging row as of the date; None when it has no entry on or before it.
    pub fn aging(&self, customer_id: i64, scheme: &BucketScheme, basis: AgingBasis) -> Option<AgingRow> {
        self.settled(customer_id)
            .map(|(receivables, settlement)| age(&receivables, &settlement, self.as_of, scheme, basis))
    }

    /// The customer's open receivables and what is open of each as of the date; None when
    /// it has no entry on or before it.
    pub fn settled(&self, customer_id: i64) -> Option<(Vec<Receivable>, Settlement)> {
        let totals = self.totals.get(&customer_id)?;
        if totals.first_date > self.as_of {
            return None;
        }
        if let Some((receivables, settlement)) = self.replayed.get(&customer_id) {
            return Some((receivables.clone(), settlement.clone()));
        }
        Some(from_open(self.open.get(&customer_id).map_or(&[][..], Vec::as_slice), totals.credit))
    }

    /// The date it is as of.
    pub fn date(&self) -> NaiveDate {
        self.as_of
    }

    /// The customers owing, on the date, something that fell due on or before `due_by`.
    pub fn owing_due_by(&self, due_by: NaiveDate) -> BTreeSet<i64> {
        let due = |items: &[Receivable], open: &[Option<Money>]| {
            items.iter().zip(open).any(|(r, o)| r.due_date <= due_by && o.is_some_and(|o| o.is_positive()))
        };
        let replayed = self.replayed.iter().filter(|(_, (r, s))| due(r, &s.open)).map(|(id, _)| *id);
        let kept = self.open.iter().filter(|(id, items)| {
            !self.replayed.contains_key(id)
                && self.totals.get(id).is_some_and(|t| t.first_date <= self.as_of)
                && items.iter().any(|o| o.receivable.due_date <= due_by && o.open.is_positive())
        });
        replayed.chain(kept.map(|(id, _)| *id)).collect()
    }
}

/// The receivables open (not zero) in a settlement, with it: what aging reads of it.
fn open_part(receivables: &[Receivable], settlement: Settlement) -> (Vec<Receivable>, Settlement) {
    let (open, items): (Vec<Option<Money>>, Vec<Receivable>) = receivables
        .iter()
        .zip(settlement.open)
        .filter(|(_, open)| open.is_some_and(|o| !o.is_zero()))
        .map(|(r, open)| (open, r.clone()))
        .unzip();
    (items, Settlement { open, credit: settlement.credit })
}

/// One customer's aging row as of `as_of` (an empty row when it has no entries yet).
pub(crate) fn aging_of(
    tx: &Transaction,
    customer_id: i64,
    as_of: NaiveDate,
    scheme: &BucketScheme,
    basis: AgingBasis,
) -> Result<AgingRow, AppError> {
    match maintained::totals(tx, customer_id)? {
        Some(totals) if totals.last_date <= as_of => {
            let open = maintained::open_of(tx, customer_id)?;
            let (receivables, settlement) = from_open(&open, totals.credit);
            Ok(age(&receivables, &settlement, as_of, scheme, basis))
        }
        Some(_) => {
            let account = entries::account(tx, customer_id)?;
            Ok(age(&account.receivables, &account.settle(as_of), as_of, scheme, basis))
        }
        None => Ok(AgingRow::empty(scheme)),
    }
}

/// What the customer owes by everything recorded, net of its credit.
pub(crate) fn balance_of(tx: &Transaction, customer_id: i64) -> Result<(Money, Money), AppError> {
    Ok(maintained::totals(tx, customer_id)?.map_or((Money::ZERO, Money::ZERO), |t| (t.balance, t.credit)))
}

impl crate::Books {
    /// Recomputes every customer's totals and open items from the ledger and compares them
    /// with what is kept; each difference named (none: they agree).
    pub fn check_kept(&mut self) -> Result<Vec<String>, AppError> {
        self.store.read(|tx| Ok(maintained::check(tx)?))
    }
}
