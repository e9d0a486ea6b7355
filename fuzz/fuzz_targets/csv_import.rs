//! Any bytes as any of the four import files: the import either imports or refuses with
//! row reports; it never panics, and what is kept always equals the ledger.
#![no_main]

use std::cell::RefCell;

use huikuan_app::{Books, FixedClock};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static BOOKS: RefCell<Books> = RefCell::new(book());
}

/// One book for the whole run, with customers the rows can name.
fn book() -> Books {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut books = Books::open_in_memory(Box::new(FixedClock::on(today)), "fuzz").unwrap();
    let customers = "code,name,kind,phone,address,payment_terms,credit_limit,salesperson\n\
                     C001,华联超市,chain,,,net:30,50000,\nC002,安心药房,clinic,,,eom:30,,\n";
    books.import_customers_csv(customers.as_bytes()).unwrap();
    books
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    BOOKS.with(|books| {
        let mut books = books.borrow_mut();
        let _ = match which % 4 {
            0 => books.import_customers_csv(bytes).map(|_| ()),
            1 => books.import_opening_balances_csv(bytes).map(|_| ()),
            2 => books.import_deliveries_csv(bytes, Some("fuzz")).map(|_| ()),
            _ => books.import_payments_csv(bytes).map(|_| ()),
        };
        assert!(books.check_kept().unwrap().is_empty());
    });
});
