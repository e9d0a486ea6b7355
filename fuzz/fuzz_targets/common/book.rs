//! The book the import fuzz targets write into: one per run, with customers rows can name.

use huikuan_app::{Books, FixedClock};

pub fn book() -> Books {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut books = Books::open_in_memory(Box::new(FixedClock::on(today)), "fuzz").unwrap();
    let customers = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
                     C001,华联超市,chain,,,net:30,50000,\nC002,安心药房,clinic,,,eom:30,,\n";
    books.import_customers_csv(customers.as_bytes()).unwrap();
    books
}
