use std::path::Path;

use huikuan_store::tables::{audit, customers, Stamp};
use huikuan_store::{Locator, Store, Transaction};
use serde::Serialize;

use crate::clock::Clock;
use crate::error::AppError;
use crate::files::Files;
use crate::Customer;

/// An open set of books with the clock and the operator that every change is stamped with.
pub struct Books {
    pub(crate) store: Store,
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) operator: String,
    /// Where attached files are kept: beside a SQLite book, in the database of shared books.
    pub(crate) files: Files,
    /// The generated demo company rather than the owner's own books (read when opened).
    pub(crate) demo: bool,
    /// Which opening of books this is, unique in the process: the desktop's readers know
    /// from it that the workspace's books were replaced (even by the same file, restored).
    pub(crate) opened: u64,
}

/// Counts the openings of books in this process.
static OPENINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn next_opening() -> u64 {
    OPENINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

/// The setting that marks the generated demo company.
pub(crate) const DEMO_KEY: &str = "demo_book";

impl Books {
    pub fn open(path: &Path, clock: Box<dyn Clock>, operator: &str) -> Result<Books, AppError> {
        let files = path.parent().map_or(Files::Nowhere, |dir| Files::Folder(dir.join("attachments")));
        let mut store = Store::open(path)?;
        let demo = store.read(|tx| huikuan_store::tables::settings::get::<bool>(tx, DEMO_KEY))?.unwrap_or(false);
        Ok(Books { store, clock, operator: operator.to_string(), files, demo, opened: next_opening() })
    }

    /// Opens the books a locator names: a file, or shared books on a PostgreSQL server
    /// (whose attachments live in the database, so every seat sees them).
    pub fn open_at(locator: &Locator, clock: Box<dyn Clock>, operator: &str) -> Result<Books, AppError> {
        let Locator::Server(server) = locator else {
            let Locator::File(path) = locator else { unreachable!("two kinds of locator") };
            return Books::open(path, clock, operator);
        };
        let mut store = Store::open_server(server)?;
        let demo = store.read(|tx| huikuan_store::tables::settings::get::<bool>(tx, DEMO_KEY))?.unwrap_or(false);
        Ok(Books { store, clock, operator: operator.to_string(), files: Files::Database, demo, opened: next_opening() })
    }

    /// A fresh book for a test: in memory, or with `HUIKUAN_TEST_ENGINE=postgres` in a new
    /// database on the test server, so the same test runs on both engines.
    pub fn open_for_test(clock: Box<dyn Clock>, operator: &str) -> Result<Books, AppError> {
        if huikuan_store::testing::on_postgres() {
            return Books::open_at(&Locator::Server(huikuan_store::testing::fresh_server()?), clock, operator);
        }
        Books::open_in_memory(clock, operator)
    }

    pub fn open_in_memory(clock: Box<dyn Clock>, operator: &str) -> Result<Books, AppError> {
        Ok(Books {
            store: Store::open_in_memory()?,
            clock,
            operator: operator.to_string(),
            files: Files::Nowhere,
            demo: false,
            opened: next_opening(),
        })
    }

    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    /// True for the generated demo company.
    pub fn is_demo(&self) -> bool {
        self.demo
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Moves the books to another clock: tests that follow a story over days, and the demo.
    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }

    pub(crate) fn stamp(&self) -> Stamp {
        Stamp { at: self.clock.timestamp(), operator: self.operator.clone() }
    }

    /// A consistent copy of the whole book at `destination`.
    pub fn backup_to(&mut self, destination: &Path) -> Result<(), AppError> {
        // Shared books: a SQLite file with their attached files beside it, as a file's own
        // backup has them.
        if self.store.engine() == huikuan_store::Engine::Postgres {
            return self.copy_to(&Locator::File(destination.to_path_buf())).map(|_| ());
        }
        Ok(self.store.backup_to(destination)?)
    }

    /// The newest audit records, newest first.
    pub fn audit_log(&mut self, limit: u32) -> Result<Vec<audit::AuditRecord>, AppError> {
        self.store.read(|tx| Ok(audit::recent(tx, limit)?))
    }
}

pub(crate) fn customer_by_code(tx: &Transaction, code: &str) -> Result<Customer, AppError> {
    customers::by_code(tx, code)?.ok_or_else(|| AppError::UnknownCustomer(code.trim().to_string()))
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect("our views always serialize")
}

/// Writes the audit record of a change inside the caller's transaction.
pub(crate) fn audit<T: Serialize, U: Serialize>(
    tx: &Transaction,
    stamp: &Stamp,
    action: &str,
    entity: &str,
    entity_id: i64,
    before: Option<&T>,
    after: Option<&U>,
) -> Result<(), AppError> {
    let before = before.map(to_json);
    let after = after.map(to_json);
    audit::record(tx, stamp, action, entity, Some(entity_id), before.as_ref(), after.as_ref())?;
    Ok(())
}
