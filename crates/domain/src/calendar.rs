//! Business dates: strict ISO parsing and month arithmetic.

use chrono::{Datelike, Days, NaiveDate};

use crate::error::DomainError;

/// Parses `YYYY-MM-DD` exactly: 2026-02-30 is an impossible date, 2026-2-3 is malformed.
pub fn parse_date(text: &str) -> Result<NaiveDate, DomainError> {
    let t = text.trim();
    let b = t.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(DomainError::MalformedDate(t.to_string()));
    }
    let field = |range: std::ops::Range<usize>| t[range].parse::<u32>().unwrap_or(0);
    NaiveDate::from_ymd_opt(field(0..4) as i32, field(5..7), field(8..10))
        .filter(|d| d.year() >= 1900)
        .ok_or_else(|| DomainError::ImpossibleDate(t.to_string()))
}

pub fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 { (date.year() + 1, 1) } else { (date.year(), date.month() + 1) };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|first_of_next| first_of_next.pred_opt())
        .expect("the day before the first of a month always exists")
}

pub fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .expect("terms are bounded, so a due date stays within chrono's range")
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_iso_dates() {
        assert_eq!(parse_date("2026-03-31").unwrap(), d(2026, 3, 31));
        assert_eq!(parse_date("2024-02-29").unwrap(), d(2024, 2, 29));
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        for bad in ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31"] {
            assert_eq!(parse_date(bad), Err(DomainError::ImpossibleDate(bad.into())));
        }
    }

    #[test]
    fn refuses_malformed_dates() {
        for bad in ["", "2026/01/01", "2026-1-1", "01-01-2026", "20260101", "2026-01-0a"] {
            assert_eq!(parse_date(bad), Err(DomainError::MalformedDate(bad.into())));
        }
    }

    #[test]
    fn last_day_handles_leap_years_and_december() {
        assert_eq!(last_day_of_month(d(2024, 2, 10)), d(2024, 2, 29));
        assert_eq!(last_day_of_month(d(2026, 2, 10)), d(2026, 2, 28));
        assert_eq!(last_day_of_month(d(2100, 2, 1)), d(2100, 2, 28));
        assert_eq!(last_day_of_month(d(2000, 2, 1)), d(2000, 2, 29));
        assert_eq!(last_day_of_month(d(2026, 12, 31)), d(2026, 12, 31));
        assert_eq!(last_day_of_month(d(2026, 4, 1)), d(2026, 4, 30));
    }
}
