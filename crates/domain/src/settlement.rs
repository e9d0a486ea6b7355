//! Settlement: which part of each receivable is still open at a date.
//!
//! The rule (the contract of `report aging`): entries dated after the date are ignored;
//! explicit allocations dated on or before it apply first, in date order; what is left of
//! the credits is then applied to what is left of the receivables in order of due date,
//! document date, then number. A surplus of credits is the customer's credit.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::ledger::{Credit, ExplicitAllocation, Receivable};
use crate::money::Money;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    /// Aligned with the receivables given: `None` for those dated after the date.
    pub open: Vec<Option<Money>>,
    /// Credits not absorbed by any receivable (customer credit, 预收).
    pub credit: Money,
}

impl Settlement {
    pub fn open_total(&self) -> Money {
        self.open.iter().flatten().copied().sum()
    }

    /// What the customer owes net of its credit.
    pub fn balance(&self) -> Money {
        self.open_total() - self.credit
    }
}

pub fn settle(
    receivables: &[Receivable],
    credits: &[Credit],
    allocations: &[ExplicitAllocation],
    as_of: NaiveDate,
) -> Settlement {
    Settler::new(receivables, credits, allocations).at(as_of)
}

/// One account made ready to be settled at many dates (each month end of a report): the
/// oldest-first order and the explicit allocations are sorted once, and each date then
/// costs one walk over the account. A property test holds it to the rule computed plainly,
/// date by date.
pub struct Settler<'a> {
    receivables: &'a [Receivable],
    credits: &'a [Credit],
    /// Every receivable's index, oldest-first (due date, document date, number).
    order: Vec<usize>,
    /// The allocations in the order they apply (date, credit, receivable), each with the
    /// index of its receivable and credit when the account has them.
    explicit: Vec<(NaiveDate, Option<usize>, Option<usize>, Money)>,
}

impl<'a> Settler<'a> {
    pub fn new(receivables: &'a [Receivable], credits: &'a [Credit], allocations: &[ExplicitAllocation]) -> Self {
        let mut order: Vec<usize> = (0..receivables.len()).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&receivables[a], &receivables[b]);
            (ra.due_date, ra.doc_date, &ra.number).cmp(&(rb.due_date, rb.doc_date, &rb.number))
        });
        // Most accounts have no allocation by hand: no index of ids is built for them.
        let index = |ids: &mut dyn Iterator<Item = i64>| -> HashMap<i64, usize> {
            if allocations.is_empty() {
                return HashMap::new();
            }
            ids.enumerate().map(|(i, id)| (id, i)).collect()
        };
        let receivable_at = index(&mut receivables.iter().map(|r| r.id));
        let credit_at = index(&mut credits.iter().map(|c| c.id));
        let mut sorted: Vec<&ExplicitAllocation> = allocations.iter().collect();
        sorted.sort_by_key(|a| (a.date, a.credit_id, a.receivable_id));
        let explicit = sorted
            .into_iter()
            .map(|a| {
                (a.date, receivable_at.get(&a.receivable_id).copied(), credit_at.get(&a.credit_id).copied(), a.amount)
            })
            .collect();
        Settler { receivables, credits, order, explicit }
    }

    pub fn at(&self, as_of: NaiveDate) -> Settlement {
        let mut open: Vec<Option<Money>> =
            self.receivables.iter().map(|r| (r.doc_date <= as_of).then_some(r.amount)).collect();
        let mut credit_left: Vec<Option<Money>> =
            self.credits.iter().map(|c| (c.date <= as_of).then_some(c.amount)).collect();
        let mut pool: Money = credit_left.iter().flatten().copied().sum();
        for &(_, receivable, credit, amount) in self.explicit.iter().take_while(|e| e.0 <= as_of) {
            let (Some(r), Some(c)) = (receivable, credit) else { continue };
            let (Some(remaining), Some(available)) = (open[r].as_mut(), credit_left[c].as_mut()) else { continue };
            let applied = amount.min(*remaining).min(*available).max(Money::ZERO);
            *remaining -= applied;
            *available -= applied;
            pool -= applied;
        }
        for &index in &self.order {
            if !pool.is_positive() {
                break;
            }
            let Some(remaining) = open[index].as_mut().filter(|o| o.is_positive()) else { continue };
            let applied = pool.min(*remaining);
            *remaining -= applied;
            pool -= applied;
        }
        Settlement { open, credit: pool }
    }
}

