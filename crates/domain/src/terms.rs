//! Payment terms (付款条件) and the due date they give a document.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::{add_days, last_day_of_month};
use crate::customer::DocLanguage;
use crate::error::DomainError;

/// Ten years: longer terms are a typing mistake, not a business practice.
pub const MAX_TERM_DAYS: u16 = 3650;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ts_rs::TS)]
#[ts(type = "string")]
pub enum PaymentTerms {
    /// 货到付款: due on the document date.
    #[default]
    Cod,
    /// Net N days: due N days after the document date.
    Net(u16),
    /// 月结 N 天: due N days after the last day of the document's month.
    Eom(u16),
    /// 票到 N 天付款: due N days after the VAT invoice reached the customer (or, with no
    /// sending recorded, after it was issued); not due at all until it is invoiced.
    Inv(u16),
}

/// The due date of a receivable on invoice terms that no invoice covers yet: never reached,
/// so it is not due (not overdue, not aged past due) however old it is.
pub const AWAITING_INVOICE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(day) => day,
    None => panic!("9999-12-31 is a date"),
};

/// Whether a due date is "awaiting its invoice".
pub fn is_awaiting_invoice(due: NaiveDate) -> bool {
    due == AWAITING_INVOICE
}

/// The due date of a receivable on `inv:days` terms: `days` after its invoice reached the
/// customer (`reached`), else after it was issued (`issued`); awaiting without either.
pub fn invoice_due_date(days: u16, reached: Option<NaiveDate>, issued: Option<NaiveDate>) -> NaiveDate {
    reached.or(issued).map_or(AWAITING_INVOICE, |day| add_days(day, u32::from(days)))
}

impl PaymentTerms {
    /// How a document says the terms: `账期 30 天` / `net 30 days`.
    pub fn in_words(self, language: DocLanguage) -> String {
        match (self, language) {
            (PaymentTerms::Cod, DocLanguage::Zh) => "货到付款".into(),
            (PaymentTerms::Cod, DocLanguage::En) => "cash on delivery".into(),
            (PaymentTerms::Net(n), DocLanguage::Zh) => format!("账期 {n} 天"),
            (PaymentTerms::Net(n), DocLanguage::En) => format!("net {n} days"),
            (PaymentTerms::Eom(n), DocLanguage::Zh) => format!("月结 {n} 天"),
            (PaymentTerms::Eom(n), DocLanguage::En) => format!("end of month + {n} days"),
            (PaymentTerms::Inv(n), DocLanguage::Zh) => format!("票到 {n} 天付款"),
            (PaymentTerms::Inv(n), DocLanguage::En) => format!("{n} days after the invoice"),
        }
    }

    /// The due date the terms give a document. On invoice terms it is the date as if the
    /// invoice reached the customer on the document's day: what the note prints and what an
    /// entry keeps; the books count from the invoice once there is one (see `Inv`).
    pub fn due_date(self, document_date: NaiveDate) -> NaiveDate {
        match self {
            PaymentTerms::Cod => document_date,
            PaymentTerms::Net(days) | PaymentTerms::Inv(days) => add_days(document_date, u32::from(days)),
            PaymentTerms::Eom(days) => add_days(last_day_of_month(document_date), u32::from(days)),
        }
    }
}

impl FromStr for PaymentTerms {
    type Err = DomainError;

    /// `cod`, `net:N`, `eom:N` or `inv:N`, case-insensitive, N in 0..=3650.
    fn from_str(text: &str) -> Result<Self, DomainError> {
        let t = text.trim().to_ascii_lowercase();
        let bad = || DomainError::MalformedTerms(text.trim().to_string());
        if t == "cod" {
            return Ok(PaymentTerms::Cod);
        }
        let (kind, days) = t.split_once(':').ok_or_else(bad)?;
        if days.is_empty() || !days.bytes().all(|b| b.is_ascii_digit()) || days.len() > 4 {
            return Err(bad());
        }
        let days: u16 = days.parse().map_err(|_| bad())?;
        if days > MAX_TERM_DAYS {
            return Err(bad());
        }
        match kind {
            "net" => Ok(PaymentTerms::Net(days)),
            "eom" => Ok(PaymentTerms::Eom(days)),
            "inv" => Ok(PaymentTerms::Inv(days)),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for PaymentTerms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaymentTerms::Cod => f.write_str("cod"),
            PaymentTerms::Net(n) => write!(f, "net:{n}"),
            PaymentTerms::Eom(n) => write!(f, "eom:{n}"),
            PaymentTerms::Inv(n) => write!(f, "inv:{n}"),
        }
    }
}

impl Serialize for PaymentTerms {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PaymentTerms {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::calendar::parse_date(s).unwrap()
    }

    fn due(terms: &str, date: &str) -> NaiveDate {
        terms.parse::<PaymentTerms>().unwrap().due_date(d(date))
    }

    #[test]
    fn cod_is_due_on_the_document_date() {
        assert_eq!(due("cod", "2026-03-15"), d("2026-03-15"));
    }

    #[test]
    fn net_adds_days_to_the_document_date() {
        assert_eq!(due("net:30", "2026-01-15"), d("2026-02-14"));
        assert_eq!(due("net:0", "2026-01-15"), d("2026-01-15"));
        assert_eq!(due("net:30", "2026-12-15"), d("2027-01-14"));
    }

    #[test]
    fn net_crosses_a_leap_day() {
        assert_eq!(due("net:1", "2024-02-28"), d("2024-02-29"));
        assert_eq!(due("net:1", "2026-02-28"), d("2026-03-01"));
    }

    #[test]
    fn eom_counts_from_the_last_day_of_the_month() {
        assert_eq!(due("eom:30", "2026-01-05"), d("2026-03-02"));
        assert_eq!(due("eom:30", "2026-01-31"), d("2026-03-02"));
        assert_eq!(due("eom:0", "2026-02-01"), d("2026-02-28"));
        assert_eq!(due("eom:0", "2024-02-01"), d("2024-02-29"));
        assert_eq!(due("eom:31", "2026-12-10"), d("2027-01-31"));
        assert_eq!(due("eom:60", "2024-01-31"), d("2024-03-31"));
    }

    #[test]
    fn invoice_terms_count_from_the_invoice_reaching_the_customer_else_its_issue() {
        let day = |s: &str| Some(d(s));
        assert_eq!(invoice_due_date(30, day("2026-11-06"), day("2026-11-05")), d("2026-12-06"));
        assert_eq!(invoice_due_date(30, None, day("2026-11-05")), d("2026-12-05"));
        assert!(is_awaiting_invoice(invoice_due_date(30, None, None)));
        assert_eq!(due("inv:30", "2026-11-01"), d("2026-12-01"), "as if invoiced on the day");
        assert_eq!("inv:30".parse::<PaymentTerms>().unwrap().in_words(DocLanguage::Zh), "票到 30 天付款");
    }

    #[test]
    fn parses_and_prints_round_trip() {
        for text in ["cod", "net:0", "net:45", "eom:30", "eom:3650", "inv:30"] {
            assert_eq!(text.parse::<PaymentTerms>().unwrap().to_string(), text);
        }
        assert_eq!("NET:30".parse::<PaymentTerms>().unwrap(), PaymentTerms::Net(30));
    }

    #[test]
    fn refuses_malformed_terms() {
        for bad in ["", "net", "net:", "net:-5", "net:3651", "eom:x", "monthly", "net:30d", "cod:1"] {
            assert!(bad.parse::<PaymentTerms>().is_err(), "{bad:?} should be refused");
        }
    }
}
