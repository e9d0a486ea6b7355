//! Dunning letters and the limitation watch through the use cases: templates checked when
//! saved, a letter's items and total equal the aging on its date, escalation, and which
//! events restart the limitation period (a letter only with proof it arrived).

use huikuan_app::documents::{SendForm, SignForm};
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine};
use huikuan_app::letters::{LetterChoice, LetterView};
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::dunning::Suggestion;
use huikuan_domain::limitation::RestartKind;
use huikuan_domain::{DocLanguage, Money, PaymentTerms, Period};
use huikuan_tests::{books_on, date, deliver, drawn_signature, pay, pdf_text};
use rust_decimal::Decimal;

fn customer(books: &mut Books, code: &str) {
    customer_in(books, code, DocLanguage::Zh);
}

fn customer_in(books: &mut Books, code: &str, language: DocLanguage) {
    let mut fields = CustomerFields::new(code, &format!("{code} 装饰工程有限公司"));
    fields.doc_language = language;
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
}

/// W1 owes three deliveries, the first partly paid; as of 2026-12-01 two are overdue.
fn story(today: &str) -> Books {
    story_in(today, DocLanguage::Zh)
}

fn story_in(today: &str, language: DocLanguage) -> Books {
    let mut books = books_on(today);
    customer_in(&mut books, "W1", language);
    deliver(&mut books, "W1", "2026-06-03", 4000);
    deliver(&mut books, "W1", "2026-09-20", 3000);
    deliver(&mut books, "W1", "2026-11-20", 2000);
    pay(&mut books, "W1", "2026-07-20", 1000);
    books
}

