//! huikuan-cli end to end: the real binary on a real file, the contract's commands.

mod common;

use std::path::Path;
use std::process::Command;

use common::{cli, json, ok, story, story_book};
use serde_json::Value;

#[test]
fn the_story_ages_exactly_as_the_contract_says() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let report = json(&db, &["report", "aging", "--as-of", "2026-04-15", "--format", "json"]);
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(story("aging-2026-04-15.json")).unwrap()).unwrap();
    assert_eq!(report, expected);
    assert_eq!(report["customers"][0]["buckets"]["31-60"], "3097.00");
    assert_eq!(report["totals"]["balance"], "5837.38");
}

#[test]
fn aging_omits_customers_with_nothing_dated_by_then_and_ignores_later_entries() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let report = json(&db, &["report", "aging", "--as-of", "2026-01-16", "--format", "json"]);
    let codes: Vec<&str> =
        report["customers"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["C001", "C003"], "C002's first entry is dated 2026-02-03");
    // 12000 opening (due 2025-11-30, 47 days) and the 8097 delivery, not yet due; no payment yet.
    assert_eq!(report["customers"][0]["buckets"]["31-60"], "12000.00");
    assert_eq!(report["customers"][0]["buckets"]["not_due"], "8097.00");
    assert_eq!(report["customers"][0]["balance"], "20097.00");
    assert!(json(&db, &["report", "aging", "--as-of", "2025-01-01", "--format", "json"])["customers"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn every_amount_in_the_aging_json_is_a_string_with_two_decimals() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let report = json(&db, &["report", "aging", "--as-of", "2026-04-15", "--format", "json"]);
    fn check(value: &Value) {
        match value {
            Value::Object(map) => {
                map.iter().filter(|(k, _)| !matches!(k.as_str(), "code" | "name")).for_each(|(_, v)| check(v))
            }
            Value::String(s) => {
                let (_, decimals) = s.split_once('.').unwrap_or_else(|| panic!("{s} has no decimals"));
                assert_eq!(decimals.len(), 2, "{s}");
            }
            other => panic!("amount {other} is not a string"),
        }
    }
    for customer in report["customers"].as_array().unwrap() {
        check(customer);
    }
    check(&report["totals"]);
}

#[test]
fn a_bad_import_exits_non_zero_lists_every_bad_row_and_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let before = std::fs::read(&db).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "number,customer_code,date,amount,method,reference\n\
         PM-9,C001,2026-02-30,100,bank,\n\
         PM-10,NOPE,2026-02-01,100,bank,\n\
         PM-11,C001,2026-02-01,10.005,bank,\n\
         PM-12,C001,2026-02-01,100,bank,ok\n\
         PM-2026-000001,C001,2026-02-01,5,cash,\n\
         PM-14,C001,2026-02-01,5\n",
    )
    .unwrap();
    let out = cli(&db, &["import", "payments", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("line ")).collect();
    assert_eq!(
        lines,
        [
            "line 2: date: '2026-02-30' is not a date that exists",
            "line 3: unknown customer 'NOPE'",
            "line 4: amount: '10.005' has more than 2 decimals",
            "line 6: payment number 'PM-2026-000001' already exists",
            "line 7: expected 6 columns, found 4",
        ]
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "the book is byte-for-byte unchanged");
}

#[test]
fn a_rejected_import_in_json_says_so_on_stdout_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\nC001,dup,shop,,,cod,,\n",
    )
    .unwrap();
    let out = cli(&db, &["import", "customers", bad.to_str().unwrap(), "--format", "json"]);
    assert!(!out.status.success());
    let error: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["error"]["code"], "import_rejected");
    assert_eq!(error["error"]["rows"][0]["line"], 2);
}

#[test]
fn the_customer_ledger_carries_a_running_balance() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let ledger = json(&db, &["customer", "ledger", "C001", "--format", "json"]);
    let balances: Vec<&str> =
        ledger["entries"].as_array().unwrap().iter().map(|e| e["balance"].as_str().unwrap()).collect();
    assert_eq!(balances, ["12000.00", "20097.00", "8097.00", "3097.00", "6137.00"]);
    assert_eq!(ledger["balance"], "6137.00");
    assert_eq!(ledger["entries"][1]["number"], "SD-2026-000001");
    assert_eq!(ledger["entries"][1]["due_date"], "2026-03-02");
    let unknown = cli(&db, &["customer", "ledger", "NOPE"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("customer 'NOPE' does not exist"));
}

