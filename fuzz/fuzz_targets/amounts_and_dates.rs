//! Any text as an amount, a quantity, a unit price, a date, payment terms or a period:
//! parsed or refused, never a panic; what parses prints back to what parses the same.
#![no_main]

use huikuan_domain::calendar::parse_date;
use huikuan_domain::line::{parse_quantity, parse_unit_price};
use huikuan_domain::{Money, PaymentTerms, Period};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(money) = text.parse::<Money>() {
        assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
    }
    let _ = parse_quantity(text);
    let _ = parse_unit_price(text);
    if let Ok(date) = parse_date(text) {
        assert_eq!(parse_date(&date.to_string()).unwrap(), date);
    }
    if let Ok(terms) = text.parse::<PaymentTerms>() {
        let _ = terms.due_date(chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap());
    }
    let _ = Period::parse(text);
});
