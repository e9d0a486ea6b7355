//! A whole book copied from one store into another, whichever engines hold them: every
//! table row for row with its ids, in one transaction on each side. The copy is refused
//! into a book that already holds anything but its company row and settings.

use crate::engine::{Engine, Transaction, Value};
use crate::error::StoreError;
use crate::Store;

/// The tables in the order they are copied. Parents before children, except that the
/// lines of a paper come before the paper itself: the database refuses new lines under an
/// issued delivery note (keys are checked at the commit). `dirty_accounts` is a work list
/// that is empty between transactions; the kept totals are brought up to date from the
/// copied ledger before the commit, as after any write.
pub const TABLES: &[&str] = &[
    "company",
    "settings",
    "customers",
    "contacts",
    "entries",
    "allocations",
    "delivery_lines",
    "delivery_notes",
    "sequences",
    "audit_log",
    "attachments",
    "credit_assessments",
    "credit_overrides",
    "documents",
    "signatures",
    "statements",
    "sendings",
    "statement_outcomes",
    "letter_items",
    "letters",
    "letter_skips",
    "letter_answers",
    "contact_logs",
    "payment_stages",
    "promises",
    "plan_instalments",
    "plans",
    "interest_terms",
    "bank_lines",
    "bank_decisions",
    "bank_payers",
    "invoices",
    "invoice_covers",
    "invoice_sendings",
    "invoice_terms",
    "invoice_scans",
    "account_totals",
    "open_items",
];

/// Copies every row of `source` into `target`, which must be empty.
pub fn copy_book(source: &mut Store, target: &mut Store) -> Result<(), StoreError> {
    copy_book_and(source, target, |_| Ok(()))
}

/// As `copy_book`, with `then` run in the same transaction on the target: what else the
/// copy carries (attached files) commits with the rows or not at all.
pub fn copy_book_and<E: From<StoreError>>(
    source: &mut Store,
    target: &mut Store,
    then: impl FnOnce(&Transaction) -> Result<(), E>,
) -> Result<(), E> {
    let shape = shape()?;
    let tables: Vec<(Vec<String>, Vec<Vec<Value>>)> = source.read(|tx| -> Result<_, E> {
        shape
            .iter()
            .map(|(table, columns, order)| Ok((columns.clone(), read_table(tx, table, columns, order)?)))
            .collect()
    })?;
    target.write(|tx| {
        refuse_unless_empty(tx)?;
        defer_keys(tx)?;
        for ((table, _, _), (columns, rows)) in shape.iter().zip(&tables) {
            tx.execute(&format!("DELETE FROM {table}"), ())?;
            write_table(tx, table, columns, rows)?;
        }
        if tx.engine() == Engine::Postgres {
            crate::server::reset_identities(tx)?;
        }
        then(tx)
    })
}

/// Each table's columns (as SQLite's schema has them, which PostgreSQL's repeats) and the
/// order its rows are read in: its key, or the order they were written.
fn shape() -> Result<Vec<(String, Vec<String>, String)>, StoreError> {
    let mut canonical = Store::open_in_memory()?;
    canonical.read(|tx| {
        TABLES
            .iter()
            .map(|table| {
                let info: Vec<(String, i64)> = tx
                    .prepare_cached(&format!("SELECT name, pk FROM pragma_table_info('{table}') ORDER BY cid"))?
                    .query_map((), |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect::<Result<_, _>>()?;
                let mut keys: Vec<(i64, String)> =
                    info.iter().filter(|(_, pk)| *pk > 0).map(|(name, pk)| (*pk, name.clone())).collect();
                keys.sort();
                // letter_items keeps the order its items were written in (the letter lists
                // them so), which only the row's place records.
                let order = if keys.is_empty() || *table == "letter_items" {
                    "rowid".to_string()
                } else {
                    keys.into_iter().map(|(_, name)| name).collect::<Vec<_>>().join(", ")
                };
                Ok((table.to_string(), info.into_iter().map(|(name, _)| name).collect(), order))
            })
            .collect()
    })
}

fn read_table(tx: &Transaction, table: &str, columns: &[String], order: &str) -> Result<Vec<Vec<Value>>, StoreError> {
    let sql = format!("SELECT {} FROM {table} ORDER BY {order}", columns.join(", "));
    tx.prepare_cached(&sql)?.query_map((), |row| (0..columns.len()).map(|i| row.get::<Value>(i)).collect())?.collect()
}

fn write_table(tx: &Transaction, table: &str, columns: &[String], rows: &[Vec<Value>]) -> Result<(), StoreError> {
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO {table} ({}) VALUES ({})", columns.join(", "), marks.join(", "));
    let mut insert = tx.prepare_cached(&sql)?;
    for row in rows {
        insert.execute(row.clone())?;
    }
    Ok(())
}

/// Anything written but the seeded company row and the settings makes a book not empty
/// (an append-only row could not be cleared for the copy anyway).
fn refuse_unless_empty(tx: &Transaction) -> Result<(), StoreError> {
    let counts: Vec<String> = TABLES
        .iter()
        .filter(|t| !matches!(**t, "company" | "settings"))
        .map(|t| format!("(SELECT count(*) FROM {t})"))
        .collect();
    let held: i64 = tx.query_row(&format!("SELECT {}", counts.join(" + ")), (), |r| r.get(0))?;
    if held > 0 {
        return Err(StoreError::NotEmpty);
    }
    Ok(())
}

/// Keys are checked at the commit, so that lines may come before their paper.
fn defer_keys(tx: &Transaction) -> Result<(), StoreError> {
    match tx.engine() {
        Engine::Sqlite => tx.execute_batch("PRAGMA defer_foreign_keys = ON"),
        Engine::Postgres => tx.execute_batch("SET CONSTRAINTS ALL DEFERRED"),
    }
}
