//! Reading typed values out of TEXT and INTEGER columns.

use std::str::FromStr;

use huikuan_domain::Money;
use rusqlite::types::Type;
use rusqlite::Row;

/// A TEXT column holding one of the domain's words (kind, status, terms…).
pub fn parsed<T>(row: &Row, index: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text: String = row.get(index)?;
    text.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

pub fn parsed_opt<T>(row: &Row, index: usize) -> rusqlite::Result<Option<T>>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text: Option<String> = row.get(index)?;
    text.map(|t| t.parse().map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e))))
        .transpose()
}

pub fn money(row: &Row, index: usize) -> rusqlite::Result<Money> {
    Ok(Money::from_cents(row.get(index)?))
}
