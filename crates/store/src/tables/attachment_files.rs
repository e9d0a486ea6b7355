//! Shared books only: the bytes of attached files, by content hash, in the database so
//! every seat sees them (a SQLite book keeps them in the folder beside it).

use crate::error::StoreError;
use crate::{OptionalExtension, Transaction};

/// Keeps `bytes` under their hash; the same content kept twice is one row.
pub fn put(conn: &Transaction, sha256: &str, bytes: &[u8]) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO attachment_files (sha256, bytes) VALUES (?1, ?2) ON CONFLICT (sha256) DO NOTHING",
    )?
    .execute(crate::params![sha256, bytes])?;
    Ok(())
}

pub fn get(conn: &Transaction, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
    conn.prepare_cached("SELECT bytes FROM attachment_files WHERE sha256 = ?1")?
        .query_row([sha256], |r| r.get(0))
        .optional()
}
