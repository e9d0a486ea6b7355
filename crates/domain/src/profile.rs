//! What the owner knows about a customer's business, and the days it pays out.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::last_day_of_month;
use crate::error::DomainError;
use crate::word_enum;

word_enum!(
    /// How big the customer's business is (经营规模), as the owner judges it.
    BusinessScale, "scale", {
        Unknown => "unknown",
        Micro => "micro",
        Small => "small",
        Medium => "medium",
        Large => "large",
    }
);

word_enum!(
    /// Whether the customer owns its premises: an owner has something to lose.
    Premises, "premises", {
        Unknown => "unknown",
        Owned => "owned",
        Rented => "rented",
    }
);

// word_enum! declares the enums and has no way to mark a default variant.
#[allow(clippy::derivable_impls)]
impl Default for BusinessScale {
    fn default() -> Self {
        BusinessScale::Unknown
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Premises {
    fn default() -> Self {
        Premises::Unknown
    }
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// The customer's fixed days for paying suppliers (固定付款日): weekdays such as `mon`
/// and days of the month such as `25`, written `mon,thu,25`. A day of the month past the
/// month's end (31 in April) falls on its last day.
#[derive(Debug, Clone, PartialEq, Eq, Default, ts_rs::TS)]
#[ts(type = "string")]
pub struct CollectionDays {
    weekdays: Vec<Weekday>,
    month_days: Vec<u8>,
}

impl CollectionDays {
    pub fn is_empty(&self) -> bool {
        self.weekdays.is_empty() && self.month_days.is_empty()
    }

    pub fn includes(&self, date: NaiveDate) -> bool {
        if self.weekdays.contains(&date.weekday()) {
            return true;
        }
        let last = last_day_of_month(date).day();
        self.month_days.iter().any(|&d| u32::from(d) == date.day() || (u32::from(d) > last && date.day() == last))
    }
}

impl FromStr for CollectionDays {
    type Err = DomainError;

    fn from_str(text: &str) -> Result<Self, DomainError> {
        let bad = || DomainError::MalformedCollectionDays(text.trim().to_string());
        let mut days = CollectionDays::default();
        for token in text.split([',', ' ', '，']).map(str::trim).filter(|t| !t.is_empty()) {
            let lower = token.to_ascii_lowercase();
            if let Some((_, weekday)) = WEEKDAYS.iter().find(|(word, _)| *word == lower) {
                if !days.weekdays.contains(weekday) {
                    days.weekdays.push(*weekday);
                }
            } else {
                let day: u8 = token.parse().map_err(|_| bad())?;
                if !(1..=31).contains(&day) {
                    return Err(bad());
                }
                if !days.month_days.contains(&day) {
                    days.month_days.push(day);
                }
            }
        }
        days.weekdays.sort_by_key(Weekday::num_days_from_monday);
        days.month_days.sort_unstable();
        Ok(days)
    }
}

impl fmt::Display for CollectionDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = self.weekdays.iter().map(|w| WEEKDAYS[w.num_days_from_monday() as usize].0.to_string());
        let all: Vec<String> = words.chain(self.month_days.iter().map(u8::to_string)).collect();
        f.write_str(&all.join(","))
    }
}

impl Serialize for CollectionDays {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for CollectionDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    #[test]
    fn collection_days_read_weekdays_and_month_days_in_any_order_and_print_them_sorted() {
        let days: CollectionDays = " 25, Mon，thu 5 mon".parse().unwrap();
        assert_eq!(days.to_string(), "mon,thu,5,25");
        assert!(days.includes(parse_date("2026-11-23").unwrap()), "a Monday");
        assert!(days.includes(parse_date("2026-11-25").unwrap()), "the 25th, a Wednesday");
        assert!(!days.includes(parse_date("2026-11-24").unwrap()), "a Tuesday, the 24th");
        assert!("".parse::<CollectionDays>().unwrap().is_empty());
    }

    #[test]
    fn a_month_day_past_the_end_of_the_month_falls_on_its_last_day() {
        let days: CollectionDays = "31".parse().unwrap();
        assert!(days.includes(parse_date("2026-02-28").unwrap()));
        assert!(!days.includes(parse_date("2026-03-30").unwrap()));
        assert!(days.includes(parse_date("2026-03-31").unwrap()));
    }

    #[test]
    fn unknown_words_and_days_out_of_range_are_refused() {
        for bad in ["monday", "0", "32", "mon;tue", "1.5"] {
            assert!(matches!(bad.parse::<CollectionDays>(), Err(DomainError::MalformedCollectionDays(_))), "{bad}");
        }
    }
}
