//! Stories computed by hand; the comments show the arithmetic.

use super::*;
use crate::calendar::parse_date;
use crate::ledger::{Credit, ExplicitAllocation, Receivable};

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn dec(s: &str) -> Option<Decimal> {
    Some(s.parse().unwrap())
}

fn rec(id: i64, number: &str, date: &str, due: &str, yuan: i64) -> Receivable {
    Receivable {
        id,
        kind: EntryKind::Delivery,
        number: number.into(),
        doc_date: d(date),
        due_date: d(due),
        amount: Money::from_cents(yuan * 100),
    }
}

fn credit(id: i64, kind: EntryKind, date: &str, yuan: i64) -> Credit {
    Credit { id, kind, number: format!("X{id}"), date: d(date), amount: Money::from_cents(yuan * 100) }
}

fn pay(id: i64, date: &str, yuan: i64) -> Credit {
    credit(id, EntryKind::Payment, date, yuan)
}

fn account(receivables: Vec<Receivable>, credits: Vec<Credit>) -> Account {
    Account { receivables, credits, allocations: Vec::new() }
}

#[test]
fn a_customer_that_never_paid_has_no_averages_and_its_open_item_is_its_longest_overdue() {
    let a = account(vec![rec(1, "SD1", "2026-01-01", "2026-01-31", 1000)], vec![]);
    let b = behaviour(&a, d("2026-03-01"));
    assert_eq!((b.avg_days_to_pay, b.avg_days_late, b.on_time_percent), (None, None, None));
    // Due 31 Jan, still open on 1 Mar: 29 days.
    assert_eq!((b.longest_overdue_days, b.longest_overdue_number.as_deref()), (29, Some("SD1")));
    assert_eq!((b.last_payment_date, b.last_payment_amount), (None, None));
    // 1,000 owed, 1,000 sold in the last 90 days: 1000 / 1000 × 90.
    assert_eq!(b.dso, dec("90.0"));
    assert_eq!(b.balance, Money::from_cents(100_000));
    assert_eq!(b.broken_promises, 0);
}

#[test]
fn a_receivable_settled_only_by_a_credit_note_is_not_a_payment() {
    let a = account(
        vec![rec(1, "SD1", "2026-01-01", "2026-01-31", 1000)],
        vec![credit(2, EntryKind::CreditNote, "2026-01-10", 1000)],
    );
    let b = behaviour(&a, d("2026-03-01"));
    assert_eq!((b.avg_days_to_pay, b.on_time_percent, b.last_payment_date), (None, None, None));
    assert_eq!(b.paid_in_window, Money::ZERO);
    // Settled on 10 Jan, before it fell due: never overdue.
    assert_eq!(b.longest_overdue_days, 0);
    assert_eq!(b.dso, dec("0.0"));
}

#[test]
fn money_paid_before_the_delivery_pays_it_on_its_date_and_on_time() {
    let a = account(vec![rec(1, "SD1", "2026-02-01", "2026-03-01", 500)], vec![pay(2, "2026-01-10", 800)]);
    let r = replay(&a, d("2026-04-30"));
    assert_eq!(r.parts.len(), 1);
    assert_eq!((r.parts[0].date, r.parts[0].amount), (d("2026-02-01"), Money::from_cents(50_000)));
    let b = behaviour(&a, d("2026-04-30"));
    assert_eq!((b.avg_days_to_pay, b.avg_days_late, b.on_time_percent), (dec("0.0"), dec("0.0"), dec("100.0")));
    assert_eq!(b.balance, Money::from_cents(-30_000), "300 left in the customer's favour");
    assert_eq!(b.last_payment_date, Some(d("2026-01-10")));
}

#[test]
fn averages_are_weighted_by_the_amount_each_payment_settled() {
    let a = account(
        vec![
            rec(1, "SD1", "2026-01-01", "2026-01-31", 1000),
            rec(2, "SD2", "2026-01-15", "2026-02-14", 500),
            rec(3, "SD3", "2026-03-01", "2026-03-31", 300),
        ],
        vec![pay(10, "2026-02-10", 600), pay(11, "2026-03-01", 900), pay(12, "2026-03-20", 300)],
    );
    // 10 Feb: 600 to SD1 (40 days, 10 late).
    // 1 Mar: 400 to SD1 (59 days, 29 late) and 500 to SD2 (45 days, 15 late).
    // 20 Mar: 300 to SD3 (19 days, on time).
    let b = behaviour(&a, d("2026-04-30"));
    // (600×40 + 400×59 + 500×45 + 300×19) / 1800 = 75800 / 1800 = 42.11
    assert_eq!(b.avg_days_to_pay, dec("42.1"));
    // (600×10 + 400×29 + 500×15) / 1800 = 25100 / 1800 = 13.94
    assert_eq!(b.avg_days_late, dec("13.9"));
    // 300 of 1800 on time.
    assert_eq!(b.on_time_percent, dec("16.7"));
    // SD1 fully paid on 1 Mar, 29 days after 31 Jan.
    assert_eq!((b.longest_overdue_days, b.longest_overdue_number.as_deref()), (29, Some("SD1")));
    assert_eq!((b.last_payment_date, b.last_payment_amount), (Some(d("2026-03-20")), Some(Money::from_cents(30_000))));
    assert_eq!(b.dso, dec("0.0"));
    let march = b.trend.iter().find(|m| m.month == "2026-03").unwrap();
    assert_eq!(march.paid, Money::from_cents(120_000));
    // (400×59 + 500×45 + 300×19) / 1200 = 51800 / 1200 = 43.17
    assert_eq!(march.avg_days_to_pay, dec("43.2"));
    assert_eq!(b.trend.len(), 12);
    assert_eq!(b.trend.last().unwrap().month, "2026-04");
}

