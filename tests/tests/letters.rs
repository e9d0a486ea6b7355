//! Dunning letters and the limitation watch through the use cases: templates checked when
//! saved, a letter's items and total equal the aging on its date, escalation, and which
//! events restart the limitation period (a letter only with proof it arrived).

use huikuan_app::documents::{SendForm, SignForm};
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine, NewPayment};
use huikuan_app::{Books, CustomerFields};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::dunning::Suggestion;
use huikuan_domain::limitation::RestartKind;
use huikuan_domain::{Money, PaymentMethod, PaymentTerms, Period};
use huikuan_tests::{books_on, date, drawn_signature, pdf_text};
use rust_decimal::Decimal;

fn customer(books: &mut Books, code: &str) {
    let mut fields = CustomerFields::new(code, &format!("{code} 装饰工程有限公司"));
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
}

fn deliver(books: &mut Books, code: &str, day: &str, yuan: i64) -> String {
    let line = NewDeliveryLine {
        item: "瓷砖".into(),
        spec: String::new(),
        unit: "箱".into(),
        quantity: Decimal::ONE,
        unit_price: Decimal::from(yuan),
    };
    let input = NewDelivery {
        customer_code: code.into(),
        date: date(day),
        due_date: None,
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: vec![line],
        override_reason: Some("测试".into()),
    };
    books.create_delivery(input).unwrap().number.unwrap()
}

fn pay(books: &mut Books, code: &str, day: &str, yuan: i64) {
    let payment = NewPayment {
        customer_code: code.into(),
        date: date(day),
        amount: Money::from_cents(yuan * 100),
        method: PaymentMethod::Bank,
        reference: String::new(),
        memo: String::new(),
        number: None,
        allocations: Vec::new(),
    };
    books.record_payment(payment).unwrap();
}

/// W1 owes three deliveries, the first partly paid; as of 2026-12-01 two are overdue.
fn story(today: &str) -> Books {
    let mut books = books_on(today);
    customer(&mut books, "W1");
    deliver(&mut books, "W1", "2026-06-03", 4000);
    deliver(&mut books, "W1", "2026-09-20", 3000);
    deliver(&mut books, "W1", "2026-11-20", 2000);
    pay(&mut books, "W1", "2026-07-20", 1000);
    books
}

#[test]
fn a_letter_lists_what_the_aging_says_is_overdue_on_its_date_and_reads_back() {
    let mut books = story("2026-12-01");
    let letter = books.issue_letter("W1", 2, None).unwrap();
    assert_eq!(letter.number, "DL-2026-000001");
    let aging = books.aging_report(date("2026-12-01"), AgingBasis::DueDate).unwrap();
    let row = &aging.customers[0];
    let overdue: Money = row.buckets.0.iter().filter(|(l, _)| l != "not_due").map(|(_, m)| *m).sum();
    assert_eq!(letter.total, overdue, "the letter's total is the aging's overdue");
    let numbers: Vec<&str> = letter.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["SD-2026-000001", "SD-2026-000002"], "the November note is not due yet");
    assert_eq!((letter.items[0].open, letter.items[0].days_overdue), (Money::from_cents(300_000), 151));
    assert_eq!(letter.pay_by, date("2026-12-08"), "a demand gives 7 days");

    let text = pdf_text(&books.paper_pdf(&letter.number, false).unwrap());
    for expected in [
        "催款函",
        "DL-2026-000001",
        "W1 装饰工程有限公司：",
        "SD-2026-000001",
        "¥3,000.00",
        "151",
        "合计 ¥6,000.00（人民币陆仟元整）",
        "2026-12-08",
        "回执",
        "签收人 / 盖章",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("SD-2026-000003"));
    let nothing = books.issue_letter("W1", 1, Some(date("2026-07-01"))).unwrap_err();
    assert!(nothing.to_string().contains("nothing of W1 is overdue on 2026-07-01"), "{nothing}");
    assert_eq!(books.issue_letter("W1", 4, None).unwrap_err().field().as_deref(), Some("level"));
}

