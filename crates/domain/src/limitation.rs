//! The limitation period of a debt claim (诉讼时效): three years (Civil Code art. 188),
//! counted from the day after the due date (art. 201), ending on the same day three years
//! later, or on the last day of that month when it has no such day (art. 202: a debt due on
//! 29 February ends on 28 February). Demanding payment with proof that the demand arrived,
//! or the customer acknowledging the debt, restarts it (art. 195) from that day.
//! An end falling on a holiday moves to the next working day (art. 203); the books do not
//! know the holidays, so the dates here are the calendar ones, never later than the law's.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::word_enum;

pub const YEARS: u32 = 3;

word_enum!(
    /// What restarts the period, with the evidence the books keep of it: a letter whose
    /// return receipt came back signed "no objection" (the customer acknowledging the debt),
    /// a letter whose return receipt came back signed (the demand arrived), a letter sent by express with its tracking number
    /// (the courier's record), a statement the customer confirmed, a promise to pay, a
    /// repayment plan the customer agreed to, a payment that left part of the receivable open.
    RestartKind, "restart", {
        LetterAcknowledged => "letter_acknowledged",
        LetterReceipt => "letter_receipt",
        LetterDelivered => "letter_delivered",
        StatementConfirmed => "statement_confirmed",
        Promise => "promise",
        Plan => "plan",
        PartPayment => "part_payment",
    }
);

/// One event that restarted (or would restart) a receivable's period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Restart {
    pub kind: RestartKind,
    pub date: NaiveDate,
    /// The document that proves it: a letter, a statement, a payment, a promise.
    pub evidence: String,
}

/// Three years after `from`, by the calendar.
pub fn years_after(from: NaiveDate) -> NaiveDate {
    from.checked_add_months(Months::new(12 * YEARS)).expect("dates stay within chrono's range")
}

impl RestartKind {
    /// On the same day, the evidence worth showing first: the customer's own
    /// acknowledgement of the debt, then its signature on a receipt, before a courier's
    /// record before a payment.
    fn weight(self) -> u8 {
        match self {
            RestartKind::LetterAcknowledged => 6,
            RestartKind::LetterReceipt => 5,
            RestartKind::StatementConfirmed => 4,
            RestartKind::Plan | RestartKind::Promise => 3,
            RestartKind::LetterDelivered => 2,
            RestartKind::PartPayment => 1,
        }
    }
}

/// The last restart on or before `as_of` and after the due date, and the day the period ends.
pub fn period_end(due: NaiveDate, events: &[Restart], as_of: NaiveDate) -> (Option<Restart>, NaiveDate) {
    let last =
        events.iter().filter(|e| e.date > due && e.date <= as_of).max_by_key(|e| (e.date, e.kind.weight())).cloned();
    let from = last.as_ref().map_or(due, |e| e.date);
    (last, years_after(from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    fn d(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn event(kind: RestartKind, date: &str) -> Restart {
        Restart { kind, date: d(date), evidence: "X".into() }
    }

    #[test]
    fn three_years_from_the_due_date_and_a_leap_day_ends_on_the_28th() {
        assert_eq!(period_end(d("2026-01-15"), &[], d("2026-12-01")).1, d("2029-01-15"));
        assert_eq!(period_end(d("2024-02-29"), &[], d("2026-12-01")).1, d("2027-02-28"));
        assert_eq!(period_end(d("2025-02-28"), &[], d("2026-12-01")).1, d("2028-02-28"));
        assert_eq!(years_after(d("2027-02-28")), d("2030-02-28"));
    }

    #[test]
    fn the_latest_restart_counts_and_one_before_the_due_date_or_after_today_does_not() {
        let events = [
            event(RestartKind::PartPayment, "2026-03-01"),
            event(RestartKind::LetterReceipt, "2027-06-30"),
            event(RestartKind::Promise, "2026-01-10"),
            event(RestartKind::StatementConfirmed, "2030-01-01"),
        ];
        let (last, ends) = period_end(d("2026-01-15"), &events, d("2028-01-01"));
        assert_eq!(last.unwrap().kind, RestartKind::LetterReceipt);
        assert_eq!(ends, d("2030-06-30"));
        let (last, ends) = period_end(d("2026-01-15"), &events[2..3], d("2028-01-01"));
        assert_eq!((last, ends), (None, d("2029-01-15")), "a promise before the due date restarts nothing");
        let same_day =
            [event(RestartKind::LetterDelivered, "2027-06-30"), event(RestartKind::LetterReceipt, "2027-06-30")];
        assert_eq!(period_end(d("2026-01-15"), &same_day, d("2028-01-01")).0.unwrap().kind, RestartKind::LetterReceipt);
        let acknowledged =
            [event(RestartKind::LetterReceipt, "2027-06-30"), event(RestartKind::LetterAcknowledged, "2027-06-30")];
        let last = period_end(d("2026-01-15"), &acknowledged, d("2028-01-01")).0.unwrap();
        assert_eq!(last.kind, RestartKind::LetterAcknowledged, "a signed no-objection receipt is the acknowledgement");
        let leap = [event(RestartKind::StatementConfirmed, "2028-02-29")];
        assert_eq!(period_end(d("2026-01-15"), &leap, d("2028-03-01")).1, d("2031-02-28"));
    }
}
