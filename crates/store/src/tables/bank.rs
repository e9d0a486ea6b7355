//! Statement lines from the bank, WeChat Pay and Alipay, the decision on each, and the payers
//! learned from accepted lines.

use chrono::NaiveDate;
use huikuan_domain::Money;

use super::columns::money;
use super::Stamp;
use crate::error::{not_found, StoreError};
use crate::{params, OptionalExtension, Row, Transaction};

/// An incoming line as read from a statement, before it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine {
    pub key: String,
    pub source: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub payer: String,
    pub payer_account: String,
    pub memo: String,
    pub serial: String,
}

/// A kept line and what became of it: status "open", "accepted" or "ignored".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub source: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub payer: String,
    pub payer_account: String,
    pub memo: String,
    pub serial: String,
    pub file_name: String,
    pub status: String,
    /// The payment an accepted line became, and its number.
    pub entry_id: Option<i64>,
    pub payment: Option<String>,
    /// Why an ignored line was ignored.
    pub reason: String,
}

const SELECT: &str = "SELECT l.id, l.source, l.line_date, l.amount_cents, l.payer, l.payer_account, l.memo,
        l.serial, l.file_name, COALESCE(d.status, 'open'), d.entry_id, COALESCE(d.reason, ''), e.number
    FROM bank_lines l LEFT JOIN bank_decisions d ON d.line_id = l.id LEFT JOIN entries e ON e.id = d.entry_id";

fn line(row: &Row) -> Result<Line, StoreError> {
    Ok(Line {
        id: row.get(0)?,
        source: row.get(1)?,
        date: row.get(2)?,
        amount: money(row, 3)?,
        payer: row.get(4)?,
        payer_account: row.get(5)?,
        memo: row.get(6)?,
        serial: row.get(7)?,
        file_name: row.get(8)?,
        status: row.get(9)?,
        entry_id: row.get(10)?,
        reason: row.get(11)?,
        payment: row.get(12)?,
    })
}

/// Whether a line with this key is already kept.
pub fn is_kept(conn: &Transaction, key: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM bank_lines WHERE line_key = ?1")?
        .query_row([key], |_| Ok(()))
        .optional()?
        .is_some())
}

pub fn insert(conn: &Transaction, l: &NewLine, file_name: &str, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO bank_lines (line_key, source, line_date, amount_cents, payer, payer_account, memo, serial,
             file_name, created_at, operator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .insert(params![
        l.key,
        l.source,
        l.date,
        l.amount.cents(),
        l.payer,
        l.payer_account,
        l.memo,
        l.serial,
        file_name,
        stamp.at,
        stamp.operator
    ])
}

/// Lines with this status ("open", "accepted", "ignored"), or all: oldest first.
pub fn lines(conn: &Transaction, status: Option<&str>) -> Result<Vec<Line>, StoreError> {
    let order = "ORDER BY l.line_date, l.id";
    match status {
        Some(status) => {
            let sql = format!("{SELECT} WHERE COALESCE(d.status, 'open') = ?1 {order}");
            let rows = conn.prepare_cached(&sql)?.query_map([status], line)?.collect();
            rows
        }
        None => conn.prepare_cached(&format!("{SELECT} {order}"))?.query_map((), line)?.collect(),
    }
}

pub fn get(conn: &Transaction, id: i64) -> Result<Line, StoreError> {
    conn.prepare_cached(&format!("{SELECT} WHERE l.id = ?1"))?
        .query_row([id], line)
        .optional()?
        .ok_or_else(|| not_found(format!("statement line #{id}")))
}

/// The decision on an open line: accepted as the payment `entry_id`, or ignored for `reason`.
pub fn decide(
    conn: &Transaction,
    line_id: i64,
    entry_id: Option<i64>,
    reason: &str,
    stamp: &Stamp,
) -> Result<(), StoreError> {
    let status = if entry_id.is_some() { "accepted" } else { "ignored" };
    conn.prepare_cached(
        "INSERT INTO bank_decisions (line_id, status, entry_id, reason, created_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![line_id, status, entry_id, reason, stamp.at, stamp.operator])?;
    Ok(())
}

/// Keeps that `payer` (folded name) and `account` (folded) paid for `customer_id`.
pub fn learn(
    conn: &Transaction,
    customer_id: i64,
    payer: &str,
    account: &str,
    line_id: i64,
    stamp: &Stamp,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO bank_payers (customer_id, payer, payer_account, line_id, created_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .insert(params![customer_id, payer, account, line_id, stamp.at, stamp.operator])?;
    Ok(())
}

/// Every payer learned, in the order learned: (customer id, payer, account).
pub fn payers(conn: &Transaction) -> Result<Vec<(i64, String, String)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT customer_id, payer, payer_account FROM bank_payers ORDER BY id")?;
    let rows = stmt.query_map((), |r: &Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// Every customer as the payer's name may name them: (id, code, name).
pub fn customer_names(conn: &Transaction) -> Result<Vec<(i64, String, String)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id, code, name FROM customers ORDER BY id")?;
    let rows = stmt.query_map((), |r: &Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// The customer of a receivable (delivery, opening balance, charge) with this number.
pub fn receivable_customer(conn: &Transaction, number: &str) -> Result<Option<i64>, StoreError> {
    conn.prepare_cached(
        "SELECT customer_id FROM entries WHERE kind IN ('delivery', 'opening', 'charge') AND number = ?1",
    )?
    .query_row([number], |r: &Row| r.get(0))
    .optional()
}

/// A statement no corrected one replaces: (customer id, number, period end, closing balance).
pub type Asked = (i64, String, NaiveDate, Money);

const ASKED: &str = "SELECT customer_id, number, period_to, closing_cents FROM statements s
    WHERE NOT EXISTS (SELECT 1 FROM statements n WHERE n.supersedes_id = s.id)";

fn asked(row: &Row) -> Result<Asked, StoreError> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, money(row, 3)?))
}

pub fn statement_by_number(conn: &Transaction, number: &str) -> Result<Option<Asked>, StoreError> {
    conn.prepare_cached(&format!("{ASKED} AND number = ?1"))?.query_row([number], asked).optional()
}

/// The customer's latest statements, latest first.
pub fn statements_of(conn: &Transaction, customer_id: i64, limit: u32) -> Result<Vec<Asked>, StoreError> {
    let sql = format!("{ASKED} AND customer_id = ?1 ORDER BY period_to DESC, id DESC LIMIT ?2");
    let rows = conn.prepare_cached(&sql)?.query_map(params![customer_id, limit], asked)?.collect();
    rows
}
