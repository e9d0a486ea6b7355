//! `huikuan-cli invoice` and `report invoicing`: the contract's commands and JSON shapes.

mod common;

use common::{cli, json, ok, refusal};

fn book(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("books.db");
    ok(&db, &["init"]);
    ok(&db, &["customer", "add", "--code", "C001", "--name", "华联超市"]);
    for (date, line) in [("2026-11-01", "钢管,10,800"), ("2026-11-03", "钢管,5,660")] {
        ok(&db, &["delivery", "--customer", "C001", "--date", date, "--line", line, "--today", "2026-11-30"]);
    }
    db
}

#[test]
fn invoice_add_list_and_the_invoicing_report_keep_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = book(dir.path());
    let today = ["--today", "2026-11-30"];
    let add = [
        "invoice",
        "add",
        "--customer",
        "C001",
        "--number",
        "26332000000012345678",
        "--kind",
        "digital_special",
        "--date",
        "2026-11-05",
        "--amount",
        "11300.00",
        "--tax",
        "1300.00",
        "--rate",
        "13",
        "--covers",
        "SD-2026-000001=8000.00",
        "SD-2026-000002=3300.00",
    ];
    let text = ok(&db, &[&add[..], &today].concat());
    assert!(text.contains("invoice 26332000000012345678 recorded"), "{text}");

    let list = json(&db, &["invoice", "list", "C001", "--format", "json"]);
    let first = &list[0];
    assert_eq!(
        (first["number"].as_str(), first["kind"].as_str(), first["amount"].as_str()),
        (Some("26332000000012345678"), Some("digital_special"), Some("11300.00"))
    );
    assert_eq!(
        first["covers"],
        serde_json::json!([{"number": "SD-2026-000001", "amount": "8000.00"}, {"number": "SD-2026-000002", "amount": "3300.00"}])
    );

    ok(
        &db,
        &[
            &["payment", "--customer", "C001", "--date", "2026-11-20", "--amount", "5000", "--method", "bank"][..],
            &today,
        ]
        .concat(),
    );
    let report = json(&db, &["report", "invoicing", "--as-of", "2026-11-30", "--format", "json"]);
    let row = &report["customers"][0];
    assert_eq!(row["code"], "C001");
    for (key, value) in
        [("delivered_not_invoiced", "0.00"), ("invoiced_not_paid", "6300.00"), ("awaiting_invoice", "0.00")]
    {
        assert_eq!(row[key].as_str(), Some(value), "{key}: {row}");
    }
    assert_eq!(report["totals"]["invoiced_not_paid"], "6300.00");
}

#[test]
fn a_bad_invoice_is_refused_naming_each_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = book(dir.path());
    let out = cli(
        &db,
        &[
            "invoice",
            "add",
            "--customer",
            "C001",
            "--number",
            "2633200000001234567",
            "--kind",
            "digital_special",
            "--date",
            "2026-11-05",
            "--amount",
            "100",
            "--tax",
            "7",
            "--rate",
            "7",
            "--covers",
            "SD-2026-000001=90",
            "--format",
            "json",
            "--today",
            "2026-11-30",
        ],
    );
    assert!(!out.status.success());
    let said = refusal(&out);
    let message = said["error"]["message"].as_str().unwrap();
    assert!(message.contains("rate") && message.contains("20 digits"), "{message}");
    assert!(json(&db, &["invoice", "list", "--format", "json"]).as_array().unwrap().is_empty());
}
