//! The PostgreSQL side of the store's statements: the SQL the tables write (SQLite's
//! dialect, kept portable) made PostgreSQL's, values bound by the type the server asks
//! for, cells read back as the same values SQLite gives, statements prepared once per
//! connection.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error;

use bytes::BytesMut;
use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};

use super::{Row, RowInner, Value};
use crate::error::StoreError;

type Boxed = Box<dyn Error + Sync + Send>;

/// An open PostgreSQL transaction and the connection's prepared statements.
pub(crate) struct PgTx<'c> {
    pub(crate) tx: RefCell<postgres::Transaction<'c>>,
    pub(crate) statements: &'c RefCell<HashMap<String, postgres::Statement>>,
    /// The server as shown to the user, named when it cannot be reached.
    pub(crate) server: &'c str,
}

impl PgTx<'_> {
    fn fail(&self, error: postgres::Error) -> StoreError {
        StoreError::from(error).at_server(self.server)
    }

    fn statement(&self, sql: &str) -> Result<postgres::Statement, StoreError> {
        if let Some(stmt) = self.statements.borrow().get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = self.tx.borrow_mut().prepare(&translate(sql)).map_err(|e| self.fail(e))?;
        self.statements.borrow_mut().insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    pub(crate) fn execute(&self, sql: &str, values: &[Value]) -> Result<usize, StoreError> {
        let stmt = self.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let changed = self.tx.borrow_mut().execute(&stmt, &params).map_err(|e| self.fail(e))?;
        Ok(changed as usize)
    }

    /// The row's id comes back with it: PostgreSQL has no "last insert rowid".
    pub(crate) fn insert(&self, sql: &str, values: &[Value]) -> Result<i64, StoreError> {
        let stmt = self.statement(&format!("{sql} RETURNING id"))?;
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let row = self.tx.borrow_mut().query_one(&stmt, &params).map_err(|e| self.fail(e))?;
        row.try_get::<_, i64>(0).map_err(|e| self.fail(e))
    }

    pub(crate) fn each(
        &self,
        sql: &str,
        values: &[Value],
        first_only: bool,
        f: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        use postgres::fallible_iterator::FallibleIterator;
        let stmt = self.statement(sql)?;
        let params = values.iter().map(|v| v as &(dyn ToSql + Sync));
        let mut tx = self.tx.borrow_mut();
        let mut rows = tx.query_raw(&stmt, params).map_err(|e| self.fail(e))?;
        while let Some(row) = rows.next().map_err(|e| self.fail(e))? {
            f(&Row { inner: RowInner::Postgres(&row) })?;
            if first_only {
                // The rest of the rows are read and dropped: the portal must finish
                // before the connection takes the next statement.
                while rows.next().map_err(|e| self.fail(e))?.is_some() {}
                break;
            }
        }
        Ok(())
    }

    /// As `each`, the rows fetched from a portal a batch at a time: for a statement that
    /// reads very many (the pass over the ledger), where the driver's row-by-row iterator,
    /// which enters its runtime once per row, cost more than the rows. Binding the portal is
    /// a round trip of its own, so statements that read a few rows use `each`.
    pub(crate) fn each_batched(
        &self,
        sql: &str,
        values: &[Value],
        f: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let stmt = self.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let mut tx = self.tx.borrow_mut();
        let portal = tx.bind(&stmt, &params).map_err(|e| self.fail(e))?;
        loop {
            let rows = tx.query_portal(&portal, BATCH).map_err(|e| self.fail(e))?;
            for row in &rows {
                f(&Row { inner: RowInner::Postgres(row) })?;
            }
            if rows.len() < BATCH as usize {
                return Ok(());
            }
        }
    }

    pub(crate) fn batch(&self, sql: &str) -> Result<(), StoreError> {
        self.tx.borrow_mut().batch_execute(sql).map_err(|e| self.fail(e))
    }
}

/// Rows fetched from the server at a time by `each_batched`: a few hundred KiB in memory.
const BATCH: i32 = 4096;

/// SQLite's dialect as the tables write it, made PostgreSQL's: numbered parameters `?1`
/// become `$1`, and a bytewise collation is PostgreSQL's "C".
pub(crate) fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(c),
        }
    }
    out.replace("COLLATE BINARY", "COLLATE \"C\"")
}

