//! What a customer owes as of a date, read from what the store keeps up to date when the
//! date is on or after the customer's last entry (the usual case: today), and settled from
//! its whole ledger otherwise. Both give the same figures; `tests/tests/book_properties.rs`
//! holds the fast reading to the plain one.

use std::collections::HashMap;

use chrono::NaiveDate;
use huikuan_domain::aging::{age, AgingBasis, AgingRow, BucketScheme};
use huikuan_domain::{Money, Receivable, Settlement};
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

/// Everything the store keeps, read once: for reports over every customer.
pub(crate) struct Kept {
    pub totals: HashMap<i64, Totals>,
    pub open: HashMap<i64, Vec<OpenItem>>,
}

impl Kept {
    pub fn read(tx: &Transaction) -> Result<Kept, AppError> {
        Ok(Kept { totals: maintained::all_totals(tx)?, open: maintained::all_open(tx)? })
    }

    /// The customer's aging row as of `as_of`; None when it has no entry on or before it.
    pub fn aging(
        &self,
        tx: &Transaction,
        customer_id: i64,
        as_of: NaiveDate,
        scheme: &BucketScheme,
        basis: AgingBasis,
    ) -> Result<Option<AgingRow>, AppError> {
        Ok(self
            .settled(tx, customer_id, as_of)?
            .map(|(receivables, settlement)| age(&receivables, &settlement, as_of, scheme, basis)))
    }

    /// The customer's receivables and what is open of each as of `as_of`; None when it has
    /// no entry on or before it.
    pub fn settled(
        &self,
        tx: &Transaction,
        customer_id: i64,
        as_of: NaiveDate,
    ) -> Result<Option<(Vec<Receivable>, Settlement)>, AppError> {
        let Some(totals) = self.totals.get(&customer_id) else { return Ok(None) };
        if totals.first_date > as_of {
            return Ok(None);
        }
        if totals.last_date <= as_of {
            return Ok(Some(from_open(self.open.get(&customer_id).map_or(&[][..], Vec::as_slice), totals.credit)));
        }
        let account = entries::account(tx, customer_id)?;
        let settlement = account.settle(as_of);
        Ok(Some((account.receivables, settlement)))
    }
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
