//! Any text as people type it (forms, huikuan-cli, imported cells): read or refused, never a
//! panic, never rounded; what is read prints back to the same value.
#![no_main]

use chrono::NaiveDate;
use huikuan_domain::typed::{
    parse_date_with_year, parse_importance_typed, parse_kind_typed, parse_method_typed, parse_status_typed,
};
use huikuan_domain::{parse_amount_typed, parse_date_typed, parse_terms_typed, parse_year_typed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(money) = parse_amount_typed(text) {
        assert_eq!(parse_amount_typed(&money.yuan()).unwrap(), money);
        assert_eq!(money.to_string().parse::<huikuan_domain::Money>().unwrap(), money);
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    if let Ok(date) = parse_date_typed(text, today) {
        assert_eq!(parse_date_typed(&date.to_string(), today).unwrap(), date);
    }
    if let Ok(date) = parse_date_with_year(text) {
        assert_eq!(parse_date_typed(text, today).unwrap(), date, "a written year does not depend on today");
    }
    if let Ok(terms) = parse_terms_typed(text) {
        assert_eq!(parse_terms_typed(&terms.to_string()).unwrap(), terms);
    }
    let _ = (parse_kind_typed(text), parse_method_typed(text), parse_status_typed(text));
    let _ = (parse_importance_typed(text), parse_year_typed(text));
});
