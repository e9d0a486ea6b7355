//! The CLI reads amounts, dates, methods and terms as the desktop forms do.

mod common;

use common::{cli, json, ok, story_book};

#[test]
fn a_payment_typed_as_people_write_it_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let receipt = json(
        &db,
        &[
            "payment",
            "--customer",
            "C001",
            "--amount",
            "¥1,234.50",
            "--date",
            "2026/12/1",
            "--method",
            "银行转账",
            "--allocate",
            "SD-2026-000003=¥1,000",
            "--format",
            "json",
        ],
    );
    assert_eq!(receipt["entry"]["amount"], "1234.50");
    assert_eq!(receipt["entry"]["doc_date"], "2026-12-01");
    assert_eq!(receipt["entry"]["method"], "bank");
    assert_eq!(receipt["applied"][0]["number"], "SD-2026-000003");
    assert_eq!(receipt["applied"][0]["amount"], "1000.00");
}

#[test]
fn a_date_whose_day_and_month_could_be_swapped_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let before = std::fs::read(&db).unwrap();
    let refused =
        cli(&db, &["payment", "--customer", "C001", "--date", "01/12/2026", "--amount", "100", "--method", "bank"]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("'01/12/2026' could be read two ways"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn delivery_credit_note_promise_and_plan_read_amounts_and_dates_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let today = ["--today", "2026-12-06"];
    let with = |args: &[&'static str]| [&today[..], args].concat();
    let issued = ok(
        &db,
        &with(&[
            "delivery",
            "--customer",
            "C001",
            "--date",
            "2026年12月1日",
            "--line",
            "水泥,1,10",
            "--override-reason",
            "测试",
        ]),
    );
    assert!(issued.contains("due 20"), "{issued}");
    let note = json(
        &db,
        &with(&[
            "credit-note",
            "--customer",
            "C001",
            "--date",
            "12月2日",
            "--amount",
            "5元",
            "--reason",
            "破损",
            "--format",
            "json",
        ]),
    );
    assert_eq!((note["amount"].as_str(), note["doc_date"].as_str()), (Some("5.00"), Some("2026-12-02")));
    let promise =
        json(&db, &with(&["promise", "add", "C001", "--amount", "¥1,000", "--date", "2026/12/20", "--format", "json"]));
    assert_eq!(promise["amount"], "1000.00");
    assert_eq!(promise["promised_date"], "2026-12-20");
    let out = dir.path().join("plan.pdf");
    let plan = ok(
        &db,
        &with(&[
            "plan",
            "add",
            "C001",
            "--total",
            "1,000",
            "--instalment",
            "2027/1/10=¥400",
            "--instalment",
            "2027年2月10日=600元",
            "--out",
            out.to_str().unwrap().to_string().leak(),
        ]),
    );
    assert!(plan.contains("2 instalments"), "{plan}");
}
