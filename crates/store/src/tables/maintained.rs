//! What each customer owes, kept up to date with the ledger (migration 0007): its totals
//! and its receivables still open after settling everything it has. Every transaction that
//! writes an entry or an allocation marks the customer (triggers), and the store brings the
//! marked customers up to date before it commits. `check` recomputes everything from the
//! ledger and names any difference.

use std::collections::{BTreeMap, HashMap};

use crate::{params, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::ledger::Account;
use huikuan_domain::{Money, Receivable, Settlement};

use super::columns::{money, parsed};
use super::entries;
use crate::error::StoreError;

/// A customer's totals over everything recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub balance: Money,
    pub credit: Money,
    pub first_date: NaiveDate,
    /// The latest entry or allocation date: settling as of this day or later settles everything.
    pub last_date: NaiveDate,
    pub entries: i64,
}

/// A receivable still open after settling everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub customer_id: i64,
    pub receivable: Receivable,
    pub open: Money,
}

fn derive(account: &Account) -> Option<(Totals, Vec<(usize, Money)>)> {
    let dates = account
        .receivables
        .iter()
        .map(|r| r.doc_date)
        .chain(account.credits.iter().map(|c| c.date))
        .chain(account.allocations.iter().map(|a| a.date));
    let (first, last) = dates.fold(None, |span: Option<(NaiveDate, NaiveDate)>, d| {
        Some(span.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
    })?;
    let settlement: Settlement = account.settle(NaiveDate::MAX);
    let open =
        settlement.open.iter().enumerate().filter_map(|(i, o)| o.filter(|m| m.is_positive()).map(|m| (i, m))).collect();
    let totals = Totals {
        balance: account.balance(),
        credit: settlement.credit,
        first_date: first,
        last_date: last,
        entries: (account.receivables.len() + account.credits.len()) as i64,
    };
    Some((totals, open))
}

fn write(conn: &Transaction, customer_id: i64, account: &Account) -> Result<(), StoreError> {
    let Some((totals, open)) = derive(account) else {
        conn.prepare_cached("DELETE FROM open_items WHERE customer_id = ?1")?.execute([customer_id])?;
        conn.prepare_cached("DELETE FROM account_totals WHERE customer_id = ?1")?.execute([customer_id])?;
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO account_totals (customer_id, balance_cents, credit_cents, first_date, last_date, entries)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (customer_id) DO UPDATE SET balance_cents = excluded.balance_cents,
             credit_cents = excluded.credit_cents, first_date = excluded.first_date,
             last_date = excluded.last_date, entries = excluded.entries",
    )?
    .execute(params![
        customer_id,
        totals.balance.cents(),
        totals.credit.cents(),
        totals.first_date,
        totals.last_date,
        totals.entries
    ])?;
    // Only what changed is written: a new delivery adds one row, not the customer's every
    // open item again.
    let mut kept: HashMap<i64, i64> = conn
        .prepare_cached("SELECT entry_id, open_cents FROM open_items WHERE customer_id = ?1")?
        .query_map([customer_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO open_items (entry_id, customer_id, kind, number, doc_date, due_date, amount_cents, open_cents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut update = conn.prepare_cached("UPDATE open_items SET open_cents = ?2 WHERE entry_id = ?1")?;
    for (i, amount) in open {
        let r: &Receivable = &account.receivables[i];
        match kept.remove(&r.id) {
            Some(cents) if cents == amount.cents() => {}
            Some(_) => {
                update.execute(params![r.id, amount.cents()])?;
            }
            None => {
                insert.execute(params![
                    r.id,
                    customer_id,
                    r.kind.as_str(),
                    r.number,
                    r.doc_date,
                    r.due_date,
                    r.amount.cents(),
                    amount.cents()
                ])?;
            }
        }
    }
    let mut delete = conn.prepare_cached("DELETE FROM open_items WHERE entry_id = ?1")?;
    for gone in kept.keys() {
        delete.execute([gone])?;
    }
    Ok(())
}

/// Brings every customer marked by this transaction up to date. The store calls it before
/// each commit; a read inside a writing transaction may call it first to see the present.
pub fn settle_dirty(conn: &Transaction) -> Result<usize, StoreError> {
    let dirty: Vec<i64> = conn
        .prepare_cached("SELECT customer_id FROM dirty_accounts ORDER BY customer_id")?
        .query_map((), |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if dirty.is_empty() {
        return Ok(0);
    }
    // Many customers at once (an import, a migration): one pass over the ledger.
    if dirty.len() > 200 {
        let accounts = entries::all_accounts(conn)?;
        for id in &dirty {
            write(conn, *id, accounts.get(id).unwrap_or(&Account::default()))?;
        }
    } else {
        for id in &dirty {
            write(conn, *id, &entries::account(conn, *id)?)?;
        }
    }
    conn.prepare_cached("DELETE FROM dirty_accounts")?.execute(())?;
    Ok(dirty.len())
}

/// True when this transaction has written an entry or allocation of the customer's that
/// is not yet reflected in what is kept.
pub fn is_dirty(conn: &Transaction, customer_id: i64) -> Result<bool, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM dirty_accounts WHERE customer_id = ?1")?;
    stmt.exists([customer_id])
}

/// Marks a customer's kept figures as out of date: something settling reads changed without
/// an entry or allocation (a due date that follows an invoice).
pub fn mark_dirty(conn: &Transaction, customer_id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO dirty_accounts (customer_id) VALUES (?1) ON CONFLICT (customer_id) DO NOTHING")?
        .execute([customer_id])?;
    Ok(())
}

const TOTALS_COLUMNS: &str = "customer_id, balance_cents, credit_cents, first_date, last_date, entries";

fn totals_row(row: &Row) -> Result<(i64, Totals), StoreError> {
    Ok((
        row.get(0)?,
        Totals {
            balance: money(row, 1)?,
            credit: money(row, 2)?,
            first_date: row.get(3)?,
            last_date: row.get(4)?,
            entries: row.get(5)?,
        },
    ))
}

pub fn totals(conn: &Transaction, customer_id: i64) -> Result<Option<Totals>, StoreError> {
    use crate::OptionalExtension;
    let sql = format!("SELECT {TOTALS_COLUMNS} FROM account_totals WHERE customer_id = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([customer_id], totals_row).optional()?.map(|(_, totals)| totals))
}

pub fn all_totals(conn: &Transaction) -> Result<HashMap<i64, Totals>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {TOTALS_COLUMNS} FROM account_totals"))?;
    let rows = stmt.query_map((), totals_row)?;
    rows.collect::<Result<_, _>>()
}

const OPEN_COLUMNS: &str = "customer_id, entry_id, kind, number, doc_date, due_date, amount_cents, open_cents";

fn open_item(row: &Row) -> Result<OpenItem, StoreError> {
    Ok(OpenItem {
        customer_id: row.get(0)?,
        receivable: Receivable {
            id: row.get(1)?,
            kind: parsed(row, 2)?,
            number: row.get(3)?,
            doc_date: row.get(4)?,
            due_date: row.get(5)?,
            amount: money(row, 6)?,
        },
        open: money(row, 7)?,
    })
}

/// A customer's open receivables, by due date.
pub fn open_of(conn: &Transaction, customer_id: i64) -> Result<Vec<OpenItem>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OPEN_COLUMNS} FROM open_items WHERE customer_id = ?1 ORDER BY due_date, doc_date, number"
    ))?;
    let rows = stmt.query_map([customer_id], open_item)?;
    rows.collect::<Result<_, _>>()
}

