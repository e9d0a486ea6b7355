//! The book benchmarks (issue 9): each figure against its goal, on a generated ten-year
//! book, warm. Not timed tests: they print, they never fail on speed.
//!
//!   cargo bench -p huikuan-app --bench books -- [--entries 1000000] [--customers 10000] [--db FILE]
//!   cargo bench -p huikuan-app --bench books -- --quick      (a small book; CI runs this)
//!   cargo bench -p huikuan-app --bench books -- --db FILE --only import,dashboard
//!
//! `--db FILE` reuses (or first writes) a generated book there, so the 1M-entry book is
//! generated once. `--db postgresql://…` runs the same figures on shared books on a server
//! (an empty database is filled first: from `--from FILE`, or generated into a temporary
//! file and copied), beside the floor of the same run: the server's own client, `psql`,
//! reading the whole ledger table. Under `cargo test --benches` (no `--bench` argument) it
//! runs quick.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use huikuan_app::ledger::NewPayment;
use huikuan_app::{Books, FixedClock};
use huikuan_domain::{AgingBasis, Money, PaymentMethod, Period};
use huikuan_store::Locator;

struct Options {
    quick: bool,
    customers: usize,
    entries: usize,
    db: Option<String>,
    /// For a server: the book to copy there when its database is empty.
    from: Option<PathBuf>,
    /// Only these figures (comma separated: aging, ledger, search, dashboard, payment,
    /// collections, import, month-end, check); all when not given.
    only: Option<Vec<String>>,
}

impl Options {
    fn wants(&self, figure: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.iter().any(|o| o == figure))
    }
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let quick = args.iter().any(|a| a == "--quick") || !args.iter().any(|a| a == "--bench");
    let entries = value("--entries").and_then(|v| v.parse().ok()).unwrap_or(if quick { 3_000 } else { 1_000_000 });
    let customers = value("--customers").and_then(|v| v.parse().ok()).unwrap_or((entries / 100).clamp(20, 10_000));
    let only = value("--only").map(|v| v.split(',').map(str::to_string).collect());
    Options { quick, customers, entries, db: value("--db"), from: value("--from").map(PathBuf::from), only }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn open(path: &std::path::Path) -> Books {
    Books::open(path, Box::new(FixedClock::on(today())), "bench").expect("the book opens")
}

/// The generated book, written once into `path`.
fn generate(o: &Options, path: &std::path::Path) {
    let t = Instant::now();
    let made = open(path).generate(o.customers, o.entries, 1).expect("the book is generated");
    println!(
        "generated {} customers, {} entries ({} delivery lines) in {:.1} s (the ledger in {:.1} s)",
        made.customers,
        made.entries,
        made.delivery_lines,
        t.elapsed().as_secs_f64(),
        made.ledger_millis as f64 / 1000.0
    );
}

/// The books the figures are measured on: a file (generated on first use), or a server's
/// database (filled on first use by a whole-book copy).
fn books_for(o: &Options, dir: &std::path::Path) -> Books {
    let place = o.db.clone().unwrap_or_else(|| dir.join("books.db").display().to_string());
    let locator = Locator::parse(&place).expect("a file or a postgresql:// URL");
    let Locator::Server(_) = &locator else {
        let path = PathBuf::from(&place);
        if !path.exists() {
            generate(o, &path);
        }
        return open(&path);
    };
    let mut books = Books::open_at(&locator, Box::new(FixedClock::on(today())), "bench").expect("the server opens");
    let held: i64 = books.store().query_value("SELECT count(*) FROM entries").expect("entries counted");
    if held == 0 {
        let source = o.from.clone().unwrap_or_else(|| dir.join("source.db"));
        if !source.exists() {
            generate(o, &source);
        }
        let t = Instant::now();
        let copied = open(&source).copy_to(&locator).expect("copied to the server");
        println!("copied {} entries to {} in {:.1} s", copied.entries, copied.to, t.elapsed().as_secs_f64());
        books = Books::open_at(&locator, Box::new(FixedClock::on(today())), "bench").expect("the server opens");
    }
    books
}

