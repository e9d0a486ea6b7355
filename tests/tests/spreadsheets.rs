//! Spreadsheets in and out: an exported list imports back as the same data, formula-like
//! text never becomes a formula, a preview writes nothing, a mapping is remembered for its
//! layout, and problems in a workbook are named by the row the user sees.

use base64::Engine;
use huikuan_app::reports::ReportRequest;
use huikuan_app::sheets::{sheet_csv, sheet_xlsx, ColumnChoice, ImportForm, ImportKind, Mapping, SheetFormat};
use huikuan_app::{AppError, Books, CustomerFields};
use huikuan_domain::{CustomerKind, DocLanguage, Money};
use huikuan_tests::{books_on, dump};

const FORMULA_NAMES: [&str; 4] = ["=1+2", "+86 138 0000", "@SUM(A1:A9)", "=cmd|' /C calc'!A0"];

fn with_customers() -> Books {
    let mut books = books_on("2026-11-30");
    let mut names: Vec<String> = FORMULA_NAMES.iter().map(|s| s.to_string()).collect();
    names.push("杭州\"明远\"建材, 有限公司".into());
    for (i, name) in names.iter().enumerate() {
        let mut fields = CustomerFields::new(&format!("K{i:03}"), name);
        fields.kind = [CustomerKind::Shop, CustomerKind::Enterprise, CustomerKind::Other][i % 3];
        fields.payment_terms = ["net:30", "eom:15", "cod"][i % 3].parse().unwrap();
        fields.credit_limit = Money::from_cents(1_234_500 * i as i64 + 1);
        fields.phone = format!("-{i}38 0571 8888");
        fields.address = format!("西湖区文三路 {i} 号\n3 楼");
        fields.salesperson = if i % 2 == 0 { "王建国".into() } else { String::new() };
        books.create_customer(fields, vec![]).unwrap();
    }
    books
}

