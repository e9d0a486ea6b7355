//! `huikuan-cli bank`: the contract's commands on a real file, with a WeChat Pay bill.

mod common;

use common::{cli, json, ok, refusal, story_book};
use serde_json::Value;

/// A WeChat Pay bill as the app exports it: UTF-8 with a BOM, its preamble, ¥ amounts.
fn wechat_bill(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from(
        "\u{feff}微信支付账单明细,,,,,,,,,,\n微信昵称：[李老板],,,,,,,,,,\n起始时间：[2026-04-01 00:00:00] 终止时间：[2026-04-30 23:59:59],,,,,,,,,,\n\
         导出类型：[全部],,,,,,,,,,\n共3笔记录,,,,,,,,,,\n\
         ----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n\
         交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n",
    );
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

/// The arguments, on the story's business date.
fn with<'a>(args: &[&'a str]) -> Vec<&'a str> {
    [args, &["--today", "2026-04-15"][..]].concat()
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn bank_import_lines_accept_and_ignore_keep_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let bill = wechat_bill(&[
        "2026-04-10 09:12:00,转账,华联超市,付SD-2026-000003,收入,¥3040.00,零钱,已收钱,100004000126041000001\t,/,/",
        "2026-04-11 10:00:00,商户消费,早餐店,包子,支出,¥8.00,零钱,支付成功,100004000126041100002\t,/,/",
        "2026-04-12 18:30:00,转账,路人甲,/,收入,¥66.00,零钱,已收钱,100004000126041200003\t,/,/",
    ]);
    let file = write(dir.path(), "wechat.csv", &bill);

    let preview = json(&db, &with(&["bank", "import", &file, "--preview", "--format", "json"]));
    assert_eq!((preview["new"].as_u64(), preview["known"].as_u64()), (Some(2), Some(0)));
    assert_eq!(preview["layout"], "wechat");
    let text = ok(&db, &with(&["bank", "import", &file]));
    assert!(text.contains("2 new") && text.contains("0 already known") && text.contains("1 ignored"), "{text}");
    let again = json(&db, &with(&["bank", "import", &file, "--format", "json"]));
    assert_eq!(
        (again["new"].as_u64(), again["known"].as_u64(), again["ignored"].as_u64()),
        (Some(0), Some(2), Some(1))
    );

    let lines = json(&db, &with(&["bank", "lines", "--status", "open", "--format", "json"]));
    let lines = lines.as_array().unwrap();
    assert_eq!(lines.len(), 2);
    let first = &lines[0];
    for key in ["id", "date", "amount", "payer", "payer_account", "memo", "serial", "source", "status", "suggestion"] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert_eq!((first["date"].as_str(), first["amount"].as_str()), (Some("2026-04-10"), Some("3040.00")));
    assert_eq!((first["source"].as_str(), first["status"].as_str()), (Some("wechat"), Some("open")));
    assert_eq!(first["serial"], "100004000126041000001");
    let suggestion = &first["suggestion"];
    assert_eq!((suggestion["customer_code"].as_str(), suggestion["confidence"].as_str()), (Some("C001"), Some("high")));
    assert!(suggestion["reasons"].as_array().unwrap().iter().all(Value::is_string));
    assert_eq!(suggestion["allocations"], serde_json::json!([{ "number": "SD-2026-000003", "amount": "3040.00" }]));
    assert_eq!(lines[1]["suggestion"], Value::Null, "a stranger's transfer with no memo");

    let id = first["id"].to_string();
    ok(&db, &with(&["bank", "accept", &id]));
    let stranger = lines[1]["id"].to_string();
    let out = cli(&db, &with(&["bank", "accept", &stranger, "--format", "json"]));
    assert!(!out.status.success());
    assert!(refusal(&out).to_string().contains("customer"), "{}", refusal(&out));
    ok(&db, &with(&["bank", "ignore", &stranger, "--reason", "朋友还钱"]));

    let accepted = json(&db, &with(&["bank", "lines", "--status", "accepted", "--format", "json"]));
    assert_eq!(accepted.as_array().unwrap().len(), 1);
    let ignored = json(&db, &with(&["bank", "lines", "--status", "ignored", "--format", "json"]));
    assert_eq!(ignored[0]["status"], "ignored");
    assert!(json(&db, &with(&["bank", "lines", "--status", "open", "--format", "json"]))
        .as_array()
        .unwrap()
        .is_empty());
    let ledger = ok(&db, &with(&["customer", "ledger", "C001", "--format", "json"]));
    assert!(ledger.contains("100004000126041000001"), "the payment carries the serial as its reference");
}

