//! The month-end run on a book of 1,000 customers with 20 movements each in the month
//! (`cargo bench -p huikuan-app --bench month_end`; `-- --quick` for 50 customers). Prints
//! the time of the whole run, per statement, and the PDF sizes, against the goal of
//! <= 10 s on 2 cores. Not a timed test: it never fails on speed.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use huikuan_app::{Books, FixedClock};
use huikuan_domain::Period;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let customers = if quick { 50 } else { 1000 };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("books.db");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut books = Books::open(&db, Box::new(FixedClock::on(today)), "bench").expect("a new book");

    let started = Instant::now();
    let mut rows = vec!["code,name,kind,phone,address,payment_terms,credit_limit,salesperson".to_string()];
    let (mut deliveries, mut payments) = (
        vec!["number,customer_code,date,item,quantity,unit_price,due_date".to_string()],
        vec!["number,customer_code,date,amount,method,reference".to_string()],
    );
    for c in 0..customers {
        rows.push(format!(
            "B{c:04},客户{c:04}建材商行,shop,0571-8800{c:04},杭州市拱墅区祥园路{c}号,net:30,10000000,张三"
        ));
        for m in 0..10 {
            let day = 1 + m * 3;
            deliveries.push(format!("D{c:04}-{m},B{c:04},2026-11-{day:02},螺纹钢 HRB400 Φ16,{},4100.5,", m + 1));
            payments.push(format!(
                "P{c:04}-{m},B{c:04},2026-11-{:02},{}.00,bank,工行回单{c}{m}",
                day + 1,
                3000 + m * 10
            ));
        }
    }
    let write = |name: &str, lines: &[String]| {
        let path = dir.path().join(name);
        std::fs::write(&path, lines.join("\n") + "\n").expect("the CSV is written");
        path
    };
    books.import_customers(&write("customers.csv", &rows)).expect("customers import");
    books.import_payments(&write("payments.csv", &payments)).expect("payments import");
    books.import_deliveries(&write("deliveries.csv", &deliveries), Some("bench")).expect("deliveries import");
    println!("book of {customers} customers × 20 movements written in {:.1} s", started.elapsed().as_secs_f64());

    let period = Period::month("2026-11").unwrap();
    let codes: Vec<String> =
        books.month_end_candidates(period).expect("candidates").into_iter().map(|c| c.code).collect();
    let out = dir.path().join("statements");
    let started = Instant::now();
    let summary = books
        .run_month_end(
            period,
            &codes,
            Some(&out),
            std::env::var_os("NO_MERGE").is_none(),
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .expect("the run");
    let elapsed = started.elapsed().as_secs_f64();
    let sizes: Vec<u64> = summary
        .issued
        .iter()
        .map(|s| std::fs::metadata(s.file.as_ref().unwrap()).map(|m| m.len()).unwrap_or(0))
        .collect();
    let merged = summary.merged_file.as_ref().and_then(|f| std::fs::metadata(f).ok()).map_or(0, |m| m.len());
    println!(
        "month-end for {} customers: {elapsed:.2} s in all (goal <= 10 s for 1,000 on 2 cores), {:.1} ms per statement, \
         {:.1} KiB per statement (max {:.1} KiB), merged PDF {:.1} MiB; {} cores",
        summary.issued.len(),
        elapsed * 1000.0 / summary.issued.len().max(1) as f64,
        sizes.iter().sum::<u64>() as f64 / sizes.len().max(1) as f64 / 1024.0,
        *sizes.iter().max().unwrap_or(&0) as f64 / 1024.0,
        merged as f64 / 1024.0 / 1024.0,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
}
