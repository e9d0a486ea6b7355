//! Whether a file holds a whole Huikuan book this program can open, found without changing
//! a byte of it: what a restore checks before the file replaces the books.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::StoreError;
use crate::migrate::latest_version;

/// The schema version of the book in `path` after checking that it is a SQLite database
/// that passes `integrity_check`, was written by Huikuan, and is not newer than this
/// program. Opened read-only.
pub fn check_book_file(path: &Path) -> Result<i64, StoreError> {
    let shown = path.display().to_string();
    let not_a_book = |_| StoreError::NotADatabase { path: shown.clone() };
    if !path.is_file() {
        return Err(StoreError::NotFound { what: shown });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(not_a_book)?;
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(not_a_book)?;
    if verdict != "ok" {
        return Err(StoreError::NotADatabase { path: shown });
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(not_a_book)?;
    let has_ledger: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entries'", [], |r| r.get(0))
        .map_err(not_a_book)?;
    if version < 1 || has_ledger == 0 {
        return Err(StoreError::ForeignDatabase { path: shown });
    }
    if version > latest_version() {
        return Err(StoreError::NewerSchema { found: version, supported: latest_version() });
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_book_passes_and_other_files_are_named_for_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("books.db");
        drop(crate::Store::open(&book).unwrap());
        assert_eq!(check_book_file(&book).unwrap(), latest_version());

        let text = dir.path().join("notes.db");
        std::fs::write(&text, "not a database at all, just some words that go on for a while").unwrap();
        assert!(matches!(check_book_file(&text), Err(StoreError::NotADatabase { .. })));

        let other = dir.path().join("other.db");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
        assert!(matches!(check_book_file(&other), Err(StoreError::ForeignDatabase { .. })));

        let newer = dir.path().join("newer.db");
        drop(crate::Store::open(&newer).unwrap());
        Connection::open(&newer).unwrap().pragma_update(None, "user_version", latest_version() + 1).unwrap();
        assert!(matches!(check_book_file(&newer), Err(StoreError::NewerSchema { .. })));

        assert!(matches!(check_book_file(&dir.path().join("missing.db")), Err(StoreError::NotFound { .. })));
    }

    #[test]
    fn a_damaged_book_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("books.db");
        drop(crate::Store::open(&book).unwrap());
        let mut bytes = std::fs::read(&book).unwrap();
        // Page 2 onward overwritten: the header still says SQLite, the tree is garbage.
        let page = 4096.min(bytes.len() / 2);
        for b in &mut bytes[page..] {
            *b = 0xA5;
        }
        std::fs::write(&book, &bytes).unwrap();
        assert!(check_book_file(&book).is_err());
    }
}