#[test]
fn every_command_speaks_table_for_people() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let aging = ok(&db, &["report", "aging", "--as-of", "2026-04-15", "--format", "table"]);
    assert!(aging.lines().any(|l| l.starts_with("C001  华联超市") && l.contains("3097.00")), "{aging}");
    let ledger = ok(&db, &["customer", "ledger", "C001", "--format", "table"]);
    assert!(ledger.contains("SD-2026-000003") && ledger.contains("6137.00"), "{ledger}");
    let list = ok(&db, &["customer", "list", "--today", "2026-04-15"]);
    assert!(list.contains("Zhang's Workshop") && list.contains("-299.62"), "{list}");
}

#[test]
fn customer_search_puts_prefix_matches_first_and_folds_latin_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let codes = |text: &str| -> Vec<String> {
        let found = json(&db, &["customer", "search", text, "--format", "json"]);
        found.as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(codes("WORKSHOP"), ["C003"]);
    assert_eq!(codes("药房"), ["C002"]);
    // "13" starts no code or name but is inside C002's phone.
    assert_eq!(codes("13"), ["C002"]);
    // "C00" starts every code: all of them, by code; "华" starts C001's name only.
    assert_eq!(codes("C00"), ["C001", "C002", "C003"]);
    assert_eq!(codes("华"), ["C001"]);
    assert!(codes("nobody").is_empty());
    let found = json(&db, &["customer", "search", "华联", "--today", "2026-04-15", "--format", "json"]);
    assert_eq!(found[0]["balance"], "6137.00");
}

#[test]
fn payments_credit_notes_and_write_offs_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let receipt = json(
        &db,
        &[
            "payment",
            "--customer",
            "C001",
            "--date",
            "2026-04-20",
            "--amount",
            "3100",
            "--method",
            "bank",
            "--allocate",
            "SD-2026-000003=3040",
            "--format",
            "json",
        ],
    );
    assert_eq!(receipt["applied"][0]["number"], "SD-2026-000003");
    assert_eq!(receipt["applied"][1]["amount"], "60.00");
    ok(
        &db,
        &[
            "write-off",
            "--customer",
            "C001",
            "--receivable",
            "SD-2026-000001",
            "--date",
            "2026-12-01",
            "--reason",
            "客户失联",
        ],
    );
    let after = json(&db, &["report", "aging", "--as-of", "2026-12-31", "--format", "json"]);
    assert_eq!(after["customers"][0]["balance"], "0.00");
    let refused =
        cli(&db, &["payment", "--customer", "C001", "--date", "2026-04-20", "--amount", "1.001", "--method", "bank"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("more than 2 decimals"));
}

#[test]
fn commands_refuse_a_book_that_does_not_exist_and_init_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let out = cli(&db, &["report", "aging", "--as-of", "2026-01-01"]);
    assert!(!out.status.success());
    assert!(!db.exists(), "a mistyped path does not create an empty book");
    ok(&db, &["init"]);
    ok(&db, &["init"]);
    assert!(db.exists());
}

#[test]
fn backup_writes_a_book_that_opens() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let copy = dir.path().join("copy.db");
    ok(&db, &["backup", "--to", copy.to_str().unwrap()]);
    let report = json(&copy, &["report", "aging", "--as-of", "2026-04-15", "--format", "json"]);
    assert_eq!(report["totals"]["balance"], "5837.38");
    assert!(!cli(&db, &["backup", "--to", copy.to_str().unwrap()]).status.success(), "never overwrites");
}

#[test]
fn the_company_profile_is_set_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("books.db");
    ok(&db, &["init"]);
    ok(&db, &["company", "set", "--legal-name", "杭州顺达商贸有限公司", "--tax-id", "91330100MA2XXXXXX1"]);
    ok(&db, &["company", "set", "--bank-name", "中国工商银行杭州分行", "--doc-language", "en"]);
    let profile = json(&db, &["company", "show", "--format", "json"]);
    assert_eq!(profile["legal_name"], "杭州顺达商贸有限公司");
    assert_eq!(profile["tax_id"], "91330100MA2XXXXXX1");
    assert_eq!(profile["doc_language"], "en");
    assert_eq!(profile["currency"], "CNY");
    assert!(!cli(&db, &["company", "set", "--currency", "yuan"]).status.success());
    assert_eq!(json(&db, &["company", "show", "--format", "json"])["currency"], "CNY");
}

