//! Approved credit assessments and the deliveries issued over a credit block.

use crate::{params, OptionalExtension, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::credit::{Assessment, Grade, Reason};
use huikuan_domain::{Money, PaymentTerms};
use serde::Serialize;
use ts_rs::TS;

use super::columns::{money, parsed};
use super::Stamp;
use crate::error::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApprovedAssessment {
    pub id: i64,
    pub customer_id: i64,
    pub assessed_on: NaiveDate,
    pub assessment: Assessment,
    pub approved_limit: Money,
    pub approved_terms: PaymentTerms,
    /// Why the approved limit or terms differ from the recommendation; empty when they do not.
    pub deviation_reason: String,
    pub next_review: NaiveDate,
    pub approved_at: String,
    pub approved_by: String,
}

fn json_error(what: &str, e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

pub fn insert_assessment(
    conn: &Transaction,
    customer_id: i64,
    assessed_on: NaiveDate,
    assessment: &Assessment,
    approved: (Money, PaymentTerms, &str),
    next_review: NaiveDate,
    stamp: &Stamp,
) -> Result<i64, StoreError> {
    let (limit, terms, reason) = approved;
    let card = serde_json::to_string(assessment).map_err(|e| json_error("assessment", e))?;
    conn.prepare_cached("INSERT INTO credit_assessments (customer_id, assessed_on, scorecard, score, grade, recommended_limit_cents,
             recommended_terms, approved_limit_cents, approved_terms, deviation_reason, next_review, approved_at, approved_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")?.insert(params![
            customer_id,
            assessed_on.to_string(),
            card,
            assessment.score.to_string(),
            assessment.grade.as_str(),
            assessment.recommended_limit.cents(),
            assessment.recommended_terms.to_string(),
            limit.cents(),
            terms.to_string(),
            reason,
            next_review.to_string(),
            stamp.at,
            stamp.operator
        ],
    )
}

const ASSESSMENT_COLUMNS: &str = "id, customer_id, assessed_on, scorecard, approved_limit_cents, approved_terms,
    deviation_reason, next_review, approved_at, approved_by";

fn assessment_row(row: &Row) -> Result<ApprovedAssessment, StoreError> {
    let card: String = row.get(3)?;
    let assessment = serde_json::from_str(&card)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e)))?;
    Ok(ApprovedAssessment {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        assessed_on: parsed(row, 2)?,
        assessment,
        approved_limit: money(row, 4)?,
        approved_terms: parsed(row, 5)?,
        deviation_reason: row.get(6)?,
        next_review: parsed(row, 7)?,
        approved_at: row.get(8)?,
        approved_by: row.get(9)?,
    })
}

/// A customer's assessments, newest first.
pub fn assessments(conn: &Transaction, customer_id: i64) -> Result<Vec<ApprovedAssessment>, StoreError> {
    let sql = format!(
        "SELECT {ASSESSMENT_COLUMNS} FROM credit_assessments WHERE customer_id = ?1 ORDER BY assessed_on DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([customer_id], assessment_row)?;
    rows.collect::<Result<_, _>>()
}

pub fn latest_assessment(conn: &Transaction, customer_id: i64) -> Result<Option<ApprovedAssessment>, StoreError> {
    let sql = format!(
        "SELECT {ASSESSMENT_COLUMNS} FROM credit_assessments WHERE customer_id = ?1
         ORDER BY assessed_on DESC, id DESC LIMIT 1"
    );
    conn.prepare_cached(&sql)?.query_row([customer_id], assessment_row).optional()
}

/// Each customer's latest grade and review date: (customer id, grade, next review).
pub fn latest_per_customer(conn: &Transaction) -> Result<Vec<(i64, Grade, NaiveDate)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.customer_id, a.grade, a.next_review FROM credit_assessments a
         WHERE a.id = (SELECT b.id FROM credit_assessments b WHERE b.customer_id = a.customer_id
                       ORDER BY b.assessed_on DESC, b.id DESC LIMIT 1)",
    )?;
    let rows = stmt.query_map((), |row| Ok((row.get(0)?, parsed(row, 1)?, parsed(row, 2)?)))?;
    rows.collect::<Result<_, _>>()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CreditOverride {
    pub id: i64,
    pub customer_id: i64,
    pub delivery_note_id: i64,
    pub number: String,
    pub doc_date: NaiveDate,
    pub amount: Money,
    pub exposure: Money,
    pub limit: Money,
    /// Why the check blocked the delivery, as it was said then.
    pub blocks: Vec<Reason>,
    pub reason: String,
    pub at: String,
    pub operator: String,
}

pub fn insert_override(conn: &Transaction, o: &CreditOverride) -> Result<i64, StoreError> {
    let blocks = serde_json::to_string(&o.blocks).map_err(|e| json_error("override", e))?;
    conn.prepare_cached(
        "INSERT INTO credit_overrides (customer_id, delivery_note_id, number, doc_date, amount_cents, exposure_cents,
             limit_cents, blocks, reason, at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .insert(params![
        o.customer_id,
        o.delivery_note_id,
        o.number,
        o.doc_date.to_string(),
        o.amount.cents(),
        o.exposure.cents(),
        o.limit.cents(),
        blocks,
        o.reason,
        o.at,
        o.operator
    ])
}

/// A customer's overrides, newest first.
pub fn overrides(conn: &Transaction, customer_id: i64) -> Result<Vec<CreditOverride>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, customer_id, delivery_note_id, number, doc_date, amount_cents, exposure_cents, limit_cents, blocks,
             reason, at, operator
         FROM credit_overrides WHERE customer_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([customer_id], |row| {
        let blocks: String = row.get(8)?;
        Ok(CreditOverride {
            id: row.get(0)?,
            customer_id: row.get(1)?,
            delivery_note_id: row.get(2)?,
            number: row.get(3)?,
            doc_date: parsed(row, 4)?,
            amount: money(row, 5)?,
            exposure: money(row, 6)?,
            limit: money(row, 7)?,
            blocks: serde_json::from_str(&blocks)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(e)))?,
            reason: row.get(9)?,
            at: row.get(10)?,
            operator: row.get(11)?,
        })
    })?;
    rows.collect::<Result<_, _>>()
}
