//! The audit log: every change, who made it, and the row before and after.

use crate::{params, Transaction};
use serde::Serialize;
use serde_json::Value;

use super::Stamp;
use crate::error::StoreError;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub operator: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub fn record(
    conn: &Transaction,
    stamp: &Stamp,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, operator, action, entity, entity_id, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        stamp.at,
        stamp.operator,
        action,
        entity,
        entity_id,
        before.map(Value::to_string),
        after.map(Value::to_string)
    ])?;
    Ok(())
}

/// The newest `limit` records, newest first.
pub fn recent(conn: &Transaction, limit: u32) -> Result<Vec<AuditRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, operator, action, entity, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    let rows = stmt.query_map([limit], |row| {
        Ok(AuditRecord {
            id: row.get(0)?,
            at: row.get(1)?,
            operator: row.get(2)?,
            action: row.get(3)?,
            entity: row.get(4)?,
            entity_id: row.get(5)?,
            before: json(row.get(6)?),
            after: json(row.get(7)?),
        })
    })?;
    rows.collect::<Result<_, _>>()
}

pub fn count(conn: &Transaction) -> Result<i64, StoreError> {
    conn.prepare_cached("SELECT count(*) FROM audit_log")?.query_row((), |row| row.get(0))
}
