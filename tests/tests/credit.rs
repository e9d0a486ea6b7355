//! Customer credit across the crates: assessments the owner approves, the credit check on
//! every path that issues a delivery note, overrides kept for good, and reviews falling due.

use huikuan_app::credit::AssessmentForm;
use huikuan_app::forms::{DeliveryForm, LineForm};
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine};
use huikuan_app::{Books, CustomerFields, FixedClock};
use huikuan_domain::credit::{Factor, FactorScore, Grade, Scorecard, Signal};
use huikuan_domain::{DocLanguage, Money, PaymentTerms};
use huikuan_tests::{books_at, books_on, date, dump, place_in};

fn customer(books: &mut Books, code: &str, terms: &str, limit_cents: i64) {
    let mut fields = CustomerFields::new(code, &format!("{code} 建材店"));
    fields.payment_terms = terms.parse().unwrap();
    fields.credit_limit = Money::from_cents(limit_cents);
    books.create_customer(fields, vec![]).unwrap();
}

fn delivery(code: &str, day: &str, cents: i64, override_reason: Option<&str>) -> NewDelivery {
    NewDelivery {
        customer_code: code.into(),
        date: date(day),
        due_date: None,
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: vec![NewDeliveryLine {
            item: "水泥 P.O 42.5".into(),
            spec: String::new(),
            unit: "吨".into(),
            quantity: 1.into(),
            unit_price: Money::from_cents(cents).to_decimal(),
        }],
        override_reason: override_reason.map(str::to_string),
    }
}

fn scorecard(score: u8) -> Scorecard {
    use Factor::*;
    let factors = [BusinessScale, OperatingCondition, YearsInBusiness, Relationship, IndustryRisk, Guarantees];
    Scorecard {
        factors: factors.iter().map(|&factor| FactorScore { factor, score, note: "实地看过".into() }).collect(),
        ..Scorecard::default()
    }
}

#[test]
fn a_blocked_delivery_goes_out_only_with_a_written_reason_that_is_kept_and_audited() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "K1", "net:30", 1_000_000);
    books.create_delivery(delivery("K1", "2026-11-20", 900_000, None)).unwrap();
    let before = dump(&mut books);

    let refused = books.create_delivery(delivery("K1", "2026-11-23", 100_001, None)).unwrap_err();
    assert_eq!(refused.code(), "credit_blocked");
    assert_eq!(
        refused.view(DocLanguage::Zh).message,
        "K1 K1 建材店 的赊销被拦截：超出信用额度：现欠 ¥9,000.00，本单 ¥1,000.01，占用额度 ¥10,000.01，信用额度 \
         ¥10,000.00（超出 ¥0.01）。如仍要开单，请写明放行原因"
    );
    assert_eq!(refused.view(DocLanguage::En).field.as_deref(), Some("override_reason"));
    assert_eq!(dump(&mut books), before, "a refusal writes nothing");
    let blank = books.create_delivery(delivery("K1", "2026-11-23", 100_001, Some("   "))).unwrap_err();
    assert_eq!(blank.code(), "credit_blocked", "a blank reason is no reason");

    let note = books.create_delivery(delivery("K1", "2026-11-23", 100_001, Some("老客户，月底前付清"))).unwrap();
    let credit = books.customer_credit("K1", None).unwrap();
    assert_eq!(credit.overrides.len(), 1);
    let o = &credit.overrides[0];
    assert_eq!((o.number.as_str(), o.reason.as_str()), (note.number.as_deref().unwrap(), "老客户，月底前付清"));
    assert_eq!(
        (o.exposure, o.limit, o.amount),
        (Money::from_cents(1_000_001), Money::from_cents(1_000_000), note.total)
    );
    assert!(o.blocks[0].en.starts_with("over the credit limit"));
    let audit = books.audit_log(5).unwrap();
    assert!(audit.iter().any(|r| r.action == "override" && r.entity == "credit_check"));
    assert_eq!((credit.balance, credit.available), (Money::from_cents(1_000_001), Money::from_cents(-1)));
    let before_any = books.customer_credit("K1", Some(date("2026-11-19"))).unwrap();
    assert_eq!(
        (before_any.balance, before_any.behaviour.balance),
        (Money::ZERO, Money::ZERO),
        "as of a date, as of it"
    );
}

