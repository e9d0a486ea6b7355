//! Helpers shared by the cross-crate tests: fresh books on a fixed clock, and the
//! scenario script runner.

pub mod scenario;

use std::path::Path;

use chrono::NaiveDate;
use huikuan_app::demo::create_demo_books;
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine, NewPayment};
use huikuan_app::{Books, FixedClock};
use huikuan_domain::{Money, PaymentMethod};
use huikuan_store::testing::{fresh_server, on_postgres};
use huikuan_store::{Engine, Locator, StoreError, Value};
use rust_decimal::Decimal;

pub fn date(text: &str) -> NaiveDate {
    huikuan_domain::calendar::parse_date(text).expect("test dates are valid")
}

/// Books whose today is `today`, on the engine the run is for: in memory on SQLite, or a
/// fresh database on the test server when `HUIKUAN_TEST_ENGINE=postgres`.
pub fn books_on(today: &str) -> Books {
    Books::open_for_test(Box::new(FixedClock::on(date(today))), "tester").expect("test books open")
}

/// Where a story keeps books it closes and opens again (another day, another seat), or
/// whose attached files must be kept: a file in `dir` on SQLite (its attachments in the
/// folder beside it), a fresh database on the test server on PostgreSQL.
pub fn place_in(dir: &Path) -> Locator {
    if on_postgres() {
        Locator::Server(fresh_server().expect("a database on the test server"))
    } else {
        Locator::File(dir.join("books.db"))
    }
}

/// The books at `place`, whose today is `today`, kept by `operator`.
pub fn books_at(place: &Locator, today: &str, operator: &str) -> Books {
    Books::open_at(place, Box::new(FixedClock::on(date(today))), operator).expect("the books open")
}

/// The demo company (seed 1) as the app makes it, into a file in `dir`, whose today is
/// `today`; on PostgreSQL copied whole, attached files too, into a fresh database on the
/// test server (as a shop moving its books to a server does) and opened there.
pub fn demo_books(dir: &Path, today: &str) -> Books {
    let clock = Box::new(FixedClock::on(date(today)));
    let mut books = create_demo_books(&dir.join("books.db"), clock, "tester", 1).expect("the demo is made");
    if !on_postgres() {
        return books;
    }
    let place = Locator::Server(fresh_server().expect("a database on the test server"));
    books.copy_to(&place).expect("the demo copies to the server");
    books_at(&place, today, "tester")
}

/// Every row of every table, as text: two dumps are equal when nothing was written. The
/// tables are listed from the engine's own catalogue (on SQLite with `sqlite_master`
/// itself, so a changed schema shows too) and each is read ordered by all its columns, so
/// the same rows give the same dump whatever order the engine keeps them in.
pub fn dump(books: &mut Books) -> Vec<String> {
    let store = books.store();
    let postgres = store.engine() == Engine::Postgres;
    let (tables_sql, columns_sql) = if postgres {
        (
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position",
        )
    } else {
        (
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
        )
    };
    store
        .read(|tx| -> Result<Vec<String>, StoreError> {
            let mut tables: Vec<String> =
                tx.prepare(tables_sql)?.query_map((), |r| r.get(0))?.collect::<Result<_, _>>()?;
            if !postgres {
                tables.push("sqlite_master".into());
            }
            let mut out = Vec::new();
            for table in tables {
                let columns: Vec<String> =
                    tx.prepare(columns_sql)?.query_map([table.as_str()], |r| r.get(0))?.collect::<Result<_, _>>()?;
                let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
                let all = quoted.join(", ");
                let sql = format!("SELECT {all} FROM \"{table}\" ORDER BY {all}");
                let rows = tx.prepare(&sql)?.query_map((), |row| {
                    let cells = (0..columns.len()).map(|i| Ok(format!("{:?}", row.get::<Value>(i)?)));
                    Ok(format!("{table}: {}", cells.collect::<Result<Vec<_>, StoreError>>()?.join(" | ")))
                })?;
                out.extend(rows.collect::<Result<Vec<_>, _>>()?);
            }
            Ok(out)
        })
        .expect("every table reads")
}

/// A poppler tool (pdftotext, pdfinfo, pdffonts, pdfimages) over `pdf`; its output.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let mut command = std::process::Command::new(tool);
    command.args(args).arg(&file);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout"], pdf)
}

pub fn pdf_pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).expect("pdfinfo names the pages").trim().parse().unwrap()
}

/// What the signature pad sends for a signature drawn across it: its strokes and its PNG.
pub fn drawn_signature(seed: u32) -> (String, String) {
    use base64::Engine;
    let strokes = serde_json::json!([{
        "penColor": "#14287a",
        "points": (0..40).map(|i| serde_json::json!({"x": 20 + i * 9, "y": 60 + (i % 7) * 5, "pressure": 0.5, "time": i * 16})).collect::<Vec<_>>()
    }]);
    let png = huikuan_docs::sample::signature_png(seed);
    (strokes.to_string(), format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png)))
}

/// A delivery of one line of `yuan` to `code` on `day` (past the credit check), its number.
pub fn deliver(books: &mut Books, code: &str, day: &str, yuan: i64) -> String {
    let line = NewDeliveryLine {
        item: "瓷砖".into(),
        spec: String::new(),
        unit: "箱".into(),
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
    books.create_delivery(input).unwrap().number.unwrap()
}

/// A bank payment of `yuan` from `code` on `day`, settling the oldest first.
pub fn pay(books: &mut Books, code: &str, day: &str, yuan: i64) {
    let payment = NewPayment {
        customer_code: code.into(),
        date: date(day),
        amount: Money::from_cents(yuan * 100),
        method: PaymentMethod::Bank,
        reference: String::new(),
        memo: String::new(),
        number: None,
        allocations: Vec::new(),
    };
    books.record_payment(payment).unwrap();
}