fn form(kind: ImportKind, name: &str, bytes: &[u8], mapping: Option<Mapping>) -> ImportForm {
    ImportForm {
        kind,
        file_name: name.into(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        mapping,
        override_reason: None,
        sheet: None,
    }
}

fn profiles(books: &mut Books) -> Vec<CustomerFields> {
    let mut out: Vec<CustomerFields> =
        books.list_customers("").unwrap().iter().map(|c| books.customer(&c.code).unwrap().customer.fields).collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

#[test]
fn customers_exported_to_xlsx_import_into_new_books_as_the_same_customers() {
    let mut source = with_customers();
    for language in [DocLanguage::Zh, DocLanguage::En] {
        let (_, xlsx) = source.export_report(&ReportRequest::Customers, SheetFormat::Xlsx, language).unwrap();
        assert!(xlsx.starts_with(b"PK\x03\x04"));
        let mut target = books_on("2026-11-30");
        let preview = target.import_preview(&form(ImportKind::Customers, "customers.xlsx", &xlsx, None)).unwrap();
        assert_eq!((preview.format.as_str(), preview.rows, preview.would_create), ("xlsx", 5, Some(5)), "{preview:?}");
        assert!(preview.unmapped.is_empty(), "our own headings are recognised: {:?}", preview.mapping);
        let summary = target.import_file(&form(ImportKind::Customers, "customers.xlsx", &xlsx, None)).unwrap();
        assert_eq!(summary.created, 5);
        assert_eq!(profiles(&mut target), profiles(&mut source), "{language:?}");
    }
}

#[test]
fn formula_like_text_is_escaped_in_csv_and_stays_text_in_xlsx() {
    let mut books = with_customers();
    let sheet = books.report_sheet(&ReportRequest::Customers, DocLanguage::Zh).unwrap();
    let csv = String::from_utf8(sheet_csv(&sheet)).unwrap();
    for name in FORMULA_NAMES {
        assert!(csv.contains(&format!("'{name}")), "{name} escaped in\n{csv}");
    }
    assert!(csv.contains("'-038 0571 8888"), "a phone starting with - is text, escaped");
    assert!(csv.contains(",12345.01,"), "amounts stay plain numbers: {csv}");
    let xlsx = sheet_xlsx(&sheet).unwrap();
    let text = unzip(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(!text.contains("<f>"), "no cell of the workbook is a formula");
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("=1+2") && strings.contains("@SUM(A1:A9)"), "kept as the text it is");
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a workbook is a ZIP archive");
    let mut part = archive.by_name(name).expect("the part is in the workbook");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

#[test]
fn a_preview_writes_nothing_and_names_every_bad_row_by_its_row_in_the_sheet() {
    let mut source = with_customers();
    let mut sheet = source.report_sheet(&ReportRequest::Customers, DocLanguage::Zh).unwrap();
    // Row 3 of the sheet (the second customer) gets a bad limit; row 5 a taken code below.
    sheet.rows[1][6] = huikuan_app::sheets::Cell::text("很多");
    let xlsx = sheet_xlsx(&sheet).unwrap();
    let mut target = books_on("2026-11-30");
    target.create_customer(CustomerFields::new("K003", "已有"), vec![]).unwrap();
    let before = dump(&mut target);
    let preview = target.import_preview(&form(ImportKind::Customers, "c.xlsx", &xlsx, None)).unwrap();
    assert_eq!(preview.would_create, None);
    let lines: Vec<u64> = preview.bad_rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 5], "{:?}", preview.bad_rows);
    assert!(preview.bad_rows[1].problems[0].contains("K003"), "{:?}", preview.bad_rows);
    assert_eq!(dump(&mut target), before, "the preview wrote nothing");
    let refused = target.import_file(&form(ImportKind::Customers, "c.xlsx", &xlsx, None)).unwrap_err();
    assert!(matches!(refused, AppError::ImportRejected(ref rows) if rows.len() == 2), "{refused:?}");
    assert_eq!(dump(&mut target), before, "all rows or none");
}

#[test]
fn a_mapping_chosen_once_is_remembered_for_files_laid_out_the_same_way() {
    let mut books = books_on("2026-11-30");
    let first_file = "账户,单位,结算\nA01,西湖五金,net:30\n".as_bytes();
    let first = books.import_preview(&form(ImportKind::Customers, "old.csv", first_file, None)).unwrap();
    assert!(!first.remembered);
    assert_eq!(first.unmapped, ["code", "name", "payment_terms"], "nothing in these headings names a field");
    let mut choices: Vec<ColumnChoice> =
        ImportKind::Customers.columns().iter().map(|f| ColumnChoice { field: f.to_string(), source: None }).collect();
    for (field, source) in [("code", 0), ("name", 1), ("payment_terms", 2)] {
        choices.iter_mut().find(|c| c.field == field).unwrap().source = Some(source);
    }
    let chosen = Mapping { choices };
    let imported =
        books.import_file(&form(ImportKind::Customers, "old.csv", first_file, Some(chosen.clone()))).unwrap();
    assert_eq!(imported.created, 1, "the fields left out (phone, address...) are read as empty");

    let next_file = "账户,单位,结算\r\nA02,拱墅建材,eom:30\r\n\r\nA03,滨江水电,cod\r\n".as_bytes();
    let next = books.import_preview(&form(ImportKind::Customers, "next.csv", next_file, None)).unwrap();
    assert!(next.remembered, "{next:?}");
    assert_eq!(next.mapping, chosen);
    assert_eq!(next.would_create, Some(2));
    books.import_file(&form(ImportKind::Customers, "next.csv", next_file, None)).unwrap();
    assert_eq!(books.customer("A03").unwrap().customer.fields.name, "滨江水电");

    let other_layout = "单位,账户,结算\n拱墅,A09,cod\n".as_bytes();
    assert!(!books.import_preview(&form(ImportKind::Customers, "x.csv", other_layout, None)).unwrap().remembered);
}

#[test]
fn a_bad_row_after_a_blank_line_and_a_multi_line_cell_is_named_by_its_own_line() {
    let mut books = books_on("2026-11-30");
    let file = "户号,名称,条款\nB01,\"两行\n地址\",net:30\n\nB02,好店,sometimes\n".as_bytes();
    let mut choices: Vec<ColumnChoice> =
        ImportKind::Customers.columns().iter().map(|f| ColumnChoice { field: f.to_string(), source: None }).collect();
    for (field, source) in [("code", 0), ("name", 1), ("payment_terms", 2)] {
        choices.iter_mut().find(|c| c.field == field).unwrap().source = Some(source);
    }
    let preview = books.import_preview(&form(ImportKind::Customers, "f.csv", file, Some(Mapping { choices }))).unwrap();
    let lines: Vec<u64> = preview.bad_rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![5], "{:?}", preview.bad_rows);
}

