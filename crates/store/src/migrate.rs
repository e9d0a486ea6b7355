//! Versioned schema migrations: numbered SQL files, never edited once released, applied
//! in one transaction; `PRAGMA user_version` records the version.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::StoreError;

pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_books", include_str!("../migrations/0001_books.sql")),
    ("0002_credit", include_str!("../migrations/0002_credit.sql")),
    ("0003_documents", include_str!("../migrations/0003_documents.sql")),
    ("0004_statements", include_str!("../migrations/0004_statements.sql")),
    ("0005_letters", include_str!("../migrations/0005_letters.sql")),
    ("0006_collections", include_str!("../migrations/0006_collections.sql")),
    ("0007_maintained", include_str!("../migrations/0007_maintained.sql")),
    ("0008_letter_skips", include_str!("../migrations/0008_letter_skips.sql")),
    ("0009_letter_answers", include_str!("../migrations/0009_letter_answers.sql")),
    ("0010_interest", include_str!("../migrations/0010_interest.sql")),
    ("0011_paper_sizes", include_str!("../migrations/0011_paper_sizes.sql")),
    ("0012_code_lookup", include_str!("../migrations/0012_code_lookup.sql")),
    ("0013_account_index", include_str!("../migrations/0013_account_index.sql")),
    ("0014_bank_lines", include_str!("../migrations/0014_bank_lines.sql")),
    ("0015_invoices", include_str!("../migrations/0015_invoices.sql")),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub(crate) fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<(), StoreError> {
    migrate_with(conn, path, MIGRATIONS)
}

/// `migrate` over a given list, so that tests can add a future migration.
pub fn migrate_with(conn: &mut Connection, path: Option<&Path>, migrations: &[(&str, &str)]) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let latest = migrations.len() as i64;
    if version > latest {
        return Err(StoreError::NewerSchema { found: version, supported: latest });
    }
    if version == latest {
        return Ok(());
    }
    if version == 0 && has_tables(conn)? {
        let path = path.map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
        return Err(StoreError::ForeignDatabase { path });
    }
    if version > 0 {
        if let Some(path) = path {
            copy_database(conn, &backup_path(path, version, latest))?;
        }
    }
    // Foreign keys are off while migrations run, so one may build a table again (SQLite
    // cannot change a constraint in place); every key is checked before the commit.
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let done = run_migrations(conn, version, latest, migrations);
    if enforced {
        conn.pragma_update(None, "foreign_keys", true)?;
    }
    done
}

fn run_migrations(
    conn: &mut Connection,
    version: i64,
    latest: i64,
    migrations: &[(&str, &str)],
) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    for (_, sql) in &migrations[version as usize..] {
        tx.execute_batch(sql)?;
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| row.get(0))?;
    if broken > 0 {
        return Err(StoreError::Corrupt(format!("{broken} row(s) refer to rows a migration left out")));
    }
    // Derived tables a migration asked to be filled (it marks the accounts dirty).
    let fill = has_table(&tx, "dirty_accounts")?;
    let tx = crate::engine::Transaction { inner: crate::engine::Inner::Sqlite(tx) };
    if fill {
        crate::tables::maintained::settle_dirty(&tx)?;
    }
    let crate::engine::Inner::Sqlite(tx) = tx.inner else { unreachable!("a SQLite book") };
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(())
}

fn has_table(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    let count: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |row| {
            row.get(0)
        })?;
    Ok(count > 0)
}

fn has_tables(conn: &Connection) -> Result<bool, StoreError> {
    let count: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
    Ok(count > 0)
}

/// `books.db` at version 1 migrating to 2 is copied to `books.db.v1-before-v2.bak`
/// (then `.bak.2`, `.bak.3` … if that name is taken: a backup is never overwritten).
fn backup_path(path: &Path, from: i64, to: i64) -> PathBuf {
    let base = format!("{}.v{from}-before-v{to}.bak", path.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 2;
    while candidate.exists() {
        candidate = PathBuf::from(format!("{base}.{n}"));
        n += 1;
    }
    candidate
}

pub(crate) fn copy_database(conn: &Connection, destination: &Path) -> Result<(), StoreError> {
    let target = destination.display().to_string();
    conn.execute("VACUUM INTO ?1", [&target])
        .map(|_| ())
        .map_err(|source| StoreError::Backup { path: target, source: Box::new(source.into()) })
}
