//! The ledger: append-only entries, and the accounts that settlement reads from them.

use std::collections::HashMap;

use crate::{params, OptionalExtension, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::{Account, Credit, EntryKind, ExplicitAllocation, Money, PaymentMethod, Receivable, Side};
use serde::Serialize;

use super::columns::{damaged, money, parsed, parsed_opt};
use super::{allocations, Stamp};
use crate::error::{is_unique_violation, not_found, StoreError};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub customer_id: i64,
    pub kind: EntryKind,
    pub side: Side,
    pub number: String,
    pub doc_date: NaiveDate,
    /// Debits only.
    pub due_date: Option<NaiveDate>,
    /// Positive; the side says which way it moves the balance.
    pub amount: Money,
    /// Payments only.
    pub method: Option<PaymentMethod>,
    pub reference: String,
    pub memo: String,
    pub corrects_entry_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Entry {
    pub id: i64,
    pub customer_id: i64,
    pub kind: EntryKind,
    pub side: Side,
    pub number: String,
    pub doc_date: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub amount: Money,
    pub method: Option<PaymentMethod>,
    pub reference: String,
    pub memo: String,
    pub corrects_entry_id: Option<i64>,
    pub created_at: String,
    pub operator: String,
}

impl Entry {
    /// Positive for a debit, negative for a credit: how the entry moves the balance.
    pub fn signed_amount(&self) -> Money {
        match self.side {
            Side::Debit => self.amount,
            Side::Credit => -self.amount,
        }
    }

    pub fn as_receivable(&self) -> Option<Receivable> {
        (self.side == Side::Debit).then(|| Receivable {
            id: self.id,
            kind: self.kind,
            number: self.number.clone(),
            doc_date: self.doc_date,
            due_date: self.due_date.unwrap_or(self.doc_date),
            amount: self.amount,
        })
    }

    pub fn as_credit(&self) -> Option<Credit> {
        (self.side == Side::Credit).then(|| Credit {
            id: self.id,
            kind: self.kind,
            number: self.number.clone(),
            date: self.doc_date,
            amount: self.amount,
        })
    }
}

const COLUMNS: &str = "id, customer_id, kind, side, number, doc_date, due_date, amount_cents, method, reference, memo,
    corrects_entry_id, created_at, operator";

fn from_row(row: &Row) -> Result<Entry, StoreError> {
    Ok(Entry {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        kind: parsed(row, 2)?,
        side: parsed(row, 3)?,
        number: row.get(4)?,
        doc_date: row.get(5)?,
        due_date: row.get(6)?,
        amount: money(row, 7)?,
        method: parsed_opt(row, 8)?,
        reference: row.get(9)?,
        memo: row.get(10)?,
        corrects_entry_id: row.get(11)?,
        created_at: row.get(12)?,
        operator: row.get(13)?,
    })
}

pub fn insert(conn: &Transaction, e: &NewEntry, stamp: &Stamp) -> Result<i64, StoreError> {
    assert!(e.amount.is_positive(), "ledger amounts are positive; the side gives the sign");
    conn.prepare_cached(
        "INSERT INTO entries (customer_id, kind, side, number, doc_date, due_date, amount_cents, method, reference,
             memo, corrects_entry_id, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .insert(params![
        e.customer_id,
        e.kind.as_str(),
        e.side.as_str(),
        e.number,
        e.doc_date,
        e.due_date,
        e.amount.cents(),
        e.method.map(PaymentMethod::as_str),
        e.reference,
        e.memo,
        e.corrects_entry_id,
        stamp.at,
        stamp.operator
    ])
    .map_err(|error| {
        if is_unique_violation(&error) {
            StoreError::NumberTaken { kind: e.kind.as_str().to_string(), number: e.number.clone() }
        } else {
            error
        }
    })
}

pub fn get(conn: &Transaction, id: i64) -> Result<Entry, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM entries WHERE id = ?1");
    let mut entry = conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| not_found(format!("ledger entry #{id}")))?;
    let due: Option<NaiveDate> = conn
        .prepare_cached("SELECT due_date FROM invoice_terms WHERE entry_id = ?1")?
        .query_row([id], |r: &Row| r.get(0))
        .optional()?;
    entry.due_date = due.or(entry.due_date);
    Ok(entry)
}

pub fn by_number(conn: &Transaction, kind: EntryKind, number: &str) -> Result<Option<Entry>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM entries WHERE kind = ?1 AND number = ?2");
    conn.prepare_cached(&sql)?.query_row(params![kind.as_str(), number], from_row).optional()
}

/// A customer's entries in ledger order: date, then debits before credits, then id.
pub fn for_customer(conn: &Transaction, customer_id: i64) -> Result<Vec<Entry>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM entries WHERE customer_id = ?1
         ORDER BY doc_date, CASE side WHEN 'debit' THEN 0 ELSE 1 END, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows: Vec<Entry> = stmt.query_map([customer_id], from_row)?.collect::<Result<_, _>>()?;
    entries_due_from_invoices(&mut rows, &super::invoices::dues(conn, Some(customer_id))?);
    Ok(rows)
}