#[test]
fn the_delivery_form_shows_the_block_as_the_user_types_and_takes_the_reason() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "K2", "eom:30", 50_000);
    let mut form = DeliveryForm {
        customer_code: "K2".into(),
        date: "2026-11-23".into(),
        lines: vec![LineForm {
            item: "瓷砖".into(),
            quantity: "3".into(),
            unit_price: "200".into(),
            ..LineForm::default()
        }],
        ..DeliveryForm::default()
    };
    let preview = books.preview_delivery(&form).unwrap();
    let check = preview.credit.expect("a dated note with a total is checked");
    assert!(check.on_credit);
    assert_eq!(check.exposure.exposure, Money::from_cents(60_000));
    assert_eq!(check.reasons.len(), 1);
    assert!(check.reasons[0].zh.contains("超出 ¥100.00"), "{}", check.reasons[0].zh);

    assert_eq!(books.create_delivery_form(form.clone()).unwrap_err().code(), "credit_blocked");
    form.override_reason = "样品单，下月一起结".into();
    books.create_delivery_form(form).unwrap();
    assert_eq!(books.customer_credit("K2", None).unwrap().overrides[0].reason, "样品单，下月一起结");
}

#[test]
fn an_import_refused_for_credit_leaves_not_even_a_draft_and_reports_every_blocked_note() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "K4", "net:30", 100_000);
    let before = dump(&mut books);
    let csv = "number,customer_code,date,item,quantity,unit_price,due_date\n\
        A1,K4,2026-11-01,水泥,1,800.00,\n\
        A2,K4,2026-11-02,水泥,1,300.00,\n\
        A3,K4,2026-11-03,水泥,1,200.01,\n";
    let huikuan_app::AppError::ImportRejected(rows) = books.import_deliveries_csv(csv.as_bytes(), None).unwrap_err()
    else {
        panic!("expected the import to be rejected")
    };
    // A2 would bring 800 to 1,100; left out, A3 is checked without it: 1,000.01.
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 4]);
    assert!(rows[1].reason.contains("exposure ¥1,000.01"), "{}", rows[1].reason);
    assert_eq!(dump(&mut books), before);
    books.import_deliveries_csv(csv.as_bytes(), Some("年底备货，老板同意")).unwrap();
    assert_eq!(books.customer_credit("K4", None).unwrap().overrides.len(), 2);
}

#[test]
fn issuing_a_draft_passes_the_same_check() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "K3", "net:15", 10_000);
    let draft = books.save_delivery_draft(delivery("K3", "2026-11-23", 20_000, None)).unwrap();
    assert_eq!(books.issue_delivery_draft(draft.id, None).unwrap_err().code(), "credit_blocked");
    let issued = books.issue_delivery_draft(draft.id, Some("试用期客户")).unwrap();
    assert!(issued.number.is_some());
}

