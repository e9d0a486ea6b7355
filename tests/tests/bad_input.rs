//! Bad input (issue 10): a corpus of broken import files, form submissions as they come over
//! the IPC boundary, and command lines. Each one must be refused with an error that has a
//! code and a message in both languages, and must leave the book as it was: on SQLite its
//! files byte for byte, on PostgreSQL every row of every table. (Command lines:
//! crates/cli/tests/bad_arguments.rs.)

use std::path::{Path, PathBuf};

use huikuan_app::forms::{AllocationForm, CustomerForm, DeliveryForm, LineForm, PaymentForm};
use huikuan_app::{AppError, Books, FixedClock};
use huikuan_domain::DocLanguage;
use huikuan_store::testing::on_postgres;
use huikuan_tests::{date, dump};
use serde_json::{json, Value};

const STORY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/story");

/// The story's book: a file in `dir` on SQLite (reopened, its log checkpointed, so that a
/// write would show in its bytes), a fresh database on the test server on PostgreSQL.
fn story_book(dir: &Path) -> (Books, Option<PathBuf>) {
    let clock = || Box::new(FixedClock::on(date("2026-04-15")));
    let db = dir.join("books.db");
    let mut books = if on_postgres() {
        Books::open_for_test(clock(), "test").unwrap()
    } else {
        Books::open(&db, clock(), "test").unwrap()
    };
    for kind in ["customers", "opening-balances", "deliveries", "payments"] {
        let bytes = std::fs::read(Path::new(STORY).join(format!("{kind}.csv"))).unwrap();
        match kind {
            "customers" => books.import_customers_csv(&bytes).map(|_| ()),
            "opening-balances" => books.import_opening_balances_csv(&bytes).map(|_| ()),
            "deliveries" => books.import_deliveries_csv(&bytes, Some("导入历史送货单")).map(|_| ()),
            _ => books.import_payments_csv(&bytes).map(|_| ()),
        }
        .unwrap();
    }
    if on_postgres() {
        return (books, None);
    }
    drop(books);
    let mut books = Books::open(&db, clock(), "test").unwrap();
    // Its first column is 'busy': 0 when the log is all in the book and emptied.
    let busy: i64 = books.store().query_value("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    assert_eq!(busy, 0, "the log is checkpointed");
    (books, Some(db))
}

/// What a refusal must leave as it was.
#[derive(PartialEq)]
enum Seen {
    Files(Vec<(String, Vec<u8>)>),
    Rows(Vec<String>),
}

fn seen(books: &mut Books, db: Option<&Path>) -> Seen {
    match db {
        Some(db) => Seen::Files(files(db)),
        None => Seen::Rows(dump(books)),
    }
}

/// The book's files as they are on disk (the database and its write-ahead log).
fn files(db: &Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal"]
        .iter()
        .map(|suffix| {
            let path = format!("{}{suffix}", db.display());
            let bytes = std::fs::read(&path).unwrap_or_default();
            (path, bytes)
        })
        .collect()
}

/// Asserts a refusal said in both languages.
fn refused(what: &str, result: Result<(), AppError>) {
    let err = result.err().unwrap_or_else(|| panic!("accepted: {what}"));
    let view = err.view(DocLanguage::Zh);
    assert!(!view.code.is_empty(), "{what}: no code");
    let zh = err.message_in(DocLanguage::Zh);
    let en = err.message_in(DocLanguage::En);
    assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{what}: not said in Chinese: {zh}");
    assert!(!en.trim().is_empty(), "{what}: nothing said in English");
    for row in &view.rows {
        let zh = row.reason_in(DocLanguage::Zh);
        assert!(!english_outside_quotes(zh), "{what}: line {} not said in Chinese: {zh}", row.line);
        assert!(!row.reason_in(DocLanguage::En).is_empty(), "{what}: line {} said in no English", row.line);
    }
}

/// Latin letters outside the values quoted from the file (“…”) and the names of formats,
/// which have no Chinese words (UTF-8, NUL, Excel, .xlsx).
fn english_outside_quotes(text: &str) -> bool {
    let mut quoted = false;
    let mut rest = String::new();
    for c in text.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            c if !quoted => rest.push(c),
            _ => {}
        }
    }
    let rest = ["UTF-8", "NUL", "Excel", "xlsx"].iter().fold(rest, |t, name| t.replace(name, ""));
    rest.chars().any(|c| c.is_ascii_alphabetic())
}

