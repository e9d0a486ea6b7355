//! Any bytes as any of the four import files: the import either imports or refuses with
//! row reports; it never panics, and what is kept always equals the ledger.
#![no_main]

#[path = "common/book.rs"]
mod common_book;
use common_book::book;

use std::cell::RefCell;

use huikuan_app::Books;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static BOOKS: RefCell<Books> = RefCell::new(book());
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
