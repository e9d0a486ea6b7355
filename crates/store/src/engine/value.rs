//! The values that cross the store's boundary, the same on both engines: integers (money in
//! cents, ids, counts), text (dates as 'YYYY-MM-DD', words, JSON), bytes, and NULL. There is
//! no float: neither engine is ever asked to hold one.

use chrono::{Datelike, NaiveDate};

use crate::error::StoreError;

/// One cell or one parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Integer(i64),
    Text(String),
    Blob(Vec<u8>),
}

/// A Rust value that can be bound to a statement.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

/// A Rust value that can be read out of a cell.
pub trait FromValue: Sized {
    fn from_value(value: Value) -> Result<Self, String>;
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Integer(i64::try_from(*self).expect("a count fits in i64"))
            }
        }
        impl FromValue for $t {
            fn from_value(value: Value) -> Result<Self, String> {
                match value {
                    Value::Integer(i) => <$t>::try_from(i).map_err(|_| format!("{i} is out of range")),
                    other => Err(format!("expected an integer, found {other:?}")),
                }
            }
        }
    )*};
}
integers!(i64, i32, u32, u16, u8, i16, u64, usize);

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Integer(i64::from(*self))
    }
}

impl FromValue for bool {
    fn from_value(value: Value) -> Result<Self, String> {
        Ok(i64::from_value(value)? != 0)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl FromValue for String {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Text(t) => Ok(t),
            other => Err(format!("expected text, found {other:?}")),
        }
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl FromValue for Vec<u8> {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Blob(b) => Ok(b),
            Value::Text(t) => Ok(t.into_bytes()),
            other => Err(format!("expected bytes, found {other:?}")),
        }
    }
}

/// Dates are stored as 'YYYY-MM-DD' text on both engines: exact, and ordered as text.
impl ToValue for NaiveDate {
    fn to_value(&self) -> Value {
        Value::Text(format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day()))
    }
}

impl FromValue for NaiveDate {
    fn from_value(value: Value) -> Result<Self, String> {
        let text = String::from_value(value)?;
        read_date(&text)
    }
}

/// A stored date: as this program writes it (digit by digit), else as chrono reads
/// '%Y-%m-%d' (a book edited by another tool may write 2026-1-5).
pub(crate) fn read_date(text: &str) -> Result<NaiveDate, String> {
    ymd(text)
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .ok_or_else(|| format!("date '{text}': not a date written YYYY-MM-DD"))
}

/// 'YYYY-MM-DD' read digit by digit: a report over the whole ledger reads two dates per
/// entry, and chrono's format-driven parser was a tenth of its time.
fn ymd(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl FromValue for Value {
    fn from_value(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

/// What a statement is given: `params![a, b]`, an array of one type (`[id]`), or `()`.
pub trait Params {
    fn values(&self) -> Vec<Value>;
}

impl Params for () {
    fn values(&self) -> Vec<Value> {
        Vec::new()
    }
}

impl Params for &[&dyn ToValue] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(|v| v.to_value()).collect()
    }
}

impl<T: ToValue, const N: usize> Params for [T; N] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}

impl<T: ToValue, const N: usize> Params for &[T; N] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}

impl Params for Vec<Value> {
    fn values(&self) -> Vec<Value> {
        self.clone()
    }
}

/// `params![a, b, c]`: values of different types for one statement.
#[macro_export]
macro_rules! params {
    () => { &[] as &[&dyn $crate::ToValue] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::ToValue),+] as &[&dyn $crate::ToValue] };
}

pub(crate) fn conversion(index: usize, why: String) -> StoreError {
    StoreError::Corrupt(format!("column {index}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_are_read_only_when_written_year_month_day() {
        assert_eq!(ymd("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(
            read_date("2026-1-5"),
            Ok(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            "unpadded, as chrono reads"
        );
        assert!(read_date("2026-13-01").is_err());
        for bad in
            ["2023-02-29", "2026-13-01", "2026-1-01", "2026/01/01", "2026-01-0x", "+026-01-01", "2026-01-011", ""]
        {
            assert_eq!(ymd(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn a_date_written_reads_back_as_chrono_reads_it(days in 0i32..3_000_000) {
            let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let text = String::from_value(date.to_value()).unwrap();
            prop_assert_eq!(NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(), Some(date));
            prop_assert_eq!(NaiveDate::from_value(Value::Text(text)), Ok(date));
        }
    }
}
