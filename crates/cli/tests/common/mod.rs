//! What the CLI's test files share: the real binary run on a book, and the story's book.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn story(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/story").join(file)
}

/// The binary on the book `db`, with no fixed business date.
pub fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huikuan-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("HUIKUAN_TODAY")
        .output()
        .expect("huikuan-cli runs")
}

pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

/// A refusal given with `--format json` (said on stdout, or stderr).
pub fn refusal(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).or_else(|_| serde_json::from_slice(&out.stderr)).expect("a JSON refusal")
}

/// A fresh book with the story's customers, opening balances, deliveries and payments.
pub fn story_book(dir: &Path) -> PathBuf {
    let db = dir.join("books.db");
    ok(&db, &["init"]);
    for kind in ["customers", "opening-balances", "deliveries", "payments"] {
        let file = story(&format!("{kind}.csv"));
        let mut args = vec!["import", kind, file.to_str().unwrap()];
        // History goes in before its payments: on 10 March C001's opening balance looks
        // 100 days overdue, so the credit check needs the owner's word for it.
        if kind == "deliveries" {
            args.extend(["--override-reason", "导入历史送货单"]);
        }
        ok(&db, &args);
    }
    db
}
