//! Month-end statements through the use cases: the figures are the ledger's, the paper
//! reads back, a period gets one statement unless corrected, the month-end run numbers
//! gaplessly even when cancelled, and the customer's confirmation or dispute is kept.

use std::sync::atomic::{AtomicBool, Ordering};

use huikuan_app::documents::{SendForm, SignForm};
use huikuan_app::ledger::{NewCreditNote, NewDelivery, NewDeliveryLine, NewPayment, NewWriteOff};
use huikuan_app::statements::{DisputeForm, StatementStatus};
use huikuan_app::{Books, CustomerFields};
use huikuan_domain::{DocLanguage, Money, PaymentMethod, PaymentTerms, Period};
use huikuan_tests::{books_on, date, drawn_signature, dump, pdf_pages, pdf_text, poppler};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn customer(books: &mut Books, code: &str) {
    let mut fields = CustomerFields::new(code, &format!("{code} 建材商行"));
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    fields.address = "杭州市西湖区文三路 1 号".into();
    books.create_customer(fields, Vec::new()).unwrap();
}

fn deliver(books: &mut Books, code: &str, day: &str, cents: i64) -> String {
    let line = NewDeliveryLine {
        item: "水泥 P.O 42.5".into(),
        spec: String::new(),
        unit: "吨".into(),
        quantity: Decimal::ONE,
        unit_price: Decimal::new(cents, 2),
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
        override_reason: None,
    };
    books.create_delivery(input).unwrap().number.unwrap()
}

fn pay(books: &mut Books, code: &str, day: &str, cents: i64, reference: &str) {
    books
        .record_payment(NewPayment {
            customer_code: code.into(),
            date: date(day),
            amount: Money::from_cents(cents),
            method: PaymentMethod::Bank,
            reference: reference.into(),
            memo: String::new(),
            number: None,
            allocations: Vec::new(),
        })
        .unwrap();
}

fn november() -> Period {
    Period::month("2026-11").unwrap()
}

/// C1: ¥1,000 in October, then in November ¥2,500 delivered, ¥1,200 paid (settling October
/// first), ¥100 credited and ¥50 written off on the November note, and a delivery in
/// December that November's statement leaves out.
fn story() -> Books {
    let mut books = books_on("2026-12-05");
    customer(&mut books, "C1");
    deliver(&mut books, "C1", "2026-10-10", 100000);
    let november = deliver(&mut books, "C1", "2026-11-03", 250000);
    pay(&mut books, "C1", "2026-11-10", 120000, "工行回单 778");
    let credit = NewCreditNote {
        customer_code: "C1".into(),
        date: date("2026-11-12"),
        amount: Money::from_cents(10000),
        reason: "退货 破损 2 袋".into(),
        corrects: Some(november.clone()),
    };
    books.record_credit_note(credit).unwrap();
    let write_off = NewWriteOff {
        customer_code: "C1".into(),
        receivable: november,
        amount: Some(Money::from_cents(5000)),
        date: date("2026-11-20"),
        reason: "尾差核销".into(),
    };
    books.write_off(write_off).unwrap();
    deliver(&mut books, "C1", "2026-12-02", 77700);
    books
}

#[test]
fn a_statement_is_the_ledger_over_the_period_and_reads_back_from_the_pdf() {
    let mut books = story();
    let view = books.issue_statement("C1", november(), false).unwrap();
    let s = &view.summary;
    assert_eq!(s.number, "ST-2026-000001");
    assert_eq!(s.status, StatementStatus::Pending);
    let ledger_before = books.customer_ledger("C1", Some(date("2026-10-31"))).unwrap();
    let ledger_end = books.customer_ledger("C1", Some(date("2026-11-30"))).unwrap();
    assert_eq!(s.opening, ledger_before.balance);
    assert_eq!(s.closing, ledger_end.balance);
    assert_eq!(
        (s.opening, s.debits, s.credits, s.closing),
        (Money::from_cents(100000), Money::from_cents(250000), Money::from_cents(135000), Money::from_cents(215000))
    );

    let text = pdf_text(&books.paper_pdf(&s.number, false).unwrap());
    for expected in [
        "对账单",
        "ST-2026-000001",
        "C1 建材商行 (C1)",
        "2026-11-01 至 2026-11-30",
        "期初余额",
        "¥1,000.00",
        "SD-2026-000002",
        "收款 · 银行转账 · 工行回单 778",
        "红字冲销 · 退货 破损 2 袋 →",
        "坏账核销 · 尾差核销 →",
        "¥2,150.00",
        "期末余额账龄",
        "截至 2026-11-30 本单位结欠贵司 ¥2,150.00（人民币贰仟壹佰伍拾元整）",
        "对上述余额无异议，确认截至 2026-11-30 结欠贵司 ¥2,150.00",
        "有异议（请注明）：",
        "签字 / 盖章",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("SD-2026-000003"), "December is not November's");
    // The slip is the customer's word, addressed to us: the customer owes, never we.
    assert!(!text.contains("结欠我司") && !text.contains("贵司结欠"), "who owes whom, reversed:\n{text}");
}