#[test]
fn bank_accept_with_a_customer_and_allocations_and_a_bad_layout_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let bill = wechat_bill(&["2026-04-12 18:30:00,转账,王建国,/,收入,¥100.00,零钱,已收钱,100004000126041200009,/,/"]);
    let file = write(dir.path(), "wechat.csv", &bill);
    ok(&db, &["bank", "import", &file, "--today", "2026-04-15"]);
    let out = cli(&db, &["bank", "import", &file, "--layout", "hsbc"]);
    assert!(!out.status.success());
    let id = json(&db, &["bank", "lines", "--format", "json", "--today", "2026-04-15"])[0]["id"].to_string();
    ok(
        &db,
        &["bank", "accept", &id, "--customer", "C001", "--allocate", "SD-2026-000003=100", "--today", "2026-04-15"],
    );
    // 王建国 is learned as C001's payer.
    let later = wechat_bill(&["2026-04-13 08:00:00,转账,王建国,/,收入,¥50.00,零钱,已收钱,100004000126041300010,/,/"]);
    let file = write(dir.path(), "wechat2.csv", &later);
    ok(&db, &["bank", "import", &file, "--today", "2026-04-15"]);
    let lines = json(&db, &["bank", "lines", "--status", "open", "--format", "json", "--today", "2026-04-15"]);
    assert_eq!(lines[0]["suggestion"]["customer_code"], "C001");
}

#[test]
fn a_statement_no_layout_reads_is_read_by_columns_given_on_the_command_line_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let statement = |serial: &str| {
        let text = format!(
            "账号:,1202020209000012345\r\n\
             交易日期[ Transaction Date ],交易金额[ Trade Amount ],付款人名称[ Payer's Name ],用途[ Purpose ],交易流水号[ Transaction reference number ]\r\n\
             20260410,\"3,040.00\",华联超市,货款,{serial}\r\n"
        );
        encoding_rs::GBK.encode(&text).0.into_owned()
    };
    let april = write(dir.path(), "april.csv", &statement("ZJ001"));

    let out = cli(&db, &with(&["bank", "import", &april, "--format", "json"]));
    assert!(!out.status.success());
    let said = refusal(&out);
    assert_eq!(said["error"]["code"], "not_a_statement");
    assert!(said["error"]["rows"][0]["reason"].as_str().unwrap().contains("bank columns FILE"), "{said}");

    let sheet = json(&db, &with(&["bank", "columns", &april, "--format", "json"]));
    assert_eq!((sheet["heading_row"].as_u64(), sheet["remembered"].as_bool()), (Some(2), Some(false)));
    assert_eq!(sheet["headings"][1], "交易金额[ Trade Amount ]");
    let table = ok(&db, &with(&["bank", "columns", &april]));
    assert!(table.contains("amount         2 (交易金额[ Trade Amount ])"), "{table}");

    let by_columns = [
        "--column",
        "date=1",
        "--column",
        "amount=交易金额[ Trade Amount ]",
        "--column",
        "payer=付款人名称[Payer's Name]",
        "--column",
        "memo=4",
        "--column",
        "serial=5",
    ];
    let bad =
        cli(&db, &with(&[&["bank", "import", &april, "--column", "payee=3"][..], &["--format", "json"]].concat()));
    assert!(refusal(&bad)["error"]["message"].as_str().unwrap().contains("no field 'payee'"), "{}", refusal(&bad));
    let done = json(&db, &with(&[&["bank", "import", &april, "--format", "json"][..], &by_columns].concat()));
    assert_eq!((done["layout"].as_str(), done["new"].as_u64()), (Some("mapped"), Some(1)));
    let lines = json(&db, &with(&["bank", "lines", "--format", "json"]));
    assert_eq!((lines[0]["payer"].as_str(), lines[0]["serial"].as_str()), (Some("华联超市"), Some("ZJ001")));

    // May's download is read by April's columns, without any.
    let may = write(dir.path(), "may.csv", &statement("ZJ002"));
    let done = json(&db, &with(&["bank", "import", &may, "--format", "json"]));
    assert_eq!((done["layout"].as_str(), done["new"].as_u64()), (Some("mapped"), Some(1)));
}
