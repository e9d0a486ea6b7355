//! Files about a customer, stored by content hash beside the book.

use crate::{params, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Stamp;
use crate::error::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewAttachment {
    pub customer_id: i64,
    /// contract, licence, photo or other.
    pub kind: String,
    pub title: String,
    pub file_name: String,
    pub sha256: String,
    pub size_bytes: i64,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attachment {
    pub id: i64,
    #[serde(flatten)]
    pub fields: NewAttachment,
    pub created_at: String,
    pub operator: String,
}

pub fn insert(conn: &Transaction, a: &NewAttachment, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO attachments (customer_id, kind, title, file_name, sha256, size_bytes, notes, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .insert(params![
        a.customer_id,
        a.kind,
        a.title,
        a.file_name,
        a.sha256,
        a.size_bytes,
        a.notes,
        stamp.at,
        stamp.operator
    ])
}

fn from_row(row: &Row) -> Result<Attachment, StoreError> {
    Ok(Attachment {
        id: row.get(0)?,
        fields: NewAttachment {
            customer_id: row.get(1)?,
            kind: row.get(2)?,
            title: row.get(3)?,
            file_name: row.get(4)?,
            sha256: row.get(5)?,
            size_bytes: row.get(6)?,
            notes: row.get(7)?,
        },
        created_at: row.get(8)?,
        operator: row.get(9)?,
    })
}

const SELECT: &str =
    "SELECT id, customer_id, kind, title, file_name, sha256, size_bytes, notes, created_at, operator FROM attachments";

/// A customer's attachments, newest first.
pub fn for_customer(conn: &Transaction, customer_id: i64) -> Result<Vec<Attachment>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE customer_id = ?1 ORDER BY id DESC"))?;
    let rows = stmt.query_map([customer_id], from_row)?;
    rows.collect::<Result<_, _>>()
}

pub fn get(conn: &Transaction, id: i64) -> Result<Option<Attachment>, StoreError> {
    use crate::OptionalExtension;
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], from_row).optional()
}

/// The content hash of every attached file and scan, each once.
pub fn all_hashes(conn: &Transaction) -> Result<Vec<String>, StoreError> {
    conn.prepare_cached("SELECT DISTINCT sha256 FROM attachments ORDER BY sha256")?
        .query_map((), |r| r.get(0))?
        .collect()
}
