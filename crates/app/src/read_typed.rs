//! A date or month as the user types it, read once by the backend for the app's date
//! inputs: the field shows what the books will store before the form is saved.

use chrono::{Datelike, NaiveDate};
use huikuan_domain::{parse_date_typed, DomainError};

use crate::error::AppError;
use crate::Books;

impl Books {
    /// `2026/12/1`, `2026-12-1`, `2026年12月1日`, `12月1日` (this year): the ISO date.
    pub fn read_date(&self, text: &str) -> Result<NaiveDate, AppError> {
        crate::forms::date("date", text, self.clock.today())
    }

    /// `2026-11`, `2026/11`, `2026.11`, `2026年11月`, `11月` (this year): `2026-11`. Read as
    /// the first day of that month by the one date reader, so months and dates agree.
    pub fn read_month(&self, text: &str) -> Result<String, AppError> {
        let shown = text.trim();
        if shown.is_empty() {
            return Err(AppError::Invalid { field: "period", source: DomainError::Empty("the period") });
        }
        if let Ok(date) = parse_date_typed(shown, self.clock.today()) {
            return Ok(format!("{:04}-{:02}", date.year(), date.month()));
        }
        let first_day = if shown.ends_with('月') {
            format!("{shown}1日")
        } else {
            format!("{}-1", shown.replace(['/', '.'], "-"))
        };
        let date = parse_date_typed(&first_day, self.clock.today()).map_err(|_| AppError::Invalid {
            field: "period",
            source: DomainError::MalformedDate(shown.to_string()),
        })?;
        Ok(format!("{:04}-{:02}", date.year(), date.month()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;

    fn books() -> Books {
        Books::open_in_memory(Box::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap())), "t").unwrap()
    }

    #[test]
    fn dates_are_read_as_people_type_them() {
        let b = books();
        for typed in ["2026/12/1", "2026-12-1", "2026-12-01", "12月1日", " 2026年12月1日 "] {
            assert_eq!(b.read_date(typed).unwrap().to_string(), "2026-12-01", "{typed}");
        }
        assert_eq!(b.read_date("").unwrap_err().field().as_deref(), Some("date"));
        assert!(b.read_date("2026/13/1").is_err());
        assert!(b.read_date("tomorrow").is_err());
    }

    #[test]
    fn months_are_read_as_people_type_them() {
        let b = books();
        for typed in ["2026-11", "2026/11", "2026.11", "2026年11月", "11月", "2026-11-01"] {
            assert_eq!(b.read_month(typed).unwrap(), "2026-11", "{typed}");
        }
        assert!(b.read_month("2026-13").is_err());
        assert_eq!(b.read_month("Nov").unwrap_err().field().as_deref(), Some("period"));
    }
}
