//! Statements of account and the customer's answer to each.

use std::collections::HashMap;

use crate::{params, OptionalExtension, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::{Money, Period};
use serde::Serialize;
use ts_rs::TS;

use super::columns::money;
use super::Stamp;
use crate::error::{not_found, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Statement {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub period: Period,
    pub issued_on: NaiveDate,
    pub opening: Money,
    pub debits: Money,
    pub credits: Money,
    pub closing: Money,
    pub supersedes_id: Option<i64>,
    pub document_id: i64,
}

pub struct NewStatement<'a> {
    pub number: &'a str,
    pub customer_id: i64,
    pub period: Period,
    pub issued_on: NaiveDate,
    pub opening: Money,
    pub debits: Money,
    pub credits: Money,
    pub closing: Money,
    pub supersedes_id: Option<i64>,
    pub document_id: i64,
}

const COLUMNS: &str = "id, number, customer_id, period_from, period_to, issued_on, opening_cents, debits_cents,
    credits_cents, closing_cents, supersedes_id, document_id";

fn statement(row: &Row) -> Result<Statement, StoreError> {
    Ok(Statement {
        id: row.get(0)?,
        number: row.get(1)?,
        customer_id: row.get(2)?,
        period: Period { from: row.get(3)?, to: row.get(4)? },
        issued_on: row.get(5)?,
        opening: money(row, 6)?,
        debits: money(row, 7)?,
        credits: money(row, 8)?,
        closing: money(row, 9)?,
        supersedes_id: row.get(10)?,
        document_id: row.get(11)?,
    })
}

pub fn insert(conn: &Transaction, s: &NewStatement, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO statements (number, customer_id, period_from, period_to, issued_on, opening_cents, debits_cents,
             credits_cents, closing_cents, supersedes_id, document_id, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .insert(params![
        s.number,
        s.customer_id,
        s.period.from,
        s.period.to,
        s.issued_on,
        s.opening.cents(),
        s.debits.cents(),
        s.credits.cents(),
        s.closing.cents(),
        s.supersedes_id,
        s.document_id,
        stamp.at,
        stamp.operator
    ])
}

pub fn get(conn: &Transaction, id: i64) -> Result<Statement, StoreError> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM statements WHERE id = ?1"))?
        .query_row([id], statement)
        .optional()?
        .ok_or_else(|| not_found(format!("statement #{id}")))
}

pub fn by_number(conn: &Transaction, number: &str) -> Result<Option<Statement>, StoreError> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM statements WHERE number = ?1"))?
        .query_row([number.trim()], statement)
        .optional()
}

/// The customer's statement for exactly this period that no corrected one replaces.
pub fn current(conn: &Transaction, customer_id: i64, period: Period) -> Result<Option<Statement>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM statements s WHERE customer_id = ?1 AND period_from = ?2 AND period_to = ?3
           AND NOT EXISTS (SELECT 1 FROM statements c WHERE c.supersedes_id = s.id)"
    );
    conn.prepare_cached(&sql)?.query_row(params![customer_id, period.from, period.to], statement).optional()
}

/// A statement as the month-end screen lists it, with what happened to it since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementRow {
    pub statement: Statement,
    pub customer_code: String,
    pub customer_name: String,
    pub superseded_by: Option<String>,
    pub sent_count: i64,
    pub outcome: Option<String>,
    pub signed: bool,
}

const ROW_SELECT: &str =
    "SELECT s.id, s.number, s.customer_id, s.period_from, s.period_to, s.issued_on, s.opening_cents,
        s.debits_cents, s.credits_cents, s.closing_cents, s.supersedes_id, s.document_id,
        c.code, c.name, (SELECT number FROM statements n WHERE n.supersedes_id = s.id),
        (SELECT count(*) FROM sendings g WHERE g.document_id = s.document_id),
        (SELECT outcome FROM statement_outcomes o WHERE o.statement_id = s.id),
        EXISTS (SELECT 1 FROM signatures g WHERE g.document_id = s.document_id)
    FROM statements s JOIN customers c ON c.id = s.customer_id";

fn statement_row(row: &Row) -> Result<StatementRow, StoreError> {
    Ok(StatementRow {
        statement: statement(row)?,
        customer_code: row.get(12)?,
        customer_name: row.get(13)?,
        superseded_by: row.get(14)?,
        sent_count: row.get(15)?,
        outcome: row.get(16)?,
        signed: row.get(17)?,
    })
}

/// Every statement of a period (corrected ones included), by customer code then number.
pub fn for_period(conn: &Transaction, period: Period) -> Result<Vec<StatementRow>, StoreError> {
    let sql = format!("{ROW_SELECT} WHERE s.period_from = ?1 AND s.period_to = ?2 ORDER BY lower(c.code), s.number");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![period.from, period.to], statement_row)?;
    rows.collect::<Result<_, _>>()
}