/// One customer's account for settlement, in the order of `for_customer`. Only the columns
/// settling needs are read: the forecast reads thousands of accounts. Debits and credits go
/// to lists of their own, each in (date, id) order, so the rows are asked for in the order
/// of the index entries_account (credit sorts before debit there): a range of the index
/// read as it lies, with no sort.
pub fn account(conn: &Transaction, customer_id: i64) -> Result<Account, StoreError> {
    let mut account = Account { allocations: allocations::for_customer(conn, customer_id)?, ..Account::default() };
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, side, number, doc_date, due_date, amount_cents FROM entries WHERE customer_id = ?1
         ORDER BY doc_date, side, id",
    )?;
    stmt.for_each([customer_id], |row| push_settled(&mut account, row, 0))?;
    due_from_invoices(&mut account, &super::invoices::dues(conn, Some(customer_id))?);
    Ok(account)
}

/// The due dates of the deliveries on invoice terms, as their invoices give them.
fn due_from_invoices(account: &mut Account, dues: &HashMap<i64, NaiveDate>) {
    if dues.is_empty() {
        return;
    }
    for r in &mut account.receivables {
        if let Some(due) = dues.get(&r.id) {
            r.due_date = *due;
        }
    }
}

/// The same for entries read whole.
fn entries_due_from_invoices(entries: &mut [Entry], dues: &HashMap<i64, NaiveDate>) {
    for e in entries.iter_mut() {
        if let Some(due) = dues.get(&e.id) {
            e.due_date = Some(*due);
        }
    }
}

/// Adds the entry in `row` to `account`: its id, kind, side, number, doc_date, due_date and
/// amount_cents in that order from column `first`.
fn push_settled(account: &mut Account, row: &Row, first: usize) -> Result<(), StoreError> {
    let doc_date = row.date(first + 4)?.ok_or_else(|| damaged(first + 4, "NULL", "a document date is required"))?;
    let (id, kind, number, amount) =
        (row.get(first)?, parsed(row, first + 1)?, row.get(first + 3)?, money(row, first + 6)?);
    // The schema ties every kind but an opening balance to its side: only those are read.
    let side = match kind {
        EntryKind::Delivery | EntryKind::Charge => Side::Debit,
        EntryKind::Payment | EntryKind::CreditNote | EntryKind::WriteOff => Side::Credit,
        EntryKind::Opening => parsed(row, first + 2)?,
    };
    match side {
        Side::Debit => account.receivables.push(Receivable {
            id,
            kind,
            number,
            doc_date,
            due_date: row.date(first + 5)?.unwrap_or(doc_date),
            amount,
        }),
        Side::Credit => account.credits.push(Credit { id, kind, number, date: doc_date, amount }),
    }
    Ok(())
}

/// The account of entries already read (one customer's, in any order).
pub fn account_of(entries: &[Entry], allocations: Vec<ExplicitAllocation>) -> Account {
    Account {
        receivables: entries.iter().filter_map(Entry::as_receivable).collect(),
        credits: entries.iter().filter_map(Entry::as_credit).collect(),
        allocations,
    }
}

/// Every customer's account, keyed by customer id, read in one pass over the ledger.
pub fn all_accounts(conn: &Transaction) -> Result<HashMap<i64, Account>, StoreError> {
    let mut accounts: HashMap<i64, Account> = HashMap::new();
    let mut stmt = conn
        .prepare_cached("SELECT customer_id, id, kind, side, number, doc_date, due_date, amount_cents FROM entries")?;
    stmt.for_each((), |row| push_settled(accounts.entry(row.get(0)?).or_default(), row, 1))?;
    for (customer_id, allocation) in allocations::all(conn)? {
        accounts.entry(customer_id).or_default().allocations.push(allocation);
    }
    let dues = super::invoices::dues(conn, None)?;
    accounts.values_mut().for_each(|account| due_from_invoices(account, &dues));
    Ok(accounts)
}

