//! Dunning letters and the receivables each one demanded.

use std::collections::HashMap;

use crate::{params, OptionalExtension, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::Money;
use serde::Serialize;
use ts_rs::TS;

use super::columns::money;
use super::Stamp;
use crate::error::{not_found, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Letter {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub level: u8,
    pub letter_date: NaiveDate,
    pub pay_by: NaiveDate,
    pub total: Money,
    pub document_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLetterItem {
    pub entry_id: i64,
    pub open: Money,
    pub days_overdue: i64,
}

const COLUMNS: &str = "id, number, customer_id, level, letter_date, pay_by, total_cents, document_id";

fn letter(row: &Row) -> Result<Letter, StoreError> {
    Ok(Letter {
        id: row.get(0)?,
        number: row.get(1)?,
        customer_id: row.get(2)?,
        level: row.get(3)?,
        letter_date: row.get(4)?,
        pay_by: row.get(5)?,
        total: money(row, 6)?,
        document_id: row.get(7)?,
    })
}

pub fn insert(conn: &Transaction, l: &Letter, items: &[NewLetterItem], stamp: &Stamp) -> Result<i64, StoreError> {
    let id = conn.prepare_cached(
        "INSERT INTO letters (number, customer_id, level, letter_date, pay_by, total_cents, document_id, created_at,
             operator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .insert(params![
        l.number,
        l.customer_id,
        l.level,
        l.letter_date,
        l.pay_by,
        l.total.cents(),
        l.document_id,
        stamp.at,
        stamp.operator
    ])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO letter_items (letter_id, entry_id, open_cents, days_overdue) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for item in items {
        stmt.execute(params![id, item.entry_id, item.open.cents(), item.days_overdue])?;
    }
    Ok(id)
}

pub fn get(conn: &Transaction, id: i64) -> Result<Letter, StoreError> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM letters WHERE id = ?1"))?
        .query_row([id], letter)
        .optional()?
        .ok_or_else(|| not_found(format!("letter #{id}")))
}

pub fn by_number(conn: &Transaction, number: &str) -> Result<Option<Letter>, StoreError> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM letters WHERE number = ?1"))?
        .query_row([number.trim()], letter)
        .optional()
}

/// A customer's letters, oldest first.
pub fn for_customer(conn: &Transaction, customer_id: i64) -> Result<Vec<Letter>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM letters WHERE customer_id = ?1 ORDER BY letter_date, id"))?;
    let rows = stmt.query_map([customer_id], letter)?;
    rows.collect::<Result<_, _>>()
}

/// Every customer's letters, each customer's in the order `for_customer` gives them: for
/// reports over every customer, one read instead of one per customer.
pub fn by_customer(conn: &Transaction) -> Result<HashMap<i64, Vec<Letter>>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM letters ORDER BY letter_date, id"))?;
    let mut out: HashMap<i64, Vec<Letter>> = HashMap::new();
    stmt.for_each((), |row| {
        let l = letter(row)?;
        out.entry(l.customer_id).or_default().push(l);
        Ok(())
    })?;
    Ok(out)
}

/// The newest letters of the book, newest first.
pub fn recent(conn: &Transaction, limit: u32) -> Result<Vec<Letter>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM letters ORDER BY letter_date DESC, id DESC LIMIT ?1"))?;
    let rows = stmt.query_map([limit], letter)?;
    rows.collect::<Result<_, _>>()
}

/// The entries a letter demanded, with what was open and how late: (entry id, open, days).
pub fn items(conn: &Transaction, letter_id: i64) -> Result<Vec<(i64, Money, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_id, open_cents, days_overdue FROM letter_items WHERE letter_id = ?1 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([letter_id], |row| Ok((row.get(0)?, money(row, 1)?, row.get(2)?)))?;
    rows.collect::<Result<_, _>>()
}

/// Records that letter `letter_id` went out above the level due (`due_level`), and why.
pub fn insert_skip(conn: &Transaction, letter_id: i64, due_level: u8, reason: &str) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO letter_skips (letter_id, due_level, reason) VALUES (?1, ?2, ?3)")?
        .execute(params![letter_id, due_level, reason])?;
    Ok(())
}

/// The customer's answer on a letter's signed receipt: no objection (the debt
/// acknowledged), or the objection written on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LetterAnswer {
    pub no_objection: bool,
    pub objection: String,
    pub answered_on: NaiveDate,
    pub signature_id: i64,
}

pub fn insert_answer(conn: &Transaction, letter_id: i64, a: &LetterAnswer, stamp: &Stamp) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO letter_answers (letter_id, no_objection, objection, answered_on, signature_id, created_at,
             operator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        letter_id,
        a.no_objection,
        a.objection,
        a.answered_on,
        a.signature_id,
        stamp.at,
        stamp.operator
    ])?;
    Ok(())
}

pub fn answer_of(conn: &Transaction, letter_id: i64) -> Result<Option<LetterAnswer>, StoreError> {
    conn.prepare_cached(
        "SELECT no_objection, objection, answered_on, signature_id FROM letter_answers WHERE letter_id = ?1",
    )?
    .query_row([letter_id], |row| {
        Ok(LetterAnswer {
            no_objection: row.get(0)?,
            objection: row.get(1)?,
            answered_on: row.get(2)?,
            signature_id: row.get(3)?,
        })
    })
    .optional()
}

/// The level due and the owner's reason, when the letter skipped a level.
pub fn skip_of(conn: &Transaction, letter_id: i64) -> Result<Option<(u8, String)>, StoreError> {
    conn.prepare_cached("SELECT due_level, reason FROM letter_skips WHERE letter_id = ?1")?
        .query_row([letter_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()
}
