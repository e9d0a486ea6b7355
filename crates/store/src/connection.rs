use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::engine::pg::PgTx;
use crate::engine::{Engine, FromValue, Inner, Transaction};
use crate::error::StoreError;
use crate::locator::{Locator, Server};
use crate::{migrate, server};

/// An open book. Reads run in one consistent snapshot; writes one at a time (SQLite's
/// IMMEDIATE transaction; on a server, every writer queues on the book's write lock), and
/// commit only when the closure returns Ok.
pub struct Store {
    backend: Backend,
    /// While set, every write is rolled back instead of committed: a rehearsal shows what
    /// a change would do (an import's row-by-row report) and leaves the book as it was.
    rehearsing: bool,
}

// One per open book: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Backend {
    Sqlite { conn: Connection, path: Option<PathBuf> },
    Postgres(server::PgBook),
}

impl Store {
    /// Opens (or creates) the book at `path`, migrating it after a backup copy if it is
    /// older than this program, refusing it if it is newer or not a Huikuan book.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let display = path.display().to_string();
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(e, &display))?;
        configure(&conn).map_err(|e| classify_open_error(e, &display))?;
        migrate::migrate(&mut conn, Some(path)).map_err(|e| match e {
            StoreError::Sqlite(inner) => classify_open_error(inner, &display),
            other => other,
        })?;
        Ok(Store { backend: Backend::Sqlite { conn, path: Some(path.to_path_buf()) }, rehearsing: false })
    }

    /// Opens the book a locator names: a file, or shared books on a PostgreSQL server.
    pub fn open_at(locator: &Locator) -> Result<Store, StoreError> {
        match locator {
            Locator::File(path) => Store::open(path),
            Locator::Server(server) => Store::open_server(server),
        }
    }

    /// Opens the shared books in a PostgreSQL database, creating the schema in an empty one.
    pub fn open_server(server: &Server) -> Result<Store, StoreError> {
        Ok(Store { backend: Backend::Postgres(server::PgBook::open(server)?), rehearsing: false })
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate::migrate(&mut conn, None)?;
        Ok(Store { backend: Backend::Sqlite { conn, path: None }, rehearsing: false })
    }

    pub fn engine(&self) -> Engine {
        match self.backend {
            Backend::Sqlite { .. } => Engine::Sqlite,
            Backend::Postgres(_) => Engine::Postgres,
        }
    }

    /// The book's file; None for a book in memory or on a server.
    pub fn path(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Sqlite { path, .. } => path.as_deref(),
            Backend::Postgres(_) => None,
        }
    }

    /// Where the book is, as it was opened (a server with its password): what another
    /// connection to the same book opens, such as the desktop's readers. None in memory,
    /// where no other connection can see the book.
    pub fn locator(&self) -> Option<Locator> {
        match &self.backend {
            Backend::Sqlite { path, .. } => path.clone().map(Locator::File),
            Backend::Postgres(book) => Some(Locator::Server(book.server.clone())),
        }
    }

    /// Where the book is, as shown to the user (a server's address without its password).
    pub fn location(&self) -> String {
        match &self.backend {
            Backend::Sqlite { path, .. } => path.as_ref().map_or(":memory:".into(), |p| p.display().to_string()),
            Backend::Postgres(book) => book.shown.clone(),
        }
    }

    pub fn read<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        match &mut self.backend {
            Backend::Sqlite { conn, .. } => {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(StoreError::from)?;
                let tx = Transaction { inner: Inner::Sqlite(tx) };
                let value = f(&tx)?;
                finish(tx, false)?;
                Ok(value)
            }
            Backend::Postgres(book) => {
                let tx = book.begin_read()?;
                let value = f(&tx)?;
                finish(tx, false)?;
                Ok(value)
            }
        }
    }

    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let rehearsing = self.rehearsing;
        let tx = match &mut self.backend {
            Backend::Sqlite { conn, .. } => Transaction {
                inner: Inner::Sqlite(
                    conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?,
                ),
            },
            Backend::Postgres(book) => book.begin_write()?,
        };
        let value = f(&tx)?;
        // What is owed, brought up to date with what this transaction wrote, in it.
        crate::tables::maintained::settle_dirty(&tx)?;
        finish(tx, !rehearsing)?;
        Ok(value)
    }

    /// From now on, roll back every write instead of committing it (or stop doing so);
    /// returns the setting before.
    pub fn set_rehearsing(&mut self, on: bool) -> bool {
        std::mem::replace(&mut self.rehearsing, on)
    }

    /// As `write`, for a transaction that writes a great deal at once (an import). On
    /// SQLite the page cache is made large enough to hold what it changes until the
    /// commit, rather than spilling pages to the log and writing them again.
    pub fn write_bulk<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let Backend::Sqlite { conn, .. } = &self.backend else {
            return self.write(f);
        };
        conn.execute_batch(&format!("PRAGMA cache_size = -{BULK_CACHE_KIB}")).map_err(StoreError::from)?;
        let result = self.write(f);
        let Backend::Sqlite { conn, .. } = &self.backend else { unreachable!("the engine does not change") };
        let restored = conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB}")).map_err(StoreError::from);
        let value = result?;
        restored?;
        Ok(value)
    }

    /// A consistent copy of the whole book as a SQLite file, taken while it stays open:
    /// a file that opens anywhere, whichever engine holds the book.
    pub fn backup_to(&mut self, destination: &Path) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { conn, .. } => crate::migrate::copy_database(conn, destination),
            Backend::Postgres(_) => {
                let mut target = Store::open_empty_file(destination)?;
                crate::copy::copy_book(self, &mut target)
            }
        }
    }

    /// A new SQLite book at `destination` (which must not exist), ready to be copied into.
    pub(crate) fn open_empty_file(destination: &Path) -> Result<Store, StoreError> {
        if destination.exists() {
            return Err(StoreError::Backup {
                path: destination.display().to_string(),
                source: Box::new(StoreError::Corrupt("output file already exists".into())),
            });
        }
        Store::open(destination)
    }

    /// One value from a query outside the use cases: tests, diagnostics, `check`.
    pub fn query_value<T: FromValue>(&mut self, sql: &str) -> Result<T, StoreError> {
        self.read(|tx| tx.query_row(sql, (), |row| row.get(0)))
    }

    /// Runs statements outside the use cases (tests proving what the database refuses).
    pub fn execute_raw(&mut self, sql: &str) -> Result<usize, StoreError> {
        self.write(|tx| tx.execute(sql, ()))
    }
}

fn finish(tx: Transaction, commit: bool) -> Result<(), StoreError> {
    match tx.inner {
        Inner::Sqlite(tx) => if commit { tx.commit() } else { tx.finish() }.map_err(StoreError::from),
        Inner::Postgres(PgTx { tx, .. }) => {
            let tx = tx.into_inner();
            if commit { tx.commit() } else { tx.rollback() }.map_err(StoreError::from)
        }
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
        _ => StoreError::from(error),
    }
}

/// Kept so the statements cache type is named once.
pub(crate) type Statements = RefCell<HashMap<String, postgres::Statement>>;