fn csv(header: &[&str], row: &[String]) -> Vec<u8> {
    let quote = |cell: &str| format!("\"{}\"", cell.replace('"', "\"\""));
    let head = header.join(",");
    let body: Vec<String> = row.iter().map(|c| quote(c)).collect();
    format!("{head}\n{}\n", body.join(",")).into_bytes()
}

const HUGE: usize = 1_000_000;

/// Values no column of its type accepts.
fn bad_values(column: &str) -> Vec<String> {
    let mut values: Vec<String> = match column {
        "amount" | "credit_limit" | "unit_price" => [
            "abc",
            "=1+2",
            "@SUM(A1)",
            "+-5",
            "1.2.3",
            "NaN",
            "inf",
            "1e5",
            "0x10",
            "99999999999999999999999",
            "1,00",
            "¥",
        ]
        .map(String::from)
        .to_vec(),
        "quantity" => ["0", "-1", "abc", "=1+2", "1.2.3", "NaN", "1e3", "-0.5"].map(String::from).to_vec(),
        "date" | "due_date" => [
            "2026-02-30",
            "2026-13-01",
            "2025-02-29",
            "01/02/2026",
            "yesterday",
            "=TODAY()",
            "0000-00-00",
            "2026/02/30",
            "99999-01-01",
        ]
        .map(String::from)
        .to_vec(),
        "customer_code" => ["NOPE", "=1+2", "C001 C002"].map(String::from).to_vec(),
        "method" => ["bitcoin", "=1+2", "cash; DROP TABLE entries"].map(String::from).to_vec(),
        "kind" => ["alien", "=1+2"].map(String::from).to_vec(),
        "payment_terms" => ["net:-5", "whenever", "=1+2", "eom:abc"].map(String::from).to_vec(),
        "number" => vec!["X".repeat(41), "\u{7}bell".into()],
        _ => Vec::new(),
    };
    // Formula-like cells, as a spreadsheet would run them, where a typed value belongs.
    if !matches!(column, "number" | "name" | "item" | "address" | "phone" | "salesperson" | "reference") {
        values
            .extend(["=HYPERLINK(\"http://x.example\",\"x\")", "-2+3", "=cmd|' /C calc'!A0", "@A1"].map(String::from));
    }
    if column.ends_with("date") {
        values.extend(
            ["2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "1900-02-29", "2100-02-29"].map(String::from),
        );
    }
    // Too long for any cell, and control characters where a value must be typed.
    values.push("9".repeat(HUGE));
    if !matches!(column, "name" | "item" | "address" | "phone" | "salesperson" | "reference") {
        values.push("1\u{0}2".into());
    }
    values
}

struct Import {
    columns: &'static [&'static str],
    good: &'static [&'static str],
    /// Columns that must not be empty.
    required: &'static [&'static str],
    run: fn(&mut Books, &[u8]) -> Result<(), AppError>,
}

fn imports() -> Vec<(&'static str, Import)> {
    vec![
        (
            "customers",
            Import {
                columns: &["code", "name", "kind", "phone", "address", "payment_terms", "credit_limit", "salesperson"],
                good: &["N001", "新客户", "shop", "", "", "net:30", "5000", ""],
                required: &["code", "name"],
                run: |b, bytes| b.import_customers_csv(bytes).map(|_| ()),
            },
        ),
        (
            "opening balances",
            Import {
                columns: &["customer_code", "date", "amount", "due_date"],
                good: &["C002", "2026-01-01", "100.00", ""],
                required: &["customer_code", "date", "amount"],
                run: |b, bytes| b.import_opening_balances_csv(bytes).map(|_| ()),
            },
        ),
        (
            "deliveries",
            Import {
                columns: &["number", "customer_code", "date", "item", "quantity", "unit_price", "due_date"],
                good: &["NEW-1", "C002", "2026-04-01", "大米", "1", "10.00", ""],
                required: &["number", "customer_code", "date", "item", "quantity", "unit_price"],
                run: |b, bytes| b.import_deliveries_csv(bytes, None).map(|_| ()),
            },
        ),
        (
            "payments",
            Import {
                columns: &["number", "customer_code", "date", "amount", "method", "reference"],
                good: &["NEWPAY-1", "C002", "2026-04-01", "10.00", "bank", ""],
                required: &["number", "customer_code", "date", "amount", "method"],
                run: |b, bytes| b.import_payments_csv(bytes).map(|_| ()),
            },
        ),
    ]
}

