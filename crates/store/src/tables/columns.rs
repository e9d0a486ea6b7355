//! Reading typed values out of TEXT and INTEGER columns.

use std::str::FromStr;

use huikuan_domain::Money;

use crate::error::StoreError;
use crate::Row;

/// A TEXT column holding one of the domain's words (kind, status, terms…).
pub fn parsed<T>(row: &Row, index: usize) -> Result<T, StoreError>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    row.with_text(index, |text| {
        let text = text.ok_or("expected text, found NULL")?;
        Ok(text.parse().map_err(|e| damaged(index, text, e)))
    })?
}

pub fn parsed_opt<T>(row: &Row, index: usize) -> Result<Option<T>, StoreError>
where
    T: FromStr,
    T::Err: std::fmt::Display,
{
    let text: Option<String> = row.get(index)?;
    text.map(|t| t.parse().map_err(|e| damaged(index, &t, e))).transpose()
}

pub fn money(row: &Row, index: usize) -> Result<Money, StoreError> {
    Ok(Money::from_cents(row.get(index)?))
}

/// A stored word this program does not know: damage, named by its column and text.
pub fn damaged(index: usize, text: &str, why: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("column {index}: '{text}': {why}"))
}
