use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use huikuan_domain::{AgingBasis, CustomerStatus};

use super::create_demo_books;
use crate::{Books, FixedClock};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn demo(dir: &Path, seed: u64, today: NaiveDate) -> Books {
    create_demo_books(&dir.join("books.db"), Box::new(FixedClock::on(today)), "demo", seed).unwrap()
}

fn entry_count(books: &mut Books) -> i64 {
    books.store().query_value("SELECT COUNT(*) FROM entries").unwrap()
}

#[test]
fn the_demo_is_a_business_with_every_kind_of_debt() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let started = Instant::now();
    let mut books = demo(dir.path(), 1, today);
    let elapsed = started.elapsed();

    let customers = books.list_customers("").unwrap();
    let aging = books.aging_report(today, AgingBasis::DueDate).unwrap();
    let entries = entry_count(&mut books);
    eprintln!(
        "demo: {} customers, {entries} entries, balance {}, credit {}, buckets {}, built in {elapsed:?}",
        customers.len(),
        aging.totals.balance,
        aging.totals.credit,
        serde_json::to_string(&aging.totals.buckets).unwrap(),
    );

    assert!((55..=65).contains(&customers.len()), "{} customers", customers.len());
    assert!((3000..=5000).contains(&entries), "{entries} entries");
    for label in &aging.buckets {
        let amount = aging.totals.buckets.get(label).unwrap();
        assert!(amount.is_positive(), "nothing in bucket {label}");
    }
    let overdue = customers.iter().filter(|c| c.overdue.is_positive()).count();
    assert!(overdue >= 10, "only {overdue} customers are overdue");
    assert!(aging.customers.iter().any(|c| c.credit.is_positive()), "no customer has a credit");
    assert_eq!(books.company().unwrap().legal_name, "杭州明远建材有限公司");
}

#[test]
fn disputing_customers_are_on_hold_with_the_refused_delivery_in_their_notes() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let mut books = demo(dir.path(), 1, today);
    let on_hold: Vec<String> = books
        .list_customers("")
        .unwrap()
        .into_iter()
        .filter(|c| c.status == CustomerStatus::OnHold)
        .map(|c| c.code)
        .collect();
    assert!(on_hold.len() >= 3, "{on_hold:?}");
    for code in on_hold {
        let detail = books.customer(&code).unwrap();
        let notes = &detail.customer.fields.notes;
        assert!(notes.contains("拒付"), "{code}: {notes}");
        let refused = notes.split_whitespace().find(|w| w.starts_with("SD-")).expect("the note names the delivery");
        let open = books.open_items(&code).unwrap();
        assert!(open.iter().any(|i| i.receivable.number == refused), "{code}: {refused} is not open");
    }
}

#[test]
fn the_same_seed_on_the_same_day_gives_the_same_books() {
    let today = date("2026-03-02");
    let report = |seed: u64| {
        let dir = tempfile::tempdir().unwrap();
        let mut books = demo(dir.path(), seed, today);
        serde_json::to_string(&books.aging_report(today, AgingBasis::DueDate).unwrap()).unwrap()
    };
    let first = report(7);
    assert_eq!(first, report(7));
    assert_ne!(first, report(8));
}

#[test]
fn an_existing_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    std::fs::write(&path, b"my own books").unwrap();
    let err = create_demo_books(&path, Box::new(FixedClock::on(date("2026-11-23"))), "demo", 1).err().unwrap();
    assert_eq!(err.code(), "books_exist");
    assert_eq!(std::fs::read(&path).unwrap(), b"my own books");
}

#[test]
fn the_owner_assesses_customers_and_lets_some_blocked_deliveries_through_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let mut books = demo(dir.path(), 1, today);
    let (mut assessed, mut overrides, mut with_facts) = (0, Vec::new(), 0);
    let customers = books.list_customers("").unwrap();
    for c in &customers {
        let credit = books.customer_credit(&c.code, None).unwrap();
        assessed += usize::from(credit.latest_assessment.is_some());
        overrides.extend(credit.overrides);
        let detail = books.customer(&c.code).unwrap();
        with_facts += usize::from(detail.customer.fields.business.founded_year.is_some());
    }
    let due = books.dashboard().unwrap().due_reviews;
    eprintln!("demo credit: {assessed} assessed, {} overrides, {} reviews due", overrides.len(), due.len());
    assert!(assessed >= 20, "{assessed} customers assessed");
    assert!((3..=80).contains(&overrides.len()), "{} overrides", overrides.len());
    assert!(overrides.iter().all(|o| !o.reason.is_empty() && !o.blocks.is_empty()));
    assert!((1..=25).contains(&due.len()), "{} reviews due", due.len());
    assert_eq!(with_facts, customers.len(), "every customer has its business facts");
}

#[test]
fn the_last_three_weeks_of_notes_are_printed_and_most_were_signed_on_delivery() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let mut books = demo(dir.path(), 1, today);
    let count = |books: &mut Books, sql: &str| -> i64 { books.store().query_value(sql).unwrap() };
    let printed = count(&mut books, "SELECT COUNT(*) FROM documents WHERE kind = 'delivery_note'");
    let signed = count(&mut books, "SELECT COUNT(*) FROM signatures WHERE method = 'pad'");
    let oldest: String = books.store().query_value("SELECT min(doc_date) FROM documents").unwrap();
    eprintln!("demo papers: {printed} printed, {signed} signed, oldest {oldest}");
    assert!(printed >= 20, "{printed} notes printed");
    assert!(signed * 10 >= printed * 5 && signed < printed, "{signed} of {printed} signed");
    assert!(oldest.as_str() >= "2026-11-02", "only the recent ones are printed: {oldest}");
    assert!(books.verify_all_papers().unwrap().iter().all(|v| v.ok));
}

#[test]
fn the_late_customers_were_called_made_promises_and_two_agreed_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let today = date("2026-11-23");
    let mut books = demo(dir.path(), 1, today);
    let count = |books: &mut Books, sql: &str| -> i64 { books.store().query_value(sql).unwrap() };
    let logs = count(&mut books, "SELECT COUNT(*) FROM contact_logs");
    let promises = count(&mut books, "SELECT COUNT(*) FROM promises");
    let plans = count(&mut books, "SELECT COUNT(*) FROM plans");
    eprintln!("demo collecting: {logs} contacts, {promises} promises, {plans} plans");
    assert!(logs >= 10 && promises >= 5 && (1..=2).contains(&plans), "{logs} {promises} {plans}");
    let list = books.worklist(today).unwrap();
    assert!(list.len() >= 10);
    assert!(list.iter().any(|w| w.last_contact.is_some()), "some were called");
}