/// A letter dated before today, as the books of a past day would have issued it: a back
/// date goes out only with its reason.
fn back_dated(books: &mut Books, code: &str, level: u8, day: &str) -> Result<LetterView, AppError> {
    let choice = LetterChoice { back_date_reason: "补记 / entered late".into(), ..LetterChoice::new(code, level) };
    books.issue_chosen_letter(&choice, Some(date(day)))
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
    let nothing = back_dated(&mut books, "W1", 1, "2026-07-01").unwrap_err();
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
    back_dated(&mut books, "W1", 2, "2026-11-25").unwrap();
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

    let posted = back_dated(&mut books, "W1", 2, "2026-11-10").unwrap();
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

    let express = back_dated(&mut books, "W1", 3, "2026-11-25").unwrap();
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
    // 90 days before the 28th it is within too, though three years back from that day's
    // horizon (2027-02-28) is the 28th of 2024, a day before the debt fell due.
    let day_before = books.dashboard_as_of(date("2026-11-30")).unwrap();
    assert_eq!(day_before.limitation_warnings[0].days_left, 90);
    assert_eq!(day_before.limitation_warnings_total, 1, "90 days left: on the dashboard");
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

/// The text of a letter's PDF with each line's spaces and breaks gone: the wording as read,
/// whatever the wrapping.
fn words(pdf: &[u8]) -> String {
    pdf_text(pdf).split_whitespace().collect()
}

#[test]
fn a_final_notice_as_a_first_letter_is_refused_without_a_reason_naming_the_level_due() {
    let mut books = story("2026-12-01");
    let refused = books.issue_letter("W1", 3, None).unwrap_err();
    assert_eq!(refused.code(), "letter_level_skipped");
    assert_eq!(refused.field().as_deref(), Some("skip_reason"));
    assert!(refused.to_string().contains("the next letter due to W1 is level 2 (demand for payment)"), "{refused}");
    let zh = refused.message_in(DocLanguage::Zh);
    assert!(zh.contains("W1 下一封应发第 2 级（催款函）") && zh.contains("越级理由"), "{zh}");
    let blank = LetterChoice { skip_reason: "   ".into(), ..LetterChoice::new("W1", 3) };
    assert_eq!(books.issue_chosen_letter(&blank, None).unwrap_err().code(), "letter_level_skipped", "a blank reason");
    assert_eq!(books.preview_letter(&blank, None).unwrap_err().code(), "letter_level_skipped", "the preview too");
    assert!(!books.customer_papers("W1").unwrap().papers.iter().any(|p| p.number.starts_with("DL-")), "none issued");
    assert_eq!(books.issue_letter("W1", 2, None).unwrap().number, "DL-2026-000001", "no number was used");
}

#[test]
fn a_letter_inside_the_least_gap_after_the_last_needs_a_written_reason_naming_the_day_the_next_may_go() {
    let mut books = story("2026-12-01");
    back_dated(&mut books, "W1", 1, "2026-11-25").unwrap();
    let due = books.letters_due(date("2026-12-01")).unwrap();
    let w1 = due.iter().find(|d| d.code == "W1").unwrap();
    assert_eq!(w1.suggestion, Suggestion::Wait { level: 2, until: date("2026-12-09") });

    let refused = books.issue_letter("W1", 2, None).unwrap_err();
    assert_eq!(refused.code(), "letter_too_soon");
    assert_eq!(refused.field().as_deref(), Some("skip_reason"));
    assert!(refused.to_string().contains("the next may go on 2026-12-09"), "{refused}");
    let zh = refused.message_in(DocLanguage::Zh);
    assert!(zh.contains("2026-11-25") && zh.contains("2026-12-09 起才可发") && zh.contains("理由"), "{zh}");
    assert_eq!(books.issue_letter("W1", 1, None).unwrap_err().code(), "letter_too_soon", "the same level again too");
    let blank = LetterChoice { skip_reason: " ".into(), ..LetterChoice::new("W1", 2) };
    assert_eq!(books.preview_letter(&blank, None).unwrap_err().code(), "letter_too_soon", "the preview too");
    let batch = books.issue_letters(&[blank], None, &std::sync::atomic::AtomicBool::new(false), &mut |_| {});
    assert_eq!(batch.unwrap_err().code(), "letter_too_soon", "a batch too");

    let choice = LetterChoice {
        skip_reason: "客户承诺的付款日已过，提前催告".into(), ..LetterChoice::new("W1", 2)
    };
    assert!(books.preview_letter(&choice, None).is_ok());
    let letter = books.issue_chosen_letter(&choice, None).unwrap();
    assert_eq!(letter.number, "DL-2026-000002", "the refusals used no number");
    let log = books.audit_log(10).unwrap();
    let early = log.iter().find(|r| r.action == "too_soon").expect("the early letter is audited");
    let after = early.after.as_ref().unwrap();
    assert_eq!(after["reason"], "客户承诺的付款日已过，提前催告");
    assert_eq!(after["next_allowed"], "2026-12-09");
}

#[test]
fn a_letter_date_is_read_as_typed_and_blank_means_today() {
    let books = story("2026-12-01");
    assert_eq!(books.read_letter_date("2026/11/20").unwrap(), Some(date("2026-11-20")));
    assert_eq!(books.read_letter_date("11月20日").unwrap(), Some(date("2026-11-20")));
    assert_eq!(books.read_letter_date("  ").unwrap(), None);
    assert_eq!(books.read_letter_date("2026/13/1").unwrap_err().field().as_deref(), Some("date"));
}

#[test]
fn skipping_a_level_with_a_written_reason_keeps_the_reason_with_the_letter_and_in_the_audit_log() {
    let mut books = story("2026-12-01");
    back_dated(&mut books, "W1", 1, "2026-11-10").unwrap();
    assert_eq!(books.issue_letter("W1", 3, None).unwrap_err().code(), "letter_level_skipped", "1 then 3");
    let choice = LetterChoice { skip_reason: " 客户书面表示拒绝付款 ".into(), ..LetterChoice::new("W1", 3) };
    let letter = books.issue_chosen_letter(&choice, None).unwrap();
    assert_eq!((letter.level, letter.skipped_from), (3, Some(2)));
    assert_eq!(letter.skip_reason, "客户书面表示拒绝付款");
    let read_back = books.letter(&letter.number).unwrap();
    assert_eq!((read_back.skipped_from, read_back.skip_reason.as_str()), (Some(2), "客户书面表示拒绝付款"));
    let log = books.audit_log(10).unwrap();
    let skip = log.iter().find(|r| r.action == "skip_level").expect("the skip is audited");
    let after = skip.after.as_ref().unwrap();
    assert_eq!((after["level"].as_u64(), after["due_level"].as_u64()), (Some(3), Some(2)));
    assert_eq!(after["reason"], "客户书面表示拒绝付款");
    assert_eq!(after["number"], letter.number.as_str());

    let in_order = books.letter("DL-2026-000001").unwrap();
    assert_eq!((in_order.skipped_from, in_order.skip_reason.as_str()), (None, ""), "a letter in order has no reason");
}

#[test]
fn a_first_final_notice_claims_no_earlier_demand_in_either_language() {
    for language in [DocLanguage::Zh, DocLanguage::En] {
        let mut books = story_in("2026-12-01", language);
        let choice = LetterChoice { skip_reason: "客户已失联".into(), ..LetterChoice::new("W1", 3) };
        let letter = books.issue_chosen_letter(&choice, None).unwrap();
        let text = words(&books.paper_pdf(&letter.number, false).unwrap());
        for claim in ["多次催告", "我司已于", "发函催告", "repeated", "Wewrotetoyou"] {
            assert!(!text.contains(claim), "{language:?}: {claim:?} claimed in a first letter:\n{text}");
        }
        let still = if language == DocLanguage::Zh { "现正式最后催告" } else { "Thisisourfinalnotice" };
        assert!(text.contains(still), "{text}");
    }
}

#[test]
fn a_later_letter_names_the_earlier_letters_with_their_numbers_and_dates() {
    let mut books = story("2026-12-01");
    back_dated(&mut books, "W1", 1, "2026-10-20").unwrap();
    back_dated(&mut books, "W1", 2, "2026-11-10").unwrap();
    let letter = books.issue_letter("W1", 3, None).unwrap();
    let text = words(&books.paper_pdf(&letter.number, false).unwrap());
    assert!(
        // The reminder went before the second item fell due: it is not said to have demanded it.
        text.contains("我司已于2026-10-20（DL-2026-000001，提醒函）就上表第1项，于2026-11-10（DL-2026-000002，催款函）就上述欠款向贵司发函催告"),
        "{text}"
    );
    assert!(!text.contains("多次"), "{text}");
}

#[test]
fn a_preview_is_the_letter_unnumbered_marked_as_a_draft_and_stored_nowhere() {
    let mut books = story("2026-12-01");
    let before = books.audit_log(1000).unwrap().len();
    let pdf = books.preview_letter(&LetterChoice::new("W1", 2), None).unwrap();
    let text = words(&pdf);
    assert!(text.contains("草稿·未编号") && text.contains("催款函（草稿）"), "{text}");
    assert!(text.contains("合计¥6,000.00（人民币陆仟元整）") && text.contains("SD-2026-000001"), "{text}");
    assert!(!text.contains("DL-2026"), "no number: {text}");
    assert_eq!(books.audit_log(1000).unwrap().len(), before, "nothing written");
    let letter = books.issue_letter("W1", 2, None).unwrap();
    assert_eq!(letter.number, "DL-2026-000001");
    let issued = words(&books.paper_pdf(&letter.number, false).unwrap());
    let body =
        |t: &str| t.split("（人民币陆仟元整）").nth(1).map(|rest| rest.split("回执").next().unwrap().to_string());
    assert_eq!(body(&text), body(&issued), "the preview says what the letter will say");
}