/// How a new amount would settle the given open items oldest-first (due date, document
/// date, number): the preview shown when recording a payment. Returns (index, applied).
pub fn plan_oldest_first(items: &[(&Receivable, Money)], amount: Money) -> Vec<(usize, Money)> {
    let mut order: Vec<usize> = (0..items.len()).filter(|&i| items[i].1.is_positive()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (items[a].0, items[b].0);
        (ra.due_date, ra.doc_date, &ra.number).cmp(&(rb.due_date, rb.doc_date, &rb.number))
    });
    let mut left = amount;
    let mut plan = Vec::new();
    for index in order {
        if !left.is_positive() {
            break;
        }
        let applied = left.min(items[index].1);
        plan.push((index, applied));
        left -= applied;
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;
    use crate::ledger::EntryKind;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn m(cents: i64) -> Money {
        Money::from_cents(cents)
    }

    fn rec(id: i64, number: &str, date: &str, due: &str, cents: i64) -> Receivable {
        Receivable {
            id,
            kind: EntryKind::Delivery,
            number: number.into(),
            doc_date: d(date),
            due_date: d(due),
            amount: m(cents),
        }
    }

    fn pay(id: i64, date: &str, cents: i64) -> Credit {
        Credit { id, kind: EntryKind::Payment, number: format!("P{id}"), date: d(date), amount: m(cents) }
    }

    #[test]
    fn payment_before_any_receivable_is_credit_until_one_arrives() {
        let r = [rec(1, "D1", "2026-02-01", "2026-03-01", 500)];
        let c = [pay(10, "2026-01-10", 800)];
        let jan = settle(&r, &c, &[], d("2026-01-31"));
        assert_eq!(jan.open, vec![None]);
        assert_eq!(jan.credit, m(800));
        assert_eq!(jan.balance(), m(-800));
        let feb = settle(&r, &c, &[], d("2026-02-01"));
        assert_eq!(feb.open, vec![Some(m(0))]);
        assert_eq!(feb.credit, m(300));
    }

    #[test]
    fn overpayment_settles_everything_and_leaves_credit() {
        let r = [rec(1, "D1", "2026-01-01", "2026-01-31", 1000), rec(2, "D2", "2026-01-05", "2026-02-04", 250)];
        let s = settle(&r, &[pay(10, "2026-02-10", 1500)], &[], d("2026-03-01"));
        assert_eq!(s.open, vec![Some(m(0)), Some(m(0))]);
        assert_eq!(s.credit, m(250));
        assert_eq!(s.balance(), m(-250));
    }

    #[test]
    fn partial_payments_settle_the_earliest_due_first() {
        let r = [rec(1, "D1", "2026-01-20", "2026-02-19", 1000), rec(2, "D2", "2026-01-01", "2026-01-31", 1000)];
        let c = [pay(10, "2026-02-01", 300), pay(11, "2026-02-15", 900)];
        let s = settle(&r, &c, &[], d("2026-03-01"));
        assert_eq!(s.open, vec![Some(m(800)), Some(m(0))]);
        assert_eq!(s.credit, m(0));
    }

    #[test]
    fn same_due_date_is_ordered_by_document_date_then_number() {
        let r = [
            rec(1, "D3", "2026-01-02", "2026-02-28", 100),
            rec(2, "D2", "2026-01-01", "2026-02-28", 100),
            rec(3, "D1", "2026-01-02", "2026-02-28", 100),
        ];
        let s = settle(&r, &[pay(10, "2026-03-01", 150)], &[], d("2026-03-01"));
        // D2 (earliest document) fully, then D1 (same date, lower number) half, D3 untouched.
        assert_eq!(s.open, vec![Some(m(100)), Some(m(0)), Some(m(50))]);
    }

    #[test]
    fn credits_dated_after_the_date_are_ignored() {
        let r = [rec(1, "D1", "2026-01-01", "2026-01-31", 1000)];
        let s = settle(&r, &[pay(10, "2026-03-02", 1000)], &[], d("2026-03-01"));
        assert_eq!(s.open, vec![Some(m(1000))]);
    }

    #[test]
    fn explicit_allocations_apply_before_oldest_first() {
        let r = [rec(1, "D1", "2026-01-01", "2026-01-31", 1000), rec(2, "D2", "2026-02-01", "2026-03-03", 1000)];
        let c = [pay(10, "2026-02-10", 1200)];
        let a = [ExplicitAllocation { credit_id: 10, receivable_id: 2, date: d("2026-02-10"), amount: m(1000) }];
        let s = settle(&r, &c, &a, d("2026-03-01"));
        // D2 paid by hand; the remaining 200 goes oldest-first to D1.
        assert_eq!(s.open, vec![Some(m(800)), Some(m(0))]);
        assert_eq!(s.credit, m(0));
        // Before the allocation's date, it does not apply and neither does the payment.
        let before = settle(&r, &c, &a, d("2026-02-09"));
        assert_eq!(before.open, vec![Some(m(1000)), Some(m(1000))]);
    }

    #[test]
    fn an_explicit_allocation_never_exceeds_what_is_open_or_available() {
        let r = [rec(1, "D1", "2026-01-01", "2026-01-31", 300)];
        let c = [pay(10, "2026-02-10", 200)];
        let a = [ExplicitAllocation { credit_id: 10, receivable_id: 1, date: d("2026-02-10"), amount: m(999) }];
        let s = settle(&r, &c, &a, d("2026-03-01"));
        assert_eq!(s.open, vec![Some(m(100))]);
        assert_eq!(s.credit, m(0));
    }

    mod properties {
        use std::collections::HashMap;

        use chrono::Days;
        use proptest::prelude::*;

        use super::*;

        /// The rule as the module comment says it, for one date: the oracle of `Settler`.
        fn plain_settle(
            receivables: &[Receivable],
            credits: &[Credit],
            allocations: &[ExplicitAllocation],
            as_of: NaiveDate,
        ) -> Settlement {
            let mut open: Vec<Option<Money>> =
                receivables.iter().map(|r| (r.doc_date <= as_of).then_some(r.amount)).collect();
            let receivable_at: HashMap<i64, usize> = receivables.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
            let mut credit_left: HashMap<i64, Money> =
                credits.iter().filter(|c| c.date <= as_of).map(|c| (c.id, c.amount)).collect();

            apply_explicit(allocations, as_of, &receivable_at, &mut open, &mut credit_left);

            let pool: Money = credit_left.values().copied().sum();
            let credit = apply_oldest_first(receivables, &mut open, pool);
            Settlement { open, credit }
        }

        fn apply_explicit(
            allocations: &[ExplicitAllocation],
            as_of: NaiveDate,
            receivable_at: &HashMap<i64, usize>,
            open: &mut [Option<Money>],
            credit_left: &mut HashMap<i64, Money>,
        ) {
            let mut due: Vec<&ExplicitAllocation> = allocations.iter().filter(|a| a.date <= as_of).collect();
            due.sort_by_key(|a| (a.date, a.credit_id, a.receivable_id));
            for allocation in due {
                let Some(&index) = receivable_at.get(&allocation.receivable_id) else {
                    continue;
                };
                let (Some(remaining), Some(available)) =
                    (open[index].as_mut(), credit_left.get_mut(&allocation.credit_id))
                else {
                    continue;
                };
                // Capped so that a stale allocation can never push an amount below zero.
                let applied = allocation.amount.min(*remaining).min(*available).max(Money::ZERO);
                *remaining -= applied;
                *available -= applied;
            }
        }

        /// Applies `pool` to the open receivables oldest-first; returns what is left over.
        fn apply_oldest_first(receivables: &[Receivable], open: &mut [Option<Money>], pool: Money) -> Money {
            let mut order: Vec<usize> =
                (0..receivables.len()).filter(|&i| open[i].is_some_and(Money::is_positive)).collect();
            order.sort_by(|&a, &b| {
                let (ra, rb) = (&receivables[a], &receivables[b]);
                (ra.due_date, ra.doc_date, &ra.number).cmp(&(rb.due_date, rb.doc_date, &rb.number))
            });
            let mut left = pool;
            for index in order {
                if !left.is_positive() {
                    break;
                }
                let remaining = open[index].as_mut().expect("filtered to included receivables");
                let applied = left.min(*remaining);
                *remaining -= applied;
                left -= applied;
            }
            left
        }

        /// Accounts with ties on due and document dates and numbers, allocations (some to
        /// entries the account does not have), and dates anywhere around them.
        fn account() -> impl Strategy<Value = (Vec<Receivable>, Vec<Credit>, Vec<ExplicitAllocation>)> {
            let receivable = (0u64..90, 0u64..40, 1i64..50_000, 0u8..4);
            let credit = (0u64..120, 1i64..60_000);
            let allocation = (0i64..14, 0i64..12, 0u64..130, 1i64..40_000);
            (
                prop::collection::vec(receivable, 0..14),
                prop::collection::vec(credit, 0..10),
                prop::collection::vec(allocation, 0..8),
            )
                .prop_map(|(rs, cs, allocs)| {
                    let start = d("2026-01-01");
                    let receivables = rs
                        .into_iter()
                        .enumerate()
                        .map(|(i, (day, term, cents, n))| Receivable {
                            id: i as i64 + 1,
                            kind: EntryKind::Delivery,
                            number: format!("SD{n}"),
                            doc_date: start + Days::new(day),
                            due_date: start + Days::new(day + term),
                            amount: m(cents),
                        })
                        .collect();
                    let credits = cs
                        .into_iter()
                        .enumerate()
                        .map(|(i, (day, cents))| Credit {
                            id: 100 + i as i64,
                            kind: EntryKind::Payment,
                            number: format!("P{i}"),
                            date: start + Days::new(day),
                            amount: m(cents),
                        })
                        .collect();
                    let allocations = allocs
                        .into_iter()
                        .map(|(r, c, day, cents)| ExplicitAllocation {
                            credit_id: 100 + c,
                            receivable_id: r + 1,
                            date: start + Days::new(day),
                            amount: m(cents),
                        })
                        .collect();
                    (receivables, credits, allocations)
                })
        }

        proptest! {
            #[test]
            fn a_settler_settles_every_date_as_settle_does((r, c, a) in account(), days in prop::collection::vec(0u64..160, 1..6)) {
                let settler = Settler::new(&r, &c, &a);
                for day in days {
                    let as_of = d("2025-12-20") + Days::new(day);
                    prop_assert_eq!(settler.at(as_of), plain_settle(&r, &c, &a, as_of));
                }
            }
        }
    }

    #[test]
    fn plan_oldest_first_previews_a_payment() {
        let a = rec(1, "D1", "2026-01-01", "2026-02-01", 0);
        let b = rec(2, "D2", "2026-01-01", "2026-01-15", 0);
        let plan = plan_oldest_first(&[(&a, m(500)), (&b, m(300))], m(600));
        assert_eq!(plan, vec![(1, m(300)), (0, m(300))]);
    }
}
