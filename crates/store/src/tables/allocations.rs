use std::collections::HashMap;

use crate::{params, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::{ExplicitAllocation, Money};

use super::columns::money;
use super::Stamp;
use crate::error::StoreError;

pub fn insert(
    conn: &Transaction,
    credit_entry_id: i64,
    receivable_entry_id: i64,
    date: NaiveDate,
    amount: Money,
    stamp: &Stamp,
) -> Result<i64, StoreError> {
    assert!(amount.is_positive(), "an allocation moves a positive amount");
    conn.prepare_cached(
        "INSERT INTO allocations (credit_entry_id, receivable_entry_id, alloc_date, amount_cents, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .insert(params![credit_entry_id, receivable_entry_id, date, amount.cents(), stamp.at, stamp.operator])
}

fn from_row(row: &Row) -> Result<ExplicitAllocation, StoreError> {
    Ok(ExplicitAllocation {
        credit_id: row.get(0)?,
        receivable_id: row.get(1)?,
        date: row.get(2)?,
        amount: money(row, 3)?,
    })
}

pub fn for_customer(conn: &Transaction, customer_id: i64) -> Result<Vec<ExplicitAllocation>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.credit_entry_id, a.receivable_entry_id, a.alloc_date, a.amount_cents
         FROM allocations a JOIN entries e ON e.id = a.credit_entry_id
         WHERE e.customer_id = ?1 ORDER BY a.id",
    )?;
    let rows = stmt.query_map([customer_id], from_row)?;
    rows.collect::<Result<_, _>>()
}

pub fn for_credit(conn: &Transaction, credit_entry_id: i64) -> Result<Vec<ExplicitAllocation>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT credit_entry_id, receivable_entry_id, alloc_date, amount_cents FROM allocations
         WHERE credit_entry_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([credit_entry_id], from_row)?;
    rows.collect::<Result<_, _>>()
}

/// Every allocation by the entry it spends (its credit), each with its id: read in one pass
/// over the table, without a lookup of each credit's customer.
pub fn by_credit(conn: &Transaction) -> Result<HashMap<i64, Vec<(i64, ExplicitAllocation)>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT credit_entry_id, receivable_entry_id, alloc_date, amount_cents, id FROM allocations ORDER BY id",
    )?;
    let mut out: HashMap<i64, Vec<(i64, ExplicitAllocation)>> = HashMap::new();
    stmt.for_each((), |row| {
        let allocation = from_row(row)?;
        out.entry(allocation.credit_id).or_default().push((row.get(4)?, allocation));
        Ok(())
    })?;
    Ok(out)
}

/// Every allocation with the customer it belongs to.
pub fn all(conn: &Transaction) -> Result<Vec<(i64, ExplicitAllocation)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.credit_entry_id, a.receivable_entry_id, a.alloc_date, a.amount_cents, e.customer_id
         FROM allocations a JOIN entries e ON e.id = a.credit_entry_id ORDER BY a.id",
    )?;
    let rows = stmt.query_map((), |row| Ok((row.get(4)?, from_row(row)?)))?;
    rows.collect::<Result<_, _>>()
}
