//! The store's own transaction, statement and row: what the tables and the use cases above
//! the store see, whichever engine holds the book. Nothing above `crates/store` names
//! rusqlite or the PostgreSQL driver; the engine-specific parts sit in `sqlite.rs` and
//! `postgres.rs` beside this file.

pub(crate) mod pg;
pub(crate) mod sqlite;
mod value;

pub use value::{FromValue, Params, ToValue, Value};

use chrono::NaiveDate;

use crate::error::StoreError;

/// Which engine holds a book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// One transaction on either engine. Every table function takes one, so whatever it
/// writes commits or rolls back with the rest of the caller's change.
pub struct Transaction<'c> {
    pub(crate) inner: Inner<'c>,
}

pub(crate) enum Inner<'c> {
    Sqlite(rusqlite::Transaction<'c>),
    Postgres(pg::PgTx<'c>),
}

impl<'c> Transaction<'c> {
    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// A statement to run once or many times (both engines cache what they prepare).
    pub fn prepare_cached<'t>(&'t self, sql: &str) -> Result<Statement<'t, 'c>, StoreError> {
        Ok(Statement { tx: self, sql: sql.to_string() })
    }

    /// As `prepare_cached`: every statement is kept for the next use.
    pub fn prepare<'t>(&'t self, sql: &str) -> Result<Statement<'t, 'c>, StoreError> {
        self.prepare_cached(sql)
    }

    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize, StoreError> {
        self.prepare_cached(sql)?.execute(params)
    }

    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    /// Several statements without parameters (schema, settings of the session).
    pub fn execute_batch(&self, sql: &str) -> Result<(), StoreError> {
        match &self.inner {
            Inner::Sqlite(tx) => tx.execute_batch(sql).map_err(StoreError::from),
            Inner::Postgres(tx) => tx.batch(sql),
        }
    }
}

/// A statement bound to its transaction.
pub struct Statement<'t, 'c> {
    tx: &'t Transaction<'c>,
    sql: String,
}

impl Statement<'_, '_> {
    /// Runs it; the number of rows changed.
    pub fn execute(&mut self, params: impl Params) -> Result<usize, StoreError> {
        let values = params.values();
        match &self.tx.inner {
            Inner::Sqlite(tx) => sqlite::execute(tx, &self.sql, &values),
            Inner::Postgres(tx) => tx.execute(&self.sql, &values),
        }
    }

    /// Inserts one row into a table whose key is `id`, and gives the new row's id.
    pub fn insert(&mut self, params: impl Params) -> Result<i64, StoreError> {
        let values = params.values();
        match &self.tx.inner {
            Inner::Sqlite(tx) => {
                sqlite::execute(tx, &self.sql, &values)?;
                Ok(tx.last_insert_rowid())
            }
            Inner::Postgres(tx) => tx.insert(&self.sql, &values),
        }
    }

    /// The first row's value; `StoreError::NoRow` when there is none (see `optional`).
    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut f = Some(f);
        let mut found = None;
        self.each(params, true, &mut |row| {
            found = Some((f.take().expect("called once"))(row)?);
            Ok(())
        })?;
        found.ok_or(StoreError::NoRow)
    }

    /// Whether the query finds any row.
    pub fn exists(&mut self, params: impl Params) -> Result<bool, StoreError> {
        let mut found = false;
        self.each(params, true, &mut |_| {
            found = true;
            Ok(())
        })?;
        Ok(found)
    }

    /// Every row, mapped: collect it (`.collect::<Result<Vec<_>, _>>()`).
    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        mut f: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<std::vec::IntoIter<Result<T, StoreError>>, StoreError> {
        let mut out = Vec::new();
        self.each(params, false, &mut |row| {
            out.push(f(row));
            Ok(())
        })?;
        Ok(out.into_iter())
    }

    /// Every row in turn, without holding them all: the ledger passes over a million
    /// entries. `f` reads the row; it must not use the transaction.
    pub fn for_each(
        &mut self,
        params: impl Params,
        mut f: impl FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.each(params, false, &mut f)
    }

    /// As `for_each`, for a statement that reads very many rows (a pass over the ledger): on
    /// a server they come a batch at a time (pg.rs, `each_batched`).
    pub fn for_each_batched(
        &mut self,
        params: impl Params,
        mut f: impl FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let values = params.values();
        match &self.tx.inner {
            Inner::Sqlite(tx) => sqlite::each(tx, &self.sql, &values, false, &mut f),
            Inner::Postgres(tx) => tx.each_batched(&self.sql, &values, &mut f),
        }
    }

    fn each(
        &mut self,
        params: impl Params,
        first_only: bool,
        f: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let values = params.values();
        match &self.tx.inner {
            Inner::Sqlite(tx) => sqlite::each(tx, &self.sql, &values, first_only, f),
            Inner::Postgres(tx) => tx.each(&self.sql, &values, first_only, f),
        }
    }
}

/// One row of a result.
pub struct Row<'r> {
    pub(crate) inner: RowInner<'r>,
}

pub(crate) enum RowInner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    pub fn get<T: FromValue>(&self, index: usize) -> Result<T, StoreError> {
        let value = match &self.inner {
            RowInner::Sqlite(row) => sqlite::cell(row, index)?,
            RowInner::Postgres(row) => pg::cell(row, index)?,
        };
        T::from_value(value).map_err(|why| value::conversion(index, why))
    }

    /// The text in a column lent to `f` without a copy (None for NULL): for the columns a
    /// pass over the whole ledger reads a million times, where copying each into a String
    /// cost more than the read.
    pub fn with_text<T>(
        &self,
        index: usize,
        f: impl FnOnce(Option<&str>) -> Result<T, String>,
    ) -> Result<T, StoreError> {
        let result = match &self.inner {
            RowInner::Sqlite(row) => sqlite::with_text(row, index, f)?,
            RowInner::Postgres(row) => pg::with_text(row, index, f)?,
        };
        result.map_err(|why| value::conversion(index, why))
    }

    /// A 'YYYY-MM-DD' column read without a copy (None for NULL).
    pub fn date(&self, index: usize) -> Result<Option<NaiveDate>, StoreError> {
        self.with_text(index, |text| text.map(value::read_date).transpose())
    }
}

/// `query_row(...).optional()`: no row is `None`, not an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>, StoreError>;
}

impl<T> OptionalExtension<T> for Result<T, StoreError> {
    fn optional(self) -> Result<Option<T>, StoreError> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(StoreError::NoRow) => Ok(None),
            Err(other) => Err(other),
        }
    }
}
