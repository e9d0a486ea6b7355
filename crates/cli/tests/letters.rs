//! `huikuan-cli letter`: a level above the one due is refused unless the owner gives a
//! written reason, which the letter then keeps; a letter is dated the day it is issued
//! (`--today` here), an earlier date only with `--back-date-reason`.

mod common;

use common::{cli, json, refusal, story_book};

#[test]
fn a_final_notice_as_the_first_letter_is_refused_without_a_skip_reason_and_issued_with_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let out = dir.path().join("letter.pdf");
    let path = out.to_str().unwrap();

    let refused =
        cli(&db, &["letter", "C001", "--level", "3", "--date", "2026-04-15", "--today", "2026-04-15", "--out", path]);
    assert!(!refused.status.success(), "a final notice as the first letter skips the escalation");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("the next letter due to C001 is level 1 (reminder)"), "{said}");
    assert!(said.contains("give a written reason"), "{said}");
    assert!(!out.exists(), "nothing written");
    let refused_json = cli(
        &db,
        &[
            "letter",
            "C001",
            "--level",
            "3",
            "--date",
            "2026-04-15",
            "--today",
            "2026-04-15",
            "--out",
            path,
            "--format",
            "json",
        ],
    );
    assert_eq!(refusal(&refused_json)["error"]["code"], "letter_level_skipped");

    let issued = json(
        &db,
        &[
            "letter",
            "C001",
            "--level",
            "3",
            "--date",
            "2026-04-15",
            "--today",
            "2026-04-15",
            "--skip-reason",
            "客户已明确拒付",
            "--out",
            path,
            "--format",
            "json",
        ],
    );
    assert_eq!(issued["letter"]["number"], "DL-2026-000001", "the refusals used no number");
    assert_eq!(issued["letter"]["level"], 3);
    assert_eq!(issued["letter"]["skipped_from"], 1);
    assert_eq!(issued["letter"]["skip_reason"], "客户已明确拒付");
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
}

#[test]
fn a_letter_inside_the_least_gap_after_the_last_is_refused_without_a_skip_reason_and_issued_with_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let out = dir.path().join("letter.pdf");
    let path = out.to_str().unwrap();
    json(
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
            path,
            "--format",
            "json",
        ],
    );
    std::fs::remove_file(&out).unwrap();

    let refused =
        cli(&db, &["letter", "C001", "--level", "1", "--date", "2026/4/20", "--today", "2026-04-20", "--out", path]);
    assert!(!refused.status.success(), "five days after the last letter");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("the next may go on 2026-04-29"), "{said}");
    assert!(!out.exists(), "nothing written");
    let refused_json = cli(
        &db,
        &[
            "letter",
            "C001",
            "--level",
            "1",
            "--date",
            "2026-04-20",
            "--today",
            "2026-04-20",
            "--out",
            path,
            "--format",
            "json",
        ],
    );
    assert_eq!(refusal(&refused_json)["error"]["code"], "letter_too_soon");

    let issued = json(
        &db,
        &[
            "letter",
            "C001",
            "--level",
            "1",
            "--date",
            "2026-04-20",
            "--today",
            "2026-04-20",
            "--skip-reason",
            "客户要求书面提醒",
            "--out",
            path,
            "--format",
            "json",
        ],
    );
    assert_eq!(issued["letter"]["number"], "DL-2026-000002", "the refusals used no number");
}

#[test]
fn a_back_dated_letter_is_refused_without_a_reason_and_issued_with_one_written_to_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    let out = dir.path().join("letter.pdf");
    let path = out.to_str().unwrap();
    let args = ["letter", "C001", "--level", "1", "--date", "2026-04-15", "--today", "2026-05-10", "--out", path];
    let refused = cli(&db, &[&args[..], &["--format", "json"]].concat());
    assert!(!refused.status.success());
    let error = refusal(&refused);
    assert_eq!(error["error"]["code"], "letter_back_dated");
    assert!(error["error"]["message"].as_str().unwrap().contains("2026-04-15 is before today (2026-05-10)"), "{error}");
    assert!(!out.exists(), "nothing written");

    let issued =
        json(&db, &[&args[..], &["--back-date-reason", "4 月 15 日已寄出，补录", "--format", "json"]].concat());
    assert_eq!(issued["letter"]["date"], "2026-04-15");
    let log = json(&db, &["audit", "--today", "2026-05-10", "--format", "json"]);
    let record = log.as_array().unwrap().iter().find(|r| r["action"] == "back_date").expect("audited");
    assert_eq!(record["after"]["reason"], "4 月 15 日已寄出，补录", "{record}");
    assert_eq!(record["after"]["issued_on"], "2026-05-10", "{record}");
}
