//! Files from a real office, made by other writers than ours (openpyxl, xlwt, odfpy, and the
//! bytes Excel writes on a Chinese Windows: GBK, UTF-16 "Unicode text", UTF-8 with BOM), imported
//! through the import screen's path: the encoding and worksheet named, the heading found below
//! titles, 合计 rows left out and listed, and every problem named by its row in the file.
//! The files and the script that made them: tests/fixtures/office.

use base64::Engine;
use huikuan_app::sheets::{ImportForm, ImportKind, ImportPreview};
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::{CustomerKind, Money};
use huikuan_tests::{books_on, date, dump};

const OFFICE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/office");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{OFFICE}/{name}")).unwrap()
}

fn form(kind: ImportKind, name: &str, sheet: Option<&str>) -> ImportForm {
    ImportForm {
        kind,
        file_name: name.into(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(fixture(name)),
        mapping: None,
        override_reason: None,
        sheet: sheet.map(str::to_string),
    }
}

/// Previews then imports `name`; the preview must promise what the import then writes.
fn import(books: &mut Books, kind: ImportKind, name: &str) -> ImportPreview {
    let preview = books.import_preview(&form(kind, name, None)).unwrap();
    assert!(preview.unmapped.is_empty() && preview.bad_rows.is_empty(), "{name}: {preview:#?}");
    let summary = books.import_file(&form(kind, name, None)).unwrap();
    assert_eq!(Some(summary.created as u32), preview.would_create, "{name}");
    assert_eq!(summary.skipped, preview.skipped, "{name}");
    preview
}

/// A fresh book holding the office's customers, from the GBK list.
fn with_customers() -> Books {
    let mut books = books_on("2026-06-30");
    import(&mut books, ImportKind::Customers, "customers_gbk.csv");
    books
}

fn profiles(books: &mut Books) -> Vec<CustomerFields> {
    let codes: Vec<String> = books.list_customers("").unwrap().into_iter().map(|c| c.code).collect();
    codes.iter().map(|c| books.customer(c).unwrap().customer.fields).collect()
}

fn balance(books: &mut Books, code: &str) -> Money {
    books.customer(code).unwrap().balance
}

fn money(text: &str) -> Money {
    text.parse().unwrap()
}

#[test]
fn a_customer_list_saved_by_chinese_excel_is_read_as_gbk_and_imported() {
    let mut books = books_on("2026-06-30");
    let preview = import(&mut books, ImportKind::Customers, "customers_gbk.csv");
    assert_eq!((preview.format.as_str(), preview.encoding.as_deref()), ("csv", Some("GBK")));
    assert_eq!((preview.heading_row, preview.rows, preview.sheet.clone()), (1, 3, None));
    assert_eq!(preview.columns[..2], ["客户编号", "客户名称"]);
    let c001 = books.customer("C001").unwrap().customer.fields;
    assert_eq!((c001.name.as_str(), c001.kind), ("华联超市", CustomerKind::Chain));
    let eom_30: huikuan_domain::PaymentTerms = "eom:30".parse().unwrap();
    assert_eq!((c001.payment_terms, c001.credit_limit), (eom_30, money("50000")));
    assert_eq!(books.customer("C003").unwrap().customer.fields.address, "杭州市余杭区, 良渚街道");
}

#[test]
fn unicode_text_and_an_ods_sheet_with_notes_above_the_heading_give_the_same_customers() {
    let mut from_gbk = with_customers();
    let expected = profiles(&mut from_gbk);

    let mut books = books_on("2026-06-30");
    let utf16 = import(&mut books, ImportKind::Customers, "customers_utf16.txt");
    assert_eq!((utf16.encoding.as_deref(), utf16.heading_row), (Some("UTF-16LE"), 3));
    assert_eq!(profiles(&mut books), expected);

    let mut books = books_on("2026-06-30");
    let ods = import(&mut books, ImportKind::Customers, "customers.ods");
    assert_eq!((ods.format.as_str(), ods.encoding.clone()), ("ods", None));
    assert_eq!(
        (ods.sheet.as_deref(), ods.sheets.clone(), ods.heading_row),
        (Some("客户"), vec!["客户".to_string()], 2)
    );
    assert_eq!(profiles(&mut books), expected);
}

#[test]
fn opening_balances_in_xlsx_under_a_merged_title_leave_out_and_list_the_total_row() {
    let mut books = with_customers();
    let preview = import(&mut books, ImportKind::OpeningBalances, "opening_balances.xlsx");
    assert_eq!((preview.format.as_str(), preview.sheet.as_deref(), preview.heading_row), ("xlsx", Some("期初余额"), 4));
    assert_eq!((preview.rows, preview.would_create), (3, Some(3)));
    let skipped: Vec<u64> = preview.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [8]);
    assert!(preview.skipped[0].reason.contains("total") && preview.skipped[0].reason_zh.contains("合计"));
    // Typed cells: 12345.5 formatted #,##0.00, dates formatted yyyy/m/d, 0.3 without noise.
    assert_eq!(
        ["C001", "C002", "C003"].map(|c| balance(&mut books, c)),
        [money("12345.50"), money("800"), money("0.30")]
    );
    let item = &books.open_items("C001").unwrap()[0].receivable;
    assert_eq!((item.doc_date, item.due_date), (date("2023-12-31"), date("2024-01-31")));

    // The same balances typed into a semicolon-separated CSV read the same.
    let mut other = with_customers();
    let semi = import(&mut other, ImportKind::OpeningBalances, "balances_semicolon.csv");
    assert_eq!((semi.encoding.as_deref(), semi.skipped.len()), (Some("UTF-8"), 0));
    for code in ["C001", "C002", "C003"] {
        assert_eq!(balance(&mut other, code), balance(&mut books, code), "{code}");
    }
}

