//! Late-payment interest on the real binary: terms set per customer, the LPR table extended,
//! and the claim item by item as JSON.

mod common;

use common::{cli, json, ok, story_book};

#[test]
fn the_claim_follows_the_terms_and_an_lpr_added_later_splits_the_days() {
    let dir = tempfile::tempdir().unwrap();
    let db = story_book(dir.path());
    assert!(ok(&db, &["customer", "interest", "C001"]).contains("none"));
    ok(&db, &["customer", "interest", "C001", "--lpr-uplift", "1.3"]);
    // C001's SD-2026-000001: 3,097.00 open, due 2026-03-02; 44 days to 2026-04-15 at
    // 3.00% × 1.3 = 3.90%: 3,097 × 3.90% × 44 / 365 = 14.5597… → 14.56.
    let claim = json(&db, &["--format", "json", "report", "interest", "C001", "--as-of", "2026-04-15"]);
    assert_eq!(claim["items"][0]["number"], "SD-2026-000001");
    assert_eq!(claim["items"][0]["days"], 44);
    assert_eq!(claim["interest"], "14.56");
    assert_eq!(claim["total"], "3111.56");

    // A rate published on 2026-03-20 (2.90%): 17 days at 3.90%, 27 at 3.77%:
    // 3,097 × (3.90 × 17 + 3.77 × 27) / 36,500 = 3,097 × 168.09 / 36,500 = 14.2622… → 14.26.
    ok(&db, &["lpr", "--add", "2026-03-20", "--percent", "2.90"]);
    let claim = json(&db, &["--format", "json", "report", "interest", "C001", "--as-of", "2026-04-15"]);
    assert_eq!(claim["items"][0]["spans"].as_array().unwrap().len(), 2);
    assert_eq!(claim["interest"], "14.26");
    let table = ok(&db, &["report", "interest", "C001", "--as-of", "2026-04-15"]);
    assert!(table.contains("principal ¥3,097.00 + interest ¥14.26 = claim ¥3,111.26"), "{table}");

    let slip = cli(&db, &["customer", "interest", "C001", "--daily-rate", "0.05"]);
    assert!(!slip.status.success(), "5% a day is refused");
    assert!(String::from_utf8_lossy(&slip.stderr).contains("0.0005"));
    let both = cli(&db, &["customer", "interest", "C001", "--daily-rate", "0.0005", "--none"]);
    assert!(!both.status.success(), "one basis at a time");
}
