//! The collections workspace through the use cases: promises and instalments judged by the
//! payments that arrive, plans that must add up, the worklist's order and reasons, the
//! contact log with its playbook, and what promises do to behaviour and the limitation.

use huikuan_app::collections::{ContactLogForm, InstalmentForm, PlanForm, PromiseForm, WorkReason};
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine};
use huikuan_app::{Books, CustomerFields, FixedClock};
use huikuan_domain::collection::Keeping;
use huikuan_domain::limitation::RestartKind;
use huikuan_domain::{CollectionDays, Importance, Money, PaymentTerms};
use huikuan_tests::{books_on, date, dump, pay, pdf_text};
use rust_decimal::Decimal;

fn customer(books: &mut Books, code: &str, key: bool) {
    let mut fields = CustomerFields::new(code, &format!("{code} 五金店"));
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    if key {
        fields.importance = Importance::Key;
    }
    books.create_customer(fields, Vec::new()).unwrap();
}

fn deliver(books: &mut Books, code: &str, day: &str, yuan: i64) {
    let line = NewDeliveryLine {
        item: "钢管".into(),
        spec: String::new(),
        unit: "根".into(),
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
    books.create_delivery(input).unwrap();
}

fn on(books: Books, day: &str) -> Books {
    // The same book, its clock moved: the file is in memory, so keep the store and change the clock.
    let mut books = books;
    books.set_clock(Box::new(FixedClock::on(date(day))));
    books
}

fn promise(books: &mut Books, code: &str, amount: &str, day: &str) {
    let form = PromiseForm {
        customer_code: code.into(),
        amount: amount.into(),
        date: day.into(),
        promised_by: "王老板".into(),
        note: String::new(),
    };
    books.add_promise(form).unwrap();
}

fn keepings(books: &mut Books, code: &str) -> Vec<Keeping> {
    books.customer_collection(code).unwrap().promises.iter().map(|p| p.keeping).collect()
}

#[test]
fn promises_are_kept_or_broken_by_the_payments_that_arrive() {
    let mut books = books_on("2026-11-10");
    customer(&mut books, "P1", false);
    deliver(&mut books, "P1", "2026-09-01", 10_000);
    pay(&mut books, "P1", "2026-11-09", 500); // before the promise: does not count
    promise(&mut books, "P1", "1000", "2026-11-20");
    promise(&mut books, "P1", "2000", "2026-11-25");
    assert_eq!(keepings(&mut books, "P1"), [Keeping::Open, Keeping::Open]);

    let mut books = on(books, "2026-11-22");
    pay(&mut books, "P1", "2026-11-15", 1200);
    assert_eq!(
        keepings(&mut books, "P1"),
        [Keeping::Kept, Keeping::Open],
        "paid early; the 1,200 counts for both windows"
    );
    let mut books = on(books, "2026-11-26");
    assert_eq!(keepings(&mut books, "P1"), [Keeping::Kept, Keeping::PartlyKept], "1,200 of 2,000 by the 25th");
    pay(&mut books, "P1", "2026-11-26", 5000);
    assert_eq!(keepings(&mut books, "P1"), [Keeping::Kept, Keeping::PartlyKept], "paid late does not mend it");
    let credit = books.customer_credit("P1", None).unwrap();
    assert_eq!(credit.behaviour.broken_promises, 1, "it counts in the customer's behaviour");

    let refused = books.add_promise(PromiseForm {
        customer_code: "P1".into(),
        amount: "0".into(),
        date: "2026-12-01".into(),
        ..PromiseForm::default()
    });
    assert_eq!(refused.unwrap_err().field().as_deref(), Some("promise_amount"));
    let past = books.add_promise(PromiseForm {
        customer_code: "P1".into(),
        amount: "10".into(),
        date: "2026-11-01".into(),
        ..PromiseForm::default()
    });
    assert_eq!(past.unwrap_err().field().as_deref(), Some("promise_date"));
}

#[test]
fn a_plan_must_add_up_to_its_total_and_each_instalment_is_judged_in_date_order() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "P2", false);
    deliver(&mut books, "P2", "2026-09-01", 5_000);
    let before = dump(&mut books);
    let row = |date: &str, amount: &str| InstalmentForm { date: date.into(), amount: amount.into() };
    let bad = |instalments: Vec<InstalmentForm>, total: &str| PlanForm {
        customer_code: "P2".into(),
        total: total.into(),
        instalments,
        ..PlanForm::default()
    };
    for (form, field) in [
        (bad(vec![row("2026-12-10", "1000"), row("2027-01-10", "1000")], "3000"), "instalments"),
        (bad(vec![row("2026-12-10", "1000"), row("2026-12-05", "2000")], "3000"), "instalments.1.date"),
        (bad(vec![row("2026-11-30", "3000")], "3000"), "instalments.0.date"),
        (bad(vec![row("2026-12-10", "0"), row("2027-01-10", "3000")], "3000"), "instalments.0.amount"),
        (bad(vec![row("2026-12-10", "1000.001")], "1000.001"), "total"),
        (bad(vec![row("2026-12-10", "6000")], "6000"), "total"),
        (bad(vec![], "3000"), "instalments"),
    ] {
        let err = books.create_plan(form).unwrap_err();
        assert_eq!(err.field().as_deref(), Some(field), "{err}");
    }
    assert_eq!(dump(&mut books), before, "nothing written");

    let plan = books
        .create_plan(PlanForm {
            customer_code: "P2".into(),
            total: "1000".into(),
            equal_count: 3,
            first_date: "2026-12-15".into(),
            ..PlanForm::default()
        })
        .unwrap();
    assert_eq!(plan.number, "RP-2026-000001");
    let amounts: Vec<String> = plan.instalments.iter().map(|i| i.amount.to_string()).collect();
    assert_eq!(amounts, ["333.34", "333.33", "333.33"]);
    let dates: Vec<String> = plan.instalments.iter().map(|i| i.due_date.to_string()).collect();
    assert_eq!(dates, ["2026-12-15", "2027-01-15", "2027-02-15"]);
    let text = pdf_text(&books.paper_pdf(&plan.number, false).unwrap());
    for expected in [
        "还款计划确认书",
        "RP-2026-000001",
        "乙方（债务人）：P2 五金店 (P2)",
        "¥1,000.00（人民币壹仟元整）",
        "2027-02-15",
        "¥333.34",
        "乙方（签字 / 盖章）",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }

    let mut books = on(books, "2027-01-20");
    pay(&mut books, "P2", "2026-12-14", 400);
    let judged: Vec<Keeping> = books.plan(&plan.number).unwrap().instalments.iter().map(|i| i.keeping).collect();
    assert_eq!(
        judged,
        [Keeping::Kept, Keeping::PartlyKept, Keeping::Open],
        "400 covers the first and 66.66 of the second"
    );
    assert!(books.plan(&plan.number).unwrap().broken);
}

