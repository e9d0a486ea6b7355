use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::StoreError;
use crate::migrate;

/// An open book. Reads run in a deferred transaction (one consistent snapshot); writes in
/// an IMMEDIATE transaction that commits only when the closure returns Ok.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// While set, every write is rolled back instead of committed: a rehearsal shows what
    /// a change would do (an import's row-by-row report) and leaves the book as it was.
    rehearsing: bool,
}

impl Store {
    /// Opens (or creates) the book at `path`, migrating it after a backup copy if it is
    /// older than this program, refusing it if it is newer or not a Huikuan book.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let display = path.display().to_string();
        configure(&conn).map_err(|e| classify_open_error(e, &display))?;
        let mut store = Store { conn, path: Some(path.to_path_buf()), rehearsing: false };
        migrate::migrate(&mut store.conn, Some(path)).map_err(|e| match e {
            StoreError::Sqlite(inner) => classify_open_error(inner, &display),
            other => other,
        })?;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let mut store = Store { conn, path: None, rehearsing: false };
        migrate::migrate(&mut store.conn, None)?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn read<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.finish().map_err(StoreError::from)?;
        Ok(value)
    }

    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let value = f(&tx)?;
        // What is owed, brought up to date with what this transaction wrote, in it.
        crate::tables::maintained::settle_dirty(&tx)?;
        if self.rehearsing {
            tx.rollback().map_err(StoreError::from)?;
        } else {
            tx.commit().map_err(StoreError::from)?;
        }
        Ok(value)
    }

    /// From now on, roll back every write instead of committing it (or stop doing so);
    /// returns the setting before.
    pub fn set_rehearsing(&mut self, on: bool) -> bool {
        std::mem::replace(&mut self.rehearsing, on)
    }

    /// As `write`, for a transaction that writes a great deal at once (an import): the page
    /// cache is made large enough to hold what it changes until the commit, rather than
    /// spilling pages to the log and writing them again, and is set back afterwards.
    pub fn write_bulk<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{BULK_CACHE_KIB}")).map_err(StoreError::from)?;
        let result = self.write(f);
        let restored = self.conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB}")).map_err(StoreError::from);
        let value = result?;
        restored?;
        Ok(value)
    }

    /// A consistent copy of the whole book, taken while it stays open.
    pub fn backup_to(&self, destination: &Path) -> Result<(), StoreError> {
        crate::migrate::copy_database(&self.conn, destination)
    }

    /// For tests and diagnostics: the raw connection, outside any transaction.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The page cache, in KiB, and the larger one of a bulk write.
const CACHE_KIB: u32 = 16 * 1024;
const BULK_CACHE_KIB: u32 = 256 * 1024;

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // The tables prepare every statement through the cache; the default 16 would thrash.
    conn.set_prepared_statement_cache_capacity(256);
    // FULL: a committed payment survives a power cut, not just a crash of the program.
    // recursive_triggers: otherwise INSERT OR REPLACE deletes a row without firing the
    // append-only DELETE triggers. cache_size (16 MiB): the reports over every customer
    // read the kept totals and open items whole; with the default 2 MiB each report read
    // them again from the file through the kernel. temp_store: the statement journals of a
    // long transaction (an import) stay in memory instead of a temporary file.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA recursive_triggers = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB}"))?;
    Ok(())
}

fn classify_open_error(error: rusqlite::Error, path: &str) -> StoreError {
    match &error {
        rusqlite::Error::SqliteFailure(e, _)
            if matches!(e.code, rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) =>
        {
            StoreError::NotADatabase { path: path.to_string() }
        }
        _ => StoreError::Sqlite(error),
    }
}
