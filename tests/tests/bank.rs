//! Money in from the bank: statements imported once per line, suggestions with their reasons,
//! payers learned from what the user confirms, and nothing recorded until a line is accepted.
//! On both engines (HUIKUAN_TEST_ENGINE=postgres for the server).

use huikuan_app::bank::BankLineView;
use huikuan_app::ledger::ManualAllocation;
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::{Money, PaymentTerms};
use huikuan_tests::{books_at, books_on, deliver, dump, place_in};

const ICBC_HEADING: &str =
    "交易日期,摘要,交易详情,交易场所,交易金额(收入),交易金额(支出),记账金额(收入/支出),余额,对方户名,对方账户";

/// An ICBC personal download as the bank writes it: GBK, a preamble, padded cells.
fn icbc(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("账号：6222 0000 1111 2222\r\n户名：李老板\r\n起止日期：2026-06-01 至 2026-06-30\r\n");
    text.push_str(ICBC_HEADING);
    text.push_str("\r\n");
    for row in rows {
        text.push_str(row);
        text.push_str("\r\n");
    }
    text.push_str("合计,,,,,,,,,\r\n");
    encoding_rs::GBK.encode(&text).0.into_owned()
}

fn customer(books: &mut Books, code: &str, name: &str) {
    let mut fields = CustomerFields::new(code, name);
    fields.payment_terms = PaymentTerms::Net(30);
    fields.credit_limit = Money::from_cents(100_000_000);
    books.create_customer(fields, Vec::new()).unwrap();
}

/// A shop with two customers, each owing two deliveries.
fn shop() -> Books {
    let mut books = books_on("2026-06-30");
    customer(&mut books, "C001", "华联超市");
    customer(&mut books, "C002", "建国五金");
    for code in ["C001", "C002"] {
        deliver(&mut books, code, "2026-05-02", 1000);
        deliver(&mut books, code, "2026-05-20", 2500);
    }
    books
}

fn open_lines(books: &mut Books) -> Vec<BankLineView> {
    books.bank_lines(Some("open")).unwrap()
}

fn line_of<'a>(lines: &'a [BankLineView], payer: &str) -> &'a BankLineView {
    lines.iter().find(|l| l.payer == payer).unwrap_or_else(|| panic!("no line from {payer}"))
}

#[test]
fn a_statement_imported_twice_or_overlapping_keeps_each_line_once() {
    let mut books = shop();
    let first = icbc(&[
        "2026-06-03,转账,货款,网银,\t2500.00 ,,\"2,500.00\",9000.00,华联超市,6222000033334444",
        "2026-06-04,转账,房租,网银,,3000.00,-3000.00,6000.00,房东,6222000055556666",
        "2026-06-05,转账,货款,网银,500.00,,500.00,6500.00,王建国,6222000077778888",
    ]);
    let done = books.import_statement("june.csv", &first, None, false).unwrap();
    assert_eq!((done.layout.as_str(), done.new, done.known), ("icbc", 2, 0));
    assert!(done.ignored >= 1, "the outgoing line is left out: {:?}", done.skipped);
    let again = books.import_statement("june.csv", &first, None, false).unwrap();
    assert_eq!((again.new, again.known), (0, 2));
    let overlapping = icbc(&[
        "2026-06-05,转账,货款,网银,500.00,,500.00,6500.00,王建国,6222000077778888",
        "2026-06-06,转账,货款,网银,500.00,,500.00,7000.00,王建国,6222000077778888",
    ]);
    let done = books.import_statement("june-late.csv", &overlapping, None, false).unwrap();
    assert_eq!((done.new, done.known), (1, 1));
    assert_eq!(books.bank_lines(None).unwrap().len(), 3);
}

#[test]
fn two_equal_transfers_on_one_day_are_two_lines() {
    let mut books = shop();
    let row = "2026-06-05,转账,货款,网银,500.00,,500.00,6500.00,王建国,6222000077778888";
    let done = books.import_statement("twice.csv", &icbc(&[row, row]), None, false).unwrap();
    assert_eq!(done.new, 2);
    let again = books.import_statement("twice.csv", &icbc(&[row, row]), None, false).unwrap();
    assert_eq!((again.new, again.known), (0, 2));
}

#[test]
fn a_preview_counts_and_writes_nothing() {
    let mut books = shop();
    let before = dump(&mut books);
    let file = icbc(&["2026-06-03,转账,货款,网银,2500.00,,2500.00,9000.00,华联超市,6222000033334444"]);
    let done = books.import_statement("june.csv", &file, None, true).unwrap();
    assert_eq!((done.new, done.preview), (1, true));
    assert_eq!(dump(&mut books), before);
}

