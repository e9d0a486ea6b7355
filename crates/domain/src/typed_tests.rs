use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn date(text: &str) -> Result<NaiveDate, DomainError> {
    parse_date_typed(text, today())
}

fn cents(text: &str) -> i64 {
    parse_amount_typed(text).unwrap_or_else(|e| panic!("{text:?}: {e}")).cents()
}

#[test]
fn dates_are_read_in_every_way_people_type_them() {
    for text in [
        "2026-05-01",
        "2026-5-1",
        "2026/5/1",
        "2026/05/01",
        "2026.5.1",
        "2026年5月1日",
        "2026 年 5 月 1 日",
        "2026年5月1号",
        "20260501",
        " 2026-05-01 ",
        "２０２６／５／１",
        "2026/5/1 0:00",
        "2026-05-01 00:00:00",
        "2026-05-01T08:30:00",
    ] {
        assert_eq!(date(text), Ok(d(2026, 5, 1)), "{text:?}");
    }
}

#[test]
fn a_month_and_day_in_chinese_are_this_year() {
    assert_eq!(date("12月1日"), Ok(d(2026, 12, 1)));
    assert_eq!(date("5月1号"), Ok(d(2026, 5, 1)));
    assert_eq!(parse_date_typed("1月31日", d(2027, 1, 2)), Ok(d(2027, 1, 31)));
}

#[test]
fn a_file_must_write_the_year() {
    assert_eq!(parse_date_with_year("2026/5/1"), Ok(d(2026, 5, 1)));
    assert_eq!(parse_date_with_year("12月1日"), Err(DomainError::MalformedDate("12月1日".into())));
}

#[test]
fn day_month_orders_are_refused_as_ambiguous_not_guessed() {
    for text in ["01/05/2026", "1/5/2026", "13/05/2026", "05-01-26", "12/1", "12-1", "1.5"] {
        assert_eq!(date(text), Err(DomainError::AmbiguousDate(text.into())), "{text:?}");
    }
    let message = date("01/05/2026").unwrap_err().to_string();
    assert!(message.contains("type the year first"), "{message}");
}

#[test]
fn dates_that_do_not_exist_are_impossible_and_others_malformed() {
    for text in ["2026-02-30", "2026/13/1", "2026年2月29日", "20260230", "1899-12-31", "2月30日"] {
        assert_eq!(date(text), Err(DomainError::ImpossibleDate(text.into())), "{text:?}");
    }
    for text in ["", "yesterday", "2026/5", "2026-5/1", "2026/005/1", "26年5月1日", "5月", "202651", "2026-05-01 noon"]
    {
        assert_eq!(date(text), Err(DomainError::MalformedDate(text.trim().into())), "{text:?}");
    }
}

#[test]
fn amounts_are_read_in_every_way_people_type_them() {
    for text in
        ["1234.5", "1,234.50", "¥1,234.50", "￥1234.5", "1234.50元", "¥ 1 234.50", "RMB 1234.50", "１，２３４．５０"]
    {
        assert_eq!(cents(text), 123_450, "{text:?}");
    }
    assert_eq!(cents("50,000"), 5_000_000);
    assert_eq!(cents("1,234,567.89"), 123_456_789);
}

#[test]
fn wan_multiplies_by_ten_thousand_exactly() {
    assert_eq!(cents("5万"), 5_000_000);
    assert_eq!(cents("1.5万"), 1_500_000);
    assert_eq!(cents("1.5万元"), 1_500_000);
    assert_eq!(cents("¥0.000123万"), 123);
    assert_eq!(parse_amount_typed("1.0000001万"), Err(DomainError::TooManyDecimals("1.0000001万".into())));
}

#[test]
fn negatives_are_read_with_a_sign_or_in_brackets() {
    assert_eq!(cents("(100.00)"), -10_000);
    assert_eq!(cents("（100.00）"), -10_000);
    assert_eq!(cents("-¥0.05"), -5);
    assert_eq!(cents("¥-5"), -500);
    assert!(parse_amount_typed("(-5)").is_err());
    assert!(parse_amount_typed("--5").is_err());
}

