//! An invoice list from the tax platform imported: matched to customers by tax id, then by
//! name; to deliveries by one of exactly the amount, a month's, or all that is left; anything
//! doubtful listed for review and not recorded; void and red-letter rows left out; the same
//! list again records nothing twice; a preview writes nothing. On both engines.

use huikuan_app::{Books, CustomerFields};
use huikuan_domain::{Money, PaymentTerms};
use huikuan_tests::{books_on, deliver, dump};

fn customer(books: &mut Books, code: &str, name: &str, tax_id: &str) {
    let mut fields = CustomerFields::new(code, name);
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    fields.tax_id = tax_id.into();
    books.create_customer(fields, Vec::new()).unwrap();
}

/// C001 (by tax id) took 1,130 and 2,260 in October and 565 in November; C002 (by name) 1,000.
fn shop() -> Books {
    let mut books = books_on("2026-11-30");
    customer(&mut books, "C001", "华联超市有限公司", "91330106MA2KXXXX1Q");
    customer(&mut books, "C002", "建国五金（城东店）", "");
    deliver(&mut books, "C001", "2026-10-03", 1130);
    deliver(&mut books, "C001", "2026-10-20", 2260);
    deliver(&mut books, "C001", "2026-11-02", 565);
    deliver(&mut books, "C002", "2026-11-03", 1000);
    books
}

/// The platform's export as GBK CSV: a title row, the heading, the rows, a total.
fn export(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("发票基础信息,,,,,,,,,,,\r\n序号,发票代码,发票号码,数电票号码,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票状态,发票票种\r\n");
    for row in rows {
        text.push_str(row);
        text.push_str("\r\n");
    }
    text.push_str("合计,,,,,,,,,,,\r\n");
    encoding_rs::GBK.encode(&text).0.into_owned()
}

fn list() -> Vec<u8> {
    export(&[
        // A month's deliveries, by tax id.
        "1,,,26332000000000000001,91330106ma2kxxxx1q,华联超市,2026-11-03,3000.00,390.00,3390.00,正常,数电票（增值税专用发票）",
        // One delivery of exactly the amount, by name (its brackets as the platform writes them).
        "2,,,26332000000000000002,,建国五金(城东店),2026-11-05,884.96,115.04,1000.00,正常,数电票（普通发票）",
        // Nothing comes to it: for review.
        "3,,,26332000000000000003,91330106MA2KXXXX1Q,华联超市,2026-11-06,100.00,13.00,113.00,正常,数电票（增值税专用发票）",
        // No such customer: for review.
        "4,,,26332000000000000004,91330100XXXXXXXX9Z,某某公司,2026-11-06,100.00,13.00,113.00,正常,数电票（普通发票）",
        // Void, and red-letter: left out.
        "5,,,26332000000000000005,91330106MA2KXXXX1Q,华联超市,2026-11-07,500.00,65.00,565.00,已作废,数电票（增值税专用发票）",
        "6,,,26332000000000000006,91330106MA2KXXXX1Q,华联超市,2026-11-08,-500.00,-65.00,-565.00,正常,数电票（增值税专用发票）",
    ])
}

#[test]
fn an_invoice_list_is_matched_to_customers_and_deliveries_and_the_doubtful_are_left_for_review() {
    let mut books = shop();
    let before = dump(&mut books);
    let preview = books.import_invoices(&list(), true).unwrap();
    assert_eq!((preview.new, preview.known, preview.review.len(), preview.skipped.len()), (2, 0, 2, 3));
    assert_eq!(dump(&mut books), before, "a preview writes nothing");

    let done = books.import_invoices(&list(), false).unwrap();
    assert_eq!((done.new, done.known), (2, 0));
    let reviewed: Vec<(u64, Option<&str>)> = done.review.iter().map(|r| (r.line, r.customer_code.as_deref())).collect();
    assert_eq!(reviewed, [(5, Some("C001")), (6, None)]);
    assert!(done.review[1].reason_zh.contains("91330100XXXXXXXX9Z"), "{:?}", done.review[1]);
    let skipped: Vec<u64> = done.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [7, 8, 9], "void, red-letter, the total");

    let c001 = books.invoices(Some("C001")).unwrap();
    assert_eq!(c001.len(), 1);
    assert_eq!((c001[0].kind.as_str(), c001[0].rate.as_str()), ("digital_special", "13"));
    let covered: Vec<(&str, Money)> = c001[0].covers.iter().map(|c| (c.number.as_str(), c.amount)).collect();
    assert_eq!(
        covered,
        [("SD-2026-000001", Money::from_cents(113_000)), ("SD-2026-000002", Money::from_cents(226_000))]
    );
    let c002 = books.invoices(Some("C002")).unwrap();
    assert_eq!((c002[0].kind.as_str(), c002[0].covers[0].number.as_str()), ("digital_normal", "SD-2026-000004"));

    let again = books.import_invoices(&list(), false).unwrap();
    assert_eq!((again.new, again.known, again.review.len()), (0, 2, 2));
}

#[test]
fn a_file_that_is_no_invoice_list_is_refused_and_nothing_is_written() {
    let mut books = shop();
    let before = dump(&mut books);
    let error = books.import_invoices("客户编号,客户名称\r\nC009,新客户\r\n".as_bytes(), false).unwrap_err();
    assert!(error.to_string().contains("bad row") || error.code() == "import_rejected", "{error:?}");
    let bad = export(&["1,,,26332000000000000001,,华联超市,2026-11-31,3000.00,390.00,3390.00,正常,"]);
    let huikuan_app::AppError::ImportRejected(rows) = books.import_invoices(&bad, false).unwrap_err() else { panic!() };
    assert_eq!((rows[0].line, rows[0].reason_zh.as_str()), (3, "第3行，开票日期：“2026-11-31”不是日期"));
    assert_eq!(dump(&mut books), before);
}

#[test]
fn a_list_with_headings_of_its_own_is_read_by_the_columns_chosen_and_they_are_remembered() {
    use huikuan_domain::invoice::InvoiceColumns;
    let mut books = shop();
    let own = |number: &str, date: &str, amount: &str| {
        let text = format!("票号,客户税号,开票日,合计金额,税金\r\n{number},91330106MA2KXXXX1Q,{date},{amount},0\r\n");
        encoding_rs::GBK.encode(&text).0.into_owned()
    };
    let october = own("26332000000000000011", "2026-11-03", "3390.00");
    assert!(books.import_invoices(&october, false).is_err(), "not the platform's headings");
    let columns = InvoiceColumns {
        number: Some(0),
        tax_id: Some(1),
        date: Some(2),
        total: Some(3),
        tax: Some(4),
        ..InvoiceColumns::default()
    };
    let before = dump(&mut books);
    assert_eq!(books.import_invoices_by(&october, 1, &columns, true).unwrap().new, 1);
    assert_eq!(dump(&mut books), before, "a preview remembers nothing");
    assert!(books.import_invoices(&october, true).is_err());
    assert_eq!(books.import_invoices_by(&october, 1, &columns, false).unwrap().new, 1);
    let november = own("26332000000000000012", "2026-11-20", "565.00");
    assert_eq!(books.import_invoices(&november, false).unwrap().new, 1, "read by the columns remembered");
    let bad = InvoiceColumns { number: Some(0), ..InvoiceColumns::default() };
    let huikuan_app::AppError::ImportRejected(rows) = books.import_invoices_by(&november, 1, &bad, false).unwrap_err()
    else {
        panic!()
    };
    assert!(rows.iter().any(|r| r.reason.starts_with("date:")), "{rows:?}");
}
