use std::fs;

use huikuan_store::tables::{customers, entries};
use huikuan_store::{latest_version, migrate_with, Store, StoreError, MIGRATIONS};

use super::helpers::small_book;

#[test]
fn a_new_file_is_created_at_the_latest_version_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    let mut store = Store::open(&path).unwrap();
    let version: i64 = store.query_value("PRAGMA user_version").unwrap();
    let mode: String = store.query_value("PRAGMA journal_mode").unwrap();
    let fk: i64 = store.query_value("PRAGMA foreign_keys").unwrap();
    let sync: i64 = store.query_value("PRAGMA synchronous").unwrap();
    assert_eq!(version, latest_version());
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(sync, 2, "synchronous = FULL");
}

#[test]
fn everything_written_is_found_after_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    let (customer, delivery, payment) = {
        let mut store = Store::open(&path).unwrap();
        small_book(&mut store)
    };
    let mut store = Store::open(&path).unwrap();
    let account = store.read(|tx| entries::account(tx, customer)).unwrap();
    assert_eq!(account.receivables.len(), 1);
    assert_eq!(account.receivables[0].id, delivery);
    assert_eq!(account.credits[0].id, payment);
    assert_eq!(account.allocations.len(), 1);
    let found = store.read(|tx| customers::by_code(tx, "c001")).unwrap().unwrap();
    assert_eq!(found.fields.name, "C001 商行", "codes are found case-insensitively");
}

#[test]
fn the_same_book_works_in_memory() {
    let mut store = Store::open_in_memory().unwrap();
    let (customer, _, _) = small_book(&mut store);
    let balance =
        store.read(|tx| entries::account(tx, customer)).unwrap().settle(super::helpers::date("2026-12-31")).balance();
    assert_eq!(balance.cents(), 6_000);
}

#[test]
fn a_book_from_a_newer_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", latest_version() + 1).unwrap();
    drop(conn);
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!((found, supported), (latest_version() + 1, latest_version()));
        }
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let garbage = b"this is a shopping list, not a database".repeat(200);
    fs::write(&path, &garbage).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert_eq!(err.code(), "not_a_database", "{err}");
    assert_eq!(fs::read(&path).unwrap(), garbage);
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x);").unwrap();
    assert_eq!(Store::open(&path).err().unwrap().code(), "foreign_database");
}

#[test]
fn migrating_an_existing_book_takes_a_backup_first_and_applies_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    {
        let mut store = Store::open(&path).unwrap();
        small_book(&mut store);
    }
    let mut future: Vec<(&str, &str)> = MIGRATIONS.to_vec();
    future.push(("0002_test", "ALTER TABLE customers ADD COLUMN wechat_group TEXT NOT NULL DEFAULT '';"));
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrate_with(&mut conn, Some(&path), &future).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, latest_version() + 1);

    let backup = dir.path().join(format!("books.db.v{}-before-v{}.bak", latest_version(), latest_version() + 1));
    let old = rusqlite::Connection::open(&backup).unwrap();
    let old_version: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let old_entries: i64 = old.query_row("SELECT count(*) FROM entries", [], |r| r.get(0)).unwrap();
    assert_eq!((old_version, old_entries), (latest_version(), 2));
}

#[test]
fn a_failing_migration_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    drop(Store::open(&path).unwrap());
    let mut broken: Vec<(&str, &str)> = MIGRATIONS.to_vec();
    broken.push(("0002_broken", "CREATE TABLE half_done (x); THIS IS NOT SQL;"));
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    assert!(migrate_with(&mut conn, Some(&path), &broken).is_err());
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let half: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'", [], |r| r.get(0)).unwrap();
    assert_eq!((version, half), (latest_version(), 0));
}

#[test]
fn backup_to_writes_a_consistent_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("books.db")).unwrap();
    small_book(&mut store);
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    let mut restored = Store::open(&copy).unwrap();
    let count = restored.read(customers::list).unwrap().len();
    assert_eq!(count, 1);
}
