//! Shared books on a PostgreSQL server: connecting (TLS as `sslmode` asks), the schema and
//! its version, and the transactions the store runs there.
//!
//! Writers queue on one lock per book (a transaction-level advisory lock), as SQLite's
//! single writer does: every rule that reads then writes (the credit check, numbering,
//! settlement) sees everything committed before it and nothing can slip in between, so no
//! serialization conflict can arise. Readers take a snapshot and never wait.

use std::cell::RefCell;
use std::collections::HashMap;

use std::time::{Duration, Instant};

use postgres::{Client, IsolationLevel};

use crate::connection::Statements;
use crate::engine::pg::PgTx;
use crate::engine::{Inner, Transaction};
use crate::error::StoreError;
use crate::locator::Server;
use crate::migrate::latest_version;

/// The schema as of `PG_BASELINE`; later versions are `PG_MIGRATIONS`, in order.
const PG_SCHEMA: &str = include_str!("engine/pg_schema.sql");
const PG_BASELINE: i64 = 12;
pub(crate) const PG_MIGRATIONS: &[(&str, &str)] = &[
    ("0013_account_index", include_str!("../migrations/0013_account_index.sql")),
    ("0014_bank_lines", include_str!("engine/pg_0014_bank_lines.sql")),
    ("0015_invoices", include_str!("engine/pg_0015_invoices.sql")),
];

/// The advisory lock keys: one writer at a time, one first opening at a time.
const WRITE_LOCK: i64 = 0x6875_696b_7561_6e01;
const SCHEMA_LOCK: i64 = 0x6875_696b_7561_6e02;

/// After this long unused, a connection is asked whether it still stands before use.
const IDLE_PROBE: Duration = Duration::from_secs(2);

pub(crate) struct PgBook {
    client: Client,
    last_used: Instant,
    statements: Statements,
    pub(crate) server: Server,
    /// The server as shown to the user (no password), said in its errors.
    pub(crate) shown: String,
}

impl PgBook {
    pub(crate) fn open(server: &Server) -> Result<PgBook, StoreError> {
        let mut book = PgBook {
            client: connect(server)?,
            last_used: Instant::now(),
            statements: RefCell::new(HashMap::new()),
            server: server.clone(),
            shown: server.shown(),
        };
        book.prepare_schema()?;
        Ok(book)
    }

    fn prepare_schema(&mut self) -> Result<(), StoreError> {
        let database = self.server.database.clone();
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
        let ours: bool = tx.query_one("SELECT to_regclass('huikuan_schema') IS NOT NULL", &[])?.get(0);
        if !ours {
            let tables: i64 = tx
                .query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", &[])?
                .get(0);
            if tables > 0 {
                return Err(StoreError::ForeignServerDatabase { database });
            }
            // The baseline, then the same migrations an older server book would take.
            tx.batch_execute(PG_SCHEMA)?;
        }
        let version: i64 = tx.query_one("SELECT version FROM huikuan_schema", &[])?.get(0);
        if version < PG_BASELINE {
            return Err(StoreError::Corrupt(format!("schema version {version} was never written on a server")));
        }
        if version > latest_version() {
            return Err(StoreError::NewerSchema { found: version, supported: latest_version() });
        }
        for (_, sql) in &PG_MIGRATIONS[(version - PG_BASELINE) as usize..] {
            tx.batch_execute(sql)?;
        }
        tx.execute("UPDATE huikuan_schema SET version = $1", &[&latest_version()])?;
        tx.commit()?;
        Ok(())
    }

    fn ensure_connected(&mut self) -> Result<(), StoreError> {
        // A connection the server dropped while it sat idle (a restart, a network that came
        // back) is only found out by using it: after a pause it is asked first (an empty
        // query, one round trip), so the user's next transaction goes to a live one.
        let idle = self.last_used.elapsed() > IDLE_PROBE;
        if self.client.is_closed() || idle && self.client.simple_query("").is_err() {
            self.reconnect()?;
        }
        self.last_used = Instant::now();
        Ok(())
    }

    /// A new connection in place of the old one, whose prepared statements went with it.
    pub(crate) fn reconnect(&mut self) -> Result<(), StoreError> {
        self.client = connect(&self.server)?;
        self.statements.borrow_mut().clear();
        Ok(())
    }

