//! Collection performance on a story small enough to work out by hand.

use huikuan_app::ledger::{NewDelivery, NewDeliveryLine, NewOpeningBalance, NewPayment};
use huikuan_app::CustomerFields;
use huikuan_domain::{Money, PaymentMethod};
use huikuan_tests::{books_on, date};
use rust_decimal::Decimal;

#[test]
fn the_go_live_month_counts_opening_balances_with_what_was_owed_at_its_start() {
    let mut books = books_on("2026-03-31");
    books
        .create_customer(
            CustomerFields { payment_terms: "cod".parse().unwrap(), ..CustomerFields::new("A", "甲") },
            vec![],
        )
        .unwrap();
    books
        .record_opening_balance(NewOpeningBalance {
            customer_code: "A".into(),
            date: date("2026-03-01"),
            amount: Money::from_cents(1_000_000),
            due_date: Some(date("2026-03-01")),
            memo: String::new(),
        })
        .unwrap();
    let line = NewDeliveryLine {
        item: "砖".into(),
        spec: String::new(),
        unit: String::new(),
        quantity: Decimal::ONE,
        unit_price: Decimal::from(5000),
    };
    books
        .create_delivery(NewDelivery {
            customer_code: "A".into(),
            date: date("2026-03-10"),
            due_date: None,
            number: None,
            contact_name: String::new(),
            address: String::new(),
            memo: String::new(),
            lines: vec![line],
            override_reason: Some("开业".into()),
        })
        .unwrap();
    books
        .record_payment(NewPayment {
            customer_code: "A".into(),
            date: date("2026-03-20"),
            amount: Money::from_cents(500_000),
            method: PaymentMethod::Bank,
            reference: String::new(),
            memo: String::new(),
            number: None,
            allocations: vec![],
        })
        .unwrap();
    let march = books.collection_performance(date("2026-03-31"), 1).unwrap().months.remove(0);
    assert_eq!(
        (march.opening, march.opened, march.sales),
        (Money::ZERO, Money::from_cents(1_000_000), Money::from_cents(500_000))
    );
    assert_eq!(
        (march.collected, march.closing, march.closing_current),
        (Money::from_cents(500_000), Money::from_cents(1_000_000), Money::ZERO)
    );
    // 5,000 collected of the 15,000 that could have been.
    assert_eq!(march.cei, Some(Decimal::new(333, 1)));
    // Owed 10,000 against 5,000 of sales in the 90 days: 180 days.
    assert_eq!(march.dso, Some(Decimal::from(180)));
}
