//! Worked figures; the comments show the arithmetic.

use super::*;
use crate::behaviour::behaviour;
use crate::calendar::parse_date;
use crate::ledger::{Credit, Receivable};

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn yuan(y: i64) -> Money {
    Money::from_cents(y * 100)
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn bill(id: i64, date: &str, due: &str, amount: i64) -> Receivable {
    Receivable {
        id,
        kind: EntryKind::Delivery,
        number: format!("SD{id}"),
        doc_date: d(date),
        due_date: d(due),
        amount: yuan(amount),
    }
}

fn pay(id: i64, date: &str, amount: i64) -> Credit {
    Credit { id, kind: EntryKind::Payment, number: format!("PM{id}"), date: d(date), amount: yuan(amount) }
}

/// A bill open on `as_of` placed in the twelve weeks from then; None when doubtful.
fn placed(lateness: &Lateness, as_of: &str, due: &str, amount: i64) -> Option<[Money; WEEKS]> {
    let mut weeks = [Decimal::ZERO; WEEKS];
    lateness.spread(d(as_of), d(as_of), d(due), yuan(amount).to_decimal(), &mut weeks).then(|| to_money(weeks))
}

/// The only week a bill open on `as_of` lands in, and how much.
fn only_week(lateness: &Lateness, as_of: &str, due: &str) -> Option<(usize, Money)> {
    let weeks = placed(lateness, as_of, due, 1_000)?;
    let mut landed = weeks.iter().enumerate().filter(|(_, m)| !m.is_zero());
    let (w, m) = landed.next()?;
    assert!(landed.next().is_none(), "one week only: {weeks:?}");
    Some((w, *m))
}

#[test]
fn a_customer_ten_days_late_on_average_is_expected_ten_days_after_the_due_date() {
    // Two bills due 31 Jan and 28 Feb, each paid 10 days late.
    let account = Account {
        receivables: vec![bill(1, "2026-01-01", "2026-01-31", 500), bill(2, "2026-01-29", "2026-02-28", 300)],
        credits: vec![pay(3, "2026-02-10", 500), pay(4, "2026-03-10", 300)],
        allocations: Vec::new(),
    };
    let lateness = Lateness::of(&account, d("2026-03-31"));
    assert_eq!(lateness, Lateness::from_pairs([(10, yuan(800))]));
    assert_eq!(lateness.average_days_late(), behaviour(&account, d("2026-03-31")).avg_days_late);
    assert_eq!(lateness.average_days_late(), Some(dec("10.0")));
    // Due Wed 15 Apr, forecast on Tue 31 Mar: expected Sat 25 Apr, day 25, in week 3 (days 21–27).
    assert_eq!(only_week(&lateness, "2026-03-31", "2026-04-15"), Some((3, yuan(1_000))));
    // Open on Fri 17 Apr instead: 25 Apr is day 8, week 1.
    assert_eq!(only_week(&lateness, "2026-04-17", "2026-04-15"), Some((1, yuan(1_000))));
}

#[test]
fn a_bill_is_spread_over_the_record_and_one_still_open_over_the_later_part_of_it() {
    // ¥100 paid 3 days early, ¥300 paid 20 days late: 25% and 75%; average late (0×100 + 20×300) / 400.
    let lateness = Lateness::from_pairs([(-3, yuan(100)), (20, yuan(300))]);
    assert_eq!(lateness.average_days_late(), Some(dec("15.0")));
    // Due 1 Jun, forecast on 20 May: ¥250 on 29 May (week 1), ¥750 on 21 Jun (day 32, week 4).
    let weeks = placed(&lateness, "2026-05-20", "2026-06-01", 1_000).unwrap();
    assert_eq!((weeks[1], weeks[4]), (yuan(250), yuan(750)));
    // Still open on the due date: it was not paid early, so all of it 20 days late, 21 Jun (week 2).
    let weeks = placed(&lateness, "2026-06-01", "2026-06-01", 1_000).unwrap();
    assert_eq!(weeks[2], yuan(1_000));
    // 21 days overdue: later than anything on the record, doubtful.
    assert_eq!(placed(&lateness, "2026-06-22", "2026-06-01", 1_000), None);
    // 20 days overdue: the last day of the record, expected today.
    assert_eq!(only_week(&lateness, "2026-06-21", "2026-06-01"), Some((0, yuan(1_000))));
}

#[test]
fn without_payments_a_bill_is_expected_on_its_due_date_and_doubtful_once_overdue() {
    let none = Lateness::default();
    assert_eq!(none.average_days_late(), None);
    // Due Mon 1 Jun, open on Wed 20 May: day 12, week 1.
    assert_eq!(only_week(&none, "2026-05-20", "2026-06-01"), Some((1, yuan(1_000))));
    assert_eq!(only_week(&none, "2026-06-01", "2026-06-01"), Some((0, yuan(1_000))));
    assert_eq!(placed(&none, "2026-06-02", "2026-06-01", 1_000), None);
}

#[test]
fn payments_older_than_twelve_months_are_not_on_the_record() {
    let account = Account {
        receivables: vec![bill(1, "2025-01-01", "2025-01-31", 500)],
        credits: vec![pay(2, "2025-02-20", 500)],
        allocations: Vec::new(),
    };
    assert_eq!(Lateness::of(&account, d("2026-02-19")), Lateness::from_pairs([(20, yuan(500))]));
    assert_eq!(Lateness::of(&account, d("2026-02-20")), Lateness::default());
}

#[test]
fn promises_are_discounted_by_the_share_kept_and_by_half_without_a_record() {
    // Kept ¥1,000, broke ¥600 (nothing paid), partly kept ¥400 with ¥200 paid: (1000 + 0 + 200) / 2000.
    let judged = [
        (yuan(1_000), yuan(1_000), Keeping::Kept),
        (yuan(600), Money::ZERO, Keeping::Broken),
        (yuan(400), yuan(200), Keeping::PartlyKept),
        (yuan(5_000), Money::ZERO, Keeping::Open),
    ];
    assert_eq!(kept_share(judged), Some(dec("0.6")));
    assert_eq!(promised(yuan(500), kept_share(judged)), yuan(300));
    // A 50% keeping record: half of ¥600.
    assert_eq!(promised(yuan(600), Some(dec("0.5"))), yuan(300));
    // Only open promises: no record, even odds.
    assert_eq!(kept_share([(yuan(5_000), Money::ZERO, Keeping::Open)]), None);
    assert_eq!(promised(Money::from_cents(1_001), None), Money::from_cents(501), "half of ¥10.01, half up");
}

#[test]
fn weeks_are_counted_from_the_forecast_day() {
    let as_of = d("2026-12-01");
    let on = |days: u64| as_of + Days::new(days);
    assert_eq!([0, 6, 7, 83].map(|n| week_of(as_of, on(n))), [Some(0), Some(0), Some(1), Some(11)]);
    assert_eq!((week_of(as_of, on(84)), week_of(as_of, as_of - Days::new(1))), (None, None));
}

#[test]
fn sales_not_written_yet_come_in_on_their_terms_at_the_recent_daily_rate() {
    // ¥9,100 sold in the last 91 days: ¥100 a day. Net 30, always paid on the due date.
    let on_time = Lateness::from_pairs([(0, yuan(1))]);
    let weeks = to_money(new_sales(d("2026-12-01"), yuan(9_100), PaymentTerms::Net(30), &on_time));
    // A bill of day n is paid on day n + 30: days 1 to 53 land within the 84 days.
    assert_eq!(weeks.iter().copied().sum::<Money>(), yuan(5_300));
    assert!(weeks[..4].iter().all(|w| w.is_zero()), "nothing written tomorrow is paid within four weeks");
    // Week 4 is days 28 to 34: bills of days 1 to 4.
    assert_eq!((weeks[4], weeks[5]), (yuan(400), yuan(700)));
    // Ten days late instead: bills of days 1 to 43.
    let late = Lateness::from_pairs([(10, yuan(1))]);
    let weeks = to_money(new_sales(d("2026-12-01"), yuan(9_100), PaymentTerms::Net(30), &late));
    assert_eq!(weeks.iter().copied().sum::<Money>(), yuan(4_300));
}

#[test]
fn recent_sales_are_the_run_rate_days_without_opening_balances() {
    let mut opening = bill(3, "2026-11-01", "2026-11-01", 10_000);
    opening.kind = EntryKind::Opening;
    let account = Account {
        receivables: vec![bill(1, "2026-09-01", "2026-10-01", 700), bill(2, "2026-09-02", "2026-10-02", 300), opening],
        credits: Vec::new(),
        allocations: Vec::new(),
    };
    // 91 days to 1 Dec start on 2 Sep.
    assert_eq!(recent_sales(&account, d("2026-12-01")), yuan(300));
}

#[test]
fn the_error_is_the_mean_of_the_weekly_percentages_without_weeks_that_collected_nothing() {
    // |90 − 100| / 100 = 10%, |150 − 100| / 100 = 50%; the empty week is left out: (10 + 50) / 2.
    let weeks = [(yuan(90), yuan(100)), (yuan(150), yuan(100)), (yuan(40), Money::ZERO)];
    assert_eq!(mape(weeks), Some(dec("30.0")));
    // 1 / 3 of a percent each way: 33.333… → 33.3.
    assert_eq!(mape([(yuan(200), yuan(300))]), Some(dec("33.3")));
    assert_eq!(mape([(yuan(5), Money::ZERO)]), None);
}
