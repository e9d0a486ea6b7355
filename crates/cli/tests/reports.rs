//! The report, spreadsheet and evidence commands on the real binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{ok, story_book};
use serde_json::Value;

/// The binary without a book (verify-evidence needs none).
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huikuan-cli"))
        .args(args)
        .env_remove("HUIKUAN_TODAY")
        .output()
        .expect("huikuan-cli runs")
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend(args);
    serde_json::from_str(&ok(db, &all)).unwrap()
}

#[test]
fn the_reports_agree_with_the_aging_contract_as_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let aging = json(&db, &["report", "aging", "--as-of", "2026-04-15"]);
    let detail = json(&db, &["report", "aging", "--as-of", "2026-04-15", "--detail"]);
    assert_eq!(detail["totals"], aging["totals"]["buckets"]);
    let provision = json(&db, &["report", "provision", "--as-of", "2026-04-15"]);
    let open: f64 = aging["totals"]["balance"].as_str().unwrap().parse::<f64>().unwrap()
        + aging["totals"]["credit"].as_str().unwrap().parse::<f64>().unwrap();
    assert_eq!(provision["open"].as_str().unwrap().parse::<f64>().unwrap(), open);
    let by_salesperson = json(&db, &["report", "aging", "--as-of", "2026-04-15", "--by-salesperson"]);
    let balance: f64 = by_salesperson["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["balance"].as_str().unwrap().parse::<f64>().unwrap())
        .sum();
    assert!((balance - aging["totals"]["balance"].as_str().unwrap().parse::<f64>().unwrap()).abs() < 0.001);
    let performance = json(&db, &["report", "collection", "--as-of", "2026-04-15", "--months", "3"]);
    assert_eq!(performance["months"].as_array().unwrap().len(), 3);
    assert_eq!(performance["months"][2]["end"], "2026-04-15");

    let csv = ok(&db, &["--format", "csv", "report", "aging", "--as-of", "2026-04-15"]);
    assert!(csv.starts_with("\u{feff}code,name,not_due,1-30,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + aging["customers"].as_array().unwrap().len());
}

#[test]
fn reports_are_written_as_xlsx_csv_or_pdf_by_the_files_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    for (name, magic) in [("a.xlsx", &b"PK\x03\x04"[..]), ("a.csv", &b"\xEF\xBB\xBF"[..]), ("a.pdf", &b"%PDF"[..])] {
        let out = dir.path().join(name);
        ok(&db, &["report", "aging", "--as-of", "2026-04-15", "--out", out.to_str().unwrap()]);
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{name}");
    }
    let refused =
        run(&["--db", db.to_str().unwrap(), "report", "provision", "--as-of", "2026-04-15", "--out", "x.txt"]);
    assert!(!refused.status.success());
}

#[test]
fn customers_exported_to_xlsx_import_into_another_book_after_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let xlsx = dir.path().join("customers.xlsx");
    ok(&db, &["report", "customers", "--out", xlsx.to_str().unwrap()]);
    let other = dir.path().join("other.db");
    ok(&other, &["init"]);
    let preview = json(&other, &["import", "customers", xlsx.to_str().unwrap(), "--preview"]);
    assert_eq!(preview["format"], "xlsx");
    let count = json(&db, &["customer", "list"]).as_array().unwrap().len();
    assert_eq!(preview["would_create"], count);
    assert!(json(&other, &["customer", "list"]).as_array().unwrap().is_empty(), "a preview writes nothing");
    ok(&other, &["import", "customers", xlsx.to_str().unwrap()]);
    let strip = |v: Value| -> Vec<(Value, Value, Value)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| (c["code"].clone(), c["name"].clone(), c["credit_limit"].clone()))
            .collect()
    };
    assert_eq!(strip(json(&other, &["customer", "list"])), strip(json(&db, &["customer", "list"])));
}

#[test]
fn an_evidence_pack_verifies_until_a_file_in_it_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let pack = dir.path().join("pack");
    let made = json(&db, &["evidence", "C001", "--out", pack.to_str().unwrap()]);
    assert_eq!(made["manifest"]["customer_code"], "C001");
    assert_eq!(made["manifest_sha256"].as_str().unwrap().len(), 64);
    let verified = run(&["verify-evidence", pack.to_str().unwrap()]);
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stdout));
    assert!(String::from_utf8_lossy(&verified.stdout).contains("the pack is intact"));
    let log = pack.join("5-other/ledger.pdf");
    let mut bytes = std::fs::read(&log).unwrap();
    bytes.push(b'\n');
    std::fs::write(&log, bytes).unwrap();
    let changed = run(&["verify-evidence", pack.to_str().unwrap()]);
    assert_eq!(changed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&changed.stdout).contains("altered   5-other/ledger.pdf"));
    assert!(String::from_utf8_lossy(&changed.stderr).contains("does not match its manifest"));
}

#[test]
fn a_csv_preview_judges_the_file_as_its_import_would() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let file = dir.path().join("payments.csv");
    std::fs::write(&file, "number,customer_code,date,method\nP9,C001,2026-04-20,bank\n").unwrap();
    let preview = common::cli(&db, &["import", "payments", file.to_str().unwrap(), "--preview"]);
    assert!(!preview.status.success(), "the import would refuse it, so the preview does");
    assert!(String::from_utf8_lossy(&preview.stderr).contains("missing column(s): amount"));
    // The optional reference may be left out; the amount typed as people type it.
    std::fs::write(&file, "number,customer_code,date,amount,method\nP9,C001,2026/4/20,\"¥1,010.00\",银行转账\n")
        .unwrap();
    let good = json(&db, &["import", "payments", file.to_str().unwrap(), "--preview"]);
    assert_eq!((good["rows"].as_u64(), good["created"].as_u64()), (Some(1), Some(1)));
    assert_eq!(good["encoding"], "UTF-8");
    assert_eq!(good["readings"][0]["cells"][2]["read"], "2026-04-20");
    assert_eq!(good["readings"][0]["cells"][3]["read"], "1010.00");
    assert!(!ok(&db, &["--format", "json", "customer", "ledger", "C001"]).contains("P9"), "the preview wrote nothing");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "number,customer_code,date,amount,method\nP9,C001,01/05/2026,10,bank\n").unwrap();
    let refused = common::cli(&db, &["import", "payments", bad.to_str().unwrap(), "--preview"]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("line 2"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}
