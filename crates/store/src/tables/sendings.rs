//! How a paper went out to the customer: by hand, post, express (with its tracking
//! number), email, WeChat.

use crate::{params, Transaction};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::Stamp;
use crate::error::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Sending {
    pub id: i64,
    pub document_id: i64,
    pub channel: String,
    pub sent_on: NaiveDate,
    pub tracking: String,
    pub note: String,
    pub created_at: String,
    pub operator: String,
}

pub fn insert(
    conn: &Transaction,
    document_id: i64,
    channel: &str,
    sent_on: NaiveDate,
    tracking: &str,
    note: &str,
    stamp: &Stamp,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO sendings (document_id, channel, sent_on, tracking, note, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .insert(params![document_id, channel, sent_on, tracking, note, stamp.at, stamp.operator])
}

/// A paper's sendings, first first.
pub fn of_document(conn: &Transaction, document_id: i64) -> Result<Vec<Sending>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, document_id, channel, sent_on, tracking, note, created_at, operator FROM sendings
         WHERE document_id = ?1 ORDER BY sent_on, id",
    )?;
    let rows = stmt.query_map([document_id], |row| {
        Ok(Sending {
            id: row.get(0)?,
            document_id: row.get(1)?,
            channel: row.get(2)?,
            sent_on: row.get(3)?,
            tracking: row.get(4)?,
            note: row.get(5)?,
            created_at: row.get(6)?,
            operator: row.get(7)?,
        })
    })?;
    rows.collect::<Result<_, _>>()
}