/// The floor of the same run on a server: `psql` reading the whole ledger table (every
/// column of every entry) and throwing it away; None for a file.
fn ledger_floor(o: &Options, runs: usize) -> Option<Duration> {
    let url = o.db.as_ref().filter(|d| huikuan_store::locator::is_server_url(d))?;
    let read = || {
        let out = std::process::Command::new("psql")
            .args([url.as_str(), "-Atqc", "COPY (SELECT * FROM entries) TO STDOUT"])
            .stdout(std::process::Stdio::null())
            .status()
            .expect("psql runs");
        assert!(out.success(), "psql read the ledger");
    };
    Some(median(runs, read))
}

/// The median of `runs` timings of `f`, after one warm-up run.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// One figure of a screen, computed from the books.
type Figure = Box<dyn Fn(&mut Books)>;

fn report(what: &str, took: Duration, goal_ms: f64) {
    let ms = took.as_secs_f64() * 1000.0;
    let verdict = if ms <= goal_ms { "meets" } else { "MISSES" };
    println!("{what}: {ms:.1} ms (goal <= {goal_ms} ms: {verdict})");
}

fn main() {
    let o = options();
    let runs = if o.quick { 3 } else { 7 };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut books = books_for(&o, dir.path());
    let entries: i64 = books.store().query_value("SELECT count(*) FROM entries").expect("entries counted");
    let customers = books.list_customers("").expect("customers").len();
    let engine = format!("{:?}", books.store().engine());
    println!("book: {customers} customers, {entries} entries ({}, {engine})", if o.quick { "quick" } else { "full" });

    if o.wants("aging") {
        let took = median(runs, || {
            books.aging_report(today(), AgingBasis::DueDate).expect("aging");
        });
        report("aging of all customers as of today", took, 150.0);
        if let Some(floor) = ledger_floor(&o, runs) {
            let (ms, floor_ms) = (took.as_secs_f64() * 1000.0, floor.as_secs_f64() * 1000.0);
            println!(
                "  floor: psql reading the whole ledger table, {floor_ms:.1} ms; the aging is {:.2}x it (goal <= 3x)",
                ms / floor_ms
            );
        }
    }
    if o.wants("ledger") {
        let largest: String = books
            .store()
            .query_value(
                "SELECT c.code FROM customers c JOIN entries e ON e.customer_id = c.id GROUP BY c.id ORDER BY count(*) DESC LIMIT 1",
            )
            .expect("a largest customer");
        report(
            &format!("one large customer's ledger page ({largest}, newest 200 lines with running balance)"),
            median(runs, || {
                books.customer_ledger_page(&largest, 0, 200).expect("ledger page");
            }),
            20.0,
        );
    }
    if o.wants("search") {
        for query in ["G", "G0", "G004", "G0042", "建", "建材", "13", "nobody"] {
            report(
                &format!("customer search, keystroke {query:?} (first 50 matches with balance and overdue)"),
                median(runs, || {
                    books.search_customers(query).expect("search");
                }),
                20.0,
            );
        }
        report(
            "the whole customer list with balances (loaded once per visit of the customers screen)",
            median(runs, || {
                books.list_customers("").expect("list");
            }),
            150.0,
        );
    }
    if o.wants("dashboard") {
        report(
            "dashboard figures (total, overdue, buckets, top debtors, DSO, pending statements, limitation)",
            median(runs, || {
                books.dashboard().expect("dashboard");
            }),
            100.0,
        );
    }
    if o.wants("collections") {
        // No goal of their own: shown beside the dashboard (the forecast) and on the
        // collections screen (the worklist), so they are watched here too.
        let took = median(runs.min(3), || {
            books.forecast(today()).expect("forecast");
        });
        println!("cash forecast, 12 weeks (dashboard chart): {:.1} ms", took.as_secs_f64() * 1000.0);
        let took = median(runs.min(3), || {
            books.worklist(today()).expect("worklist");
        });
        println!("today's worklist (collections screen): {:.1} ms", took.as_secs_f64() * 1000.0);
    }
    if o.wants("reports") {
        // No goals in the issue: the reports screen's figures, watched so they stay quick.
        let figures: [(&str, Figure); 5] = [
            (
                "aging detail (every open receivable)",
                Box::new(|b| drop(b.aging_detail(today(), AgingBasis::DueDate).expect("detail"))),
            ),
            (
                "aging by salesperson",
                Box::new(|b| drop(b.aging_by_salesperson(today(), AgingBasis::DueDate).expect("groups"))),
            ),
            (
                "collection performance, 12 months (CEI, DSO, promises)",
                Box::new(|b| drop(b.collection_performance(today(), 12).expect("performance"))),
            ),
            ("provision for doubtful debts", Box::new(|b| drop(b.provision_report(today()).expect("provision")))),
            (
                "aging detail written as XLSX",
                Box::new(|b| {
                    let request = huikuan_app::reports::ReportRequest::AgingDetail {
                        as_of: today(),
                        by_document_date: false,
                        hide_zero: None,
                    };
                    b.export_report(&request, huikuan_app::sheets::SheetFormat::Xlsx, huikuan_domain::DocLanguage::Zh)
                        .expect("xlsx");
                }),
            ),
        ];
        for (what, run) in figures {
            let took = median(runs.min(3), || run(&mut books));
            println!("{what}: {:.1} ms", took.as_secs_f64() * 1000.0);
        }
    }
    if o.wants("payment") {
        payment(&mut books);
    }
    if o.wants("import") {
        import_rows(if o.quick { 2_000 } else { 100_000 }, if o.quick { 1 } else { 3 });
    }
    if o.wants("month-end") {
        month_end(&mut books, if o.quick { 10 } else { 1000 });
    }
    if o.wants("check") {
        let t = Instant::now();
        let differences = books.check_kept().expect("the check runs");
        println!(
            "check: what is kept equals the ledger recomputed ({} differences) in {:.0} ms",
            differences.len(),
            t.elapsed().as_secs_f64() * 1000.0
        );
        assert!(differences.is_empty(), "{differences:?}");
    }
}