/// A value bound as the type the server asks for: the same `Value::Integer` is an int8
/// for a BIGINT column, an int4 for a function taking INTEGER, a bool for a test.
impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => integer_to_sql(*i, ty, out),
            Value::Text(t) => match *ty {
                Type::BYTEA => t.as_bytes().to_sql(ty, out),
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    t.as_str().to_sql(&Type::TEXT, out)
                }
                _ => Err(format!("text '{t}' given for a {ty} parameter").into()),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => Err(format!("bytes given for a {ty} parameter").into()),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn integer_to_sql(i: i64, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
    match *ty {
        Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
        Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
        Type::BOOL => (i != 0).to_sql(ty, out),
        Type::TEXT | Type::VARCHAR | Type::UNKNOWN => i.to_string().as_str().to_sql(&Type::TEXT, out),
        Type::INT8 => i.to_sql(ty, out),
        // A NUMERIC or float parameter would take int8 bytes for something else: refused,
        // never a silently wrong figure.
        _ => Err(format!("an integer given for a {ty} parameter").into()),
    }
}

/// A cell read back as SQLite would give it: integers (counts, sums, booleans) as
/// integers, text as text, bytes as bytes.
struct Cell(Value);

impl<'a> FromSql<'a> for Cell {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let value = match *ty {
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::OID => Value::Integer(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Value::Integer(bool::from_sql(ty, raw)?.into()),
            Type::NUMERIC => Value::Integer(numeric_integer(raw)?),
            Type::BYTEA => Value::Blob(raw.to_vec()),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                Value::Text(<&str>::from_sql(&Type::TEXT, raw)?.to_string())
            }
            // The books hold no float, date or timestamp column; one read here is a bug.
            _ => return Err(format!("a {ty} column, which the books never hold").into()),
        };
        Ok(Cell(value))
    }

    fn from_sql_null(_: &Type) -> Result<Self, Boxed> {
        Ok(Cell(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// A NUMERIC that holds a whole number (what `sum` of a BIGINT column gives), as i64.
/// The binary form: digit count, weight, sign, scale, then base-10000 digits.
fn numeric_integer(raw: &[u8]) -> Result<i64, Boxed> {
    let word = |i: usize| -> Result<i16, Boxed> {
        let bytes = raw.get(i * 2..i * 2 + 2).ok_or("a short NUMERIC")?;
        Ok(i16::from_be_bytes([bytes[0], bytes[1]]))
    };
    let (count, weight, sign) = (word(0)? as usize, word(1)?, word(2)? as u16);
    if sign != 0x0000 && sign != 0x4000 {
        return Err("NaN or infinity where a whole number was expected".into());
    }
    // i64 holds at most five base-10000 digits before the point.
    if weight > 4 {
        return Err("a number beyond i64".into());
    }
    let mut value: i128 = 0;
    for position in 0..=i64::from(weight).max(-1) {
        let digit = if (position as usize) < count { i128::from(word(4 + position as usize)?) } else { 0 };
        value = value * 10_000 + digit;
    }
    if (weight as i64 + 1).max(0) < count as i64 {
        return Err("a fraction where a whole number was expected".into());
    }
    let value = if sign == 0x4000 { -value } else { value };
    Ok(i64::try_from(value)?)
}

pub(crate) fn with_text<T>(
    row: &postgres::Row,
    index: usize,
    f: impl FnOnce(Option<&str>) -> Result<T, String>,
) -> Result<Result<T, String>, StoreError> {
    Ok(f(row.try_get::<_, Option<&str>>(index)?))
}

pub(crate) fn cell(row: &postgres::Row, index: usize) -> Result<Value, StoreError> {
    row.try_get::<_, Cell>(index).map(|c| c.0).map_err(StoreError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_become_numbered_dollars_outside_quotes() {
        assert_eq!(
            translate("SELECT a FROM t WHERE b = ?1 AND c = '?' AND d = ?12"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $12"
        );
        assert_eq!(translate("ORDER BY code COLLATE BINARY"), "ORDER BY code COLLATE \"C\"");
    }

    fn numeric(words: &[i16]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_be_bytes()).collect()
    }

    #[test]
    fn a_whole_numeric_reads_as_its_integer() {
        // 123456789 = 1|2345|6789: three digits, weight 2.
        assert_eq!(numeric_integer(&numeric(&[3, 2, 0, 0, 1, 2345, 6789])).unwrap(), 123_456_789);
        assert_eq!(numeric_integer(&numeric(&[1, 0, 0x4000u16 as i16, 0, 42])).unwrap(), -42);
        assert_eq!(numeric_integer(&numeric(&[0, 0, 0, 0])).unwrap(), 0);
        // 10000 = 1|0000 stored as one digit of weight 1 (trailing zero digits dropped).
        assert_eq!(numeric_integer(&numeric(&[1, 1, 0, 0, 1])).unwrap(), 10_000);
        assert!(numeric_integer(&numeric(&[2, 0, 0, 2, 1, 5000])).is_err(), "1.5 is not whole");
    }
}