#[test]
fn the_customers_name_and_an_exact_amount_is_suggested_high_and_accepting_records_the_payment() {
    let mut books = shop();
    let file = icbc(&["2026-06-03,转账,货款,网银,2500.00,,2500.00,9000.00,华联超市,6222000033334444"]);
    books.import_statement("june.csv", &file, None, false).unwrap();
    let lines = open_lines(&mut books);
    let suggestion = line_of(&lines, "华联超市").suggestion.clone().expect("a suggestion");
    assert_eq!((suggestion.customer_code.as_str(), suggestion.confidence.as_str()), ("C001", "high"));
    assert!(suggestion.reasons.iter().any(|r| r.contains("customer's name")), "{:?}", suggestion.reasons);
    assert!(suggestion.reasons_zh.iter().any(|r| r.contains("客户名称")), "{:?}", suggestion.reasons_zh);
    let second = books.open_items("C001").unwrap()[1].receivable.number.clone();
    assert_eq!(suggestion.allocations.len(), 1);
    assert_eq!(
        (suggestion.allocations[0].number.as_str(), suggestion.allocations[0].amount.cents()),
        (second.as_str(), 250_000)
    );

    let receipt = books.accept_bank_line(lines[0].id, None, None).unwrap();
    assert_eq!(receipt.entry.amount.cents(), 250_000);
    assert_eq!(receipt.entry.method.map(|m| m.to_string()).as_deref(), Some("bank"));
    let open: Vec<String> = books.open_items("C001").unwrap().into_iter().map(|o| o.receivable.number).collect();
    assert!(!open.contains(&second), "the delivery the amount fitted is paid: {open:?}");
    assert!(open_lines(&mut books).is_empty());
    let accepted = books.bank_lines(Some("accepted")).unwrap();
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].payment.as_deref(), Some(receipt.entry.number.as_str()), "the line names its payment");
    assert!(books.accept_bank_line(lines[0].id, None, None).is_err(), "a line is recorded once");
}

#[test]
fn a_payer_confirmed_once_is_suggested_for_the_next_line() {
    let mut books = shop();
    let file = icbc(&["2026-06-05,转账,货款,网银,1000.00,,1000.00,6500.00,王建国,6222000077778888"]);
    books.import_statement("june.csv", &file, None, false).unwrap();
    let lines = open_lines(&mut books);
    assert_eq!(lines[0].suggestion, None, "nobody is called 王建国 and the memo names nothing");
    assert!(matches!(books.accept_bank_line(lines[0].id, None, None), Err(AppError::Rule(_))));
    books.accept_bank_line(lines[0].id, Some("C002"), None).unwrap();

    let later = icbc(&["2026-06-20,转账,货款,网银,2500.00,,2500.00,6500.00,王建国,6222000077778888"]);
    books.import_statement("june-late.csv", &later, None, false).unwrap();
    let suggestion = open_lines(&mut books)[0].suggestion.clone().expect("learned");
    assert_eq!((suggestion.customer_code.as_str(), suggestion.confidence.as_str()), ("C002", "high"));
    assert!(suggestion.reasons.iter().any(|r| r.contains("paid for this customer before")), "{:?}", suggestion.reasons);
    // From the same account under another name (his wife's transfer): still C002.
    let wife = icbc(&["2026-06-21,转账,,网银,123.00,,123.00,6500.00,刘芳,6222000077778888"]);
    books.import_statement("june-wife.csv", &wife, None, false).unwrap();
    let lines = open_lines(&mut books);
    assert_eq!(line_of(&lines, "刘芳").suggestion.as_ref().map(|s| s.customer_code.as_str()), Some("C002"));
}

#[test]
fn a_line_without_a_clue_is_never_suggested_with_high_confidence() {
    let mut books = shop();
    let rows = [
        "2026-06-03,转账,货款,网银,2500.00,,2500.00,1.00,张三,6222000011110000",
        "2026-06-03,转账,,网银,1000.00,,1000.00,1.00,,",
        "2026-06-04,转账,5月货款,网银,3500.00,,3500.00,1.00,李四商行,",
        "2026-06-04,转账,C,网银,7000.00,,7000.00,1.00,华联,",
    ];
    books.import_statement("june.csv", &icbc(&rows), None, false).unwrap();
    for line in open_lines(&mut books) {
        let confidence = line.suggestion.as_ref().map(|s| s.confidence.clone());
        assert!(confidence.as_deref() != Some("high"), "{} {}: {confidence:?}", line.payer, line.memo);
        assert_eq!(line.suggestion, None, "no clue, no suggestion: {} {}", line.payer, line.memo);
    }
}