#[test]
fn deliveries_from_an_xls_workbook_keep_their_own_note_numbers() {
    let mut books = with_customers();
    let preview = import(&mut books, ImportKind::Deliveries, "deliveries.xls");
    assert_eq!((preview.format.as_str(), preview.sheet.as_deref(), preview.heading_row), ("xls", Some("送货明细"), 3));
    assert_eq!(preview.sheets, ["Sheet1", "送货明细"], "the empty first sheet is passed over");
    assert_eq!(preview.would_create, Some(3));
    let mut notes: Vec<(String, Money, chrono::NaiveDate)> = ["C001", "C002", "C003"]
        .iter()
        .flat_map(|c| books.open_items(c).unwrap())
        .map(|i| (i.receivable.number, i.receivable.amount, i.receivable.doc_date))
        .collect();
    notes.sort();
    assert_eq!(
        notes,
        [
            ("2024-001".to_string(), money("700"), date("2024-03-01")),
            ("No.0012345".to_string(), money("120"), date("2024-02-10")),
            ("ZC-001".to_string(), money("165"), date("2024-01-05")),
        ]
    );
}

#[test]
fn a_worksheet_is_chosen_by_name_and_an_unknown_or_empty_one_is_refused() {
    let mut books = with_customers();
    let chosen = books.import_preview(&form(ImportKind::Deliveries, "deliveries.xls", Some("送货明细"))).unwrap();
    assert_eq!(chosen.would_create, Some(3));
    let unknown = books.import_preview(&form(ImportKind::Deliveries, "deliveries.xls", Some("Sheet9"))).unwrap_err();
    assert!(unknown.to_string().contains("bad row"), "{unknown}");
    let AppError::ImportRejected(rows) = unknown else { panic!() };
    assert!(rows[0].reason.contains("Sheet1, 送货明细") && rows[0].reason_zh.contains("Sheet9"), "{rows:?}");
    let empty = books.import_preview(&form(ImportKind::Deliveries, "deliveries.xls", Some("Sheet1"))).unwrap_err();
    assert!(matches!(empty, AppError::ImportRejected(ref r) if r[0].reason.contains("empty")), "{empty:?}");
}

