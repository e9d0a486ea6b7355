//! `document pdf ZC-001` prints a delivery note imported with the old system's number, and
//! the other `document` commands find it the same way.

mod common;

use common::{cli, ok, story_book};

#[test]
fn a_note_imported_with_its_own_number_is_printed_verified_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let file = dir.path().join("old-system.csv");
    std::fs::write(
        &file,
        "number,customer_code,date,item,quantity,unit_price,due_date\nZC-001,C001,2026-03-20,瓷砖,3,35.5,2026-04-20\n",
    )
    .unwrap();
    ok(&db, &["import", "deliveries", file.to_str().unwrap(), "--override-reason", "导入历史送货单"]);

    let out = dir.path().join("ZC-001.pdf");
    ok(&db, &["document", "pdf", "ZC-001", "--out", out.to_str().unwrap()]);
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF was written");
    let text = std::process::Command::new("pdftotext").arg(&out).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(String::from_utf8_lossy(&text.stdout).contains("ZC-001"), "the note's own number is printed");

    let again = dir.path().join("again.pdf");
    ok(&db, &["document", "pdf", "ZC-001", "--kind", "delivery_note", "--out", again.to_str().unwrap()]);
    assert_eq!(std::fs::read(&again).unwrap(), pdf, "the kind said finds the same frozen paper");
    assert!(ok(&db, &["document", "verify", "ZC-001"]).contains("ZC-001"));
    assert!(ok(&db, &["document", "list", "C001"]).contains("ZC-001"));

    let wrong = cli(&db, &["document", "pdf", "ZC-001", "--kind", "letter", "--out", again.to_str().unwrap()]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("dunning letter 'ZC-001' does not exist"));
    let bad = cli(&db, &["document", "pdf", "ZC-001", "--kind", "receipt", "--out", again.to_str().unwrap()]);
    assert!(!bad.status.success(), "an unknown kind is refused");
}
