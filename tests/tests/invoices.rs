//! VAT invoices beside the ledger: covers adding up, partial invoices, red-letter reversals,
//! bad input refused by field with nothing written, sendings, and the invoicing report. On
//! both engines (HUIKUAN_TEST_ENGINE=postgres for the server).

use huikuan_app::invoices::{CoverForm, InvoiceForm, ReachForm};
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::{Money, PaymentTerms};
use huikuan_tests::{books_at, books_on, date, deliver, dump, pay, place_in};

fn yuan(text: &str) -> Money {
    text.parse().unwrap()
}

/// A customer owing two deliveries: 8,000 (SD-…1) and 3,300 (SD-…2).
fn shop() -> (Books, String, String) {
    let mut books = books_on("2026-11-30");
    let mut fields = CustomerFields::new("C001", "华联超市");
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
    let first = deliver(&mut books, "C001", "2026-11-01", 8000);
    let second = deliver(&mut books, "C001", "2026-11-05", 3300);
    (books, first, second)
}

fn form(number: &str, amount: &str, tax: &str, covers: &[(&str, &str)]) -> InvoiceForm {
    InvoiceForm {
        customer_code: "C001".into(),
        invoice_number: number.into(),
        invoice_kind: "digital_special".into(),
        date: "2026-11-06".into(),
        amount: amount.into(),
        tax: tax.into(),
        rate: "13".into(),
        covers: covers.iter().map(|(r, a)| CoverForm { receivable: r.to_string(), amount: a.to_string() }).collect(),
        ..InvoiceForm::default()
    }
}

fn fields_of(error: AppError) -> Vec<String> {
    match error {
        AppError::Fields(refusals) => refusals.into_iter().filter_map(|r| r.field).collect(),
        AppError::Rule(refusal) => refusal.field.into_iter().collect(),
        other => panic!("not a refusal by field: {other:?}"),
    }
}

#[test]
fn an_invoice_covers_two_deliveries_whole_and_in_part_and_the_rest_is_invoiced_later() {
    let (mut books, first, second) = shop();
    let added = books
        .add_invoice(&form("26332000000012345678", "9130.00", "1050.35", &[(&first, "8000"), (&second, "1130")]))
        .unwrap();
    assert_eq!(
        (added.customer_code.as_str(), added.kind_zh.as_str(), added.amount),
        ("C001", "数电专票", yuan("9130.00"))
    );
    assert_eq!(
        added.covers.iter().map(|c| (c.number.as_str(), c.amount)).collect::<Vec<_>>(),
        [(first.as_str(), yuan("8000")), (second.as_str(), yuan("1130"))]
    );

    let report = books.invoicing_report(date("2026-11-30")).unwrap();
    assert_eq!((report.totals.delivered_not_invoiced, report.totals.invoiced_not_paid), (yuan("2170"), yuan("9130")));
    assert_eq!(report.totals.awaiting_invoice, yuan("2170"));

    // What is left of the second delivery, and not a cent more.
    let over =
        books.add_invoice(&form("26332000000012345679", "2170.01", "249.65", &[(&second, "2170.01")])).unwrap_err();
    assert_eq!(fields_of(over), [format!("covers.{second}")]);
    books.add_invoice(&form("26332000000012345679", "2170.00", "249.65", &[(&second, "2170")])).unwrap();
    let report = books.invoicing_report(date("2026-11-30")).unwrap();
    assert_eq!((report.totals.delivered_not_invoiced, report.totals.invoiced_not_paid), (Money::ZERO, yuan("11300")));
    // Before the invoices were issued, nothing was invoiced.
    let before = books.invoicing_report(date("2026-11-05")).unwrap();
    assert_eq!((before.totals.delivered_not_invoiced, before.totals.invoiced_not_paid), (yuan("11300"), Money::ZERO));
}

#[test]
fn payments_count_against_the_invoiced_part_first() {
    let (mut books, first, _) = shop();
    books.add_invoice(&form("26332000000012345678", "5000.00", "575.22", &[(&first, "5000")])).unwrap();
    pay(&mut books, "C001", "2026-11-20", 6000);
    let row = &books.invoicing_report(date("2026-11-30")).unwrap().customers[0];
    // Open: 2,000 of the first (5,000 invoiced, paid first) and 3,300 of the second.
    assert_eq!(
        (row.invoiced_not_paid, row.awaiting_invoice, row.delivered_not_invoiced),
        (Money::ZERO, yuan("5300"), yuan("6300"))
    );
}