#[test]
fn a_document_number_in_the_memo_names_customer_and_receivable() {
    let mut books = shop();
    let number = books.open_items("C002").unwrap()[0].receivable.number.clone();
    let row = format!("2026-06-03,转账,付{number}货款,网银,1000.00,,1000.00,1.00,某某贸易,");
    books.import_statement("june.csv", &icbc(&[&row]), None, false).unwrap();
    let s = open_lines(&mut books)[0].suggestion.clone().expect("named by its document");
    assert_eq!((s.customer_code.as_str(), s.confidence.as_str()), ("C002", "high"));
    assert_eq!(s.allocations[0].number, number);
}

#[test]
fn ignoring_needs_a_reason_and_a_decided_line_stays_decided() {
    let mut books = shop();
    let file = icbc(&["2026-06-03,利息,结息,网银,1.23,,1.23,1.00,,"]);
    books.import_statement("june.csv", &file, None, false).unwrap();
    let id = open_lines(&mut books)[0].id;
    let before = dump(&mut books);
    assert!(books.ignore_bank_line(id, "  ").is_err());
    assert_eq!(dump(&mut books), before, "a refusal writes nothing");
    books.ignore_bank_line(id, "银行结息").unwrap();
    let ignored = books.bank_lines(Some("ignored")).unwrap();
    assert_eq!((ignored.len(), ignored[0].reason.as_str()), (1, "银行结息"));
    assert!(books.accept_bank_line(id, Some("C001"), None).is_err());
    assert!(books.ignore_bank_line(id, "again").is_err());
}

#[test]
fn an_allocation_beyond_the_line_or_the_receivable_is_refused_and_nothing_is_written() {
    let mut books = shop();
    let file = icbc(&["2026-06-03,转账,货款,网银,1000.00,,1000.00,1.00,华联超市,"]);
    books.import_statement("june.csv", &file, None, false).unwrap();
    let id = open_lines(&mut books)[0].id;
    let number = books.open_items("C001").unwrap()[0].receivable.number.clone();
    let before = dump(&mut books);
    let too_much = vec![ManualAllocation { receivable: number.clone(), amount: Money::from_cents(150_000) }];
    assert!(books.accept_bank_line(id, None, Some(too_much)).is_err());
    assert_eq!(dump(&mut books), before);
    assert!(books.accept_bank_line(id, Some("C999"), None).is_err(), "an unknown customer");
    assert_eq!(dump(&mut books), before);
}

#[test]
fn a_file_that_is_not_a_statement_is_refused_and_nothing_is_written() {
    let mut books = shop();
    let before = dump(&mut books);
    let customers = "客户编号,客户名称,电话\r\nC009,新客户,123\r\n".as_bytes();
    match books.import_statement("customers.csv", customers, None, false) {
        Err(AppError::NotAStatement(row)) => assert!(row.reason.contains("not a bank"), "{row:?}"),
        other => panic!("{other:?}"),
    }
    let bad_date = icbc(&["2026-13-03,转账,货款,网银,1000.00,,1000.00,1.00,华联超市,"]);
    match books.import_statement("bad.csv", &bad_date, None, false) {
        Err(AppError::ImportRejected(rows)) => assert_eq!(rows[0].line, 5, "the row in the file: {rows:?}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(dump(&mut books), before);
}

#[test]
fn statement_lines_decisions_and_learned_payers_go_with_a_copy_of_the_books() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = shop();
    let rows = [
        "2026-06-05,转账,货款,网银,1000.00,,1000.00,6500.00,王建国,6222000077778888",
        "2026-06-06,利息,结息,网银,1.23,,1.23,1.00,,",
    ];
    books.import_statement("june.csv", &icbc(&rows), None, false).unwrap();
    let lines = open_lines(&mut books);
    books.accept_bank_line(line_of(&lines, "王建国").id, Some("C002"), None).unwrap();
    books.ignore_bank_line(line_of(&lines, "").id, "银行结息").unwrap();
    let place = place_in(dir.path());
    books.copy_to(&place).unwrap();
    let mut copy = books_at(&place, "2026-06-30", "tester");
    let statuses: Vec<String> = copy.bank_lines(None).unwrap().into_iter().map(|l| l.status).collect();
    assert_eq!(statuses, ["accepted", "ignored"]);
    let later = icbc(&["2026-06-20,转账,货款,网银,2500.00,,2500.00,6500.00,王建国,6222000077778888"]);
    assert_eq!(copy.import_statement("later.csv", &later, None, false).unwrap().new, 1);
    let suggestion = open_lines(&mut copy)[0].suggestion.clone().expect("the learned payer came along");
    assert_eq!(suggestion.customer_code, "C002");
}
