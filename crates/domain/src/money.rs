//! Money: exact integer minor units (fen / cents) inside, `Decimal` at the edges.
//!
//! Amounts carry exactly 2 decimal places. Parsing refuses anything that is not a plain
//! decimal with at most 2 decimals (no exponents, no thousands separators, no currency
//! signs), so an amount typed or imported is never silently rounded. Arithmetic on `Money`
//! is integer arithmetic and cannot lose a cent.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::DomainError;

/// The largest single amount the books accept: one hundred billion yuan, far beyond any
/// small business. i64 then holds the sum of over 900,000 such amounts; beyond that the
/// release build's overflow checks stop the program rather than print a wrong total.
pub const MAX_CENTS: i64 = 10_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, ts_rs::TS)]
#[ts(type = "string")]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Exact conversion; refuses more than 2 decimals instead of rounding.
    pub fn from_decimal(value: Decimal) -> Result<Money, DomainError> {
        let normalized = value.normalize();
        if normalized.scale() > 2 {
            return Err(DomainError::TooManyDecimals(value.to_string()));
        }
        let cents = (normalized * Decimal::ONE_HUNDRED)
            .trunc()
            .to_string()
            .parse::<i64>()
            .map_err(|_| DomainError::AmountOutOfRange(value.to_string()))?;
        if cents.abs() > MAX_CENTS {
            return Err(DomainError::AmountOutOfRange(value.to_string()));
        }
        Ok(Money(cents))
    }

    /// Rounds half-up (away from zero at .5) to 2 places: the rule for line amounts.
    pub fn round_half_up(value: Decimal) -> Result<Money, DomainError> {
        Money::from_decimal(round_half_up(value))
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    /// For people: thousands grouped and the currency sign, `¥12,345.60`, `-¥0.05`.
    pub fn yuan(self) -> String {
        let plain = self.abs().to_string();
        let (whole, cents) = plain.split_once('.').expect("Display always writes two decimals");
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}¥{}.{cents}", group_thousands(whole))
    }

    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }
}

/// Digits grouped by three from the right, for people: "1234567" → "1,234,567".
pub fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Half-up rounding to 2 decimal places, as on a Chinese invoice (四舍五入).
pub fn round_half_up(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Parses a plain decimal: optional '-', digits, optional '.' and digits.
/// `max_decimals` bounds the fraction; more is an error naming the value.
pub fn parse_decimal(text: &str, max_decimals: u32) -> Result<Decimal, DomainError> {
    let trimmed = text.trim();
    let unsigned = trimmed.strip_prefix('-').unwrap_or(trimmed);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = !whole.is_empty() && digits_ok(whole) && fraction.is_none_or(|f| !f.is_empty() && digits_ok(f));
    if !well_formed {
        return Err(DomainError::MalformedNumber(trimmed.to_string()));
    }
    if whole.len() > 18 {
        return Err(DomainError::AmountOutOfRange(trimmed.to_string()));
    }
    let decimals = fraction.map_or(0, str::len);
    if decimals > max_decimals as usize {
        return Err(DomainError::TooPrecise(trimmed.to_string(), max_decimals));
    }
    Decimal::from_str(trimmed).map_err(|_| DomainError::MalformedNumber(trimmed.to_string()))
}

impl FromStr for Money {
    type Err = DomainError;

    /// Parses an amount such as `1234.5` or `-0.05`; at most 2 decimals, never rounded.
    fn from_str(text: &str) -> Result<Money, DomainError> {
        let value = parse_decimal(text, 2).map_err(|e| match e {
            DomainError::TooPrecise(v, _) => DomainError::TooManyDecimals(v),
            DomainError::MalformedNumber(v) => DomainError::MalformedAmount(v),
            other => other,
        })?;
        Money::from_decimal(value)
    }
}

impl fmt::Display for Money {
    /// Always exactly 2 decimals, no grouping: `-1234.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 -= rhs.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// Amounts cross every boundary (JSON, IPC) as decimal strings, never as floats.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_groups_thousands_and_keeps_the_sign_outside_the_currency() {
        assert_eq!(Money::from_cents(1_234_560).yuan(), "¥12,345.60");
        assert_eq!(Money::from_cents(100_000_000).yuan(), "¥1,000,000.00");
        assert_eq!(Money::from_cents(-5).yuan(), "-¥0.05");
        assert_eq!(Money::from_cents(99_999).yuan(), "¥999.99");
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_plain_amounts_exactly() {
        assert_eq!("1234.5".parse::<Money>().unwrap().cents(), 123_450);
        assert_eq!("0.05".parse::<Money>().unwrap().cents(), 5);
        assert_eq!("-7".parse::<Money>().unwrap().cents(), -700);
        assert_eq!(" 12.00 ".parse::<Money>().unwrap().cents(), 1200);
    }

    #[test]
    fn refuses_three_decimals_instead_of_rounding() {
        assert_eq!("10.005".parse::<Money>(), Err(DomainError::TooManyDecimals("10.005".into())));
    }

    #[test]
    fn refuses_malformed_amounts() {
        for bad in ["", "abc", "1,000", "1e3", "¥5", "--1", "1.", ".5", "1.2.3", "+-1", "NaN"] {
            assert!(bad.parse::<Money>().is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn refuses_absurdly_large_amounts() {
        assert!("99999999999999999999".parse::<Money>().is_err());
        assert!("100000000000.01".parse::<Money>().is_err());
        assert!("100000000000.00".parse::<Money>().is_ok());
    }

    #[test]
    fn displays_exactly_two_decimals() {
        assert_eq!(Money::from_cents(5).to_string(), "0.05");
        assert_eq!(Money::from_cents(-123_450).to_string(), "-1234.50");
        assert_eq!(Money::ZERO.to_string(), "0.00");
    }

    #[test]
    fn rounds_half_up_away_from_zero() {
        assert_eq!(Money::round_half_up(dec("0.005")).unwrap().cents(), 1);
        assert_eq!(Money::round_half_up(dec("0.004999")).unwrap().cents(), 0);
        assert_eq!(Money::round_half_up(dec("2.675")).unwrap().cents(), 268);
        assert_eq!(Money::round_half_up(dec("-2.675")).unwrap().cents(), -268);
    }

    #[test]
    fn decimal_round_trip_is_exact() {
        let m = Money::from_decimal(dec("100000.10")).unwrap();
        assert_eq!(m.cents(), 10_000_010);
        assert_eq!(m.to_decimal(), dec("100000.10"));
    }
}
