//! Delivery note lines: quantity × unit price, rounded half-up at the line.

use rust_decimal::Decimal;

use crate::error::DomainError;
use crate::money::{parse_decimal, Money};
use crate::typed::plain_number;

/// Quantities may be fractional (kilograms, metres) up to 4 decimals.
pub const QUANTITY_DECIMALS: u32 = 4;
/// Unit prices of small goods are often quoted below a fen (0.035 per screw).
pub const UNIT_PRICE_DECIMALS: u32 = 4;

pub fn parse_quantity(text: &str) -> Result<Decimal, DomainError> {
    let q = parse_decimal(&plain_number(text), QUANTITY_DECIMALS)?;
    if q.is_sign_negative() && !q.is_zero() {
        return Err(DomainError::Negative("quantity"));
    }
    if q.is_zero() {
        return Err(DomainError::NotPositive("quantity"));
    }
    Ok(q)
}

pub fn parse_unit_price(text: &str) -> Result<Decimal, DomainError> {
    let p = parse_decimal(&plain_number(text), UNIT_PRICE_DECIMALS)?;
    if p.is_sign_negative() && !p.is_zero() {
        return Err(DomainError::Negative("unit price"));
    }
    Ok(p)
}

/// The line amount: quantity × unit price rounded half-up to 2 places. The document total
/// is the sum of rounded lines, as printed, so the paper always adds up.
pub fn line_amount(quantity: Decimal, unit_price: Decimal) -> Result<Money, DomainError> {
    let product = quantity
        .checked_mul(unit_price)
        .ok_or_else(|| DomainError::AmountOutOfRange(format!("{quantity} × {unit_price}")))?;
    Money::round_half_up(product)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn line_amount_rounds_half_up_at_the_line() {
        assert_eq!(line_amount(dec("3"), dec("0.125")).unwrap().cents(), 38);
        assert_eq!(line_amount(dec("1.5"), dec("3.33")).unwrap().cents(), 500);
        assert_eq!(line_amount(dec("0.5"), dec("0.01")).unwrap().cents(), 1);
        assert_eq!(line_amount(dec("3"), dec("0.333")).unwrap().cents(), 100);
        assert_eq!(line_amount(dec("10"), dec("12.5")).unwrap().cents(), 12_500);
    }

    #[test]
    fn quantity_must_be_positive() {
        assert_eq!(parse_quantity("-1"), Err(DomainError::Negative("quantity")));
        assert_eq!(parse_quantity("0"), Err(DomainError::NotPositive("quantity")));
        assert!(parse_quantity("2.5").is_ok());
        assert!(parse_quantity("1.23456").is_err());
    }

    #[test]
    fn unit_price_must_not_be_negative() {
        assert_eq!(parse_unit_price("-0.01"), Err(DomainError::Negative("unit price")));
        assert!(parse_unit_price("0").is_ok());
        assert!(parse_unit_price("abc").is_err());
    }
}