/// Statements that are current and still await the customer's answer, oldest first.
pub fn pending(conn: &Transaction, limit: u32) -> Result<(Vec<StatementRow>, u64), StoreError> {
    let open = "NOT EXISTS (SELECT 1 FROM statement_outcomes o WHERE o.statement_id = s.id)
        AND NOT EXISTS (SELECT 1 FROM statements n WHERE n.supersedes_id = s.id)";
    let sql = format!("{ROW_SELECT} WHERE {open} ORDER BY s.issued_on, s.number LIMIT ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([limit], statement_row)?.collect::<Result<Vec<_>, _>>()?;
    let total =
        conn.prepare_cached(&format!("SELECT count(*) FROM statements s WHERE {open}"))?.query_row((), |r| r.get(0))?;
    Ok((rows, total))
}

pub fn row_of(conn: &Transaction, id: i64) -> Result<StatementRow, StoreError> {
    conn.prepare_cached(&format!("{ROW_SELECT} WHERE s.id = ?1"))?
        .query_row([id], statement_row)
        .optional()?
        .ok_or_else(|| not_found(format!("statement #{id}")))
}

/// The periods that have statements, newest first.
pub fn periods(conn: &Transaction) -> Result<Vec<Period>, StoreError> {
    let mut stmt = conn
        .prepare("SELECT DISTINCT period_from, period_to FROM statements ORDER BY period_from DESC, period_to DESC")?;
    let rows = stmt.query_map((), |row| Ok(Period { from: row.get(0)?, to: row.get(1)? }))?;
    rows.collect::<Result<_, _>>()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Outcome {
    /// confirmed or disputed.
    pub outcome: String,
    pub decided_on: NaiveDate,
    pub signature_id: Option<i64>,
    /// Disputes: the balance the customer claims, and ours less theirs.
    pub claimed: Option<Money>,
    pub difference: Option<Money>,
    pub reason: String,
    /// Disputes: the numbers of the entries in question.
    pub items: Vec<String>,
    pub contact: String,
    pub created_at: String,
    pub operator: String,
}

pub fn insert_outcome(conn: &Transaction, statement_id: i64, o: &Outcome, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO statement_outcomes (statement_id, outcome, decided_on, signature_id, claimed_cents,
             difference_cents, reason, items, contact, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .insert(params![
        statement_id,
        o.outcome,
        o.decided_on,
        o.signature_id,
        o.claimed.map(Money::cents),
        o.difference.map(Money::cents),
        o.reason,
        serde_json::to_string(&o.items).expect("a list of numbers serializes"),
        o.contact,
        stamp.at,
        stamp.operator
    ])
}

pub fn outcome_of(conn: &Transaction, statement_id: i64) -> Result<Option<Outcome>, StoreError> {
    conn.prepare_cached(
        "SELECT outcome, decided_on, signature_id, claimed_cents, difference_cents, reason, items, contact, created_at,
             operator FROM statement_outcomes WHERE statement_id = ?1",
    )?
    .query_row([statement_id], |row| {
        let items: String = row.get(6)?;
        Ok(Outcome {
            outcome: row.get(0)?,
            decided_on: row.get(1)?,
            signature_id: row.get(2)?,
            claimed: row.get::<Option<i64>>(3)?.map(Money::from_cents),
            difference: row.get::<Option<i64>>(4)?.map(Money::from_cents),
            reason: row.get(5)?,
            items: serde_json::from_str(&items).unwrap_or_default(),
            contact: row.get(7)?,
            created_at: row.get(8)?,
            operator: row.get(9)?,
        })
    })
    .optional()
}

/// A customer who gets a statement for a period: one with a balance at its end or any
/// movement in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub customer_id: i64,
    pub code: String,
    pub name: String,
    pub closing: Money,
    pub movements: i64,
}

pub fn candidates(conn: &Transaction, period: Period) -> Result<Vec<Candidate>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.code, c.name,
             COALESCE(SUM(CASE WHEN e.doc_date <= ?2
                 THEN CASE e.side WHEN 'debit' THEN e.amount_cents ELSE -e.amount_cents END ELSE 0 END), 0) AS closing,
             COALESCE(SUM(CASE WHEN e.doc_date BETWEEN ?1 AND ?2 THEN 1 ELSE 0 END), 0) AS moves
         FROM customers c JOIN entries e ON e.customer_id = c.id
         GROUP BY c.id
         HAVING SUM(CASE WHEN e.doc_date <= ?2
                 THEN CASE e.side WHEN 'debit' THEN e.amount_cents ELSE -e.amount_cents END ELSE 0 END) <> 0
             OR SUM(CASE WHEN e.doc_date BETWEEN ?1 AND ?2 THEN 1 ELSE 0 END) > 0
         ORDER BY lower(c.code)",
    )?;
    let rows = stmt.query_map(params![period.from, period.to], |row| {
        Ok(Candidate {
            customer_id: row.get(0)?,
            code: row.get(1)?,
            name: row.get(2)?,
            closing: money(row, 3)?,
            movements: row.get(4)?,
        })
    })?;
    rows.collect::<Result<_, _>>()
}

/// A confirmed statement: (number, period end, the day it was confirmed).
pub type Confirmed = (String, NaiveDate, NaiveDate);

/// A customer's confirmed statements, in the order they were confirmed.
pub fn confirmed_for(conn: &Transaction, customer_id: i64) -> Result<Vec<Confirmed>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.number, s.period_to, o.decided_on FROM statements s
         JOIN statement_outcomes o ON o.statement_id = s.id
         WHERE s.customer_id = ?1 AND o.outcome = 'confirmed' ORDER BY o.decided_on, s.id",
    )?;
    let rows = stmt.query_map([customer_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    rows.collect::<Result<_, _>>()
}

/// Every customer's confirmed statements, each customer's as `confirmed_for` gives them.
pub fn confirmed_by_customer(conn: &Transaction) -> Result<HashMap<i64, Vec<Confirmed>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.customer_id, s.number, s.period_to, o.decided_on FROM statements s
         JOIN statement_outcomes o ON o.statement_id = s.id
         WHERE o.outcome = 'confirmed' ORDER BY o.decided_on, s.id",
    )?;
    let mut out: HashMap<i64, Vec<Confirmed>> = HashMap::new();
    stmt.for_each((), |row| {
        out.entry(row.get(0)?).or_default().push((row.get(1)?, row.get(2)?, row.get(3)?));
        Ok(())
    })?;
    Ok(out)
}
