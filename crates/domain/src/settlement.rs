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
    let mut open: Vec<Option<Money>> = receivables.iter().map(|r| (r.doc_date <= as_of).then_some(r.amount)).collect();
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
        let (Some(remaining), Some(available)) = (open[index].as_mut(), credit_left.get_mut(&allocation.credit_id))
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
    let mut order: Vec<usize> = (0..receivables.len()).filter(|&i| open[i].is_some_and(Money::is_positive)).collect();
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

    #[test]
    fn plan_oldest_first_previews_a_payment() {
        let a = rec(1, "D1", "2026-01-01", "2026-02-01", 0);
        let b = rec(2, "D2", "2026-01-01", "2026-01-15", 0);
        let plan = plan_oldest_first(&[(&a, m(500)), (&b, m(300))], m(600));
        assert_eq!(plan, vec![(1, m(300)), (0, m(300))]);
    }
}
