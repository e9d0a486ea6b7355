//! Helpers shared by the cross-crate tests: fresh books on a fixed clock, and the
//! scenario script runner.

pub mod scenario;

use chrono::NaiveDate;
use huikuan_app::ledger::{NewDelivery, NewDeliveryLine, NewPayment};
use huikuan_app::{Books, FixedClock};
use huikuan_domain::{Money, PaymentMethod};
use rust_decimal::Decimal;

pub fn date(text: &str) -> NaiveDate {
    huikuan_domain::calendar::parse_date(text).expect("test dates are valid")
}

/// In-memory books whose today is `today`.
pub fn books_on(today: &str) -> Books {
    Books::open_in_memory(Box::new(FixedClock::on(date(today))), "tester").expect("in-memory books open")
}

/// Every row of every table, as text: two dumps are equal when nothing was written.
pub fn dump(conn: &rusqlite::Connection) -> Vec<String> {
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.push("sqlite_master".into());
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                let cells: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
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
