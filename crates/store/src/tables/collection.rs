//! The collecting records: the contact log, payment stages, promises and repayment plans.

use crate::{params, OptionalExtension, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::collection::Paid;
use huikuan_domain::Money;
use serde::Serialize;
use ts_rs::TS;

use super::columns::money;
use super::Stamp;
use crate::error::{not_found, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContactLog {
    pub id: i64,
    pub customer_id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub channel: String,
    pub contact_id: Option<i64>,
    pub contact_name: String,
    pub outcome: String,
    pub reason: Option<String>,
    pub next_action: String,
    pub next_date: Option<NaiveDate>,
    pub note: String,
    pub operator: String,
}

const LOG_COLUMNS: &str =
    "id, customer_id, at, channel, contact_id, contact_name, outcome, reason, next_action, next_date, note, operator";

fn log(row: &Row) -> Result<ContactLog, StoreError> {
    Ok(ContactLog {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        at: row.get(2)?,
        channel: row.get(3)?,
        contact_id: row.get(4)?,
        contact_name: row.get(5)?,
        outcome: row.get(6)?,
        reason: row.get(7)?,
        next_action: row.get(8)?,
        next_date: row.get(9)?,
        note: row.get(10)?,
        operator: row.get(11)?,
    })
}

pub fn insert_log(conn: &Transaction, l: &ContactLog, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO contact_logs (customer_id, at, channel, contact_id, contact_name, outcome, reason, next_action,
             next_date, note, created_at, operator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .insert(params![
        l.customer_id,
        l.at,
        l.channel,
        l.contact_id,
        l.contact_name,
        l.outcome,
        l.reason,
        l.next_action,
        l.next_date,
        l.note,
        stamp.at,
        stamp.operator
    ])
}

pub fn log_get(conn: &Transaction, id: i64) -> Result<ContactLog, StoreError> {
    conn.prepare_cached(&format!("SELECT {LOG_COLUMNS} FROM contact_logs WHERE id = ?1"))?
        .query_row([id], log)
        .optional()?
        .ok_or_else(|| not_found(format!("contact log #{id}")))
}

/// A customer's contact log, newest first.
pub fn logs_of(conn: &Transaction, customer_id: i64, limit: u32) -> Result<Vec<ContactLog>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOG_COLUMNS} FROM contact_logs WHERE customer_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![customer_id, limit], log)?;
    rows.collect::<Result<_, _>>()
}

/// Every customer's latest contact: (customer id, its log).
pub fn last_logs(conn: &Transaction) -> Result<Vec<ContactLog>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOG_COLUMNS} FROM contact_logs l WHERE id = (SELECT id FROM contact_logs m
             WHERE m.customer_id = l.customer_id ORDER BY at DESC, id DESC LIMIT 1)"
    ))?;
    let rows = stmt.query_map((), log)?;
    rows.collect::<Result<_, _>>()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StageRecord {
    pub stage: String,
    pub person: String,
    pub note: String,
    pub set_on: NaiveDate,
}

pub fn insert_stage(conn: &Transaction, customer_id: i64, s: &StageRecord, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO payment_stages (customer_id, stage, person, note, set_on, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .insert(params![customer_id, s.stage, s.person, s.note, s.set_on, stamp.at, stamp.operator])
}

/// The customer's newest payment stage.
pub fn stage_of(conn: &Transaction, customer_id: i64) -> Result<Option<StageRecord>, StoreError> {
    conn.prepare_cached(
        "SELECT stage, person, note, set_on FROM payment_stages WHERE customer_id = ?1 ORDER BY id DESC LIMIT 1",
    )?
    .query_row([customer_id], |row| {
        Ok(StageRecord { stage: row.get(0)?, person: row.get(1)?, note: row.get(2)?, set_on: row.get(3)? })
    })
    .optional()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PromiseRecord {
    pub id: i64,
    pub customer_id: i64,
    pub amount: Money,
    pub promised_date: NaiveDate,
    pub made_on: NaiveDate,
    pub promised_by: String,
    pub contact_log_id: Option<i64>,
    pub note: String,
}

fn promise(row: &Row) -> Result<PromiseRecord, StoreError> {
    Ok(PromiseRecord {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        amount: money(row, 2)?,
        promised_date: row.get(3)?,
        made_on: row.get(4)?,
        promised_by: row.get(5)?,
        contact_log_id: row.get(6)?,
        note: row.get(7)?,
    })
}

const PROMISE_COLUMNS: &str =
    "id, customer_id, amount_cents, promised_date, made_on, promised_by, contact_log_id, note";

pub fn insert_promise(conn: &Transaction, p: &PromiseRecord, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO promises (customer_id, amount_cents, promised_date, made_on, promised_by, contact_log_id, note,
             created_at, operator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .insert(params![
        p.customer_id,
        p.amount.cents(),
        p.promised_date,
        p.made_on,
        p.promised_by,
        p.contact_log_id,
        p.note,
        stamp.at,
        stamp.operator
    ])
}

pub fn promises_of(conn: &Transaction, customer_id: i64) -> Result<Vec<PromiseRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PROMISE_COLUMNS} FROM promises WHERE customer_id = ?1 ORDER BY promised_date, id"
    ))?;
    let rows = stmt.query_map([customer_id], promise)?;
    rows.collect::<Result<_, _>>()
}