#[test]
fn customer_add_gives_the_credit_policy_default_terms_and_limit_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("books.db");
    ok(&db, &["init"]);
    let added = json(&db, &["customer", "add", "--code", "N1", "--name", "新客户", "--format", "json"]);
    assert_eq!((&added["payment_terms"], &added["credit_limit"]), (&Value::from("net:15"), &Value::from("50000.00")));
    let told = ["--terms", "eom:30", "--credit-limit", "1000", "--format", "json"];
    let added = json(&db, &[&["customer", "add", "--code", "N2", "--name", "老客户"][..], &told[..]].concat());
    assert_eq!((&added["payment_terms"], &added["credit_limit"]), (&Value::from("eom:30"), &Value::from("1000.00")));
    let only_terms =
        json(&db, &["customer", "add", "--code", "N3", "--name", "现款", "--terms", "cod", "--format", "json"]);
    assert_eq!(only_terms["credit_limit"], "50000.00", "the limit not given is still the policy's");
    // The first delivery on credit to a customer added with the defaults is not blocked.
    ok(
        &db,
        &["--today", "2026-12-01", "delivery", "--customer", "N1", "--date", "2026-12-01", "--line", "水泥,1,500.00"],
    );
}

#[test]
fn a_deliveries_import_over_the_limit_lists_the_blocked_rows_until_a_reason_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("books.db");
    ok(&db, &["init"]);
    ok(&db, &["customer", "add", "--code", "K1", "--name", "宏达五金", "--terms", "net:30", "--credit-limit", "1000"]);
    let csv = dir.path().join("deliveries.csv");
    std::fs::write(
        &csv,
        "number,customer_code,date,item,quantity,unit_price,due_date\n\
         D1,K1,2026-11-01,水泥,1,600.00,\n\
         D2,K1,2026-11-02,水泥,1,400.00,\n\
         D3,K1,2026-11-03,螺丝,1,0.01,\n",
    )
    .unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = cli(&db, &["--today", "2026-11-03", "import", "deliveries", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "error: nothing was imported: 1 bad row(s)\n\
         line 4: delivery on credit to K1 宏达五金 is blocked: over the credit limit: owes ¥1,000.00, this delivery \
         ¥0.01, exposure ¥1,000.01 against a limit of ¥1,000.00 (¥0.01 over). To issue it anyway, give a written \
         reason for the override\n",
        "exactly at the limit (D2) passes; one cent over (D3) is blocked"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was written");

    ok(&db, &["--today", "2026-11-03", "import", "deliveries", csv.to_str().unwrap(), "--override-reason", "老板同意"]);
    let credit = json(&db, &["--today", "2026-11-23", "customer", "credit", "K1", "--format", "json"]);
    assert_eq!(credit["credit_limit"], "1000.00");
    assert_eq!(credit["balance"], "1000.01");
    assert_eq!(credit["available"], "-0.01");
    assert_eq!(credit["latest_assessment"], Value::Null);
    assert_eq!(credit["behaviour"]["broken_promises"], 0);
    assert_eq!(credit["behaviour"]["avg_days_to_pay"], Value::Null);
    let overrides = credit["overrides"].as_array().unwrap();
    assert_eq!(overrides.len(), 1);
    assert_eq!(overrides[0]["number"], "D3");
    assert_eq!(overrides[0]["reason"], "老板同意");
    assert_eq!(overrides[0]["exposure"], "1000.01");
    assert!(overrides[0]["blocks"][0]["zh"].as_str().unwrap().starts_with("超出信用额度"));
    let audit = ok(&db, &["audit", "--limit", "50"]);
    assert!(audit.contains("override"), "{audit}");
}

#[test]
fn a_file_attached_to_a_customer_is_kept_by_its_hash_beside_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let contract = dir.path().join("合同.pdf");
    std::fs::write(&contract, b"%PDF-1.4 payment within 30 days").unwrap();
    let stored = json(
        &db,
        &["customer", "attach", "C001", contract.to_str().unwrap(), "--kind", "contract", "--format", "json"],
    );
    let sha = stored["sha256"].as_str().unwrap();
    assert_eq!(sha, "6c64bc6f16e7da32bddb476c4aad043b3e3919422b17a4adb8d7ffb670c702ef", "sha256sum of the file");
    assert_eq!(stored["title"], "合同.pdf");
    let kept = dir.path().join("attachments").join(&sha[..2]).join(sha);
    assert_eq!(std::fs::read(kept).unwrap(), b"%PDF-1.4 payment within 30 days");
    let list = json(&db, &["customer", "attachments", "C001", "--format", "json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let out = cli(&db, &["customer", "attach", "C001", contract.to_str().unwrap(), "--kind", "invoice"]);
    assert!(!out.status.success());
}

#[test]
fn a_delivery_note_prints_to_the_same_pdf_every_time_with_its_total_in_capitals() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    let wrote = json(&db, &["document", "pdf", "SD-2026-000001", "--out", a.to_str().unwrap(), "--format", "json"]);
    ok(&db, &["document", "pdf", "SD-2026-000001", "--out", b.to_str().unwrap()]);
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "the same note, the same bytes");
    assert_eq!(wrote["bytes"], bytes.len());
    let text = Command::new("pdftotext").arg("-layout").arg(&a).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    for expected in
        ["SD-2026-000001", "华联超市 (C001)", "东北大米 25kg", "合计 ¥8,097.00", "人民币捌仟零玖拾柒元整", "月结 30 天"]
    {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    let missing = cli(&db, &["document", "pdf", "SD-2026-999999", "--out", a.to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("document 'SD-2026-999999' does not exist"));
}

#[test]
fn a_note_signed_from_the_command_line_verifies_until_a_byte_of_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let (png, strokes) = (dir.path().join("sig.png"), dir.path().join("strokes.json"));
    std::fs::write(&png, huikuan_docs::sample::signature_png(2)).unwrap();
    std::fs::write(&strokes, r#"[{"points":[{"x":1,"y":2,"time":0},{"x":40,"y":9,"time":16}]}]"#).unwrap();
    let signed = json(
        &db,
        &[
            "document",
            "sign",
            "SD-2026-000001",
            "--signer",
            "王建国",
            "--png",
            png.to_str().unwrap(),
            "--strokes",
            strokes.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(signed["status"], "signed_pad");
    assert_eq!(signed["signature"]["signer"], "王建国");
    let listed = json(&db, &["document", "list", "C001", "--format", "json"]);
    assert_eq!(listed["papers"].as_array().unwrap().iter().filter(|p| p["status"] == "signed_pad").count(), 1);
    let out = dir.path().join("signed.pdf");
    ok(&db, &["document", "pdf", "SD-2026-000001", "--signed", "--out", out.to_str().unwrap()]);
    assert_eq!(signed["signature"]["sha256"].as_str().unwrap(), sha256sum(&std::fs::read(&out).unwrap()));
    assert!(
        ok(&db, &["document", "verify", "SD-2026-000001"]).contains("issued pdf ok, signed pdf ok, signed original ok")
    );
    let again = cli(
        &db,
        &[
            "document",
            "sign",
            "SD-2026-000001",
            "--signer",
            "李四",
            "--png",
            png.to_str().unwrap(),
            "--strokes",
            strokes.to_str().unwrap(),
        ],
    );
    assert!(!again.status.success(), "signed once only");

    // One byte of the stored signed PDF changed in the book file: a piece of the signed PDF
    // that the issued one does not share (they share the issued pages' content).
    let signed_pdf = std::fs::read(&out).unwrap();
    let issued_file = dir.path().join("issued.pdf");
    ok(&db, &["document", "pdf", "SD-2026-000001", "--out", issued_file.to_str().unwrap()]);
    let issued = std::fs::read(&issued_file).unwrap();
    let mut file = std::fs::read(&db).unwrap();
    let at = (0..signed_pdf.len() - 64)
        .step_by(101)
        .map(|start| &signed_pdf[start..start + 48])
        .filter(|piece| !issued.windows(48).any(|w| w == *piece))
        .find_map(|piece| file.windows(48).position(|w| w == piece))
        .expect("a piece of the signed PDF sits whole in one page");
    file[at + 10] ^= 0x20;
    std::fs::write(&db, file).unwrap();
    let verify = cli(&db, &["document", "verify", "--all"]);
    assert_eq!(verify.status.code(), Some(1));
    let said = String::from_utf8_lossy(&verify.stderr);
    assert!(said.contains("SD-2026-000001 signed_pdf: recorded sha256"), "{said}");
}

fn sha256sum(bytes: &[u8]) -> String {
    huikuan_app::customers::sha256_hex(bytes)
}

#[test]
fn a_letter_from_the_command_line_and_the_limitation_report_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let out = dir.path().join("letter.pdf");
    let issued = json(
        &db,
        &[
            "letter",
            "C001",
            "--level",
            "1",
            "--date",
            "2026-04-15",
            "--today",
            "2026-04-15",
            "--out",
            out.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(issued["letter"]["number"], "DL-2026-000001");
    assert_eq!(issued["letter"]["level"], 1);
    assert_eq!(issued["letter"]["total"], "3097.00", "what the aging contract says is overdue for C001 on 2026-04-15");
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    let bad = cli(&db, &["letter", "C001", "--level", "4", "--out", out.to_str().unwrap()]);
    assert!(!bad.status.success(), "there are three levels");
    let report = json(&db, &["report", "limitation", "--as-of", "2026-04-15", "--format", "json"]);
    assert_eq!(report["as_of"], "2026-04-15");
    let rows = report["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        for key in ["code", "name", "number", "doc_date", "due_date", "open", "last_restart", "ends_on", "days_left"] {
            assert!(row.get(key).is_some(), "{key} missing from {row}");
        }
    }
    let ends: Vec<&str> = rows.iter().map(|r| r["ends_on"].as_str().unwrap()).collect();
    let mut sorted = ends.clone();
    sorted.sort();
    assert_eq!(ends, sorted, "soonest to end first");
}

#[test]
fn the_worklist_a_promise_and_the_forecast_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let added = json(
        &db,
        &[
            "--today",
            "2026-04-15",
            "promise",
            "add",
            "C001",
            "--amount",
            "1000",
            "--date",
            "2026-04-20",
            "--by",
            "王经理",
            "--format",
            "json",
        ],
    );
    assert_eq!((added["amount"].as_str(), added["promised_date"].as_str()), (Some("1000.00"), Some("2026-04-20")));
    let bad = cli(&db, &["--today", "2026-04-15", "promise", "add", "C001", "--amount", "-5", "--date", "2026-04-20"]);
    assert!(!bad.status.success());
    let list = json(&db, &["worklist", "--as-of", "2026-04-15", "--format", "json"]);
    let rows = list.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        for key in ["code", "name", "priority", "overdue", "days_overdue", "reasons", "last_contact", "stage"] {
            assert!(row.get(key).is_some(), "{key} missing from {row}");
        }
    }
    let priorities: Vec<f64> = rows.iter().map(|r| r["priority"].as_f64().unwrap()).collect();
    assert!(priorities.windows(2).all(|w| w[0] >= w[1]), "highest first: {priorities:?}");
    let c001 = rows.iter().find(|r| r["code"] == "C001").unwrap();
    assert_eq!(c001["reasons"][0]["kind"], "overdue");
    let forecast = json(&db, &["report", "forecast", "--as-of", "2026-04-15", "--format", "json"]);
    assert_eq!(forecast["weeks"].as_array().unwrap().len(), 12);
    assert_eq!(forecast["weeks"][0]["promised"], "1000.00", "the promise falls in the first week");
}

#[test]
fn restore_checks_the_backup_first_keeps_the_book_it_replaces_and_mends_a_broken_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let backup = dir.path().join("saved.db");
    ok(&db, &["backup", "--to", backup.to_str().unwrap()]);
    ok(&db, &["customer", "add", "--code", "LATE", "--name", "后来的客户"]);

    // Not a book: refused before anything is touched.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "this is not a database").unwrap();
    let before = std::fs::read(&db).unwrap();
    let refused = cli(&db, &["restore", "--from", junk.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a Huikuan book"), "{refused:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let done = json(&db, &["restore", "--from", backup.to_str().unwrap(), "--format", "json"]);
    let listed = ok(&db, &["customer", "list"]);
    assert!(!listed.contains("LATE"), "the backup's customers: {listed}");
    let kept = done["replaced_kept_at"].as_str().unwrap();
    assert!(kept.contains("backups/books-before-restore-"), "{kept}");
    assert!(ok(Path::new(kept), &["customer", "list"]).contains("LATE"), "the replaced book is kept whole");

    // A book overwritten with garbage no longer opens; the backup brings it back.
    std::fs::write(&db, "overwritten").unwrap();
    assert!(!cli(&db, &["customer", "list"]).status.success());
    ok(&db, &["restore", "--from", backup.to_str().unwrap()]);
    assert!(ok(&db, &["customer", "list"]).contains("C001"));
}
