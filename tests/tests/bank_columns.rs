//! A statement no layout reads (a corporate download with headings of its own) is read by the
//! columns the user chose, and the choice is remembered for those headings: the next download
//! is read without asking, on either engine and in a copy of the books. A choice that makes no
//! statement is refused field by field, and a preview remembers nothing.

use huikuan_app::bank::StatementColumns;
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::bank::ColumnMap;
use huikuan_domain::{Money, PaymentTerms};
use huikuan_tests::{books_at, books_on, deliver, dump, place_in};

const HEADINGS: &str = "交易日期[ Transaction Date ],收款人名称[ Payee's Name ],交易金额[ Trade Amount ],\
    付款人账号[ Debit Account No. ],付款人名称[ Payer's Name ],用途[ Purpose ],交易流水号[ Transaction reference number ]";

/// A corporate download (GBK) under a preamble of two-cell rows: one line per (date, payer,
/// cents, serial); negative cents are money out.
fn corporate(lines: &[(&str, &str, i64, &str)]) -> Vec<u8> {
    let mut text = String::from("账号:,1202020209000012345\r\n账户名称:,李老板商行\r\n查询日期:,2026-06-30\r\n");
    text.push_str(HEADINGS);
    text.push_str("\r\n");
    for (date, payer, cents, serial) in lines {
        let yuan = format!("{}.{:02}", cents / 100, cents.abs() % 100);
        text.push_str(&format!("{date},李老板商行,{yuan},6222 0000 7777 8888,{payer},货款,{serial}\r\n"));
    }
    encoding_rs::GBK.encode(&text).0.into_owned()
}

fn shop() -> Books {
    let mut books = books_on("2026-06-30");
    let mut fields = CustomerFields::new("C001", "华联超市");
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
    deliver(&mut books, "C001", "2026-05-02", 1000);
    books
}

/// The user's columns: the payer is column 5 (付款人名称), not the payee of column 2.
fn chosen() -> StatementColumns {
    let columns = ColumnMap {
        date: Some(0),
        amount: Some(2),
        payer_account: Some(3),
        payer: Some(4),
        memo: vec![5],
        serial: Some(6),
        ..ColumnMap::default()
    };
    StatementColumns { heading_row: 4, columns }
}

#[test]
fn a_statement_no_layout_reads_is_read_by_the_columns_chosen_and_they_are_remembered() {
    let mut books = shop();
    let june = corporate(&[("20260603", "华联超市", 100_000, "ZJ001"), ("20260604", "房东", -300_000, "ZJ002")]);
    let before = dump(&mut books);
    assert!(matches!(books.import_statement("june.csv", &june, None, false), Err(AppError::NotAStatement(_))));

    let sheet = books.statement_sheet(&june, None).unwrap();
    assert_eq!((sheet.heading_row, sheet.remembered), (Some(4), false));
    assert_eq!(sheet.headings.len(), 7);
    assert_eq!((sheet.columns.date, sheet.columns.amount, sheet.columns.serial), (Some(0), Some(2), Some(6)));

    let preview = books.import_statement_by("june.csv", &june, &chosen(), true).unwrap();
    assert_eq!((preview.layout.as_str(), preview.new, preview.ignored), ("mapped", 1, 1));
    assert_eq!(dump(&mut books), before, "a preview writes nothing, the columns included");
    assert!(!books.statement_sheet(&june, None).unwrap().remembered);

    let done = books.import_statement_by("june.csv", &june, &chosen(), false).unwrap();
    assert_eq!((done.new, done.known), (1, 0));
    let line = &books.bank_lines(Some("open")).unwrap()[0];
    assert_eq!(
        (line.payer.as_str(), line.payer_account.as_str(), line.serial.as_str()),
        ("华联超市", "6222000077778888", "ZJ001")
    );
    assert_eq!(line.suggestion.as_ref().map(|s| s.customer_code.as_str()), Some("C001"));

    // July's download: the same headings, read as chosen in June, here and in a copy.
    let july = corporate(&[("20260703", "华联超市", 5_000, "ZJ003"), ("20260603", "华联超市", 100_000, "ZJ001")]);
    let sheet = books.statement_sheet(&july, None).unwrap();
    assert!(sheet.remembered && sheet.columns == chosen().columns, "{sheet:?}");
    let dir = tempfile::tempdir().unwrap();
    let place = place_in(dir.path());
    books.copy_to(&place).unwrap();
    let done = books.import_statement("july.csv", &july, None, false).unwrap();
    assert_eq!((done.layout.as_str(), done.new, done.known), ("mapped", 1, 1));
    let mut copy = books_at(&place, "2026-07-31", "tester");
    assert_eq!(copy.import_statement("july.csv", &july, None, true).unwrap().new, 1);
}

#[test]
fn columns_that_make_no_statement_are_refused_by_field_and_nothing_is_written() {
    let mut books = shop();
    let june = corporate(&[("20260603", "华联超市", 100_000, "ZJ001")]);
    let before = dump(&mut books);
    let mut bad = chosen();
    bad.columns.date = None;
    bad.columns.payer = Some(2);
    let Err(AppError::Fields(refusals)) = books.import_statement_by("june.csv", &june, &bad, false) else {
        panic!("refused")
    };
    let fields: Vec<&str> = refusals.iter().filter_map(|r| r.field.as_deref()).collect();
    assert_eq!(fields, ["columns.date", "columns.payer"]);
    let past = StatementColumns { heading_row: 99, columns: chosen().columns };
    let Err(AppError::Fields(refusals)) = books.import_statement_by("june.csv", &june, &past, false) else {
        panic!("refused")
    };
    assert_eq!(refusals[0].field.as_deref(), Some("columns.heading_row"));
    let mut wrong_amount = chosen();
    wrong_amount.columns.amount = Some(4);
    wrong_amount.columns.payer = Some(1);
    match books.import_statement_by("june.csv", &june, &wrong_amount, false) {
        Err(AppError::ImportRejected(rows)) => assert_eq!(rows[0].line, 5, "{rows:?}"),
        other => panic!("a name read as an amount refuses the row: {other:?}"),
    }
    assert_eq!(dump(&mut books), before);
}
