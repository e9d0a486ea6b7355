//! Terms that count from the invoice (票到N天付款, `inv:N`): a delivery is awaiting its invoice
//! (not due, not overdue, no letter) until one covers it, then due N days after the invoice
//! reached the customer, or was issued where no sending is recorded; a red-letter invoice
//! taking it all back leaves it awaiting again. The aging, the customer's overdue figure and
//! the letters due follow, the kept figures agree with the plain computation on both engines.

use chrono::NaiveDate;
use huikuan_app::invoices::{CoverForm, InvoiceForm, ReachForm};
use huikuan_app::{reading, Books, CustomerFields, FixedClock, Reading};
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::terms::is_awaiting_invoice;
use huikuan_domain::{Money, PaymentTerms};
use huikuan_tests::{books_on, date, deliver};

const INVOICE: &str = "26332000000012345678";

/// A customer on 票到30天 with one delivery of 5,000 on 1 September.
fn shop() -> (Books, String) {
    let mut books = books_on("2026-09-01");
    let mut fields = CustomerFields::new("C001", "华联超市有限公司");
    fields.payment_terms = "票到30天".parse::<PaymentTerms>().or_else(|_| "inv:30".parse()).unwrap();
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
    let number = deliver(&mut books, "C001", "2026-09-01", 5000);
    (books, number)
}

fn on(books: &mut Books, day: &str) {
    books.set_clock(Box::new(FixedClock::on(date(day))));
}

fn invoice(books: &mut Books, number: &str, on_day: &str, delivery: &str, reverses: &str) {
    let form = InvoiceForm {
        customer_code: "C001".into(),
        invoice_number: number.into(),
        invoice_kind: "digital_special".into(),
        date: on_day.into(),
        amount: "5000".into(),
        tax: "575.22".into(),
        rate: "13".into(),
        covers: vec![CoverForm { receivable: delivery.into(), amount: "5000".into() }],
        reverses: reverses.into(),
        ..InvoiceForm::default()
    };
    books.add_invoice(&form).unwrap();
}

/// (days past due, bucket) of the delivery in the aging detail as of `day`, and the overdue
/// total of the aging summary, each read the three ways what was owed can be read.
fn aged(books: &mut Books, day: &str) -> (i64, String, Money) {
    let as_of = date(day);
    let read = |books: &mut Books| {
        let detail = books.aging_detail(as_of, AgingBasis::DueDate).unwrap();
        let item = &detail.items[0];
        let summary = books.aging_report(as_of, AgingBasis::DueDate).unwrap();
        let overdue: Money =
            summary.totals.buckets.0.iter().filter(|(label, _)| label.as_str() != "not_due").map(|(_, m)| *m).sum();
        (item.days, item.bucket.clone(), overdue)
    };
    let plain = reading(Reading::Plain, || read(books));
    for how in [Reading::ByCost, Reading::OnePass] {
        assert_eq!(reading(how, || read(books)), plain, "as of {day} read {how:?}");
    }
    plain
}

#[test]
fn a_delivery_awaits_its_invoice_then_is_due_thirty_days_after_it_reached_the_customer() {
    let (mut books, delivery) = shop();
    on(&mut books, "2026-12-01");
    // Three months on, no invoice: not due, not overdue, no letter.
    let (days, bucket, overdue) = aged(&mut books, "2026-12-01");
    assert!(days < 0 && bucket == "not_due" && overdue.is_zero(), "{days} {bucket} {overdue:?}");
    assert!(books.customer("C001").unwrap().overdue.is_zero());
    assert!(books.letters_due(date("2026-12-01")).unwrap().is_empty());
    let ledger = books.customer_ledger("C001", None).unwrap();
    assert!(is_awaiting_invoice(ledger.entries[0].due_date.unwrap()));
    let note = books.paper_pdf_of_kind(&delivery, Some(huikuan_domain::PaperKind::DeliveryNote), false).unwrap();
    let text: String = huikuan_tests::pdf_text(&note).split_whitespace().collect();
    assert!(text.contains("收到发票后30天") && text.contains("票到30天付款"), "the note says when it is due: {text}");
    assert!(books.limitation_report(date("2026-12-01")).unwrap().rows.is_empty(), "no period runs before it is due");

    // Invoiced on 5 December, no sending recorded: due 4 January.
    on(&mut books, "2026-12-05");
    invoice(&mut books, INVOICE, "2026-12-05", &delivery, "");
    assert_eq!(books.customer_ledger("C001", None).unwrap().entries[0].due_date, Some(date("2027-01-04")));
    on(&mut books, "2027-01-10");
    let (days, bucket, overdue) = aged(&mut books, "2027-01-10");
    assert_eq!((days, bucket.as_str(), overdue), (6, "1-30", Money::from_cents(500_000)));
    assert_eq!(aged(&mut books, "2027-01-04").0, 0, "due on the day, not yet overdue");

    // The sending says it reached the customer on 8 December: due 7 January.
    let reach = ReachForm {
        invoice_number: INVOICE.into(),
        channel: "express".into(),
        date: "2026-12-08".into(),
        ..ReachForm::default()
    };
    books.invoice_reached(&reach).unwrap();
    assert_eq!(aged(&mut books, "2027-01-10").0, 3);
    assert_eq!(books.customer("C001").unwrap().overdue, Money::from_cents(500_000));
    assert_eq!(books.letters_due(date("2027-02-10")).unwrap().len(), 1, "a month overdue: a letter is due");
    assert!(books.check_kept().unwrap().is_empty(), "{:?}", books.check_kept());
}

#[test]
fn a_red_letter_invoice_taking_it_all_back_leaves_the_delivery_awaiting_again() {
    let (mut books, delivery) = shop();
    on(&mut books, "2026-10-10");
    invoice(&mut books, INVOICE, "2026-10-05", &delivery, "");
    invoice(&mut books, "26332000000099999999", "2026-10-09", &delivery, INVOICE);
    let (days, bucket, _) = aged(&mut books, "2026-12-31");
    assert!(days < 0 && bucket == "not_due", "{days} {bucket}");
    assert!(books.check_kept().unwrap().is_empty());
}

#[test]
fn a_due_date_given_on_the_note_is_kept_whatever_the_terms() {
    let (mut books, _) = shop();
    let mut fields = CustomerFields::new("C002", "另一家");
    fields.payment_terms = "inv:30".parse().unwrap();
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
    let line = huikuan_app::ledger::NewDeliveryLine {
        item: "瓷砖".into(),
        spec: String::new(),
        unit: "箱".into(),
        quantity: rust_decimal::Decimal::ONE,
        unit_price: rust_decimal::Decimal::from(100),
    };
    let note = books
        .create_delivery(huikuan_app::ledger::NewDelivery {
            customer_code: "C002".into(),
            date: date("2026-09-01"),
            due_date: Some(NaiveDate::from_ymd_opt(2026, 9, 10).unwrap()),
            number: None,
            contact_name: String::new(),
            address: String::new(),
            memo: String::new(),
            lines: vec![line],
            override_reason: None,
        })
        .unwrap();
    let ledger = books.customer_ledger("C002", None).unwrap();
    assert_eq!(ledger.entries[0].number, note.number.unwrap());
    assert_eq!(ledger.entries[0].due_date, Some(date("2026-09-10")));
}