#[test]
fn amounts_with_more_than_two_decimals_are_refused_never_rounded() {
    assert_eq!(parse_amount_typed("¥1,234.505"), Err(DomainError::TooManyDecimals("¥1,234.505".into())));
    assert_eq!(parse_amount_typed("10.001元"), Err(DomainError::TooManyDecimals("10.001元".into())));
}

#[test]
fn malformed_or_ambiguous_amounts_are_refused() {
    for text in
        ["", "abc", "12,34", "1,2345", ",123", "1.234,50", "1e3", "1.", ".5", "¥", "万", "5万万", "5元万", "1,234.5,0"]
    {
        assert_eq!(parse_amount_typed(text), Err(DomainError::MalformedAmount(text.trim().into())), "{text:?}");
    }
    assert_eq!(parse_amount_typed("99999999999999999999").unwrap_err().code(), "amount_out_of_range");
    assert_eq!(parse_amount_typed("2000000000万").unwrap_err().code(), "amount_out_of_range");
}

#[test]
fn terms_are_read_in_words_and_codes() {
    use PaymentTerms::*;
    let cases = [
        ("货到付款", Cod),
        ("现结", Cod),
        ("现款", Cod),
        ("cod", Cod),
        ("COD", Cod),
        ("30天", Net(30)),
        ("账期30天", Net(30)),
        ("账期 30 天", Net(30)),
        ("net 30", Net(30)),
        ("Net 30 days", Net(30)),
        ("net:30", Net(30)),
        ("30", Net(30)),
        ("月结30天", Eom(30)),
        ("月结 60 天", Eom(60)),
        ("月结30", Eom(30)),
        ("eom:30", Eom(30)),
        ("end of month + 30 days", Eom(30)),
        ("月底结清", Eom(0)),
        ("票到30天", Inv(30)),
        ("票到30天付款", Inv(30)),
        ("inv:45", Inv(45)),
    ];
    for (text, terms) in cases {
        assert_eq!(parse_terms_typed(text), Ok(terms), "{text:?}");
    }
}

#[test]
fn terms_read_back_what_documents_print() {
    use crate::customer::DocLanguage;
    for terms in [PaymentTerms::Cod, PaymentTerms::Net(45), PaymentTerms::Eom(60)] {
        for language in [DocLanguage::Zh, DocLanguage::En] {
            assert_eq!(parse_terms_typed(&terms.in_words(language)), Ok(terms), "{terms} in {language}");
        }
    }
}

#[test]
fn terms_naming_no_days_or_too_many_are_refused() {
    for text in ["月结", "账期", "net", "monthly", "30 weeks", "3651天", "月结-5", ""] {
        assert_eq!(parse_terms_typed(text), Err(DomainError::MalformedTerms(text.into())), "{text:?}");
    }
}

#[test]
fn choices_are_read_in_chinese_english_and_codes() {
    assert_eq!(parse_kind_typed("单店"), Ok(CustomerKind::Shop));
    assert_eq!(parse_kind_typed("门店"), Ok(CustomerKind::Shop));
    assert_eq!(parse_kind_typed("公司"), Ok(CustomerKind::Enterprise));
    assert_eq!(parse_kind_typed("Chain"), Ok(CustomerKind::Chain));
    assert_eq!(parse_method_typed("银行转账"), Ok(PaymentMethod::Bank));
    assert_eq!(parse_method_typed("微信支付"), Ok(PaymentMethod::Wechat));
    assert_eq!(parse_method_typed("承兑"), Ok(PaymentMethod::AcceptanceBill));
    assert_eq!(parse_method_typed("acceptance bill"), Ok(PaymentMethod::AcceptanceBill));
    assert_eq!(parse_status_typed("停止往来"), Ok(CustomerStatus::Blocked));
    assert_eq!(parse_status_typed("on hold"), Ok(CustomerStatus::OnHold));
    assert_eq!(parse_importance_typed("重点客户"), Ok(Importance::Key));
    let err = parse_kind_typed("加盟").unwrap_err();
    assert_eq!(err, DomainError::UnknownChoice { field: "kind", value: "加盟".into(), expected: err_expected(&err) });
}

