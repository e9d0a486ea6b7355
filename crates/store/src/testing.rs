//! For tests on both engines: `HUIKUAN_TEST_ENGINE=postgres` runs them on the PostgreSQL
//! server named by `HUIKUAN_TEST_PG` (the throwaway server `scripts/test` starts), each
//! book in a database of its own; otherwise on SQLite.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::StoreError;
use crate::locator::Server;

/// True when the tests are to run on PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("HUIKUAN_TEST_ENGINE").is_ok_and(|e| e == "postgres")
}

/// A new, empty database on the test server, for one book.
pub fn fresh_server() -> Result<Server, StoreError> {
    Server::from_url(&fresh_database_url()?)
}

/// The same, as the URL another process is given (`--db URL`, a child of a crash trial).
pub fn fresh_database_url() -> Result<String, StoreError> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let url = std::env::var("HUIKUAN_TEST_PG").map_err(|_| {
        StoreError::BadLocator("HUIKUAN_TEST_PG is not set: start a server with scripts/pg-server".into())
    })?;
    let name = format!("t{}_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed), nanos());
    create_database(&url, &name)
}

/// Creates `name` on the server of the admin `url` and gives the URL that names it.
pub fn create_database(url: &str, name: &str) -> Result<String, StoreError> {
    let mut client = crate::server::connect(&Server::from_url(url)?)?;
    client.batch_execute(&format!("CREATE DATABASE {name}"))?;
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').filter(|(s, _)| s.contains('@')).map_or(base, |(s, _)| s);
    Ok(match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    })
}

fn nanos() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos())
}