#[test]
fn a_bad_row_in_an_xls_is_named_by_its_sheet_row_and_nothing_is_written() {
    let mut books = with_customers();
    let before = dump(&mut books);
    let preview = books.import_preview(&form(ImportKind::Deliveries, "deliveries_bad_date.xls", None)).unwrap();
    let lines: Vec<u64> = preview.bad_rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [5], "{:?}", preview.bad_rows);
    assert!(preview.bad_rows[0].problems_zh.iter().any(|p| p.contains("日期")), "{:?}", preview.bad_rows);
    assert_eq!(preview.would_create, None);
    let refused = books.import_file(&form(ImportKind::Deliveries, "deliveries_bad_date.xls", None)).unwrap_err();
    assert!(matches!(refused, AppError::ImportRejected(ref r) if r.iter().all(|e| e.line == 5)), "{refused:?}");
    assert_eq!(dump(&mut books), before, "all rows or none");
}

#[test]
fn payments_in_utf8_with_bom_read_typed_dates_and_yuan_amounts_and_skip_the_total() {
    let mut books = with_customers();
    import(&mut books, ImportKind::OpeningBalances, "opening_balances.xlsx");
    let preview = import(&mut books, ImportKind::Payments, "payments_bom.csv");
    assert_eq!((preview.encoding.as_deref(), preview.heading_row, preview.rows), (Some("UTF-8 (BOM)"), 1, 3));
    let skipped: Vec<u64> = preview.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [5]);
    assert_eq!(
        ["C001", "C002", "C003"].map(|c| balance(&mut books, c)),
        [money("11111.00"), money("500"), money("-999.70")]
    );
}

/// The files damaged below. Not the .xls ones: calamine's .xls reader allocates a sheet as
/// large as its damaged cell records claim (tens of GB) and the allocation aborts the process,
/// which no refusal can catch; it needs a size check before calamine reads the sheet.
const FIXTURES: [&str; 6] = [
    "customers_gbk.csv",
    "customers_utf16.txt",
    "customers.ods",
    "opening_balances.xlsx",
    "payments_bom.csv",
    "balances_semicolon.csv",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Damaged office files (bytes changed, the file cut short) are read or refused, never a
    /// panic, and every row named is a row of the file.
    #[test]
    fn a_damaged_office_file_is_read_or_refused_naming_only_its_own_rows(
        which in 0..FIXTURES.len(),
        kind in 0..4usize,
        changes in proptest::collection::vec((proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<u8>()), 0..6),
        cut in proptest::prelude::any::<proptest::sample::Index>(),
    ) {
        let mut bytes = fixture(FIXTURES[which]);
        for (at, byte) in changes {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        if bytes.len() > 8 && cut.index(4) == 0 {
            bytes.truncate(cut.index(bytes.len()));
        }
        let kind = [ImportKind::Customers, ImportKind::OpeningBalances, ImportKind::Deliveries, ImportKind::Payments][kind];
        let workbook = bytes.starts_with(b"PK") || bytes.starts_with(b"\xD0\xCF");
        let rows = if workbook { u64::from(u32::MAX) + 1 } else { bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() as u64 + 1 };
        match huikuan_app::sheets::read_table(&bytes, kind, None) {
            Ok(table) => {
                proptest::prop_assert!((1..=rows).contains(&table.heading_row));
                for line in table.row_of_line.iter().chain(table.skipped.iter().map(|s| &s.line)) {
                    proptest::prop_assert!((1..=rows).contains(line), "row {line} of {rows}");
                }
            }
            Err(AppError::ImportRejected(refused)) => {
                for r in refused {
                    proptest::prop_assert!((1..=rows).contains(&r.line), "row {} of {rows}", r.line);
                }
            }
            Err(other) => proptest::prop_assert!(false, "{other:?}"),
        }
    }
}
