//! Delivery notes (送货单) and their lines. Drafts are editable; issued notes are frozen.

use crate::{params, OptionalExtension, Transaction};
use chrono::NaiveDate;
use huikuan_domain::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::columns::{money, parsed};
use super::Stamp;
use crate::error::{is_unique_violation, not_found, StoreError};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeliveryLine {
    pub item: String,
    pub spec: String,
    pub unit: String,
    #[ts(type = "string")]
    pub quantity: Decimal,
    #[ts(type = "string")]
    pub unit_price: Decimal,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeliveryNote {
    pub id: i64,
    pub customer_id: i64,
    pub status: String,
    pub number: Option<String>,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    pub total: Money,
    pub contact_name: String,
    pub address: String,
    pub memo: String,
    pub entry_id: Option<i64>,
    pub lines: Vec<DeliveryLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftHeader {
    pub customer_id: i64,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    pub contact_name: String,
    pub address: String,
    pub memo: String,
}

pub fn insert_draft(
    conn: &Transaction,
    header: &DraftHeader,
    lines: &[DeliveryLine],
    stamp: &Stamp,
) -> Result<i64, StoreError> {
    let total: Money = lines.iter().map(|l| l.amount).sum();
    let id = conn.prepare_cached(
        "INSERT INTO delivery_notes (customer_id, status, doc_date, due_date, total_cents, contact_name, address, memo,
             created_at, operator)
         VALUES (?1, 'draft', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .insert(params![
        header.customer_id,
        header.doc_date,
        header.due_date,
        total.cents(),
        header.contact_name,
        header.address,
        header.memo,
        stamp.at,
        stamp.operator
    ])?;
    insert_lines(conn, id, lines)?;
    Ok(id)
}

/// The draft `insert_draft` wrote as `id`, as `get` would read it back, without reading it.
pub fn written_draft(id: i64, header: &DraftHeader, lines: Vec<DeliveryLine>) -> DeliveryNote {
    DeliveryNote {
        id,
        customer_id: header.customer_id,
        status: "draft".into(),
        number: None,
        doc_date: header.doc_date,
        due_date: header.due_date,
        total: lines.iter().map(|l| l.amount).sum(),
        contact_name: header.contact_name.clone(),
        address: header.address.clone(),
        memo: header.memo.clone(),
        entry_id: None,
        lines,
    }
}

/// The note `mark_issued` made of `draft`, as `get` would read it back.
pub fn issued_from(draft: &DeliveryNote, number: &str, entry_id: i64) -> DeliveryNote {
    DeliveryNote {
        status: "issued".into(),
        number: Some(number.to_string()),
        entry_id: Some(entry_id),
        ..draft.clone()
    }
}

fn insert_lines(conn: &Transaction, delivery_id: i64, lines: &[DeliveryLine]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO delivery_lines (delivery_id, position, item, spec, unit, quantity, unit_price, amount_cents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, line) in lines.iter().enumerate() {
        stmt.execute(params![
            delivery_id,
            position as i64 + 1,
            line.item,
            line.spec,
            line.unit,
            line.quantity.to_string(),
            line.unit_price.to_string(),
            line.amount.cents()
        ])?;
    }
    Ok(())
}

/// Freezes a draft: it takes its number and its ledger entry.
pub fn mark_issued(conn: &Transaction, id: i64, number: &str, entry_id: i64) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached("UPDATE delivery_notes SET status = 'issued', number = ?2, entry_id = ?3 WHERE id = ?1")?
        .execute(params![id, number, entry_id])
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::NumberTaken { kind: "delivery".into(), number: number.to_string() }
            } else {
                e
            }
        })?;
    if changed == 0 {
        return Err(not_found(format!("delivery note #{id}")));
    }
    Ok(())
}

/// Discards a draft. Issued notes are refused by the trigger.
pub fn delete_draft(conn: &Transaction, id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM delivery_lines WHERE delivery_id = ?1")?.execute([id])?;
    let deleted = conn.prepare_cached("DELETE FROM delivery_notes WHERE id = ?1")?.execute([id])?;
    if deleted == 0 {
        return Err(not_found(format!("delivery note #{id}")));
    }
    Ok(())
}

pub fn get(conn: &Transaction, id: i64) -> Result<DeliveryNote, StoreError> {
    let mut note = conn
        .prepare_cached(
            "SELECT id, customer_id, status, number, doc_date, due_date, total_cents, contact_name, address, memo,
                 entry_id
             FROM delivery_notes WHERE id = ?1",
        )?
        .query_row([id], |row| {
            Ok(DeliveryNote {
                id: row.get(0)?,
                customer_id: row.get(1)?,
                status: row.get(2)?,
                number: row.get(3)?,
                doc_date: row.get(4)?,
                due_date: row.get(5)?,
                total: money(row, 6)?,
                contact_name: row.get(7)?,
                address: row.get(8)?,
                memo: row.get(9)?,
                entry_id: row.get(10)?,
                lines: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| not_found(format!("delivery note #{id}")))?;
    note.lines = lines(conn, id)?;
    Ok(note)
}

pub fn id_by_entry(conn: &Transaction, entry_id: i64) -> Result<Option<i64>, StoreError> {
    conn.prepare_cached("SELECT id FROM delivery_notes WHERE entry_id = ?1")?
        .query_row([entry_id], |row| row.get(0))
        .optional()
}

fn lines(conn: &Transaction, delivery_id: i64) -> Result<Vec<DeliveryLine>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT item, spec, unit, quantity, unit_price, amount_cents FROM delivery_lines
         WHERE delivery_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([delivery_id], |row| {
        Ok(DeliveryLine {
            item: row.get(0)?,
            spec: row.get(1)?,
            unit: row.get(2)?,
            quantity: parsed(row, 3)?,
            unit_price: parsed(row, 4)?,
            amount: money(row, 5)?,
        })
    })?;
    rows.collect::<Result<_, _>>()
}

/// The issued note with this number, if there is one.
pub fn by_number(conn: &Transaction, number: &str) -> Result<Option<DeliveryNote>, StoreError> {
    use crate::OptionalExtension;
    let id: Option<i64> = conn
        .prepare_cached("SELECT id FROM delivery_notes WHERE number = ?1")?
        .query_row([number.trim()], |r| r.get(0))
        .optional()?;
    id.map(|id| get(conn, id)).transpose()
}
