use chrono::NaiveDate;

use super::*;
use crate::money::Money;

fn line(payer: &str, account: &str, memo: &str, cents: i64) -> StatementLine {
    StatementLine {
        row: 2,
        date: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        amount: Money::from_cents(cents),
        payer: payer.into(),
        payer_account: account.into(),
        memo: memo.into(),
        serial: String::new(),
        source: Source::Bank,
    }
}

fn directory() -> Directory {
    let mut d = Directory::default();
    d.add_customer(1, "C001", "华联超市");
    d.add_customer(2, "C002", "王建国");
    d.add_customer(3, "C003", "同名商行");
    d.add_customer(4, "C004", "同名商行");
    d
}

fn open() -> Vec<Owed> {
    let day = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    vec![
        Owed { number: "SD-2026-000001".into(), doc_date: day, open: Money::from_cents(10_000) },
        Owed { number: "SD-2026-000002".into(), doc_date: day, open: Money::from_cents(20_000) },
    ]
}

fn suggested(l: &StatementLine, d: &Directory, r: &Referenced) -> Option<(i64, Confidence)> {
    suggest(l, d, r, &open(), &[]).map(|s| (s.customer_id, s.confidence))
}

#[test]
fn a_line_with_no_clue_gets_no_suggestion() {
    let none = Referenced::default();
    assert_eq!(suggested(&line("张三", "6222000011112222", "货款", 10_000), &directory(), &none), None);
    assert_eq!(suggested(&line("", "", "", 10_000), &directory(), &none), None);
}

#[test]
fn the_customers_own_name_with_an_amount_that_fits_is_high() {
    let s = suggest(&line("华联 超市", "", "", 20_000), &directory(), &Referenced::default(), &open(), &[]).unwrap();
    assert_eq!((s.customer_id, s.confidence), (1, Confidence::High));
    assert_eq!(s.reasons[0], Reason::PayerIsCustomer("华联 超市".into()));
    assert_eq!(s.allocated.parts[0].number, "SD-2026-000002");
}

#[test]
fn a_name_that_fits_no_amount_is_medium_and_a_shared_name_names_nobody() {
    let d = directory();
    assert_eq!(suggested(&line("华联超市", "", "", 12_345), &d, &Referenced::default()), Some((1, Confidence::Medium)));
    assert_eq!(suggested(&line("同名商行", "", "", 10_000), &d, &Referenced::default()), None);
}

#[test]
fn a_customer_code_in_the_memo_alone_is_never_high() {
    let r = Referenced { codes: vec![(2, "C002".into())], ..Default::default() };
    let d = directory();
    assert_eq!(suggested(&line("李四", "", "C002 货款", 10_000), &d, &r), Some((2, Confidence::Medium)));
    assert_eq!(suggested(&line("李四", "", "C002 货款", 12_345), &d, &r), Some((2, Confidence::Low)));
}

#[test]
fn a_payer_confirmed_before_is_known_by_name_and_by_account() {
    let mut d = directory();
    d.learn(2, "王 建国", "6222-0000-1111");
    let by_name = line("王建国", "", "转账", 10_000);
    assert_eq!(suggested(&by_name, &d, &Referenced::default()), Some((2, Confidence::High)));
    // The account alone, under another name (the boss's wife paying from his account).
    let by_account = line("刘芳", "622200001111", "", 30_000);
    assert_eq!(suggested(&by_account, &d, &Referenced::default()), Some((2, Confidence::High)));
    // A later confirmation wins.
    d.learn(1, "王建国", "");
    assert_eq!(suggested(&by_name, &d, &Referenced::default()).map(|s| s.0), Some(1));
}

#[test]
fn clues_for_two_customers_lower_the_confidence() {
    let mut d = directory();
    d.learn(1, "", "6222000011112222");
    let r = Referenced::default();
    // The account (learned for C001) outranks the name (C002's): medium, naming the rival.
    let s = suggest(&line("王建国", "6222000011112222", "", 10_000), &d, &r, &open(), &[]).unwrap();
    assert_eq!((s.customer_id, s.confidence), (1, Confidence::Medium));
    assert!(s.reasons.contains(&Reason::OtherCustomer("C002".into())));
    // Two equally strong clues for two customers: a guess, low.
    let r = Referenced { receivables: vec![(2, "SD-2026-000009".into())], ..Default::default() };
    d.learn(1, "赵六", "");
    assert_eq!(suggested(&line("赵六", "", "SD-2026-000009", 10_000), &d, &r).map(|s| s.1), Some(Confidence::Low));
}

#[test]
fn a_document_number_in_the_memo_names_the_customer_and_the_receivable() {
    let r = Referenced { receivables: vec![(1, "SD-2026-000001".into())], ..Default::default() };
    let s = suggest(&line("某某", "", "付SD-2026-000001货款", 10_000), &directory(), &r, &open(), &[]).unwrap();
    assert_eq!((s.customer_id, s.confidence), (1, Confidence::High));
    assert_eq!(s.allocated.parts.len(), 1);
    assert_eq!(s.allocated.parts[0].number, "SD-2026-000001");
}

#[test]
fn memo_words_that_could_be_references_are_found() {
    assert_eq!(references_in("付SD-2026-000012，C017货款 5月"), ["SD-2026-000012", "C017"]);
    assert_eq!(references_in("ｃ０１７ 货款"), ["C017"]);
    assert!(references_in("货款 转账").is_empty());
}
