//! Huikuan's books in SQLite: versioned migrations, one module per table, transactions,
//! and backup. WAL mode, foreign keys on, synchronous writes: the file is the user's books.

mod check_file;
mod connection;
mod error;
mod migrate;
pub mod tables;

pub use check_file::check_book_file;
pub use connection::Store;
pub use error::StoreError;
pub use migrate::{latest_version, migrate_with, MIGRATIONS};
pub use rusqlite::{Connection, Transaction};