#[test]
fn the_worklist_puts_the_most_urgent_first_and_says_why() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "A", false);
    customer(&mut books, "B", true);
    customer(&mut books, "C", false);
    customer(&mut books, "D", false);
    deliver(&mut books, "A", "2026-06-01", 50_000); // 153 days late, large
    deliver(&mut books, "B", "2026-10-15", 800); // 17 days late, a key customer
    deliver(&mut books, "C", "2026-11-20", 3_000); // not due yet
    deliver(&mut books, "D", "2026-10-10", 2_000);
    let mut fields = books.customer("D").unwrap().customer.fields;
    fields.business.collection_days = "tue".parse::<CollectionDays>().unwrap(); // 2026-12-01 is a Tuesday
    books.update_customer("D", fields).unwrap();
    promise(&mut books, "C", "1000", "2026-12-01");
    let log = ContactLogForm {
        customer_code: "A".into(),
        channel: "phone".into(),
        contact_name: "财务张".into(),
        outcome: "reached".into(),
        reason: "cash_tight".into(),
        next_action: "上门".into(),
        next_date: "2026-12-01".into(),
        ..ContactLogForm::default()
    };
    books.log_contact(log).unwrap();

    let list = books.worklist(date("2026-12-01")).unwrap();
    let order: Vec<&str> = list.iter().map(|w| w.code.as_str()).collect();
    // A: 10·log10(50,001) + 8·153/30 = 87.8; D: 33.0 + 5.9 + 15 (its payment day) + 21.4 (never
    // called) = 75.3; B: 29.0 + 4.5 + 10 (key) + 21.4 = 65.0; C: 30 (a promise due) + 21.4 = 51.4.
    assert_eq!(order, ["A", "D", "B", "C"], "{list:#?}");
    let a = &list[0];
    assert!(matches!(a.reasons[0], WorkReason::Overdue { days: 153, .. }));
    assert!(a.reasons.iter().any(|r| matches!(r, WorkReason::FollowUp { action, .. } if action == "上门")));
    assert!(!a.reasons.iter().any(|r| matches!(r, WorkReason::NeverContacted)), "A was called today");
    assert_eq!(list.iter().map(|w| w.priority).collect::<Vec<_>>(), [87.8, 75.3, 65.0, 51.4]);
    assert!(list[1].reasons.contains(&WorkReason::CollectionDay));
    assert!(list[2].reasons.contains(&WorkReason::KeyCustomer));
    assert!(list[3].reasons.iter().any(|r| matches!(r, WorkReason::PromiseDue { .. })), "C's promise is due today");
    assert!(list[3].reasons.contains(&WorkReason::NeverContacted));
    assert!(list.iter().all(|w| w.priority > 0.0));
}