#[test]
fn a_statement_in_english_says_it_in_english() {
    let mut books = story();
    let mut fields = books.customer("C1").unwrap().customer.fields;
    fields.doc_language = DocLanguage::En;
    books.update_customer("C1", fields).unwrap();
    let view = books.issue_statement("C1", november(), false).unwrap();
    let text = pdf_text(&books.paper_pdf(&view.summary.number, false).unwrap());
    for expected in [
        "STATEMENT OF ACCOUNT",
        "2026-11-01 to 2026-11-30",
        "Opening balance",
        "As of 2026-11-30, we owe your company ¥2,150.00",
        "CONFIRMATION SLIP",
        "We agree that as of 2026-11-30 we owe your company ¥2,150.00",
        "We object (please state):",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert!(!text.contains("your company owes us"), "the customer signs: it owes us, not we it:\n{text}");
}

#[test]
fn a_statement_over_three_pages_repeats_its_header_and_every_number_reads_back() {
    let mut books = books_on("2026-12-05");
    customer(&mut books, "BIG");
    let mut numbers = Vec::new();
    for day in 1..=30 {
        let d = format!("2026-11-{day:02}");
        numbers.push(deliver(&mut books, "BIG", &d, 10000 + day * 7));
        pay(&mut books, "BIG", &d, 5000, &format!("回单{day}"));
    }
    let number = books.issue_statement("BIG", november(), false).unwrap().summary.number;
    let pdf = books.paper_pdf(&number, false).unwrap();
    let pages = pdf_pages(&pdf);
    assert!(pages >= 3, "{pages} pages");
    for page in 1..=pages {
        let p = page.to_string();
        let text = poppler("pdftotext", &["-layout", "-f", &p, "-l", &p], &pdf);
        assert!(text.contains("摘要") && text.contains("余额"), "page {page} has no header row:\n{text}");
        // Spaces aside: pdftotext reads the narrow ones beside CJK as none.
        let bare: String = text.split_whitespace().collect();
        assert!(bare.contains(&format!("第{page}页/共{pages}页")) && !bare.contains("Page"), "{text}");
    }
    let text = pdf_text(&pdf);
    for n in &numbers {
        assert!(text.contains(n.as_str()), "{n} missing");
    }
    for i in 1..=30 {
        assert!(text.contains(&format!("PM-2026-{i:06}")), "payment {i} missing");
    }
    let closing = books.customer_ledger("BIG", Some(date("2026-11-30"))).unwrap().balance;
    assert!(text.contains(&closing.yuan()), "the closing balance {} is printed", closing.yuan());
}

#[test]
fn a_period_gets_one_statement_and_a_second_only_as_a_correction_that_replaces_it() {
    let mut books = story();
    let first = books.issue_statement("C1", november(), false).unwrap().summary.number;
    let before = dump(&mut books);
    let again = books.issue_statement("C1", november(), false).unwrap_err();
    assert!(again.to_string().contains(&format!("statement {first} was already issued for 2026-11")), "{again}");
    assert!(again.message_in(DocLanguage::Zh).contains("更正对账单"));
    assert_eq!(dump(&mut books), before, "nothing written, no number taken");
    let candidates = books.month_end_candidates(november()).unwrap();
    assert_eq!(candidates[0].existing.as_deref(), Some(first.as_str()));

    let corrected = books.issue_statement("C1", november(), true).unwrap();
    assert_eq!(corrected.summary.number, "ST-2026-000002");
    assert_eq!(corrected.supersedes.as_deref(), Some(first.as_str()));
    assert!(
        pdf_text(&books.paper_pdf("ST-2026-000002", false).unwrap()).contains(&format!("本对账单更正并取代 {first}"))
    );
    let old = books.statement(&first).unwrap();
    assert_eq!(old.summary.status, StatementStatus::Superseded);
    assert_eq!(old.summary.superseded_by.as_deref(), Some("ST-2026-000002"));
    let (strokes, png) = drawn_signature(1);
    let form = SignForm {
        number: first.clone(),
        signer: "王会计".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    };
    let refused = books.confirm_statement(form).unwrap_err();
    assert!(refused.to_string().contains("was replaced by the corrected statement ST-2026-000002"), "{refused}");
    let overview = books.month_end(november()).unwrap();
    assert_eq!((overview.counts.issued, overview.counts.superseded, overview.counts.pending), (1, 1, 1));
}

#[test]
fn the_customer_confirms_on_the_slip_or_disputes_with_its_figures_once() {
    let mut books = story();
    customer(&mut books, "C2");
    deliver(&mut books, "C2", "2026-11-05", 30000);
    let codes = vec!["C1".to_string(), "C2".to_string()];
    books.run_month_end(november(), &codes, None, false, &AtomicBool::new(false), &mut |_| {}).unwrap();

    let (strokes, png) = drawn_signature(2);
    let confirm = SignForm {
        number: "ST-2026-000001".into(),
        signer: "王会计".into(),
        signer_role: "财务".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..SignForm::default()
    };
    let confirmed = books.confirm_statement(confirm.clone()).unwrap();
    assert_eq!(confirmed.summary.status, StatementStatus::Confirmed);
    let outcome = confirmed.outcome.unwrap();
    assert_eq!((outcome.outcome.as_str(), outcome.contact.as_str()), ("confirmed", "王会计"));
    let signed = books.paper_pdf("ST-2026-000001", true).unwrap();
    let text = pdf_text(&signed);
    assert!(text.contains("电子确认：王会计 (财务)") && text.contains("王会计 (财务)"), "{text}");
    assert!(books.confirm_statement(confirm).unwrap_err().to_string().contains("already confirmed"));

    let bad = |claimed: &str, reason: &str, items: &str| DisputeForm {
        number: "ST-2026-000002".into(),
        claimed: claimed.into(),
        reason: reason.into(),
        items: items.into(),
        contact: "李经理".into(),
    };
    for (form, field) in [
        (bad("abc", "货未收到", ""), "claimed"),
        (bad("1.234", "货未收到", ""), "claimed"),
        (bad("0", "", ""), "reason"),
        (bad("300", "货未收到", ""), "claimed"),
        (bad("0", "货未收到", "SD-2026-000001"), "items"),
    ] {
        let err = books.dispute_statement(form).unwrap_err();
        assert_eq!(err.field().as_deref(), Some(field), "{err}");
    }
    let disputed = books.dispute_statement(bad("0", "货未收到，送货单无我方签字", "SD-2026-000004")).unwrap();
    assert_eq!(disputed.summary.status, StatementStatus::Disputed);
    let o = disputed.outcome.unwrap();
    assert_eq!((o.claimed, o.difference), (Some(Money::ZERO), Some(Money::from_cents(30000))));
    assert_eq!(o.items, ["SD-2026-000004"]);
    assert!(books.dispute_statement(bad("1", "x", "")).unwrap_err().to_string().contains("already disputed"));

    let express = |tracking: &str| SendForm {
        number: "ST-2026-000002".into(),
        kind: Some(huikuan_domain::PaperKind::Statement),
        channel: "express".into(),
        date: "2026-12-05".into(),
        tracking: tracking.into(),
        note: String::new(),
    };
    assert_eq!(books.record_sending(express("")).unwrap_err().field().as_deref(), Some("tracking"));
    assert_eq!(books.record_sending(express("SF1234567890")).unwrap().len(), 1);
    let counts = books.month_end(november()).unwrap().counts;
    assert_eq!((counts.issued, counts.sent, counts.confirmed, counts.disputed, counts.pending), (2, 1, 1, 1, 0));

    for sql in [
        "UPDATE statements SET closing_cents = 0",
        "DELETE FROM statement_outcomes",
        "UPDATE sendings SET tracking = ''",
    ] {
        assert_eq!(books.store().execute_raw(sql).unwrap_err().code(), "append_only", "{sql}");
    }
}

#[test]
fn a_cancelled_month_end_keeps_the_statements_finished_and_numbers_the_rest_without_a_gap() {
    let mut books = books_on("2026-12-05");
    // More customers than the run keeps in one transaction, so a cancel always leaves some.
    const CUSTOMERS: usize = 20;
    let codes: Vec<String> = (1..=CUSTOMERS).map(|i| format!("K{i:02}")).collect();
    for code in &codes {
        customer(&mut books, code);
        deliver(&mut books, code, "2026-11-10", 100000);
    }
    assert_eq!(books.month_end_candidates(november()).unwrap().len(), CUSTOMERS);
    let cancel = AtomicBool::new(false);
    let mut heard = Vec::new();
    let summary = books
        .run_month_end(november(), &codes, None, false, &cancel, &mut |p| {
            heard.push(p.number.clone());
            if p.done == 3 {
                cancel.store(true, Ordering::SeqCst);
            }
        })
        .unwrap();
    assert!(summary.cancelled);
    // A cancel takes effect once the statements being kept together are kept.
    let finished = summary.issued.len();
    assert!((3..CUSTOMERS).contains(&finished), "{finished} finished");
    let expected: Vec<String> = (1..=finished).map(|n| format!("ST-2026-{n:06}")).collect();
    assert_eq!(heard, expected);

    let dir = tempfile::tempdir().unwrap();
    let rest =
        books.run_month_end(november(), &codes, Some(dir.path()), true, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert!(!rest.cancelled);
    assert_eq!(rest.skipped.len(), finished, "those finished are not issued twice");
    let numbers: Vec<String> = rest.issued.iter().map(|s| s.number.clone()).collect();
    let expected: Vec<String> = (finished + 1..=CUSTOMERS).map(|n| format!("ST-2026-{n:06}")).collect();
    assert_eq!(numbers, expected, "numbered on without a gap");
    for s in &rest.issued {
        let file = std::path::PathBuf::from(s.file.as_ref().unwrap());
        assert!(file.ends_with(format!("{}-{}.pdf", s.number, s.customer_code)));
        assert_eq!(
            std::fs::read(&file).unwrap(),
            books.paper_pdf(&s.number, false).unwrap(),
            "the file is the stored PDF"
        );
    }
    let merged = std::fs::read(rest.merged_file.unwrap()).unwrap();
    assert_eq!(pdf_pages(&merged), CUSTOMERS - finished, "one page each, in one PDF");
    let fonts = poppler("pdffonts", &[], &merged);
    let names: std::collections::HashSet<&str> =
        fonts.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(names.len(), 2 * (CUSTOMERS - finished), "each statement keeps its own subset names:\n{fonts}");
    assert_eq!(books.month_end(november()).unwrap().counts.pending, CUSTOMERS as u32);
    let dashboard = books.dashboard().unwrap();
    assert_eq!(dashboard.pending_statements_total, CUSTOMERS as u32);
    assert_eq!(dashboard.pending_statements[0].number, "ST-2026-000001");
}

/// A random month of a random customer: deliveries and payments over three months.
fn ops() -> impl Strategy<Value = Vec<(bool, u32, i64)>> {
    prop::collection::vec((any::<bool>(), 0u32..90, 1i64..500_000), 1..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Opening + movements = closing, and both ends are the ledger's balance, for any ledger.
    #[test]
    fn the_statement_figures_equal_the_ledger(ops in ops(), month in 0usize..3) {
        let mut books = books_on("2027-01-10");
        customer(&mut books, "P");
        for (i, (delivery, day, cents)) in ops.into_iter().enumerate() {
            let d = (date("2026-09-01") + chrono::Days::new(u64::from(day))).to_string();
            if delivery {
                deliver(&mut books, "P", &d, cents);
            } else {
                pay(&mut books, "P", &d, cents, &format!("r{i}"));
            }
        }
        let period = Period::month(["2026-09", "2026-10", "2026-11"][month]).unwrap();
        let s = books.issue_statement("P", period, false).unwrap().summary;
        prop_assert_eq!(s.opening + s.debits - s.credits, s.closing);
        let before = period.from.pred_opt().unwrap();
        prop_assert_eq!(s.opening, books.customer_ledger("P", Some(before)).unwrap().balance);
        prop_assert_eq!(s.closing, books.customer_ledger("P", Some(period.to)).unwrap().balance);
        let moved: Money = books.customer_ledger("P", Some(period.to)).unwrap().entries.iter()
            .filter(|e| e.date >= period.from).map(|e| e.debit).sum();
        prop_assert_eq!(s.debits, moved);
    }
}

#[test]
fn a_version_3_book_opens_with_its_signed_papers_intact_and_gets_statements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema/v3.db"), &path).unwrap();
    let mut books = Books::open(&path, Box::new(huikuan_app::FixedClock::on(date("2026-12-01"))), "tester").unwrap();
    let latest = huikuan_store::latest_version();
    assert!(dir.path().join(format!("books.db.v3-before-v{latest}.bak")).exists());
    let checks = books.verify_all_papers().unwrap();
    assert_eq!(checks.len(), 2);
    assert!(checks.iter().all(|c| c.ok), "{checks:?}");
    let s = books.issue_statement("V3", Period::month("2026-10").unwrap(), false).unwrap().summary;
    assert_eq!(
        (s.opening, s.debits, s.credits, s.closing),
        (Money::ZERO, Money::from_cents(255000), Money::from_cents(100000), Money::from_cents(155000))
    );
}
