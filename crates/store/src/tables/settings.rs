//! The book's settings: one JSON document per key; a missing key means the defaults.

use crate::{OptionalExtension, Transaction};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::StoreError;

pub fn get<T: DeserializeOwned>(conn: &Transaction, key: &str) -> Result<Option<T>, StoreError> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?;
    text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Corrupt(format!("setting '{key}': {e}")))).transpose()
}

pub fn put<T: Serialize>(conn: &Transaction, key: &str, value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("setting '{key}': {e}")))?;
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, &text])?;
    Ok(())
}
