//! Aging (账龄): the open part of each receivable, bucketed by days past due (or, on
//! request, by days since the document date) as of a date.

use chrono::NaiveDate;

use crate::calendar::days_between;
use crate::ledger::Receivable;
use crate::money::Money;
use crate::settlement::Settlement;

/// Bucket boundaries as inclusive upper limits in days; the default is the contract's
/// not_due (<= 0), 1-30, 31-60, 61-90, 91-180, 181-365, over_365.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketScheme {
    upper_days: Vec<u32>,
}

impl Default for BucketScheme {
    fn default() -> Self {
        BucketScheme { upper_days: vec![30, 60, 90, 180, 365] }
    }
}

impl BucketScheme {
    /// Boundaries must be positive and strictly increasing.
    pub fn new(upper_days: Vec<u32>) -> Option<BucketScheme> {
        let increasing = upper_days.windows(2).all(|w| w[0] < w[1]);
        (!upper_days.is_empty() && upper_days[0] > 0 && increasing).then_some(BucketScheme { upper_days })
    }

    /// Number of buckets: not due, one per boundary, and the last open-ended one.
    pub fn len(&self) -> usize {
        self.upper_days.len() + 2
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn labels(&self) -> Vec<String> {
        let mut labels = vec!["not_due".to_string()];
        let mut low = 1;
        for &high in &self.upper_days {
            labels.push(format!("{low}-{high}"));
            low = high + 1;
        }
        labels.push(format!("over_{}", self.upper_days.last().expect("never empty")));
        labels
    }

    /// Index of the bucket for `days` past due (0 = not due).
    pub fn bucket_of(&self, days: i64) -> usize {
        if days <= 0 {
            return 0;
        }
        self.upper_days.iter().position(|&high| days <= i64::from(high)).map_or(self.len() - 1, |i| i + 1)
    }
}

/// What an item's age is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgingBasis {
    #[default]
    DueDate,
    DocumentDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingRow {
    pub buckets: Vec<Money>,
    pub credit: Money,
}

impl AgingRow {
    pub fn empty(scheme: &BucketScheme) -> AgingRow {
        AgingRow { buckets: vec![Money::ZERO; scheme.len()], credit: Money::ZERO }
    }

    pub fn open_total(&self) -> Money {
        self.buckets.iter().copied().sum()
    }

    /// balance = sum of buckets - credit
    pub fn balance(&self) -> Money {
        self.open_total() - self.credit
    }

    pub fn overdue(&self) -> Money {
        self.buckets[1..].iter().copied().sum()
    }

