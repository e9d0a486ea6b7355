//! A statement of account for a period: the balance the day before it starts, every
//! movement in it with the balance after each, and the balance at its end. A plain walk
//! over the ledger: opening + debits − credits = closing, always.

use chrono::{Datelike, NaiveDate};

use crate::calendar::{last_day_of_month, parse_date};
use crate::error::DomainError;
use crate::money::Money;

/// A statement's period: whole days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, ts_rs::TS)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, DomainError> {
        if to < from {
            return Err(DomainError::PeriodBackwards { from: from.to_string(), to: to.to_string() });
        }
        Ok(Period { from, to })
    }

    /// A calendar month, `YYYY-MM`.
    pub fn month(text: &str) -> Result<Period, DomainError> {
        let t = text.trim();
        let shaped = t.len() == 7 && t.as_bytes()[4] == b'-';
        let first = shaped.then(|| parse_date(&format!("{t}-01")).ok()).flatten();
        let first = first.ok_or_else(|| DomainError::MalformedPeriod(t.to_string()))?;
        Ok(Period { from: first, to: last_day_of_month(first) })
    }

    /// What `label` writes: `2026-11`, or `2026-11-05..2026-12-04`.
    pub fn parse(text: &str) -> Result<Period, DomainError> {
        match text.trim().split_once("..") {
            Some((from, to)) => Period::new(parse_date(from)?, parse_date(to)?),
            None => Period::month(text),
        }
    }

    /// The calendar month a date falls in.
    pub fn month_of(date: NaiveDate) -> Period {
        let first = date.with_day(1).expect("every month has a first day");
        Period { from: first, to: last_day_of_month(first) }
    }

    /// `2026-11` for a whole calendar month, else `2026-11-05..2026-12-04`.
    pub fn label(&self) -> String {
        if *self == Period::month_of(self.from) {
            self.from.format("%Y-%m").to_string()
        } else {
            format!("{}..{}", self.from, self.to)
        }
    }
}

/// One movement as the statement needs it: when, and how it moves the balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    pub date: NaiveDate,
    pub debit: Money,
    pub credit: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementFigures {
    pub opening: Money,
    pub debits: Money,
    pub credits: Money,
    pub closing: Money,
    /// Indices (into the movements given) of those in the period, in the order given.
    pub in_period: Vec<usize>,
    /// The balance after each movement in the period.
    pub running: Vec<Money>,
}

/// The figures of a statement over `movements` (in ledger order: date, debits first).
pub fn figures(movements: &[Movement], period: Period) -> StatementFigures {
    let mut opening = Money::ZERO;
    let (mut debits, mut credits) = (Money::ZERO, Money::ZERO);
    let mut in_period = Vec::new();
    for (i, m) in movements.iter().enumerate() {
        if m.date < period.from {
            opening += m.debit - m.credit;
        } else if m.date <= period.to {
            debits += m.debit;
            credits += m.credit;
            in_period.push(i);
        }
    }
    let mut balance = opening;
    let running = in_period
        .iter()
        .map(|&i| {
            balance += movements[i].debit - movements[i].credit;
            balance
        })
        .collect();
    StatementFigures { opening, debits, credits, closing: opening + debits - credits, in_period, running }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn m(date: &str, debit: i64, credit: i64) -> Movement {
        Movement { date: d(date), debit: Money::from_cents(debit), credit: Money::from_cents(credit) }
    }

    #[test]
    fn a_month_is_its_first_to_its_last_day_leap_years_included() {
        assert_eq!(Period::month("2024-02").unwrap(), Period { from: d("2024-02-01"), to: d("2024-02-29") });
        assert_eq!(Period::month("2026-12").unwrap().to, d("2026-12-31"));
        for bad in ["2026-13", "2026-1", "202611", "2026-11-01", ""] {
            assert_eq!(Period::month(bad), Err(DomainError::MalformedPeriod(bad.into())), "{bad}");
        }
        assert_eq!(Period::month("2026-11").unwrap().label(), "2026-11");
        assert_eq!(Period::new(d("2026-11-05"), d("2026-12-04")).unwrap().label(), "2026-11-05..2026-12-04");
        assert!(Period::new(d("2026-11-05"), d("2026-11-04")).is_err());
        for label in ["2026-11", "2026-11-05..2026-12-04"] {
            assert_eq!(Period::parse(label).unwrap().label(), label);
        }
        assert!(Period::parse("2026-11-05..2026-11-31").is_err());
    }

    #[test]
    fn the_opening_is_everything_before_the_period_and_later_entries_are_left_out() {
        let movements = [
            m("2026-10-20", 10000, 0),
            m("2026-10-31", 0, 3000),
            m("2026-11-01", 5000, 0),
            m("2026-11-15", 0, 8000),
            m("2026-11-30", 1000, 0),
            m("2026-12-01", 99900, 0),
        ];
        let f = figures(&movements, Period::month("2026-11").unwrap());
        assert_eq!(f.opening, Money::from_cents(7000));
        assert_eq!((f.debits, f.credits), (Money::from_cents(6000), Money::from_cents(8000)));
        assert_eq!(f.closing, Money::from_cents(5000));
        assert_eq!(f.in_period, [2, 3, 4]);
        assert_eq!(f.running, [Money::from_cents(12000), Money::from_cents(4000), Money::from_cents(5000)]);
    }

    #[test]
    fn a_period_without_movements_carries_the_opening_to_the_close() {
        let f = figures(&[m("2026-01-05", 0, 1234)], Period::month("2026-11").unwrap());
        assert_eq!((f.opening, f.closing), (Money::from_cents(-1234), Money::from_cents(-1234)));
        assert!(f.in_period.is_empty() && f.running.is_empty());
    }
}
