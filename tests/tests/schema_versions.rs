//! Books written by earlier versions of Huikuan open at the latest schema version with
//! everything in them (issue 10: a fixture book per version, from the second on). The
//! fixtures in tests/fixtures/schema/ were written by the huikuan-cli of the version named
//! (v1-v4: see credit.rs, papers.rs, statements.rs, letters.rs; v5 and v6 here):
//!
//!   git worktree add /tmp/v5 bbe8640   # (v6: 44e39f9)
//!   cd /tmp/v5 && cargo build -p huikuan-cli
//!   B=target/debug/huikuan-cli; $B --db v5.db init; $B --db v5.db customer add --code V5 …

use huikuan_app::{Books, FixedClock};
use huikuan_tests::date;

fn open_fixture(version: u32, today: &str) -> (tempfile::TempDir, Books) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    std::fs::copy(format!("{}/fixtures/schema/v{version}.db", env!("CARGO_MANIFEST_DIR")), &path).unwrap();
    let books = Books::open(&path, Box::new(FixedClock::on(date(today))), "tester").unwrap();
    let backup = dir.path().join(format!("books.db.v{version}-before-v{}.bak", huikuan_store::latest_version()));
    assert!(backup.exists(), "the book as it was is kept before migrating");
    (dir, books)
}

/// What every migrated book must satisfy: its papers unaltered, what is kept equal to the
/// ledger (migration 0007 fills it in from the ledger).
fn whole(books: &mut Books) {
    assert!(books.verify_all_papers().unwrap().iter().all(|v| v.ok));
    assert!(books.check_kept().unwrap().is_empty());
}

#[test]
fn a_version_5_book_opens_with_its_letter_and_its_aging() {
    let (_dir, mut books) = open_fixture(5, "2026-12-10");
    whole(&mut books);
    let papers = books.customer_papers("V5").unwrap();
    assert!(papers.papers.iter().any(|p| p.number == "DL-2026-000001"), "the letter is there");
    let aging = books.aging_report(date("2026-12-10"), huikuan_domain::AgingBasis::DueDate).unwrap();
    assert_eq!(aging.customers.len(), 1);
    assert_eq!(aging.totals.balance.to_string(), "1800.00");
}

#[test]
fn a_version_6_book_opens_with_its_promise_and_plan_and_forecasts() {
    let (_dir, mut books) = open_fixture(6, "2026-12-10");
    whole(&mut books);
    let collection = books.customer_collection("V6").unwrap();
    assert_eq!(collection.promises.len(), 1);
    assert!(books.plan("RP-2026-000001").is_ok());
    assert!(books.forecast(date("2026-12-10")).unwrap().expected.is_positive());
    assert_eq!(books.customer_ledger_page("V6", 0, 10).unwrap().total, 2);
}