#[test]
fn a_logged_contact_keeps_what_was_said_and_bad_input_changes_nothing() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "L", false);
    deliver(&mut books, "L", "2026-09-01", 5_000);
    let before = dump(&mut books);
    let base = ContactLogForm {
        customer_code: "L".into(),
        channel: "phone".into(),
        outcome: "promised".into(),
        ..ContactLogForm::default()
    };
    for (form, field) in [
        (ContactLogForm { channel: "telegram".into(), ..base.clone() }, "channel"),
        (ContactLogForm { reason: "lazy".into(), ..base.clone() }, "reason"),
        (ContactLogForm { next_date: "2026-11-30".into(), ..base.clone() }, "next_date"),
        (ContactLogForm { next_date: "2026-02-30".into(), ..base.clone() }, "next_date"),
        (ContactLogForm { promise_amount: "500".into(), ..base.clone() }, "promise_date"),
        (ContactLogForm { contact_id: Some(999), ..base.clone() }, "contact_id"),
    ] {
        let err = books.log_contact(form).unwrap_err();
        assert_eq!(err.field().as_deref(), Some(field), "{err}");
    }
    assert_eq!(dump(&mut books), before, "nothing written");
    let said = ContactLogForm {
        contact_name: "王老板".into(),
        reason: "cash_tight".into(),
        promise_amount: "2000".into(),
        promise_date: "2026-12-10".into(),
        note: "下周有一笔工程款到账".into(),
        ..base
    };
    books.log_contact(said).unwrap();
    let c = books.customer_collection("L").unwrap();
    assert_eq!(c.logs[0].reason.as_deref(), Some("cash_tight"));
    assert_eq!(c.promises[0].amount, Money::from_cents(200_000), "the promise made on the call is recorded with it");
    assert_eq!(c.promises[0].promised_by, "王老板");
    let playbook = books.playbook().unwrap();
    let advice = playbook.iter().find(|p| p.reason.as_str() == "cash_tight").unwrap();
    assert!(advice.zh.contains("分期还款计划") && advice.en.contains("repayment plan"));
    // A promise is the customer acknowledging the debt: its limitation period restarts.
    let row = books.customer_limitation("L", None).unwrap().rows.remove(0);
    assert_eq!((row.last_restart.map(|r| r.kind), row.ends_on), (Some(RestartKind::Promise), date("2029-12-01")));
    assert_eq!(books.store().execute_raw("DELETE FROM contact_logs").unwrap_err().code(), "append_only");
}

