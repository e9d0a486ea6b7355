//! A slow report never stalls another screen: on a generated book (2,000 customers, about
//! 200,000 entries), the 12-month collection report runs through `AppState::reading`, the
//! path the report command takes, and meanwhile the customer page (what the customer screen
//! asks first) answers through the same path in under 100 ms; then again while the writer
//! holds the book's write lock and records a payment. On SQLite, and on a PostgreSQL copy
//! of the same book when HUIKUAN_TEST_PG names a server.

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use huikuan_app::forms::PaymentForm;
use huikuan_app::shared_books::ServerForm;
use huikuan_app::workspace::Workspace;
use huikuan_app::{AppError, Books, Clock, FixedClock};
use huikuan_desktop::AppState;
use huikuan_store::Locator;

const CUSTOMERS: usize = 2_000;
const ENTRIES: usize = 200_000;
/// The customer page must answer within this while the report runs.
const PAGE_LIMIT: Duration = Duration::from_millis(100);
/// How long the writer keeps the book's write lock before its payment.
const WRITE_HELD: Duration = Duration::from_millis(1_500);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::on(today()))
}

/// The figures of one run, printed and checked.
struct Run {
    report: Duration,
    page: Duration,
    ledger_and_credit: Duration,
    report_running_when_page_answered: bool,
    page_answered: Instant,
}

/// The customer screen's first request, through the path its command takes.
fn customer_page(state: &AppState, code: &str) -> Duration {
    let code = code.to_string();
    let started = Instant::now();
    let detail = tauri::async_runtime::block_on(state.reading(move |b| b.customer(&code))).expect("the customer page");
    assert!(!detail.customer.fields.code.is_empty());
    started.elapsed()
}

/// What the screen asks beside it: the first page of the ledger and the credit figures.
fn ledger_and_credit(state: &AppState, code: &str) -> Duration {
    let code = code.to_string();
    let started = Instant::now();
    tauri::async_runtime::block_on(state.reading(move |b| {
        b.customer_ledger_page(&code, 0, 50)?;
        b.customer_credit(&code, None)
    }))
    .expect("the ledger page and credit");
    started.elapsed()
}

/// Runs the 12-month collection report on a thread of its own and asks for the customer
/// page while it runs.
fn page_while_report_runs(state: &AppState, code: &str) -> Run {
    let reporting = state.clone();
    let report = thread::spawn(move || {
        let started = Instant::now();
        tauri::async_runtime::block_on(reporting.reading(move |b| b.collection_performance(today(), 12)))
            .expect("the collection report");
        (started.elapsed(), Instant::now())
    });
    // Long enough for the report to have started reading, far shorter than it runs.
    thread::sleep(Duration::from_millis(30));
    let page = customer_page(state, code);
    let page_answered = Instant::now();
    let ledger_and_credit = ledger_and_credit(state, code);
    let (report, report_done) = report.join().expect("the report thread");
    Run {
        report,
        page,
        ledger_and_credit,
        report_running_when_page_answered: report_done > page_answered,
        page_answered,
    }
}

fn check(engine: &str, what: &str, run: &Run) {
    println!(
        "{engine}, {what}: 12-month collection report {} ms; customer page {:.1} ms (ledger page and credit after it {:.1} ms)",
        run.report.as_millis(),
        run.page.as_secs_f64() * 1000.0,
        run.ledger_and_credit.as_secs_f64() * 1000.0,
    );
    assert!(run.report_running_when_page_answered, "{engine}: the report had finished before the page answered");
    assert!(run.page < PAGE_LIMIT, "{engine}, {what}: the customer page took {:?}", run.page);
}

fn payment(code: &str) -> PaymentForm {
    PaymentForm {
        customer_code: code.to_string(),
        date: today().to_string(),
        amount: "123.45".into(),
        reference: "reads-beside-writes".into(),
        ..Default::default()
    }
}