    pub fn add(&mut self, other: &AgingRow) {
        for (total, amount) in self.buckets.iter_mut().zip(&other.buckets) {
            *total += *amount;
        }
        self.credit += other.credit;
    }
}

/// Days an item is past its due date at `as_of` (negative: not yet due).
pub fn days_past_due(receivable: &Receivable, as_of: NaiveDate) -> i64 {
    days_between(receivable.due_date, as_of)
}

pub fn age(
    receivables: &[Receivable],
    settlement: &Settlement,
    as_of: NaiveDate,
    scheme: &BucketScheme,
    basis: AgingBasis,
) -> AgingRow {
    assert_eq!(receivables.len(), settlement.open.len(), "settlement is aligned with receivables");
    let mut row = AgingRow::empty(scheme);
    for (receivable, open) in receivables.iter().zip(&settlement.open) {
        let Some(open) = open.filter(|o| !o.is_zero()) else {
            continue;
        };
        let from = match basis {
            AgingBasis::DueDate => receivable.due_date,
            AgingBasis::DocumentDate => receivable.doc_date,
        };
        row.buckets[scheme.bucket_of(days_between(from, as_of))] += open;
    }
    row.credit = settlement.credit;
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;
    use crate::ledger::{Credit, EntryKind};
    use crate::settlement::settle;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn rec(id: i64, due: &str, cents: i64) -> Receivable {
        Receivable {
            id,
            kind: EntryKind::Delivery,
            number: format!("D{id}"),
            doc_date: d("2024-01-01"),
            due_date: d(due),
            amount: Money::from_cents(cents),
        }
    }

    #[test]
    fn default_labels_are_the_contract() {
        assert_eq!(
            BucketScheme::default().labels(),
            ["not_due", "1-30", "31-60", "61-90", "91-180", "181-365", "over_365"]
        );
    }

    #[test]
    fn bucket_edges_fall_on_the_inclusive_upper_limit() {
        let s = BucketScheme::default();
        let cases = [
            (-5, 0),
            (0, 0),
            (1, 1),
            (30, 1),
            (31, 2),
            (60, 2),
            (61, 3),
            (90, 3),
            (91, 4),
            (180, 4),
            (181, 5),
            (365, 5),
            (366, 6),
            (5000, 6),
        ];
        for (days, bucket) in cases {
            assert_eq!(s.bucket_of(days), bucket, "{days} days");
        }
    }

    #[test]
    fn ages_open_amounts_across_a_leap_day() {
        // 2024-02-29 exists: from 2024-01-30 to 2024-02-29 is 30 days, to 2024-03-01 is 31.
        let r = [rec(1, "2024-01-30", 100), rec(2, "2024-01-31", 200), rec(3, "2024-03-01", 400)];
        let s = settle(&r, &[], &[], d("2024-03-01"));
        let row = age(&r, &s, d("2024-03-01"), &BucketScheme::default(), AgingBasis::DueDate);
        assert_eq!(row.buckets[0], Money::from_cents(400));
        assert_eq!(row.buckets[1], Money::from_cents(200));
        assert_eq!(row.buckets[2], Money::from_cents(100));
        assert_eq!(row.balance(), Money::from_cents(700));
        assert_eq!(row.overdue(), Money::from_cents(300));
    }

    #[test]
    fn month_end_due_dates_age_by_calendar_days() {
        let r = [rec(1, "2026-01-31", 100)];
        let scheme = BucketScheme::default();
        // February 2026 has 28 days: Jan 31 to Mar 2 is 30 days, to Mar 3 is 31.
        let at = |date: &str| age(&r, &settle(&r, &[], &[], d(date)), d(date), &scheme, AgingBasis::DueDate);
        assert_eq!(at("2026-03-02").buckets[1], Money::from_cents(100));
        assert_eq!(at("2026-03-03").buckets[2], Money::from_cents(100));
    }

    #[test]
    fn credit_is_carried_and_reduces_the_balance() {
        let r = [rec(1, "2026-01-31", 100)];
        let c = [Credit {
            id: 9,
            kind: EntryKind::Payment,
            number: "P".into(),
            date: d("2024-06-01"),
            amount: Money::from_cents(250),
        }];
        let s = settle(&r, &c, &[], d("2026-03-02"));
        let row = age(&r, &s, d("2026-03-02"), &BucketScheme::default(), AgingBasis::DueDate);
        assert_eq!(row.open_total(), Money::ZERO);
        assert_eq!(row.credit, Money::from_cents(150));
        assert_eq!(row.balance(), Money::from_cents(-150));
    }

    #[test]
    fn document_date_basis_counts_from_the_document() {
        let r = [rec(1, "2024-12-31", 100)];
        let s = settle(&r, &[], &[], d("2024-03-01"));
        let row = age(&r, &s, d("2024-03-01"), &BucketScheme::default(), AgingBasis::DocumentDate);
        assert_eq!(row.buckets[2], Money::from_cents(100));
    }

    #[test]
    fn custom_schemes_must_increase() {
        assert!(BucketScheme::new(vec![30, 60]).is_some());
        assert!(BucketScheme::new(vec![60, 30]).is_none());
        assert!(BucketScheme::new(vec![0, 30]).is_none());
        assert_eq!(BucketScheme::new(vec![15, 45]).unwrap().labels(), ["not_due", "1-15", "16-45", "over_45"]);
    }
}