#[test]
fn a_red_letter_invoice_reverses_all_or_part_of_an_earlier_one() {
    let (mut books, first, second) = shop();
    books
        .add_invoice(&form("26332000000012345678", "11300.00", "1300.00", &[(&first, "8000"), (&second, "3300")]))
        .unwrap();
    // Part of it, on one delivery named.
    let mut red = form("26332000000099999991", "1130.00", "130.00", &[(&second, "1130")]);
    red.reverses = "26332000000012345678".into();
    let red = books.add_invoice(&red).unwrap();
    assert_eq!((red.amount, red.reverses.as_deref()), (yuan("-1130.00"), Some("26332000000012345678")));
    let all = books.invoices(Some("C001")).unwrap();
    assert_eq!(all[0].left, yuan("10170.00"));
    // Never dated before the invoice it reverses.
    let mut early = form("26332000000099999995", "10.00", "1.15", &[(&second, "10")]);
    early.reverses = "26332000000012345678".into();
    early.date = "2026-11-05".into();
    assert_eq!(fields_of(books.add_invoice(&early).unwrap_err()), ["date"]);
    // Part of it without saying where: the invoice covers two deliveries, so it must be said.
    let mut vague = form("26332000000099999992", "100.00", "11.50", &[]);
    vague.reverses = "26332000000012345678".into();
    assert_eq!(fields_of(books.add_invoice(&vague).unwrap_err()), ["covers"]);
    // The rest of it, whole: every delivery's part taken off.
    let mut rest = form("26332000000099999993", "10170.00", "1170.00", &[]);
    rest.reverses = "26332000000012345678".into();
    books.add_invoice(&rest).unwrap();
    let report = books.invoicing_report(date("2026-11-30")).unwrap();
    assert_eq!((report.totals.delivered_not_invoiced, report.totals.invoiced_not_paid), (yuan("11300"), Money::ZERO));
    let mut more = form("26332000000099999994", "1.00", "0.12", &[(&first, "1")]);
    more.reverses = "26332000000012345678".into();
    assert_eq!(fields_of(books.add_invoice(&more).unwrap_err()), ["amount", format!("covers.{first}").as_str()]);
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_is_written() {
    let (mut books, first, _) = shop();
    books.add_invoice(&form("26332000000012345678", "1130.00", "130.00", &[(&first, "1130")])).unwrap();
    let before = dump(&mut books);
    let mut bad = form("2633200000001234567", "1000.00", "70.00", &[(&first, "900")]);
    bad.rate = "7".into();
    assert_eq!(fields_of(books.add_invoice(&bad).unwrap_err()), ["rate", "invoice_number"]);
    let short = form("26332000000012345670", "1000.00", "115.04", &[(&first, "900")]);
    assert_eq!(fields_of(books.add_invoice(&short).unwrap_err()), ["covers"]);
    let twice = form("26332000000012345678", "100.00", "11.50", &[(&first, "100")]);
    assert_eq!(fields_of(books.add_invoice(&twice).unwrap_err()), ["invoice_number"]);
    let mut paper = form("1234567", "100.00", "11.50", &[(&first, "100"), ("SD-2099-999999", "1")]);
    paper.invoice_kind = "纸质专票".into();
    paper.invoice_code = "31002311".into();
    assert_eq!(
        fields_of(books.add_invoice(&paper).unwrap_err()),
        ["covers.SD-2099-999999", "invoice_code", "invoice_number"]
    );
    let mut later = form("26332000000012345671", "100.00", "11.50", &[(&first, "100")]);
    later.date = "2026-12-01".into();
    assert_eq!(fields_of(books.add_invoice(&later).unwrap_err()), ["date"]);
    assert_eq!(dump(&mut books), before);
}

#[test]
fn a_paper_invoice_is_known_by_its_code_and_number_and_its_sending_is_kept() {
    let (mut books, first, _) = shop();
    let mut paper = form("01234567", "1030.00", "30.00", &[(&first, "1030")]);
    paper.invoice_kind = "纸质普票".into();
    paper.invoice_code = "031002300111".into();
    paper.rate = "3".into();
    books.add_invoice(&paper).unwrap();
    // The same 发票号码 under another 发票代码 is another invoice.
    let mut other = paper.clone();
    other.invoice_code = "031002300112".into();
    books.add_invoice(&other).unwrap();
    let reach = ReachForm {
        invoice_number: "01234567".into(),
        channel: "express".into(),
        date: "2026-11-08".into(),
        tracking: "SF1234567890".into(),
        ..ReachForm::default()
    };
    assert_eq!(fields_of(books.invoice_reached(&reach).unwrap_err()), ["invoice_code"]);
    let reached = books.invoice_reached(&ReachForm { invoice_code: "031002300111".into(), ..reach.clone() }).unwrap();
    assert_eq!(
        (reached.reached[0].channel.as_str(), reached.reached[0].tracking.as_str()),
        ("express", "SF1234567890")
    );
    let early = ReachForm { invoice_code: "031002300112".into(), date: "2026-11-01".into(), ..reach };
    assert_eq!(fields_of(books.invoice_reached(&early).unwrap_err()), ["date"]);
}

#[test]
fn invoices_their_covers_and_sendings_go_with_a_copy_of_the_books() {
    let dir = tempfile::tempdir().unwrap();
    let (mut books, first, _) = shop();
    books.add_invoice(&form("26332000000012345678", "1130.00", "130.00", &[(&first, "1130")])).unwrap();
    let reach = ReachForm {
        invoice_number: "26332000000012345678".into(),
        channel: "platform".into(),
        date: "2026-11-07".into(),
        ..ReachForm::default()
    };
    books.invoice_reached(&reach).unwrap();
    let place = place_in(dir.path());
    books.copy_to(&place).unwrap();
    let mut copy = books_at(&place, "2026-11-30", "tester");
    assert_eq!(copy.invoices(None).unwrap(), books.invoices(None).unwrap());
    assert_eq!(copy.invoicing_report(date("2026-11-30")).unwrap(), books.invoicing_report(date("2026-11-30")).unwrap());
}