/// A payment that settles 1,000 open items of the customer with the most entries (first
/// topped up to 1,000 open items with deliveries, untimed).
fn payment(books: &mut Books) {
    let conn = |books: &mut Books, sql: &str| -> (String, i64, i64) {
        books.store().read(|tx| tx.query_row(sql, (), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))).expect("a customer")
    };
    let largest = "SELECT c.code, c.id, (SELECT count(*) FROM open_items o WHERE o.customer_id = c.id)
                   FROM customers c JOIN account_totals t ON t.customer_id = c.id ORDER BY t.entries DESC LIMIT 1";
    let (code, id, open_now) = conn(books, largest);
    if open_now < 1000 {
        let mut csv = String::from("number,customer_code,date,item,quantity,unit_price,due_date\n");
        // Numbers unique across runs on the same book: the run is told by the open count.
        let run: i64 = books.store().query_value("SELECT count(*) FROM entries").expect("counted");
        for i in open_now..1000 {
            csv += &format!("PAYBENCH-{run}-{i:04},{code},2026-11-{:02},螺纹钢,1,88.80,\n", 1 + i % 28);
        }
        books.import_deliveries_csv(csv.as_bytes(), Some("benchmark")).expect("topped up");
    }
    let (code, amount, open_items): (String, i64, i64) = conn(
        books,
        &format!(
            "SELECT c.code, (SELECT SUM(open_cents) FROM (SELECT open_cents FROM open_items o WHERE o.customer_id = c.id
                 ORDER BY due_date, doc_date, number LIMIT 1000) AS oldest),
                 (SELECT count(*) FROM open_items o WHERE o.customer_id = c.id)
             FROM customers c WHERE c.id = {id}"
        ),
    );
    let t = Instant::now();
    let receipt = books
        .record_payment(NewPayment {
            customer_code: code.clone(),
            date: today(),
            amount: Money::from_cents(amount),
            method: PaymentMethod::Bank,
            reference: "bench".into(),
            memo: String::new(),
            number: None,
            allocations: Vec::new(),
        })
        .expect("the payment is recorded");
    report(
        &format!(
            "record a payment allocated oldest-first over {} of {code}'s {open_items} open items ({} entries), durable commit",
            receipt.applied.len(),
            books.store().read(|tx| tx.query_row("SELECT entries FROM account_totals a JOIN customers c ON c.id = a.customer_id WHERE c.code = ?1", [&code], |r| r.get::<i64>(0))).expect("entries")
        ),
        t.elapsed(),
        20.0,
    );
}