/// Every open receivable, grouped by customer.
pub fn all_open(conn: &Transaction) -> Result<HashMap<i64, Vec<OpenItem>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {OPEN_COLUMNS} FROM open_items ORDER BY customer_id"))?;
    let mut out: HashMap<i64, Vec<OpenItem>> = HashMap::new();
    for item in stmt.query_map((), open_item)? {
        let item = item?;
        out.entry(item.customer_id).or_default().push(item);
    }
    Ok(out)
}

/// Recomputes every customer's totals and open receivables from the ledger and compares
/// them with what is kept; returns a line per difference (none: all agree).
pub fn check(conn: &Transaction) -> Result<Vec<String>, StoreError> {
    let accounts = entries::all_accounts(conn)?;
    let kept = all_totals(conn)?;
    let open = all_open(conn)?;
    let mut differences = Vec::new();
    let ids: std::collections::BTreeSet<i64> = accounts.keys().chain(kept.keys()).copied().collect();
    for id in ids {
        let fresh = accounts.get(&id).and_then(derive);
        match (fresh, kept.get(&id)) {
            (None, None) => {}
            (Some((totals, items)), Some(stored)) => {
                if totals != *stored {
                    differences.push(format!("customer #{id}: totals kept {stored:?}, recomputed {totals:?}"));
                }
                let account = &accounts[&id];
                let fresh: BTreeMap<i64, Money> = items.iter().map(|&(i, m)| (account.receivables[i].id, m)).collect();
                let stored: BTreeMap<i64, Money> =
                    open.get(&id).into_iter().flatten().map(|o| (o.receivable.id, o.open)).collect();
                if fresh != stored {
                    differences.push(format!("customer #{id}: open items kept {stored:?}, recomputed {fresh:?}"));
                }
            }
            (fresh, stored) => differences.push(format!(
                "customer #{id}: kept {}, recomputed {}",
                if stored.is_some() { "totals" } else { "nothing" },
                if fresh.is_some() { "totals" } else { "nothing" }
            )),
        }
    }
    Ok(differences)
}

/// Customers with a receivable open and due on or before `day`.
pub fn customers_due_by(conn: &Transaction, day: NaiveDate) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT customer_id FROM open_items WHERE due_date <= ?1")?;
    let rows = stmt.query_map([day], |row| row.get(0))?;
    rows.collect::<Result<_, _>>()
}

/// Customers with an entry or allocation after `day`: for them what is kept is not what
/// was open on `day`.
pub fn customers_active_after(conn: &Transaction, day: NaiveDate) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT customer_id FROM account_totals WHERE last_date > ?1")?;
    let rows = stmt.query_map([day], |row| row.get(0))?;
    rows.collect::<Result<_, _>>()
}

/// Customers with a receivable open and due from `from` to `to` (both included).
pub fn customers_due_between(conn: &Transaction, from: NaiveDate, to: NaiveDate) -> Result<Vec<i64>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT customer_id FROM open_items WHERE due_date BETWEEN ?1 AND ?2")?;
    let rows = stmt.query_map([from, to], |row| row.get(0))?;
    rows.collect::<Result<_, _>>()
}