#[test]
fn a_file_naming_a_field_twice_is_refused_and_a_file_that_is_no_workbook_says_so() {
    let mut books = books_on("2026-11-30");
    let twice = "code,name,code,payment_terms\nA,甲,B,cod\n".as_bytes();
    let refused = books.import_preview(&form(ImportKind::Customers, "t.csv", twice, None)).unwrap_err();
    assert!(refused.to_string().contains("bad row"), "{refused}");
    assert!(matches!(refused, AppError::ImportRejected(ref r) if r[0].reason.contains("named twice")));
    let broken = b"PK\x03\x04 this is not really a workbook";
    let refused = books.import_preview(&form(ImportKind::Customers, "b.xlsx", broken, None)).unwrap_err();
    assert!(
        matches!(refused, AppError::ImportRejected(ref r) if r[0].reason.contains("not a readable Excel workbook")),
        "{refused:?}"
    );
}

#[test]
fn a_customers_ledger_exports_every_entry_with_its_running_balance() {
    use huikuan_app::ledger::{NewDelivery, NewDeliveryLine, NewPayment};
    let mut books = with_customers();
    let line = NewDeliveryLine {
        item: "水泥".into(),
        spec: String::new(),
        unit: "包".into(),
        quantity: rust_decimal::Decimal::from(3),
        unit_price: rust_decimal::Decimal::new(12345, 2),
    };
    let delivery = NewDelivery {
        customer_code: "K001".into(),
        date: huikuan_tests::date("2026-11-01"),
        due_date: None,
        number: None,
        contact_name: String::new(),
        address: String::new(),
        memo: String::new(),
        lines: vec![line],
        override_reason: Some("测试".into()),
    };
    books.create_delivery(delivery).unwrap();
    books
        .record_payment(NewPayment {
            customer_code: "K001".into(),
            date: huikuan_tests::date("2026-11-20"),
            amount: Money::from_cents(10_000),
            method: huikuan_domain::PaymentMethod::Bank,
            reference: String::new(),
            memo: String::new(),
            number: None,
            allocations: vec![],
        })
        .unwrap();
    let sheet = books.report_sheet(&ReportRequest::Ledger { code: "K001".into() }, DocLanguage::Zh).unwrap();
    assert_eq!(sheet.rows.len(), 2);
    let balances: Vec<String> = sheet.rows.iter().map(|r| r[7].display()).collect();
    assert_eq!(balances, ["370.35", "270.35"]);
    let csv = String::from_utf8(sheet_csv(&sheet)).unwrap();
    assert!(csv.starts_with("\u{feff}date,number,kind,due_date,description,debit,credit,balance,open\r\n2026-11-01,SD-2026-000001,送货,2026-12-15,水泥,370.35,0.00,370.35,270.35\r\n"), "{csv}");
}