pub fn all_promises(conn: &Transaction) -> Result<Vec<PromiseRecord>, StoreError> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {PROMISE_COLUMNS} FROM promises ORDER BY customer_id, promised_date, id"))?;
    let rows = stmt.query_map((), promise)?;
    rows.collect::<Result<_, _>>()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanRecord {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub total: Money,
    pub agreed_on: NaiveDate,
    pub note: String,
    pub document_id: i64,
    /// Due date and amount of each instalment, in order.
    pub instalments: Vec<(NaiveDate, Money)>,
}

pub fn insert_plan(conn: &Transaction, p: &PlanRecord, stamp: &Stamp) -> Result<i64, StoreError> {
    let id = conn
        .prepare_cached(
            "INSERT INTO plans (number, customer_id, total_cents, agreed_on, note, document_id, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .insert(params![
            p.number,
            p.customer_id,
            p.total.cents(),
            p.agreed_on,
            p.note,
            p.document_id,
            stamp.at,
            stamp.operator
        ])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO plan_instalments (plan_id, position, due_date, amount_cents) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, (due, amount)) in p.instalments.iter().enumerate() {
        stmt.execute(params![id, i as i64 + 1, due, amount.cents()])?;
    }
    Ok(id)
}

fn plan_rows(conn: &Transaction, sql: &str, key: &dyn crate::ToValue) -> Result<Vec<PlanRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut plans: Vec<PlanRecord> = stmt
        .query_map([key], |row| {
            Ok(PlanRecord {
                id: row.get(0)?,
                number: row.get(1)?,
                customer_id: row.get(2)?,
                total: money(row, 3)?,
                agreed_on: row.get(4)?,
                note: row.get(5)?,
                document_id: row.get(6)?,
                instalments: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut parts = conn
        .prepare_cached("SELECT due_date, amount_cents FROM plan_instalments WHERE plan_id = ?1 ORDER BY position")?;
    for plan in &mut plans {
        plan.instalments =
            parts.query_map([plan.id], |row| Ok((row.get(0)?, money(row, 1)?)))?.collect::<Result<_, _>>()?;
    }
    Ok(plans)
}

const PLAN_COLUMNS: &str = "id, number, customer_id, total_cents, agreed_on, note, document_id";

pub fn plans_of(conn: &Transaction, customer_id: i64) -> Result<Vec<PlanRecord>, StoreError> {
    plan_rows(
        conn,
        &format!("SELECT {PLAN_COLUMNS} FROM plans WHERE customer_id = ?1 ORDER BY agreed_on, id"),
        &customer_id,
    )
}

pub fn plan_by_number(conn: &Transaction, number: &str) -> Result<Option<PlanRecord>, StoreError> {
    Ok(plan_rows(conn, &format!("SELECT {PLAN_COLUMNS} FROM plans WHERE number = ?1"), &number.trim())?.pop())
}

pub fn all_plans(conn: &Transaction) -> Result<Vec<PlanRecord>, StoreError> {
    plan_rows(conn, &format!("SELECT {PLAN_COLUMNS} FROM plans WHERE ?1 = ?1 ORDER BY customer_id, agreed_on, id"), &1)
}

/// A customer's payments (date and amount), in date order: what promises are judged by.
pub fn payments_of(conn: &Transaction, customer_id: i64) -> Result<Vec<Paid>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT doc_date, amount_cents FROM entries WHERE customer_id = ?1 AND kind = 'payment' ORDER BY doc_date, id",
    )?;
    let rows = stmt.query_map([customer_id], |row| Ok(Paid { date: row.get(0)?, amount: money(row, 1)? }))?;
    rows.collect::<Result<_, _>>()
}

/// Every customer's payments from `from` to `to` (both included), added up by day: what
/// the forecast is checked against.
pub fn payments_by_day(conn: &Transaction, from: NaiveDate, to: NaiveDate) -> Result<Vec<Paid>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT doc_date, SUM(amount_cents) FROM entries WHERE kind = 'payment' AND doc_date BETWEEN ?1 AND ?2 \
         GROUP BY doc_date ORDER BY doc_date",
    )?;
    let rows = stmt.query_map([from, to], |row| Ok(Paid { date: row.get(0)?, amount: money(row, 1)? }))?;
    rows.collect::<Result<_, _>>()
}

/// Customers who ever promised to pay or agreed a repayment plan.
pub fn customers_with_promises_or_plans(conn: &Transaction) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT customer_id FROM promises UNION SELECT customer_id FROM plans ORDER BY customer_id")?;
    let rows = stmt.query_map((), |row| row.get(0))?;
    rows.collect::<Result<_, _>>()
}