/// Every wanted customer's account in turn, in order of customer id, from one ordered pass
/// over the index that holds what settling reads (entries_account): what a report for a
/// past date settles, with the memory of one account at a time. Each account is the one
/// `account` reads. The rows of customers not wanted are streamed but not decoded. `f` must
/// not use the transaction: on a server the connection is busy streaming the ledger.
pub fn each_account<E: From<StoreError>>(
    conn: &Transaction,
    wanted: impl Fn(i64) -> bool,
    mut f: impl FnMut(i64, &Account) -> Result<(), E>,
) -> Result<(), E> {
    // Each allocation joins its customer's account as its credit goes by, and the account's
    // are put in the order `account` reads them (by allocation id) when it is complete.
    let mut allocations = allocations::by_credit(conn)?;
    let dues = super::invoices::dues(conn, None)?;
    let mut spent: Vec<(i64, ExplicitAllocation)> = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT customer_id, id, kind, side, number, doc_date, due_date, amount_cents FROM entries
         ORDER BY customer_id, doc_date, side, id",
    )?;
    let mut account = Account::default();
    let (mut building, mut seen): (Option<i64>, Option<(i64, bool)>) = (None, None);
    let mut failed: Option<E> = None;
    let mut finish = |customer_id: i64, account: &mut Account, spent: &mut Vec<(i64, ExplicitAllocation)>| {
        spent.sort_by_key(|(id, _)| *id);
        account.allocations = spent.drain(..).map(|(_, a)| a).collect();
        due_from_invoices(account, &dues);
        if failed.is_none() {
            failed = f(customer_id, account).err();
        }
        account.receivables.clear();
        account.credits.clear();
        failed.is_none()
    };
    stmt.for_each_batched((), |row| {
        let customer_id: i64 = row.get(0)?;
        let wanted = match seen {
            Some((id, wanted)) if id == customer_id => wanted,
            _ => {
                let going = building.take().is_none_or(|done| finish(done, &mut account, &mut spent));
                let wanted = going && wanted(customer_id);
                seen = Some((customer_id, wanted));
                wanted
            }
        };
        if wanted {
            building = Some(customer_id);
            let credits = account.credits.len();
            push_settled(&mut account, row, 1)?;
            // Only a credit is spent by allocations (one naming anything else settles nothing).
            if account.credits.len() > credits {
                if let Some(theirs) = allocations.remove(&row.get::<i64>(1)?) {
                    spent.extend(theirs);
                }
            }
        }
        Ok(())
    })?;
    if let Some(done) = building {
        finish(done, &mut account, &mut spent);
    }
    failed.map_or(Ok(()), Err)
}

/// The sales (deliveries and charges) dated from `from` to `to`, every customer's.
pub fn sales_between(conn: &Transaction, from: NaiveDate, to: NaiveDate) -> Result<Money, StoreError> {
    let cents: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM entries
             WHERE kind IN ('delivery', 'charge') AND doc_date BETWEEN ?1 AND ?2",
        )?
        .query_row(params![from, to], |row| row.get(0))?;
    Ok(Money::from_cents(cents))
}

/// One page of a customer's ledger, newest first: `limit` entries after skipping the
/// `offset` newest.
pub fn page_of(conn: &Transaction, customer_id: i64, limit: u32, offset: u32) -> Result<Vec<Entry>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM entries WHERE customer_id = ?1
         ORDER BY doc_date DESC, CASE side WHEN 'debit' THEN 0 ELSE 1 END DESC, id DESC LIMIT ?2 OFFSET ?3"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows: Vec<Entry> =
        stmt.query_map(params![customer_id, limit, offset], from_row)?.collect::<Result<_, _>>()?;
    entries_due_from_invoices(&mut rows, &super::invoices::dues(conn, Some(customer_id))?);
    Ok(rows)
}

/// What the `count` newest entries of a customer add to its balance (debits less credits).
pub fn newest_sum(conn: &Transaction, customer_id: i64, count: u32) -> Result<Money, StoreError> {
    let cents: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(CASE side WHEN 'debit' THEN amount_cents ELSE -amount_cents END), 0) FROM (
             SELECT side, amount_cents FROM entries WHERE customer_id = ?1
             ORDER BY doc_date DESC, CASE side WHEN 'debit' THEN 0 ELSE 1 END DESC, id DESC LIMIT ?2) AS newest",
        )?
        .query_row(params![customer_id, count], |row| row.get(0))?;
    Ok(Money::from_cents(cents))
}

pub fn count_of(conn: &Transaction, customer_id: i64) -> Result<u32, StoreError> {
    conn.prepare_cached("SELECT count(*) FROM entries WHERE customer_id = ?1")?
        .query_row([customer_id], |row| row.get(0))
}

/// The numbers of the given entries, by id.
pub fn numbers(conn: &Transaction, ids: &[i64]) -> Result<HashMap<i64, String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT number FROM entries WHERE id = ?1")?;
    let mut out = HashMap::new();
    for &id in ids {
        if let Some(number) = stmt.query_row([id], |row| row.get::<String>(0)).optional()? {
            out.insert(id, number);
        }
    }
    Ok(out)
}

/// Entries of one kind dated from `from` to `to`, oldest first, each with its customer's
/// code and name.
pub fn of_kind_between(
    conn: &Transaction,
    kind: EntryKind,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Entry, String, String)>, StoreError> {
    let columns: Vec<String> = COLUMNS.split(',').map(|c| format!("e.{}", c.trim())).collect();
    let sql = format!(
        "SELECT {}, c.code, c.name FROM entries e JOIN customers c ON c.id = e.customer_id
         WHERE e.kind = ?1 AND e.doc_date BETWEEN ?2 AND ?3 ORDER BY e.doc_date, e.id",
        columns.join(", ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let width = columns.len();
    let rows = stmt.query_map(params![kind.as_str(), from, to], |row| {
        Ok((from_row(row)?, row.get(width)?, row.get(width + 1)?))
    })?;
    rows.collect::<Result<_, _>>()
}