#[test]
fn an_explicit_allocation_pays_its_receivable_before_older_ones() {
    let mut a = account(
        vec![rec(1, "SD1", "2026-01-01", "2026-01-31", 1000), rec(2, "SD2", "2026-02-01", "2026-03-03", 1000)],
        vec![pay(10, "2026-02-10", 1200)],
    );
    a.allocations.push(ExplicitAllocation {
        credit_id: 10,
        receivable_id: 2,
        date: d("2026-02-10"),
        amount: Money::from_cents(100_000),
    });
    let r = replay(&a, d("2026-02-28"));
    let settled: Vec<(usize, i64)> = r.parts.iter().map(|p| (p.receivable, p.amount.cents())).collect();
    assert_eq!(settled, vec![(1, 100_000), (0, 20_000)]);
    assert_eq!(r.settled_on, vec![None, Some(d("2026-02-10"))]);
}

#[test]
fn only_the_last_twelve_months_count_and_later_entries_are_ignored() {
    let a = account(
        vec![rec(1, "SD1", "2024-01-01", "2024-01-31", 1000), rec(2, "SD2", "2026-01-01", "2026-01-11", 100)],
        vec![pay(10, "2024-06-01", 1000), pay(11, "2026-01-11", 100), pay(12, "2026-05-01", 50)],
    );
    let b = behaviour(&a, d("2026-04-30"));
    // Only SD2 counts: paid on its due date, 10 days after it was issued.
    assert_eq!((b.avg_days_to_pay, b.on_time_percent), (dec("10.0"), dec("100.0")));
    // SD1's 122 days overdue ended in 2024, outside the window.
    assert_eq!(b.longest_overdue_days, 0);
    assert_eq!(b.last_payment_date, Some(d("2026-01-11")));
    assert_eq!(b.window_from, d("2025-05-01"));
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::settlement::settle;

    fn ledger() -> impl Strategy<Value = Account> {
        let receivable = (0u32..120, 0u32..60, 1i64..50_000);
        let credit = (0u32..150, 1i64..60_000, 0u8..3);
        (prop::collection::vec(receivable, 0..12), prop::collection::vec(credit, 0..10)).prop_map(|(rs, cs)| {
            let start = d("2026-01-01");
            let kinds = [EntryKind::Payment, EntryKind::CreditNote, EntryKind::WriteOff];
            Account {
                receivables: rs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (day, term, cents))| Receivable {
                        id: i as i64 + 1,
                        kind: EntryKind::Delivery,
                        number: format!("SD{i:03}"),
                        doc_date: start + Days::new(day.into()),
                        due_date: start + Days::new((day + term).into()),
                        amount: Money::from_cents(cents),
                    })
                    .collect(),
                credits: cs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (day, cents, kind))| Credit {
                        id: 1000 + i as i64,
                        kind: kinds[kind as usize],
                        number: format!("P{i}"),
                        date: start + Days::new(day.into()),
                        amount: Money::from_cents(cents),
                    })
                    .collect(),
                allocations: Vec::new(),
            }
        })
    }

    proptest! {
        /// The replay settles exactly as much as the settlement rule does on any date, and
        /// never more of a receivable than it owed.
        #[test]
        fn replay_settles_what_settlement_settles(account in ledger(), day in 0u32..200) {
            let until = d("2026-01-01") + Days::new(day.into());
            let replayed = replay(&account, until);
            let settled: Money = replayed.parts.iter().map(|p| p.amount).sum();
            let s = settle(&account.receivables, &account.credits, &account.allocations, until);
            let owed: Money = account.receivables.iter().filter(|r| r.doc_date <= until).map(|r| r.amount).sum();
            prop_assert_eq!(settled, owed - s.open_total());
            for (i, r) in account.receivables.iter().enumerate() {
                let on_it: Money = replayed.parts.iter().filter(|p| p.receivable == i).map(|p| p.amount).sum();
                prop_assert!(on_it <= r.amount);
                prop_assert_eq!(replayed.settled_on[i].is_some(), on_it == r.amount && r.doc_date <= until);
                prop_assert!(replayed.parts.iter().filter(|p| p.receivable == i).all(|p| p.date >= r.doc_date && p.date <= until));
            }
        }
    }
}
