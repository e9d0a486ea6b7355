//! Which of a customer's open receivables an incoming amount most likely pays: the ones its
//! memo names, one receivable of exactly the amount, a statement's total, the whole balance,
//! or else the oldest first. Only the first four are a fit; oldest first is a default.

use chrono::NaiveDate;

use super::reason::Reason;
use crate::money::Money;

/// A receivable of the customer with something still open on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owed {
    pub number: String,
    pub doc_date: NaiveDate,
    /// What is still open: always positive.
    pub open: Money,
}

/// A month-end statement sent to the customer: what it asked to be paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub number: String,
    pub period_to: NaiveDate,
    pub closing: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub number: String,
    pub amount: Money,
}

/// An amount spread over receivables, whether the amount fits them exactly, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocated {
    pub parts: Vec<Allocation>,
    pub exact: bool,
    pub reasons: Vec<Reason>,
}

/// Spreads `amount` over `open` (oldest due first). `named`: receivable numbers the memo
/// names; `named_statements`: statements the memo names; `statements`: the customer's
/// statements, latest first.
pub fn allocate(
    amount: Money,
    open: &[Owed],
    named: &[String],
    named_statements: &[Asked],
    statements: &[Asked],
) -> Allocated {
    let named_items: Vec<&Owed> = named.iter().filter_map(|n| open.iter().find(|o| o.number == *n)).collect();
    if !named_items.is_empty() {
        let sum: Money = named_items.iter().map(|o| o.open).sum();
        return spread(amount, named_items, sum == amount, vec![Reason::PaysNamed]);
    }
    if let Some(asked) = named_statements.first() {
        let items = through(open, asked.period_to);
        let sum: Money = items.iter().map(|o| o.open).sum();
        return spread(amount, items, sum == amount, vec![Reason::StatementTotal(asked.number.clone())]);
    }
    let exactly: Vec<&Owed> = open.iter().filter(|o| o.open == amount).collect();
    if let Some(first) = exactly.first() {
        let reason = if exactly.len() == 1 {
            Reason::ExactlyOne(first.number.clone())
        } else {
            Reason::OneOfSeveral(first.number.clone())
        };
        return spread(amount, vec![*first], exactly.len() == 1, vec![reason]);
    }
    let total: Money = open.iter().map(|o| o.open).sum();
    if total == amount {
        return spread(amount, open.iter().collect(), true, vec![Reason::WholeBalance]);
    }
    for asked in statements.iter().filter(|s| s.closing == amount) {
        let items = through(open, asked.period_to);
        if items.iter().map(|o| o.open).sum::<Money>() == amount {
            return spread(amount, items, true, vec![Reason::StatementTotal(asked.number.clone())]);
        }
    }
    spread(amount, open.iter().collect(), false, vec![Reason::OldestFirst])
}

/// The open receivables dated within a statement's period or before it.
fn through(open: &[Owed], period_to: NaiveDate) -> Vec<&Owed> {
    open.iter().filter(|o| o.doc_date <= period_to).collect()
}

/// `amount` over `items` in order, each up to what is open; any rest is the customer's credit.
fn spread(amount: Money, items: Vec<&Owed>, exact: bool, mut reasons: Vec<Reason>) -> Allocated {
    let mut left = amount;
    let mut parts = Vec::new();
    for item in items {
        if !left.is_positive() {
            break;
        }
        let part = item.open.min(left);
        parts.push(Allocation { number: item.number.clone(), amount: part });
        left -= part;
    }
    if left.is_positive() {
        reasons.push(Reason::MoreThanOwed(left));
    }
    Allocated { parts, exact: exact && !left.is_positive(), reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).unwrap()
    }

    fn owed(number: &str, d: u32, cents: i64) -> Owed {
        Owed { number: number.into(), doc_date: day(d), open: Money::from_cents(cents) }
    }

    fn parts(a: &Allocated) -> Vec<(&str, i64)> {
        a.parts.iter().map(|p| (p.number.as_str(), p.amount.cents())).collect()
    }

    fn open() -> Vec<Owed> {
        vec![owed("SD-1", 1, 10_000), owed("SD-2", 5, 25_000), owed("SD-3", 20, 5_000)]
    }

    #[test]
    fn one_receivable_of_exactly_the_amount_is_paid_whatever_its_age() {
        let a = allocate(Money::from_cents(25_000), &open(), &[], &[], &[]);
        assert_eq!((parts(&a), a.exact), (vec![("SD-2", 25_000)], true));
        assert_eq!(a.reasons, [Reason::ExactlyOne("SD-2".into())]);
    }

    #[test]
    fn two_receivables_of_the_amount_take_the_oldest_but_are_no_fit() {
        let open = vec![owed("SD-1", 1, 500), owed("SD-2", 2, 500)];
        let a = allocate(Money::from_cents(500), &open, &[], &[], &[]);
        assert_eq!((parts(&a), a.exact), (vec![("SD-1", 500)], false));
    }

    #[test]
    fn the_documents_the_memo_names_come_first_and_fit_when_they_add_up() {
        let named = ["SD-3".to_string(), "SD-1".to_string()];
        let a = allocate(Money::from_cents(15_000), &open(), &named, &[], &[]);
        assert_eq!((parts(&a), a.exact), (vec![("SD-3", 5_000), ("SD-1", 10_000)], true));
        let short = allocate(Money::from_cents(12_000), &open(), &named, &[], &[]);
        assert_eq!((parts(&short), short.exact), (vec![("SD-3", 5_000), ("SD-1", 7_000)], false));
    }

    #[test]
    fn the_whole_balance_and_a_statement_total_are_fits() {
        let whole = allocate(Money::from_cents(40_000), &open(), &[], &[], &[]);
        assert_eq!((whole.exact, whole.reasons.clone()), (true, vec![Reason::WholeBalance]));
        let asked = Asked { number: "DZ-1".into(), period_to: day(10), closing: Money::from_cents(35_000) };
        let a = allocate(Money::from_cents(35_000), &open(), &[], &[], &[asked]);
        assert_eq!((parts(&a), a.exact), (vec![("SD-1", 10_000), ("SD-2", 25_000)], true));
        assert_eq!(a.reasons, [Reason::StatementTotal("DZ-1".into())]);
    }

    #[test]
    fn an_amount_that_fits_nothing_goes_oldest_first_and_the_rest_stays_as_credit() {
        let a = allocate(Money::from_cents(12_000), &open(), &[], &[], &[]);
        assert_eq!((parts(&a), a.exact), (vec![("SD-1", 10_000), ("SD-2", 2_000)], false));
        let more = allocate(Money::from_cents(50_000), &open(), &[], &[], &[]);
        assert_eq!(more.parts.len(), 3);
        assert_eq!(more.reasons, [Reason::OldestFirst, Reason::MoreThanOwed(Money::from_cents(10_000))]);
        let nothing = allocate(Money::from_cents(100), &[], &[], &[], &[]);
        assert!(nothing.parts.is_empty() && !nothing.exact);
    }
}