#[test]
fn the_forecast_counts_promises_and_plans_by_their_keeping_and_bills_when_the_customer_pays() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "F1", false);
    customer(&mut books, "F2", false);
    deliver(&mut books, "F1", "2026-11-20", 1_000); // falls due 2026-12-20 (week 3)
    deliver(&mut books, "F2", "2026-09-01", 3_000);
    promise(&mut books, "F2", "600", "2026-12-09"); // week 2
    let plan = PlanForm {
        customer_code: "F2".into(),
        total: "900".into(),
        equal_count: 3,
        first_date: "2026-12-15".into(),
        ..PlanForm::default()
    };
    books.create_plan(plan).unwrap();
    let f = books.forecast(date("2026-12-01")).unwrap();
    assert_eq!(f.weeks.len(), 12);
    assert_eq!(f.weeks[1].promised, Money::from_cents(60_000));
    assert_eq!(f.weeks[2].planned, Money::from_cents(30_000));
    assert_eq!(f.weeks[2].falling_due, Money::from_cents(100_000));
    // F1 has paid nothing yet: its bill is expected on its due date.
    assert_eq!(f.weeks[2].receivables_expected, Money::from_cents(100_000));
    let gross: Money = f.weeks.iter().map(|w| w.promised + w.planned + w.falling_due).sum();
    assert_eq!(
        gross,
        Money::from_cents(60_000 + 90_000 + 100_000),
        "F2's receivable is counted by its promise and plan, not twice"
    );
    // F1 sold ¥1,000 in the last 91 days and goes on so: ¥1,000 / 91 a day, each day's bill
    // paid 30 days on; the bills of days 1 to 53 fall within the twelve weeks (4 in week 4,
    // 7 in each of weeks 5 to 11): 43.96 + 7 × 76.92.
    let new_sales: Money = f.weeks.iter().map(|w| w.from_new_sales).sum();
    assert_eq!(new_sales, Money::from_cents(4_396 + 7 * 7_692));
    let receivables: Money = f.weeks.iter().map(|w| w.receivables_expected).sum();
    assert_eq!(
        f.expected - new_sales - receivables,
        Money::from_cents((60_000 + 90_000) / 2),
        "no record of keeping promises: half"
    );
    assert_eq!(f.doubtful, Money::ZERO);
    // A month after its due date, unpaid, F1's bill is later than its record: doubtful.
    let later = books.forecast(date("2027-01-20")).unwrap();
    assert_eq!(later.doubtful, Money::from_cents(100_000));
}

#[test]
fn the_forecast_expects_no_new_sales_from_a_customer_the_credit_check_stops() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "F1", false);
    deliver(&mut books, "F1", "2026-11-20", 1_000);
    let new_sales = |books: &mut Books| -> Money {
        books.forecast(date("2026-12-01")).unwrap().weeks.iter().map(|w| w.from_new_sales).sum()
    };
    assert!(new_sales(&mut books).is_positive(), "an active customer buys on");
    let mut fields = books.customer("F1").unwrap().customer.fields;
    fields.status = huikuan_domain::customer::CustomerStatus::Blocked;
    books.update_customer("F1", fields).unwrap();
    assert_eq!(new_sales(&mut books), Money::ZERO, "a blocked customer buys nothing more on credit");
}

#[test]
fn the_plan_agreement_is_signed_once_on_the_pad() {
    let mut books = books_on("2026-12-01");
    customer(&mut books, "S", false);
    deliver(&mut books, "S", "2026-09-01", 2_000);
    let plan = books
        .create_plan(PlanForm {
            customer_code: "S".into(),
            total: "2000".into(),
            instalments: vec![InstalmentForm { date: "2026-12-20".into(), amount: "2000".into() }],
            ..PlanForm::default()
        })
        .unwrap();
    let (strokes, png) = huikuan_tests::drawn_signature(5);
    let form = huikuan_app::documents::SignForm {
        number: plan.number.clone(),
        signer: "王老板".into(),
        method: "pad".into(),
        strokes,
        image_base64: png,
        ..Default::default()
    };
    books.sign_paper(form).unwrap();
    assert!(books.plan(&plan.number).unwrap().signed);
    assert!(pdf_text(&books.paper_pdf(&plan.number, true).unwrap()).contains("电子签署：王老板"));
}
