use chrono::NaiveDate;
use huikuan_domain::{EntryKind, Money, PaymentMethod, Side};
use huikuan_store::tables::customers::{self, CustomerFields};
use huikuan_store::tables::entries::{self, NewEntry};
use huikuan_store::tables::Stamp;
use huikuan_store::testing::{fresh_server, on_postgres};
use huikuan_store::{Store, StoreError, Transaction};

/// An empty book on the engine the run is for: in memory on SQLite, or a database of its
/// own on the test server when `HUIKUAN_TEST_ENGINE=postgres`. The tables behave the
/// same on both, so their tests run on either.
pub fn open_store() -> Store {
    if on_postgres() {
        Store::open_server(&fresh_server().expect("a database on the test server")).expect("the server book opens")
    } else {
        Store::open_in_memory().expect("an in-memory book opens")
    }
}

pub fn stamp() -> Stamp {
    Stamp { at: "2026-11-23T08:00:00Z".into(), operator: "test".into() }
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn add_customer(tx: &Transaction, code: &str) -> i64 {
    customers::insert(tx, &CustomerFields::new(code, &format!("{code} 商行")), &stamp()).unwrap()
}

pub fn debit(customer_id: i64, number: &str, day: &str, cents: i64) -> NewEntry {
    NewEntry {
        customer_id,
        kind: EntryKind::Delivery,
        side: Side::Debit,
        number: number.into(),
        doc_date: date(day),
        due_date: Some(date(day)),
        amount: Money::from_cents(cents),
        method: None,
        reference: String::new(),
        memo: String::new(),
        corrects_entry_id: None,
    }
}

pub fn payment(customer_id: i64, number: &str, day: &str, cents: i64) -> NewEntry {
    NewEntry {
        kind: EntryKind::Payment,
        side: Side::Credit,
        due_date: None,
        method: Some(PaymentMethod::Bank),
        ..debit(customer_id, number, day, cents)
    }
}

/// A store with one customer, one delivery and one payment allocated to it.
pub fn small_book(store: &mut Store) -> (i64, i64, i64) {
    store
        .write(|tx| {
            let c = add_customer(tx, "C001");
            let d = entries::insert(tx, &debit(c, "SD-2026-000001", "2026-01-10", 10_000), &stamp())?;
            let p = entries::insert(tx, &payment(c, "PM-2026-000001", "2026-02-01", 4_000), &stamp())?;
            huikuan_store::tables::allocations::insert(
                tx,
                p,
                d,
                date("2026-02-01"),
                Money::from_cents(4_000),
                &stamp(),
            )?;
            Ok::<_, StoreError>((c, d, p))
        })
        .unwrap()
}