#[test]
fn an_approved_assessment_sets_the_limit_and_terms_and_is_kept_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let place = place_in(dir.path());
    let open = |day: &str| books_at(&place, day, "老板");
    let mut books = open("2026-11-23");
    customer(&mut books, "N1", "cod", 0);
    let mut form = AssessmentForm {
        customer_code: "N1".into(),
        scorecard: scorecard(4),
        expected_monthly_sales: "20000".into(),
        ..AssessmentForm::default()
    };
    let preview = books.preview_assessment(form.clone()).unwrap();
    // 4 on every factor, payment history a neutral 3 (no payments): (4×70 + 3×30) / 100 = 3.70 → B.
    assert_eq!((preview.assessment.score.to_string().as_str(), preview.assessment.grade), ("3.70", Grade::B));
    // B: 1.5 months of the 20,000 expected = 30,000, net 30 days; reviewed in 12 months.
    assert_eq!(preview.assessment.recommended_limit, Money::from_cents(3_000_000));
    assert_eq!(preview.assessment.recommended_terms, PaymentTerms::Net(30));
    assert_eq!(preview.next_review, date("2027-11-23"));
    assert!(books.credit_assessments("N1").unwrap().is_empty(), "a preview writes nothing");

    form.approved_limit = "25000".into();
    let refused = books.approve_assessment(form.clone()).unwrap_err();
    assert_eq!(refused.field().as_deref(), Some("deviation_reason"));
    form.deviation_reason = "先观察三个月".into();
    form.next_review = "2027-02-23".into();
    let approved = books.approve_assessment(form).unwrap();
    assert_eq!(
        (approved.approved_limit, approved.approved_terms),
        (Money::from_cents(2_500_000), PaymentTerms::Net(30))
    );
    let fields = books.customer("N1").unwrap().customer.fields;
    assert_eq!((fields.credit_limit, fields.payment_terms), (Money::from_cents(2_500_000), PaymentTerms::Net(30)));

    let change = books.store().execute_raw("UPDATE credit_assessments SET approved_limit_cents = 1").unwrap_err();
    assert_eq!(change.code(), "append_only", "{change}");
    assert_eq!(books.store().execute_raw("DELETE FROM credit_assessments").unwrap_err().code(), "append_only");
    drop(books);

    // Three months on, the review is due and the dashboard says so.
    let mut later = open("2027-02-23");
    let due = later.dashboard().unwrap().due_reviews;
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].code.as_str(), due[0].grade, due[0].days_late), ("N1", Grade::B, 0));
    let mut card = scorecard(4);
    card.signals = vec![Signal::Lawsuits];
    let form = AssessmentForm { customer_code: "N1".into(), scorecard: card, ..AssessmentForm::default() };
    let second = later.approve_assessment(form).unwrap();
    assert_eq!(second.assessment.grade, Grade::C, "a lawsuit costs a grade");
    let history = later.credit_assessments("N1").unwrap();
    assert_eq!(history.iter().map(|a| a.id).collect::<Vec<_>>(), vec![second.id, approved.id]);
    assert_eq!(history[1].approved_limit, Money::from_cents(2_500_000), "the first stays as approved");
    assert!(later.dashboard().unwrap().due_reviews.is_empty());
}

#[test]
fn a_credit_policy_that_makes_no_sense_is_refused_and_a_sensible_one_applies_at_once() {
    let mut books = books_on("2026-11-23");
    customer(&mut books, "P1", "net:30", 1_000_000);
    books.create_delivery(delivery("P1", "2026-08-01", 10_000, None)).unwrap();
    // Due 31 Aug: 84 days overdue today, over the default 60.
    assert_eq!(books.create_delivery(delivery("P1", "2026-11-23", 100, None)).unwrap_err().code(), "credit_blocked");
    let before = dump(&mut books);
    let mut policy = books.credit_policy().unwrap();
    policy.grades[0].min_score = "1".parse().unwrap();
    assert_eq!(books.set_credit_policy(policy).unwrap_err().code(), "bad_policy");
    assert_eq!(dump(&mut books), before);
    let mut policy = books.credit_policy().unwrap();
    policy.overdue_block_days = 90;
    books.set_credit_policy(policy).unwrap();
    books.create_delivery(delivery("P1", "2026-11-23", 100, None)).unwrap();
}

#[test]
fn a_book_written_before_credit_existed_opens_with_its_customers_and_the_new_fields_blank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/schema/v1.db"), &path).unwrap();
    let mut books = Books::open(&path, Box::new(FixedClock::on(date("2026-11-23"))), "tester").unwrap();
    let detail = books.customer("V1").unwrap();
    assert_eq!(detail.customer.fields.name, "旧账簿客户");
    assert_eq!(detail.customer.fields.business, Default::default());
    assert_eq!(detail.balance, Money::from_cents(123_456));
    assert!(books.customer_credit("V1", None).unwrap().latest_assessment.is_none());
    let backup = format!("books.db.v1-before-v{}.bak", huikuan_store::latest_version());
    assert!(dir.path().join(backup).exists(), "the old file is kept before migrating");
}