fn month_end(books: &mut Books, count: usize) {
    // The latest month with customers not yet sent a statement for it (the generated book
    // has November's for some, and a rerun on the same book has them all).
    let (month, codes) = (1..=12)
        .rev()
        .map(|m| {
            let month = Period::month(&format!("2026-{m:02}")).expect("a month");
            let codes: Vec<String> = books
                .month_end_candidates(month)
                .expect("candidates")
                .into_iter()
                .filter(|c| c.existing.is_none())
                .take(count)
                .map(|c| c.code)
                .collect();
            (month, codes)
        })
        .find(|(_, codes)| !codes.is_empty())
        .expect("a month with statements to issue");
    let t = Instant::now();
    let run = books.run_month_end(month, &codes, None, false, &AtomicBool::new(false), &mut |_| {}).expect("month-end");
    let took = t.elapsed();
    println!(
        "month-end statements for {} customers to PDF: {:.2} s (goal <= 10 s for 1,000 on 2 cores), {:.1} ms each",
        run.issued.len(),
        took.as_secs_f64(),
        took.as_secs_f64() * 1000.0 / run.issued.len().max(1) as f64
    );
}

/// Imports `rows` delivery rows (one line each) for 1,000 customers into a new book, `times`
/// times (each into a new book; the file system's flushes vary): the median.
fn import_rows(rows: usize, times: usize) {
    let mut took: Vec<Duration> = (0..times).map(|_| import_once(rows)).collect();
    took.sort();
    println!(
        "import {rows} CSV rows (delivery notes, credit-checked, one transaction): {:.2} s, median of {times} (goal <= 5 s for 100,000; each: {})",
        took[took.len() / 2].as_secs_f64(),
        took.iter().map(|t| format!("{:.2} s", t.as_secs_f64())).collect::<Vec<_>>().join(", ")
    );
}

fn import_once(rows: usize) -> Duration {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut books = open(&dir.path().join("import.db"));
    let customers = 1000.min(rows / 2).max(1);
    let mut csv = vec!["code,name,kind,phone,address,payment_terms,credit_limit,salesperson".to_string()];
    csv.extend((0..customers).map(|c| format!("I{c:04},导入客户{c:04},shop,,,net:30,100000000,")));
    let customers_csv = dir.path().join("customers.csv");
    std::fs::write(&customers_csv, csv.join("\n") + "\n").expect("written");
    books.import_customers(&customers_csv).expect("customers imported");
    let mut lines = vec!["number,customer_code,date,item,quantity,unit_price,due_date".to_string()];
    lines.extend((0..rows).map(|i| {
        let day = 1 + i % 28;
        format!("IMP-{i:07},I{:04},2026-11-{day:02},瓷砖 600×600,{},35.5,", i % customers, 1 + i % 7)
    }));
    let file = dir.path().join("deliveries.csv");
    std::fs::write(&file, lines.join("\n") + "\n").expect("written");
    let t = Instant::now();
    let summary = books.import_deliveries(&file, None).expect("the import");
    let took = t.elapsed();
    assert_eq!(summary.rows, rows);
    took
}
