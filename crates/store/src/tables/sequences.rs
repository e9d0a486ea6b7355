//! Gapless document numbers per type and year.

use crate::{params, Transaction};
use huikuan_domain::DocType;

use crate::error::StoreError;

/// Takes the next number of `doc_type` for `year`. Called inside the transaction that
/// writes the document, so a rollback gives the number back and no gap appears.
pub fn next_number(conn: &Transaction, doc_type: DocType, year: i32) -> Result<String, StoreError> {
    let last: u32 = conn
        .prepare_cached(
            "INSERT INTO sequences (doc_type, year, last) VALUES (?1, ?2, 1)
             ON CONFLICT (doc_type, year) DO UPDATE SET last = sequences.last + 1
             RETURNING last",
        )?
        .query_row(params![doc_type.as_str(), year], |row| row.get(0))?;
    Ok(doc_type.format_number(year, last))
}

/// An imported number written in our own format moves the sequence past it, so that a
/// number we issue later never collides with it.
pub fn note_imported(conn: &Transaction, doc_type: DocType, number: &str) -> Result<(), StoreError> {
    if let Some((year, sequence)) = doc_type.parse_number(number) {
        conn.prepare_cached(
            "INSERT INTO sequences (doc_type, year, last) VALUES (?1, ?2, ?3)
             ON CONFLICT (doc_type, year) DO UPDATE
                 SET last = CASE WHEN excluded.last > sequences.last THEN excluded.last ELSE sequences.last END",
        )?
        .execute(params![doc_type.as_str(), year, sequence])?;
    }
    Ok(())
}

/// The last number taken of `doc_type` in `year` (0 when none): a batch numbers what it
/// prepares from here, and checks each number as it takes it.
pub fn last(conn: &Transaction, doc_type: DocType, year: i32) -> Result<u32, StoreError> {
    use crate::OptionalExtension;
    let last: Option<u32> = conn
        .prepare_cached("SELECT last FROM sequences WHERE doc_type = ?1 AND year = ?2")?
        .query_row(params![doc_type.as_str(), year], |r| r.get(0))
        .optional()?;
    Ok(last.unwrap_or(0))
}