/// Everything above on one engine's book, opened as the desktop opens it.
fn show_it(engine: &str, state: AppState, code: &str) {
    // The app has been running: a reader is open and the book's pages are warm.
    customer_page(&state, code);
    tauri::async_runtime::block_on(state.reading(move |b| b.collection_performance(today(), 12))).unwrap();
    println!(
        "{engine}, nothing else running: customer page {:.1} ms (ledger page and credit after it {:.1} ms)",
        customer_page(&state, code).as_secs_f64() * 1000.0,
        ledger_and_credit(&state, code).as_secs_f64() * 1000.0
    );

    let run = page_while_report_runs(&state, code);
    check(engine, "report alone", &run);

    // As every command ran before readers: the report and the page both on the workspace's
    // books, one after the other behind its lock.
    let reporting = state.clone();
    let report = thread::spawn(move || {
        tauri::async_runtime::block_on(reporting.books(move |b| b.collection_performance(today(), 12))).unwrap();
    });
    thread::sleep(Duration::from_millis(30));
    let page_code = code.to_string();
    let started = Instant::now();
    tauri::async_runtime::block_on(state.books(move |b| b.customer(&page_code))).unwrap();
    let waited = started.elapsed();
    report.join().unwrap();
    println!("{engine}, both on the writer (as before): the customer page waited {} ms", waited.as_millis());
    assert!(waited > PAGE_LIMIT, "{engine}: behind the one lock the page waits for the report");

    // The writer holds the book's write lock (as a long import does), then records a
    // payment; the report and the page read meanwhile.
    let writing = state.clone();
    let payer = code.to_string();
    let writer = thread::spawn(move || {
        let started = Instant::now();
        let receipt = tauri::async_runtime::block_on(writing.books(move |b| {
            b.store().write(|_| {
                thread::sleep(WRITE_HELD);
                Ok::<(), AppError>(())
            })?;
            b.record_payment_form(payment(&payer))
        }))
        .expect("the payment");
        (receipt, started.elapsed(), Instant::now())
    });
    thread::sleep(Duration::from_millis(30));
    let run = page_while_report_runs(&state, code);
    let (receipt, written, write_done) = writer.join().expect("the writer thread");
    check(engine, "report and a write in progress", &run);
    println!(
        "{engine}: the write (lock held {} ms, then the payment) took {} ms",
        WRITE_HELD.as_millis(),
        written.as_millis()
    );
    assert!(write_done > run.page_answered, "{engine}: the write had finished before the reads answered");

    // Once committed, the readers see the payment.
    let code = code.to_string();
    let number = receipt.entry.number.clone();
    let ledger = tauri::async_runtime::block_on(state.reading(move |b| b.customer_ledger_page(&code, 0, 50))).unwrap();
    assert!(ledger.entries.iter().any(|e| e.number == number), "{engine}: a reader sees the payment {number}");
}

#[test]
fn the_customer_page_answers_while_the_collection_report_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    let started = Instant::now();
    let mut books = Books::open(&path, Box::new(clock()), "owner").unwrap();
    let made = books.generate(CUSTOMERS, ENTRIES, 21).unwrap();
    println!(
        "generated {} customers, {} entries in {} ms; the largest customer {} has {} entries",
        made.customers,
        made.entries,
        started.elapsed().as_millis(),
        made.largest_customer,
        made.largest_entries
    );
    let code = made.largest_customer.clone();

    let workspace = Workspace::open(path.clone(), clock(), "owner").unwrap();
    show_it("SQLite", AppState::new(workspace), &code);

    let Ok(url) = std::env::var("HUIKUAN_TEST_PG") else {
        println!("PostgreSQL: skipped (HUIKUAN_TEST_PG is not set)");
        return;
    };
    let server = huikuan_store::testing::fresh_server().unwrap();
    let copied = Instant::now();
    books.copy_to(&Locator::Server(server.clone())).unwrap();
    println!("copied to PostgreSQL in {} ms", copied.elapsed().as_millis());
    drop(books);
    let form = ServerForm {
        host: server.host.clone(),
        port: server.port.to_string(),
        database: server.database.clone(),
        user: server.user.clone(),
        password: password_of(&url),
    };
    let mut workspace = Workspace::open(dir.path().join("shared.db"), clock(), "owner").unwrap();
    workspace.open_shared(&form).unwrap();
    show_it("PostgreSQL", AppState::new(workspace), &code);
}

fn password_of(url: &str) -> String {
    let after_user = url.split_once("://").unwrap().1.split_once('@').unwrap().0;
    after_user.split_once(':').map(|(_, p)| p.to_string()).unwrap_or_default()
}
