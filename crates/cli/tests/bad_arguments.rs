//! Command lines that are wrong (issue 10): each is refused with a message and a failing
//! exit code, and the book's files stay byte for byte as they were.

mod common;

use std::path::Path;
use std::process::Command;

use common::story_book;

const CLI: &str = env!("CARGO_BIN_EXE_huikuan-cli");

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

/// Command lines that must be refused with a message and an exit code, the book untouched.
#[test]
fn bad_command_lines_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let before = files(&db);
    // As long as one argument may be (Linux allows 128 KiB).
    let long = "长".repeat(40_000);
    let allocating = |part: &'static str| {
        vec![
            "payment",
            "--customer",
            "C002",
            "--date",
            "2026-04-01",
            "--amount",
            "5",
            "--method",
            "bank",
            "--allocate",
            part,
        ]
    };
    let cases: Vec<Vec<&str>> = vec![
        vec!["frobnicate"],
        vec!["report", "aging", "--as-of", "2026-02-30"],
        vec!["report", "aging", "--as-of", "yesterday"],
        vec!["report", "aging", "--format", "xml"],
        vec!["report", "aging", "--basis", "whim"],
        vec!["customer", "ledger", "NOPE"],
        vec!["customer", "ledger", &long],
        vec!["customer", "show", "NOPE"],
        vec!["customer", "add", "--code", "C001", "--name", "重复"],
        vec!["customer", "add", "--code", "", "--name", "无码"],
        vec!["customer", "add", "--code", "N1", "--name", &long],
        vec!["customer", "add", "--code", "N1", "--name", "x", "--credit-limit", "-5"],
        vec!["customer", "add", "--code", "N1", "--name", "x", "--credit-limit", "1.001"],
        vec!["customer", "add", "--code", "N1", "--name", "x", "--terms", "never"],
        vec!["delivery", "--customer", "NOPE", "--date", "2026-04-01", "--line", "米,1,1"],
        vec!["delivery", "--customer", "C002", "--date", "2026-02-30", "--line", "米,1,1"],
        vec!["delivery", "--customer", "C002", "--date", "2026-04-01", "--line", "米,-1,1"],
        vec!["delivery", "--customer", "C002", "--date", "2026-04-01", "--line", "米,1,1.00001"],
        vec!["delivery", "--customer", "C002", "--date", "2026-04-01", "--line", "米"],
        vec!["delivery", "--customer", "C002", "--date", "2026-04-01"],
        vec!["payment", "--customer", "C002", "--date", "2026-04-01", "--amount", "-5", "--method", "bank"],
        vec!["payment", "--customer", "C002", "--date", "2026-04-01", "--amount", "1.001", "--method", "bank"],
        vec!["payment", "--customer", "C002", "--date", "2026-04-01", "--amount", "abc", "--method", "bank"],
        vec!["payment", "--customer", "C002", "--date", "2026-04-01", "--amount", "5", "--method", "bitcoin"],
        vec!["payment", "--customer", "C002", "--date", "2025-02-29", "--amount", "5", "--method", "bank"],
        allocating("SD-1999-000001=5"),
        allocating("garbage"),
        vec!["credit-note", "--customer", "C002", "--date", "2026-04-01", "--amount", "0", "--reason", "x"],
        vec!["credit-note", "--customer", "C002", "--date", "2026-04-01", "--amount", "5", "--reason", ""],
        vec!["write-off", "--customer", "C002", "--receivable", "NOPE", "--date", "2026-04-01", "--reason", "x"],
        vec!["document", "pdf", "SD-2026-999999", "--out", "/tmp/never.pdf"],
        vec!["document", "verify", "NOPE"],
        vec!["document", "sign", "SD-2026-000001", "--signer", "x", "--scan", "/nonexistent/photo.jpg"],
        vec!["statement", "C001", "--period", "2026-13", "--out", "/tmp/never.pdf"],
        vec!["statement", "NOPE", "--period", "2026-03", "--out", "/tmp/never.pdf"],
        vec!["letter", "C001", "--level", "9", "--out", "/tmp/never.pdf"],
        vec!["letter", "C001", "--level", "1", "--date", "2026-02-30", "--out", "/tmp/never.pdf"],
        vec!["import", "customers", "/nonexistent.csv"],
        vec!["import", "deliveries", "/etc/hostname"],
        vec!["promise", "add", "C001", "--amount", "-1", "--date", "2026-05-01"],
        vec!["promise", "add", "C001", "--amount", "5", "--date", "2026-02-30"],
        vec!["plan", "add", "C001", "--total", "100", "--instalment", "2026-05-01=50"],
        vec!["contact", "C001", "--channel", "pigeon", "--outcome", "reached"],
        vec!["worklist", "--as-of", "2026-00-01"],
    ];
    let mut count = 0;
    for args in &cases {
        let output = Command::new(CLI).arg("--db").arg(&db).args(args).output().unwrap();
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(20).collect()).collect();
        assert!(!output.status.success(), "accepted: {shown:?}");
        assert!(!output.stderr.is_empty(), "no message: {shown:?}");
        assert!(files(&db) == before, "{shown:?}: the book's files changed");
        count += 1;
    }
    println!("bad command lines refused: {count}, the book unchanged after each");
}