#[test]
fn a_heading_with_a_line_break_keeps_every_row_on_its_own_number() {
    let mut books = with_customers();
    let mut sheet = books.report_sheet(&ReportRequest::Customers, DocLanguage::Zh).unwrap();
    sheet.columns[7].title = "业务员\nSales rep".into();
    sheet.rows[1][6] = huikuan_app::sheets::Cell::text("很多");
    let mut target = books_on("2026-11-30");
    let xlsx = sheet_xlsx(&sheet).unwrap();
    let preview = target.import_preview(&form(ImportKind::Customers, "c.xlsx", &xlsx, None)).unwrap();
    assert_eq!(preview.bad_rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3], "{:?}", preview.bad_rows);
    let csv = "客户编号,客户名称,\"付款\n条件\"\nA1,甲,net:30\nA2,乙,sometimes\n".as_bytes();
    let mut choices = guessless_mapping();
    choices.choices.iter_mut().find(|c| c.field == "payment_terms").unwrap().source = Some(2);
    let preview = target.import_preview(&form(ImportKind::Customers, "c.csv", csv, Some(choices))).unwrap();
    // The heading takes lines 1 and 2; A2 is on line 4.
    assert_eq!(preview.bad_rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![4], "{:?}", preview.bad_rows);
}

fn guessless_mapping() -> Mapping {
    let mut m = Mapping {
        choices: ImportKind::Customers
            .columns()
            .iter()
            .map(|f| ColumnChoice { field: f.to_string(), source: None })
            .collect(),
    };
    for (field, source) in [("code", 0), ("name", 1)] {
        m.choices.iter_mut().find(|c| c.field == field).unwrap().source = Some(source);
    }
    m
}

#[test]
fn customers_exported_to_csv_import_back_with_their_formula_like_text_unescaped() {
    let mut source = with_customers();
    let (_, csv) = source.export_report(&ReportRequest::Customers, SheetFormat::Csv, DocLanguage::En).unwrap();
    let mut target = books_on("2026-11-30");
    target.import_customers_csv(&csv).unwrap();
    assert_eq!(profiles(&mut target), profiles(&mut source));
}

/// Words in the Latin alphabet outside the quoted values the user typed (“…”).
fn english_outside_quotes(text: &str) -> bool {
    let mut quoted = false;
    text.chars().any(|c| {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
        !quoted && c.is_ascii_alphabetic()
    })
}

#[test]
fn a_bad_import_names_each_rows_problems_in_chinese_without_english_words_and_in_english_for_the_cli() {
    let file = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
                C1,甲,加盟,,,30天,12.345,\n\
                C1,乙,单店,,,下个月,5000,\n"
        .as_bytes();
    let mut books = books_on("2026-11-30");
    let preview = books.import_preview(&form(ImportKind::Customers, "c.csv", file, None)).unwrap();
    assert_eq!(preview.bad_rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 3]);
    for row in &preview.bad_rows {
        assert_eq!(row.problems.len(), row.problems_zh.len(), "{row:?}");
        for zh in &row.problems_zh {
            assert!(!english_outside_quotes(zh), "English in a Chinese problem: {zh}");
        }
    }
    let kind_zh = "“加盟”不是有效的客户类型（可选：单店、连锁、企业、诊所、个人、其他）";
    assert_eq!(preview.bad_rows[0].problems_zh, [kind_zh, "信用额度：“12.345”超过 2 位小数"]);
    assert_eq!(preview.bad_rows[1].problems_zh[0], "“下个月”不是付款条件（如 货到付款、30天、月结30天）");
    let refused = books.import_customers_csv(file).unwrap_err();
    let rows = refused.view(DocLanguage::Zh).rows;
    assert_eq!(rows.len(), 4, "{rows:?}");
    for row in &rows {
        let zh = row.reason_in(DocLanguage::Zh);
        assert!(!english_outside_quotes(zh) && !zh.is_empty(), "line {}: {zh}", row.line);
    }
    assert!(rows.iter().any(|r| r.reason_zh == "客户编号“C1”重复（第 2 行也有）"), "{rows:?}");
    let english: Vec<String> = refused.view(DocLanguage::En).rows.iter().map(|r| r.to_string()).collect();
    assert!(english.contains(&"line 2: credit_limit: '12.345' has more than 2 decimals".to_string()), "{english:?}");
    assert!(english.contains(&"line 3: duplicate code 'C1' (also on line 2)".to_string()), "{english:?}");
}