#[test]
fn templates_are_checked_when_saved_and_the_next_letter_uses_the_new_wording() {
    let mut books = story("2026-12-01");
    let mut templates = books.letter_templates().unwrap();
    templates.zh[1].body = "{customer}：\n请于 {pay_date} 前付清 {total}。\n{overdue_items}".into();
    let problems = books.check_letter_templates(&templates);
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].language.as_str(), problems[0].level, problems[0].part.as_str()), ("zh", 2, "body"));
    assert!(problems[0].message.starts_with("line 2, column 4: unknown placeholder {pay_date}"), "{:?}", problems[0]);
    let refused = books.save_letter_templates(templates.clone()).unwrap_err();
    assert_eq!(refused.field().as_deref(), Some("zh.2.body"));

    templates.zh[1].title = "催款函（{letter_number".into();
    templates.zh[1].body =
        "{customer}：\n请于 {pay_by} 前付清 {total}（{total_capitals}）。\n{overdue_items}\n特此函告。".into();
    let problems = books.check_letter_templates(&templates);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("is never closed"), "{:?}", problems[0]);
    templates.zh[1].title = "催 款 通 知 书".into();
    assert!(books.check_letter_templates(&templates).is_empty());
    books.save_letter_templates(templates).unwrap();

    let letter = books.issue_letter("W1", 2, None).unwrap();
    let text = pdf_text(&books.paper_pdf(&letter.number, false).unwrap());
    assert!(
        text.contains("催款通知书")
            && text.contains("请于 2026-12-08 前付清 ¥6,000.00（人民币陆仟元整）")
            && text.contains("特此函告"),
        "{text}"
    );
}

#[test]
fn the_letters_due_escalate_one_level_at_a_time_with_fourteen_days_between() {
    let mut books = story("2026-12-01");
    let due = books.letters_due(date("2026-12-01")).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].days_overdue, 151);
    assert_eq!(due[0].suggestion, Suggestion::Due { level: 2 }, "a first letter is at most a demand");
    books.issue_letter("W1", 2, Some(date("2026-11-25"))).unwrap();
    let due = books.letters_due(date("2026-12-01")).unwrap();
    assert_eq!(due[0].suggestion, Suggestion::Wait { level: 3, until: date("2026-12-09") });
    assert_eq!(due[0].last_letter.as_ref().unwrap().number, "DL-2026-000001");
    let due = books.letters_due(date("2026-12-09")).unwrap();
    assert_eq!(due[0].suggestion, Suggestion::Due { level: 3 });
}

fn ends_on(books: &mut Books, number: &str, as_of: &str) -> (Option<RestartKind>, String) {
    let report = books.customer_limitation("W1", Some(date(as_of))).unwrap();
    let row = report.rows.iter().find(|r| r.number == number).unwrap();
    (row.last_restart.as_ref().map(|r| r.kind), row.ends_on.to_string())
}

