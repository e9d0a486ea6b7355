//! Huikuan's books: one store over two engines. A file on this computer is a SQLite book
//! (WAL mode, foreign keys on, synchronous writes: the file is the user's books); shared
//! books live in a PostgreSQL database. Versioned migrations, one module per table, the
//! store's own transactions, backup and whole-book copies between engines.

mod check_file;
mod connection;
pub mod copy;
mod engine;
mod error;
pub mod locator;
mod migrate;
pub mod server;
pub mod tables;
pub mod testing;

pub use check_file::check_book_file;
pub use connection::Store;
pub use engine::{Engine, FromValue, OptionalExtension, Params, Row, Statement, ToValue, Transaction, Value};
pub use error::StoreError;
pub use locator::{Locator, Server};
pub use migrate::{latest_version, migrate_with, MIGRATIONS};
