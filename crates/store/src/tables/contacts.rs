use crate::{params, Transaction};
use huikuan_domain::ContactRole;
use serde::{Deserialize, Serialize};

use super::columns::parsed;
use crate::error::{not_found, StoreError};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContactFields {
    pub name: String,
    pub role: ContactRole,
    pub phone: String,
    pub wechat: String,
    pub email: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contact {
    pub id: i64,
    pub customer_id: i64,
    #[serde(flatten)]
    pub fields: ContactFields,
}

pub fn insert(conn: &Transaction, customer_id: i64, c: &ContactFields) -> Result<i64, StoreError> {
    conn.prepare_cached("INSERT INTO contacts (customer_id, name, role, phone, wechat, email, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?.insert(params![customer_id, c.name, c.role.as_str(), c.phone, c.wechat, c.email, c.notes],
    )
}

pub fn update(conn: &Transaction, id: i64, c: &ContactFields) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached(
            "UPDATE contacts SET name = ?2, role = ?3, phone = ?4, wechat = ?5, email = ?6, notes = ?7 WHERE id = ?1",
        )?
        .execute(params![id, c.name, c.role.as_str(), c.phone, c.wechat, c.email, c.notes])?;
    if changed == 0 {
        return Err(not_found(format!("contact #{id}")));
    }
    Ok(())
}

pub fn delete(conn: &Transaction, id: i64) -> Result<(), StoreError> {
    if conn.prepare_cached("DELETE FROM contacts WHERE id = ?1")?.execute([id])? == 0 {
        return Err(not_found(format!("contact #{id}")));
    }
    Ok(())
}

pub fn get(conn: &Transaction, id: i64) -> Result<Contact, StoreError> {
    for_query(conn, "WHERE id = ?1", id)?.pop().ok_or_else(|| not_found(format!("contact #{id}")))
}

pub fn for_customer(conn: &Transaction, customer_id: i64) -> Result<Vec<Contact>, StoreError> {
    for_query(conn, "WHERE customer_id = ?1 ORDER BY id", customer_id)
}

fn for_query(conn: &Transaction, filter: &str, key: i64) -> Result<Vec<Contact>, StoreError> {
    let sql = format!("SELECT id, customer_id, name, role, phone, wechat, email, notes FROM contacts {filter}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([key], |row| {
        Ok(Contact {
            id: row.get(0)?,
            customer_id: row.get(1)?,
            fields: ContactFields {
                name: row.get(2)?,
                role: parsed(row, 3)?,
                phone: row.get(4)?,
                wechat: row.get(5)?,
                email: row.get(6)?,
                notes: row.get(7)?,
            },
        })
    })?;
    rows.collect::<Result<_, _>>()
}