fn err_expected(e: &DomainError) -> String {
    match e {
        DomainError::UnknownChoice { expected, .. } => expected.clone(),
        _ => String::new(),
    }
}

#[test]
fn a_year_may_be_typed_with_its_character() {
    assert_eq!(parse_year_typed("2012年"), Ok(2012));
    assert_eq!(parse_year_typed(" 2012 "), Ok(2012));
    assert!(parse_year_typed("12年").is_err());
    assert!(parse_year_typed("二〇一二").is_err());
}

proptest! {
    #[test]
    fn any_amount_printed_for_people_reads_back_exactly(c in -crate::money::MAX_CENTS..=crate::money::MAX_CENTS) {
        let money = Money::from_cents(c);
        prop_assert_eq!(parse_amount_typed(&money.yuan()), Ok(money));
        prop_assert_eq!(parse_amount_typed(&money.to_string()), Ok(money));
        prop_assert_eq!(parse_amount_typed(&format!("{}元", money)), Ok(money));
    }

    #[test]
    fn an_amount_in_wan_is_ten_thousand_times_the_number(c in 0i64..1_000_000_000) {
        let typed = format!("{}万", Money::from_cents(c));
        prop_assert_eq!(parse_amount_typed(&typed).map(Money::cents), Ok(c * 10_000));
    }

    #[test]
    fn three_decimals_are_never_rounded(whole in 0u32..1_000_000, frac in 1u32..1000) {
        prop_assume!(frac % 10 != 0);
        let typed = format!("¥{whole}.{frac:03}");
        prop_assert_eq!(parse_amount_typed(&typed), Err(DomainError::TooManyDecimals(typed.clone())));
    }

    #[test]
    fn what_is_read_prints_back_to_the_same_value_and_nothing_panics(text in "[0-9¥￥,.()元万年月日号/ -]{0,16}|\\PC{0,24}") {
        if let Ok(money) = parse_amount_typed(&text) {
            prop_assert_eq!(parse_amount_typed(&money.yuan()), Ok(money));
        }
        if let Ok(date) = parse_date_typed(&text, today()) {
            prop_assert_eq!(parse_date_typed(&date.to_string(), today()), Ok(date));
        }
        if let Ok(date) = parse_date_with_year(&text) {
            prop_assert_eq!(parse_date_typed(&text, today()), Ok(date));
        }
        if let Ok(terms) = parse_terms_typed(&text) {
            prop_assert_eq!(parse_terms_typed(&terms.to_string()), Ok(terms));
        }
        let _ = (parse_kind_typed(&text), parse_method_typed(&text), parse_year_typed(&text));
    }

    #[test]
    fn any_date_reads_back_in_every_shape(days in 0i64..80_000) {
        let day = d(1900, 1, 1) + chrono::Days::new(days as u64);
        for shape in ["%Y-%m-%d", "%Y/%-m/%-d", "%Y.%-m.%-d", "%Y年%-m月%-d日", "%Y%m%d"] {
            prop_assert_eq!(date(&day.format(shape).to_string()), Ok(day));
        }
    }
}

#[test]
fn quantities_and_unit_prices_are_read_as_typed_by_the_line_rules() {
    use crate::line::{parse_quantity, parse_unit_price};
    assert_eq!(parse_unit_price("¥1,234.5"), Ok(Decimal::new(12345, 1)));
    assert_eq!(parse_unit_price("0.035元"), Ok(Decimal::new(35, 3)));
    assert_eq!(parse_quantity("1,200"), Ok(Decimal::from(1200)));
    assert!(parse_unit_price("12,34").is_err());
    assert_eq!(parse_unit_price("¥0.00001").unwrap_err().code(), "too_precise");
}
