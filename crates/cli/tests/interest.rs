//! Late-payment interest on the real binary: terms set per customer, the LPR table extended,
//! and the claim item by item as JSON.

mod common;

use common::{cli, json, ok, story_book};

#[test]
fn the_claim_follows_the_terms_and_an_lpr_published_after_the_breach_leaves_the_rate() {
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

    // A rate published on 2026-03-20 (2.90%), after the breach began on 2026-03-03: art.
    // 18(4) takes the LPR when the breach occurred, so the item keeps 3.90% for all 44 days.
    ok(&db, &["lpr", "--add", "2026-03-20", "--percent", "2.90"]);
    let claim = json(&db, &["--format", "json", "report", "interest", "C001", "--as-of", "2026-04-15"]);
    assert_eq!(claim["items"][0]["spans"].as_array().unwrap().len(), 1);
    assert_eq!(claim["items"][0]["spans"][0]["lpr_percent"], "3.00");
    assert_eq!(claim["interest"], "14.56");
    let table = ok(&db, &["report", "interest", "C001", "--as-of", "2026-04-15"]);
    assert!(table.contains("principal ¥3,097.00 + interest ¥14.56 = claim ¥3,111.56"), "{table}");
    assert!(table.contains("art. 18(4)") && table.contains("第十八条第四款"), "the basis in both languages:\n{table}");

    let slip = cli(&db, &["customer", "interest", "C001", "--daily-rate", "0.05"]);
    assert!(!slip.status.success(), "5% a day is refused");
    assert!(String::from_utf8_lossy(&slip.stderr).contains("0.0005"));
    let both = cli(&db, &["customer", "interest", "C001", "--daily-rate", "0.0005", "--none"]);
    assert!(!both.status.success(), "one basis at a time");
}
