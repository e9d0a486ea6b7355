//! The SQLite side of the store's statements: binding values, reading cells.

use rusqlite::types::{ToSqlOutput, ValueRef};

use super::{Row, RowInner, Value};
use crate::error::StoreError;

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Integer(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

pub(crate) fn execute(tx: &rusqlite::Connection, sql: &str, values: &[Value]) -> Result<usize, StoreError> {
    let mut stmt = tx.prepare_cached(sql)?;
    stmt.execute(rusqlite::params_from_iter(values)).map_err(StoreError::from)
}

pub(crate) fn each(
    tx: &rusqlite::Connection,
    sql: &str,
    values: &[Value],
    first_only: bool,
    f: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
    while let Some(row) = rows.next()? {
        f(&Row { inner: RowInner::Sqlite(row) })?;
        if first_only {
            break;
        }
    }
    Ok(())
}

pub(crate) fn with_text<T>(
    row: &rusqlite::Row,
    index: usize,
    f: impl FnOnce(Option<&str>) -> Result<T, String>,
) -> Result<Result<T, String>, StoreError> {
    Ok(match row.get_ref(index)? {
        ValueRef::Null => f(None),
        ValueRef::Text(t) => match std::str::from_utf8(t) {
            Ok(text) => f(Some(text)),
            Err(_) => f(Some(&String::from_utf8_lossy(t))),
        },
        other => Err(format!("expected text, found {:?}", other.data_type())),
    })
}

pub(crate) fn cell(row: &rusqlite::Row, index: usize) -> Result<Value, StoreError> {
    Ok(match row.get_ref(index)? {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        // No column of the books holds a float; one here is damage, not a value.
        ValueRef::Real(r) => return Err(StoreError::Corrupt(format!("column {index} holds a float ({r})"))),
    })
}
