//! Properties of settlement and aging that must hold for any book.

use chrono::{Days, NaiveDate};
use huikuan_domain::aging::{age, AgingBasis, BucketScheme};
use huikuan_domain::ledger::{Credit, EntryKind, ExplicitAllocation, Receivable};
use huikuan_domain::settlement::{plan_oldest_first, settle};
use huikuan_domain::Money;
use proptest::prelude::*;

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + Days::new(offset)
}

fn receivables() -> impl Strategy<Value = Vec<Receivable>> {
    prop::collection::vec((0u64..900, 0u64..120, 1i64..5_000_000), 0..25).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (date, terms, cents))| Receivable {
                id: i as i64 + 1,
                kind: EntryKind::Delivery,
                number: format!("D{:03}", i % 7),
                doc_date: day(date),
                due_date: day(date + terms),
                amount: Money::from_cents(cents),
            })
            .collect()
    })
}

fn credits() -> impl Strategy<Value = Vec<Credit>> {
    prop::collection::vec((0u64..900, 1i64..5_000_000, 0usize..3), 0..25).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (date, cents, kind))| Credit {
                id: 1000 + i as i64,
                kind: [EntryKind::Payment, EntryKind::CreditNote, EntryKind::WriteOff][kind],
                number: format!("C{i}"),
                date: day(date),
                amount: Money::from_cents(cents),
            })
            .collect()
    })
}

fn book() -> impl Strategy<Value = (Vec<Receivable>, Vec<Credit>, Vec<ExplicitAllocation>, NaiveDate)> {
    (receivables(), credits(), 0u64..1000).prop_flat_map(|(r, c, as_of)| {
        let (nr, nc) = (r.len().max(1), c.len().max(1));
        let allocations = prop::collection::vec((0..nr, 0..nc, 1i64..3_000_000, 0u64..900), 0..10);
        (Just(r), Just(c), allocations, Just(day(as_of))).prop_map(|(r, c, raw, as_of)| {
            let allocations = raw
                .into_iter()
                .filter(|_| !r.is_empty() && !c.is_empty())
                .map(|(ri, ci, cents, date)| ExplicitAllocation {
                    credit_id: c[ci % c.len()].id,
                    receivable_id: r[ri % r.len()].id,
                    date: day(date),
                    amount: Money::from_cents(cents),
                })
                .collect();
            (r, c, allocations, as_of)
        })
    })
}

proptest! {
    #[test]
    fn balance_is_receivables_less_credits((r, c, a, as_of) in book()) {
        let s = settle(&r, &c, &a, as_of);
        let debits: Money = r.iter().filter(|x| x.doc_date <= as_of).map(|x| x.amount).sum();
        let credits: Money = c.iter().filter(|x| x.date <= as_of).map(|x| x.amount).sum();
        prop_assert_eq!(s.balance(), debits - credits);
    }

    #[test]
    fn the_plain_balance_equals_the_settled_balance_of_everything((r, c, a, _) in book()) {
        let account = huikuan_domain::Account { receivables: r, credits: c, allocations: a };
        prop_assert_eq!(account.balance(), account.settle(NaiveDate::MAX).balance());
    }

    #[test]
    fn nothing_is_settled_beyond_its_amount((r, c, a, as_of) in book()) {
        let s = settle(&r, &c, &a, as_of);
        for (receivable, open) in r.iter().zip(&s.open) {
            if let Some(open) = open {
                prop_assert!(*open >= Money::ZERO && *open <= receivable.amount);
            }
        }
        let credits: Money = c.iter().filter(|x| x.date <= as_of).map(|x| x.amount).sum();
        prop_assert!(s.credit >= Money::ZERO && s.credit <= credits);
        // Credit is left over only when every receivable is settled.
        if s.credit.is_positive() {
            prop_assert_eq!(s.open_total(), Money::ZERO);
        }
    }

    #[test]
    fn buckets_sum_to_the_open_amount((r, c, a, as_of) in book(), by_doc in any::<bool>()) {
        let s = settle(&r, &c, &a, as_of);
        let basis = if by_doc { AgingBasis::DocumentDate } else { AgingBasis::DueDate };
        let row = age(&r, &s, as_of, &BucketScheme::default(), basis);
        prop_assert_eq!(row.open_total(), s.open_total());
        prop_assert_eq!(row.balance(), s.balance());
        prop_assert!(row.buckets.iter().all(|b| *b >= Money::ZERO));
    }

    #[test]
    fn a_planned_allocation_never_exceeds_the_amount_or_an_item(
        opens in prop::collection::vec(0i64..1_000_000, 0..30),
        amount in 0i64..20_000_000,
    ) {
        let recs: Vec<Receivable> = opens.iter().enumerate().map(|(i, _)| Receivable {
            id: i as i64, kind: EntryKind::Delivery, number: format!("{i}"),
            doc_date: day(i as u64), due_date: day(i as u64 * 3 % 50), amount: Money::ZERO,
        }).collect();
        let items: Vec<(&Receivable, Money)> = recs.iter().zip(&opens).map(|(r, o)| (r, Money::from_cents(*o))).collect();
        let plan = plan_oldest_first(&items, Money::from_cents(amount));
        let total: Money = plan.iter().map(|(_, m)| *m).sum();
        prop_assert!(total <= Money::from_cents(amount));
        let open_total: i64 = opens.iter().sum();
        prop_assert_eq!(total.cents(), amount.min(open_total));
        for (index, applied) in plan {
            prop_assert!(applied.is_positive() && applied <= items[index].1);
        }
    }

    #[test]
    fn amounts_round_trip_through_text(cents in -huikuan_domain::money::MAX_CENTS..huikuan_domain::money::MAX_CENTS) {
        let money = Money::from_cents(cents);
        prop_assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
        prop_assert_eq!(Money::from_decimal(money.to_decimal()).unwrap(), money);
    }
}

proptest! {
    /// A statement over any account agrees with settlement: its opening is the balance the
    /// day before the period, its closing the balance on the last day, and in between every
    /// movement moves the running balance by exactly its amount.
    #[test]
    fn a_statement_adds_up_and_agrees_with_settlement((r, c, allocations, _) in book(), start in 0u64..900, days in 0u64..120) {
        use huikuan_domain::statement::{figures, Movement, Period};
        let period = Period::new(day(start), day(start + days)).unwrap();
        let mut movements: Vec<Movement> = r.iter().map(|x| Movement { date: x.doc_date, debit: x.amount, credit: Money::ZERO })
            .chain(c.iter().map(|x| Movement { date: x.date, debit: Money::ZERO, credit: x.amount }))
            .collect();
        movements.sort_by_key(|m| (m.date, m.credit));
        let f = figures(&movements, period);
        prop_assert_eq!(f.opening + f.debits - f.credits, f.closing);
        prop_assert_eq!(f.closing, settle(&r, &c, &allocations, period.to).balance());
        let before = period.from.pred_opt().unwrap();
        prop_assert_eq!(f.opening, settle(&r, &c, &allocations, before).balance());
        prop_assert_eq!(f.running.last().copied().unwrap_or(f.opening), f.closing);
        let mut balance = f.opening;
        for (&i, &after) in f.in_period.iter().zip(&f.running) {
            balance += movements[i].debit - movements[i].credit;
            prop_assert_eq!(balance, after);
        }
    }
}