#[test]
fn each_kind_of_event_restarts_the_limitation_period_and_a_letter_without_proof_does_not() {
    let mut books = story("2026-12-01");
    // SD-1, due 2026-07-03, was partly paid on 2026-07-20 (the rest stayed open).
    assert_eq!(
        ends_on(&mut books, "SD-2026-000001", "2026-12-01"),
        (Some(RestartKind::PartPayment), "2029-07-20".into())
    );
    // SD-2, due 2026-10-20, nothing since.
    assert_eq!(ends_on(&mut books, "SD-2026-000002", "2026-12-01"), (None, "2029-10-20".into()));

    let posted = books.issue_letter("W1", 2, Some(date("2026-11-10"))).unwrap();
    let post = SendForm {
        number: posted.number.clone(),
        channel: "post".into(),
        date: "2026-11-10".into(),
        ..SendForm::default()
    };
    books.record_sending(post).unwrap();
    assert_eq!(
        ends_on(&mut books, "SD-2026-000002", "2026-12-01"),
        (None, "2029-10-20".into()),
        "no proof, no restart"
    );

    let express = books.issue_letter("W1", 3, Some(date("2026-11-25"))).unwrap();
    let sent = SendForm {
        number: express.number.clone(),
        channel: "express".into(),
        date: "2026-11-26".into(),
        tracking: "SF1000200030".into(),
        ..SendForm::default()
    };
    books.record_sending(sent).unwrap();
    assert_eq!(
        ends_on(&mut books, "SD-2026-000002", "2026-12-01"),
        (Some(RestartKind::LetterDelivered), "2029-11-26".into())
    );

    // The signed receipt of the posted letter comes back on 2026-12-01: proof it arrived.
    let (strokes, png) = drawn_signature(3);
    let receipt = SignForm {
        number: posted.number.clone(),
        signer: "王总".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    };
    books.sign_paper(receipt).unwrap();
    assert_eq!(
        ends_on(&mut books, "SD-2026-000002", "2026-12-01"),
        (Some(RestartKind::LetterReceipt), "2029-12-01".into())
    );
    let view = books.letter(&posted.number).unwrap();
    assert!(view.receipt.is_some() && !view.delivered);
    assert!(books.letter(&express.number).unwrap().delivered);
}

#[test]
fn a_statement_the_customer_confirms_restarts_every_receivable_it_shows() {
    let mut books = story("2027-01-15");
    let s = books.issue_statement("W1", Period::month("2026-11").unwrap(), false).unwrap();
    let (strokes, png) = drawn_signature(4);
    let confirm = SignForm {
        number: s.summary.number.clone(),
        signer: "财务".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    };
    books.confirm_statement(confirm).unwrap();
    for number in ["SD-2026-000001", "SD-2026-000002", "SD-2026-000003"] {
        assert_eq!(
            ends_on(&mut books, number, "2027-01-15"),
            (Some(RestartKind::StatementConfirmed), "2030-01-15".into()),
            "{number}"
        );
    }
}

#[test]
fn a_debt_due_on_a_leap_day_runs_out_on_the_28th_three_years_later() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "W1");
    let input = NewDelivery {
        customer_code: "W1".into(),
        date: date("2024-01-30"),
        due_date: Some(date("2024-02-29")),
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: vec![NewDeliveryLine {
            item: "水泥".into(),
            spec: String::new(),
            unit: String::new(),
            quantity: Decimal::ONE,
            unit_price: Decimal::from(500),
        }],
        override_reason: None,
    };
    books.create_delivery(input).unwrap();
    let report = books.limitation_report(date("2026-12-01")).unwrap();
    assert_eq!(report.rows[0].ends_on, date("2027-02-28"));
    assert_eq!(report.rows[0].days_left, 89);
    let dashboard = books.dashboard().unwrap();
    assert_eq!(dashboard.limitation_warnings_total, 1, "within 90 days: on the dashboard");
}

#[test]
fn a_version_4_book_opens_and_its_confirmed_statement_restarts_the_limitation_period() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema/v4.db"), &path).unwrap();
    let mut books = Books::open(&path, Box::new(huikuan_app::FixedClock::on(date("2026-12-10"))), "tester").unwrap();
    assert!(dir.path().join(format!("books.db.v4-before-v{}.bak", huikuan_store::latest_version())).exists());
    assert!(books.verify_all_papers().unwrap().iter().all(|v| v.ok));
    let report = books.customer_limitation("V4", None).unwrap();
    let first = report.rows.iter().find(|r| r.number == "SD-2026-000001").unwrap();
    assert_eq!(first.last_restart.as_ref().map(|r| r.kind), Some(RestartKind::StatementConfirmed));
    assert_eq!(first.ends_on, date("2029-12-01"));
    let letter = books.issue_letter("V4", 1, None).unwrap();
    assert_eq!(letter.number, "DL-2026-000001");
}
