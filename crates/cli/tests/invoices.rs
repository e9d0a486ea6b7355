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

#[test]
fn import_invoices_previews_then_records_what_it_matches() {
    let dir = tempfile::tempdir().unwrap();
    let db = book(dir.path());
    let text = "发票号码,购买方名称,开票日期,金额,税额,价税合计,发票票种\r\n\
        26332000000012345678,华联超市,2026-11-05,7079.65,920.35,8000.00,数电票（增值税专用发票）\r\n\
        26332000000012345679,华联超市,2026-11-06,1.00,0.13,1.13,数电票（增值税专用发票）\r\n";
    let file = dir.path().join("invoices.csv");
    std::fs::write(&file, encoding_rs::GBK.encode(text).0).unwrap();
    let file = file.to_str().unwrap();
    let preview = json(&db, &["import", "invoices", file, "--preview", "--format", "json", "--today", "2026-11-30"]);
    assert_eq!((preview["new"].as_u64(), preview["preview"].as_bool()), (Some(1), Some(true)));
    assert!(json(&db, &["invoice", "list", "--format", "json"]).as_array().unwrap().is_empty());
    let done = ok(&db, &["import", "invoices", file, "--today", "2026-11-30"]);
    assert!(done.contains("recorded 1 new") && done.contains("1 to review"), "{done}");
    let list = json(&db, &["invoice", "list", "C001", "--format", "json"]);
    assert_eq!(list[0]["covers"][0]["number"], "SD-2026-000001");
}

#[test]
fn an_invoice_list_kept_by_hand_is_read_by_the_columns_given_and_they_are_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let db = book(dir.path());
    let list = |number: &str, amount: &str, tax: &str| {
        let file = dir.path().join(format!("{number}.csv"));
        let text = format!(
            "本月开票登记,,,,\r\n票号,客户,开票日,合计金额,税金\r\n{number},华联超市,2026-11-20,{amount},{tax}\r\n"
        );
        std::fs::write(&file, encoding_rs::GBK.encode(&text).0).unwrap();
        file.to_str().unwrap().to_string()
    };
    let first = list("26332000000012345678", "8000.00", "920.35");
    let out = cli(&db, &["import", "invoices", &first, "--format", "json", "--today", "2026-11-30"]);
    assert!(!out.status.success(), "headings of its own: refused until its columns are given");
    let columns = [
        "--column",
        "number=票号",
        "--column",
        "buyer=2",
        "--column",
        "date=开票日",
        "--column",
        "total=合计金额",
        "--column",
        "tax=税金",
    ];
    let done = json(
        &db,
        &[&["import", "invoices", &first, "--format", "json", "--today", "2026-11-30"][..], &columns].concat(),
    );
    assert_eq!((done["new"].as_u64(), done["review"].as_array().map(Vec::len)), (Some(1), Some(0)));
    let second = list("26332000000012345679", "3300.00", "379.65");
    let again = json(&db, &["import", "invoices", &second, "--format", "json", "--today", "2026-11-30"]);
    assert_eq!(again["new"].as_u64(), Some(1), "read by the columns remembered for these headings: {again}");
    assert_eq!(json(&db, &["invoice", "list", "C001", "--format", "json"]).as_array().unwrap().len(), 2);
}