/// Whole files that are wrong before any cell is read.
fn bad_files(import: &Import) -> Vec<(String, Vec<u8>)> {
    let good = csv(import.columns, &import.good.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let text = String::from_utf8(good.clone()).unwrap();
    let utf16 = |big: bool| -> Vec<u8> {
        let mut out = if big { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            out.extend(if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        out
    };
    let mut gbk = import.columns.join(",").into_bytes();
    gbk.extend(b"\n");
    // The first cell written in GBK (as a Chinese Excel saves "CSV"): not UTF-8.
    let mut cells: Vec<Vec<u8>> = import.good.iter().map(|c| c.as_bytes().to_vec()).collect();
    cells[0] = vec![0xD0, 0xC2, 0xBF, 0xCD, 0xBB, 0xA7];
    gbk.extend(cells.join(&b","[..]));
    gbk.extend(b"\n");
    let header = import.columns.join(",");
    let mut files = vec![
        ("empty file".into(), Vec::new()),
        ("UTF-16LE with BOM".into(), utf16(false)),
        ("UTF-16BE with BOM".into(), utf16(true)),
        ("GBK".into(), gbk),
        ("a PNG".into(), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        ("NUL bytes everywhere".into(), text.replace(',', "\0,").into_bytes()),
        ("a 10 MB line".into(), format!("{header}\n{}\n", "x".repeat(10 * 1024 * 1024)).into_bytes()),
        ("an unclosed quote".into(), format!("{header}\n\"{}\n", import.good.join(",")).into_bytes()),
        (
            "a header without the first column".into(),
            format!("{}\n{}\n", import.columns[1..].join(","), import.good[1..].join(",")).into_bytes(),
        ),
        (
            "a duplicated header".into(),
            format!("{header},{}\n{},{}\n", import.columns[0], import.good.join(","), import.good[0]).into_bytes(),
        ),
        ("too few cells".into(), format!("{header}\n{}\n", import.good[..1].join(",")).into_bytes()),
        ("too many cells".into(), format!("{header}\n{},extra\n", import.good.join(",")).into_bytes()),
        ("a BOM before a wrong header".into(), [&[0xEF, 0xBB, 0xBF][..], b"foo,bar\n1,2\n"].concat()),
        ("only a BOM".into(), vec![0xEF, 0xBB, 0xBF]),
    ];
    files.push((
        "every column blank".into(),
        format!("{header}\n{}\n", ",".repeat(import.columns.len() - 1)).into_bytes(),
    ));
    files
}

#[test]
fn every_bad_input_is_refused_in_both_languages_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut books, db) = story_book(dir.path());
    let before = seen(&mut books, db.as_deref());
    let mut count = 0;
    let mut check = |books: &mut Books, what: String, result: Result<(), AppError>| {
        refused(&what, result);
        assert!(seen(books, db.as_deref()) == before, "{what}: the book changed");
        count += 1;
    };

    for (name, import) in imports() {
        for (i, column) in import.columns.iter().enumerate() {
            let mut values = bad_values(column);
            if import.required.contains(column) {
                values.push(String::new());
                values.push("   ".into());
            }
            for value in values {
                let mut row: Vec<String> = import.good.iter().map(|s| s.to_string()).collect();
                row[i] = value.clone();
                let shown: String = value.chars().take(20).collect();
                let result = (import.run)(&mut books, &csv(import.columns, &row));
                check(&mut books, format!("{name}: {column} = {shown:?}"), result);
            }
        }
        for (what, bytes) in bad_files(&import) {
            let result = (import.run)(&mut books, &bytes);
            check(&mut books, format!("{name}: {what}"), result);
        }
    }
    // A note or payment number that is already taken, and a customer code already used.
    let taken = [
        (
            "customers",
            csv(
                &["code", "name", "kind", "phone", "address", "payment_terms", "credit_limit", "salesperson"],
                &["C001", "重复", "shop", "", "", "net:30", "", ""].map(String::from),
            ),
        ),
        (
            "deliveries",
            csv(
                &["number", "customer_code", "date", "item", "quantity", "unit_price", "due_date"],
                &["SD-2026-000001", "C002", "2026-04-01", "米", "1", "1", ""].map(String::from),
            ),
        ),
    ];
    for (name, bytes) in taken {
        let result = match name {
            "customers" => books.import_customers_csv(&bytes).map(|_| ()),
            _ => books.import_deliveries_csv(&bytes, None).map(|_| ()),
        };
        check(&mut books, format!("{name}: a number already taken"), result);
    }

    // Forms as the UI sends them over IPC: first as JSON (wrong types are refused by the
    // command's own parsing, like Tauri's), then through the use case.
    for (what, form) in ipc_corpus() {
        let result = submit(&mut books, &form);
        check(&mut books, format!("ipc {what}"), result);
    }
    println!("bad inputs refused: {count} (imports and IPC forms), the book unchanged after each");
    assert!(count >= 450, "only {count} bad inputs");
}

/// Sends a form the way a command receives it: parsed from JSON, then used.
fn submit(books: &mut Books, form: &Value) -> Result<(), AppError> {
    let parse_error = |e: serde_json::Error| {
        AppError::rule(None, format!("the request is malformed: {e}"), format!("请求格式不正确：{e}"))
    };
    match form["form"].as_str().unwrap() {
        "customer" => {
            let f: CustomerForm = serde_json::from_value(form["fields"].clone()).map_err(parse_error)?;
            books.create_customer_form(f).map(|_| ())
        }
        "delivery" => {
            let f: DeliveryForm = serde_json::from_value(form["fields"].clone()).map_err(parse_error)?;
            books.create_delivery_form(f).map(|_| ())
        }
        "payment" => {
            let f: PaymentForm = serde_json::from_value(form["fields"].clone()).map_err(parse_error)?;
            books.record_payment_form(f).map(|_| ())
        }
        "ledger" => books.customer_ledger_page(form["fields"]["code"].as_str().unwrap_or_default(), 0, 10).map(|_| ()),
        "paper" => books.paper(form["fields"]["number"].as_str().unwrap_or_default()).map(|_| ()),
        other => panic!("no form {other}"),
    }
}

fn ipc_corpus() -> Vec<(String, Value)> {
    let long = "长".repeat(100_000);
    let good_customer = serde_json::to_value(CustomerForm {
        code: "N100".into(),
        name: "新店".into(),
        payment_terms: "net:30".into(),
        credit_limit: "1000".into(),
        ..CustomerForm::default()
    })
    .unwrap();
    let good_delivery = serde_json::to_value(DeliveryForm {
        customer_code: "C002".into(),
        date: "2026-04-10".into(),
        lines: vec![LineForm {
            item: "大米".into(),
            quantity: "2".into(),
            unit_price: "10.50".into(),
            ..LineForm::default()
        }],
        ..DeliveryForm::default()
    })
    .unwrap();
    let good_payment = serde_json::to_value(PaymentForm {
        customer_code: "C002".into(),
        date: "2026-04-10".into(),
        amount: "100.00".into(),
        method: Some(huikuan_domain::PaymentMethod::Bank),
        allocations: vec![AllocationForm { receivable: "SD-2026-000002".into(), amount: "10".into() }],
        ..PaymentForm::default()
    })
    .unwrap();
    let mut corpus = Vec::new();
    let mut vary = |form: &str, good: &Value, path: &[&str], values: Vec<Value>| {
        for value in values {
            let mut fields = good.clone();
            let mut slot = &mut fields;
            for key in path {
                slot = if let Ok(i) = key.parse::<usize>() { &mut slot[i] } else { &mut slot[*key] };
            }
            *slot = value.clone();
            let shown: String = value.to_string().chars().take(24).collect();
            corpus.push((format!("{form} {} = {shown}", path.join(".")), json!({ "form": form, "fields": fields })));
        }
    };
    let wrong_types = || vec![json!(12), json!(true), json!(["x"]), json!({ "a": 1 })];
    // Amounts have 2 decimals; unit prices 4.
    let bad_money = |over_precise: &[&str]| {
        let mut v: Vec<Value> = ["-5", "abc", "=1+2", "1e9", "", "99999999999999999999"]
            .iter()
            .chain(over_precise)
            .map(|s| json!(s))
            .collect();
        v.extend(wrong_types());
        v
    };
    let bad_dates = || {
        let mut v: Vec<Value> =
            ["2026-02-30", "2025-02-29", "2026-13-01", "tomorrow", "", "2026-04-31"].iter().map(|s| json!(s)).collect();
        v.extend(wrong_types());
        v
    };
    vary("customer", &good_customer, &["code"], vec![json!(""), json!("C001"), json!(long.clone()), json!(12)]);
    vary("customer", &good_customer, &["name"], vec![json!(""), json!(long.clone()), json!(null), json!(3)]);
    // An empty limit means none: not bad.
    vary(
        "customer",
        &good_customer,
        &["credit_limit"],
        bad_money(&["0.001", "1.234"]).into_iter().filter(|v| v != &json!("")).collect(),
    );
    vary("customer", &good_customer, &["payment_terms"], vec![json!("net:-1"), json!("soon"), json!(30)]);
    vary("customer", &good_customer, &["kind"], vec![json!("alien"), json!(1)]);
    vary("delivery", &good_delivery, &["customer_code"], vec![json!("NOPE"), json!(""), json!(long.clone()), json!(7)]);
    vary("delivery", &good_delivery, &["date"], bad_dates());
    vary("delivery", &good_delivery, &["due_date"], vec![json!("2026-02-30"), json!("2026-04-01"), json!(5)]);
    vary("delivery", &good_delivery, &["lines"], vec![json!([]), json!("lines"), json!(null)]);
    vary("delivery", &good_delivery, &["lines", "0", "item"], vec![json!(""), json!(long.clone()), json!(1)]);
    vary(
        "delivery",
        &good_delivery,
        &["lines", "0", "quantity"],
        vec![json!("0"), json!("-1"), json!("1.2345678"), json!("x"), json!(2)],
    );
    vary("delivery", &good_delivery, &["lines", "0", "unit_price"], bad_money(&["0.00001", "1.23456"]));
    vary("payment", &good_payment, &["customer_code"], vec![json!("NOPE"), json!(""), json!(long.clone())]);
    vary("payment", &good_payment, &["date"], bad_dates());
    vary("payment", &good_payment, &["amount"], bad_money(&["0.001", "1.234"]));
    vary("payment", &good_payment, &["method"], vec![json!("bitcoin"), json!(""), json!(3)]);
    vary(
        "payment",
        &good_payment,
        &["allocations", "0", "receivable"],
        vec![json!("SD-1999-000001"), json!(""), json!(long.clone())],
    );
    // An allocation left empty is no allocation: not bad.
    vary(
        "payment",
        &good_payment,
        &["allocations", "0", "amount"],
        bad_money(&["0.001", "1.234"]).into_iter().filter(|v| v != &json!("")).collect(),
    );
    vary(
        "payment",
        &good_payment,
        &["allocations"],
        vec![json!("all"), json!([{ "receivable": "SD-2026-000002", "amount": "1000000" }])],
    );
    for code in ["NOPE", "", &long] {
        corpus.push((
            format!("ledger of {:?}", code.chars().take(8).collect::<String>()),
            json!({ "form": "ledger", "fields": { "code": code } }),
        ));
    }
    for number in ["SD-2026-999999", "", "../../etc/passwd", &long] {
        corpus.push((
            format!("paper {:?}", number.chars().take(12).collect::<String>()),
            json!({ "form": "paper", "fields": { "number": number } }),
        ));
    }
    corpus
}