    /// A snapshot of the whole book, as SQLite's deferred transaction gives.
    pub(crate) fn begin_read(&mut self) -> Result<Transaction<'_>, StoreError> {
        self.ensure_connected()?;
        let PgBook { client, statements, shown, .. } = self;
        let lost = |e| StoreError::from(e).at_server(shown);
        let tx = client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).start().map_err(lost)?;
        Ok(Transaction { inner: Inner::Postgres(PgTx { tx: RefCell::new(tx), statements, server: shown }) })
    }

    /// A write, after every earlier writer of this book has committed or rolled back.
    pub(crate) fn begin_write(&mut self) -> Result<Transaction<'_>, StoreError> {
        self.ensure_connected()?;
        let PgBook { client, statements, shown, .. } = self;
        let lost = |e| StoreError::from(e).at_server(shown);
        // READ COMMITTED whatever the server's default: each statement after the lock sees
        // everything the writers before committed (a snapshot taken before the lock would not).
        let mut tx = client.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start().map_err(lost)?;
        // A seat that stops mid-write (its network gone) gives the lock back within a minute.
        tx.batch_execute("SET LOCAL lock_timeout = '60s'; SET LOCAL idle_in_transaction_session_timeout = '60s'")
            .map_err(lost)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]).map_err(lost)?;
        Ok(Transaction { inner: Inner::Postgres(PgTx { tx: RefCell::new(tx), statements, server: shown }) })
    }
}

/// What a database on a server holds, found without changing it: a connection test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// No tables: opening it prepares new, empty books.
    Empty,
    /// Huikuan's books at this schema version, with this many customers.
    Books { version: i64, customers: i64 },
}

/// Connects and looks, read-only. A database of another program, or books newer than
/// this program, are refused as opening them would be.
pub fn probe(server: &Server) -> Result<Probe, StoreError> {
    let mut client = connect(server)?;
    let mut tx = client.build_transaction().read_only(true).start()?;
    let ours: bool = tx.query_one("SELECT to_regclass('huikuan_schema') IS NOT NULL", &[])?.get(0);
    if !ours {
        let tables: i64 = tx
            .query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", &[])?
            .get(0);
        if tables > 0 {
            return Err(StoreError::ForeignServerDatabase { database: server.database.clone() });
        }
        return Ok(Probe::Empty);
    }
    let version: i64 = tx.query_one("SELECT version FROM huikuan_schema", &[])?.get(0);
    if version > latest_version() {
        return Err(StoreError::NewerSchema { found: version, supported: latest_version() });
    }
    let customers: i64 = tx.query_one("SELECT count(*) FROM customers", &[])?.get(0);
    Ok(Probe::Books { version, customers })
}

/// After rows were written with their own ids (a copied book), each identity column
/// continues after the highest id, so the next row written gets a new one.
pub(crate) fn reset_identities(tx: &Transaction) -> Result<(), StoreError> {
    let columns: Vec<(String, String)> = tx
        .prepare_cached(
            "SELECT table_name::text, column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name",
        )?
        .query_map((), |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (table, column) in columns {
        tx.execute_batch(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE(max({column}), 0) + 1, false) FROM {table}"
        ))?;
    }
    Ok(())
}

/// A connection as the URL's `sslmode` asks: `disable` plain, `prefer` TLS when the
/// server offers it, `require` TLS always. As with libpq's `require`, the certificate is
/// not checked against a CA: that needs `verify-full`, which is not offered yet.
pub(crate) fn connect(server: &Server) -> Result<Client, StoreError> {
    let tls = native_tls::TlsConnector::builder()
        .danger_accept_invalid_certs(true)
        .danger_accept_invalid_hostnames(true)
        .build()
        .map_err(|e| StoreError::BadLocator(format!("TLS: {e}")))?;
    let tls = postgres_native_tls::MakeTlsConnector::new(tls);
    server.config.connect(tls).map_err(|e| match e.as_db_error() {
        Some(_) => StoreError::from(e),
        None => StoreError::ServerGone {
            server: server.shown(),
            why: std::error::Error::source(&e).map_or(e.to_string(), |cause| format!("{e}: {cause}")),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sqlite_migration_has_its_postgresql_counterpart() {
        assert_eq!(PG_BASELINE + PG_MIGRATIONS.len() as i64, latest_version());
    }

    fn indexes_on_entries(client: &mut Client) -> Vec<String> {
        let rows =
            client.query("SELECT indexname FROM pg_indexes WHERE tablename = 'entries' ORDER BY 1", &[]).unwrap();
        rows.iter().map(|r| r.get(0)).collect()
    }

    /// A book made at the baseline (as the first server books were) takes the migrations
    /// after it when it is opened, as a new one takes them when it is made.
    #[test]
    fn a_server_book_from_an_older_version_is_brought_up_to_date_on_opening() {
        if !crate::testing::on_postgres() {
            return;
        }
        let older = crate::testing::fresh_server().unwrap();
        connect(&older).unwrap().batch_execute(PG_SCHEMA).unwrap();
        for server in [older, crate::testing::fresh_server().unwrap()] {
            drop(PgBook::open(&server).unwrap());
            let mut client = connect(&server).unwrap();
            let version: i64 = client.query_one("SELECT version FROM huikuan_schema", &[]).unwrap().get(0);
            assert_eq!(version, latest_version());
            let indexes = indexes_on_entries(&mut client);
            assert!(indexes.contains(&"entries_account".to_string()), "{indexes:?}");
            assert!(!indexes.contains(&"entries_customer_date".to_string()), "{indexes:?}");
        }
    }
}
