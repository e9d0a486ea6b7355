use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn item(open: &str, due: &str) -> OverdueItem {
    OverdueItem { number: "SD-1".into(), due_date: d(due), open: open.parse().unwrap() }
}

fn interest(terms: &InterestTerms, open: &str, due: &str, as_of: &str) -> (i64, String) {
    let r = item_interest(terms, &published_lpr(), &item(open, due), d(as_of)).unwrap();
    (r.days, r.interest.to_string())
}

/// Worked by hand (the exact product, then rounded half up once):
#[test]
fn interest_matches_the_worked_table() {
    let daily = |r: &str| InterestTerms::DailyRate { rate: dec(r) };
    let annual = |r: &str| InterestTerms::AnnualRate { rate: dec(r) };
    let lpr = |u: &str| InterestTerms::Lpr { uplift: dec(u) };
    let table: Vec<(InterestTerms, &str, &str, &str, i64, &str)> = vec![
        // 万分之五, 30 days: 10,000 × 0.0005 × 30 = 150.00
        (daily("0.0005"), "10000.00", "2026-03-31", "2026-04-30", 30, "150.00"),
        // 万分之三, 16 Jan .. 1 Mar 2026 = 45 days: 12,345.67 × 0.0003 × 45 = 166.666545
        (daily("0.0003"), "12345.67", "2026-01-15", "2026-03-01", 45, "166.67"),
        // Across 29 Feb 2024 at a daily rate: 29 Feb and 1 Mar = 2 days: 1,000 × 0.0005 × 2
        (daily("0.0005"), "1000.00", "2024-02-28", "2024-03-01", 2, "1.00"),
        // Half a cent rounds up: 10.00 × 0.0005 × 1 = 0.005
        (daily("0.0005"), "10.00", "2026-01-01", "2026-01-02", 1, "0.01"),
        // 12% a year over leap 2024 (366 days), actual/365: 100,000 × 0.12 × 366 / 365 = 12,032.8767…
        (annual("0.12"), "100000.00", "2023-12-31", "2024-12-31", 366, "12032.88"),
        // 6% a year over 2026 (365 days): exactly a year's interest
        (annual("0.06"), "50000.00", "2025-12-31", "2026-12-31", 365, "3000.00"),
        // LPR × 1.5, breach on 11 Oct 2024 (LPR 3.35%); the 21 Oct change to 3.10% does not
        // touch the item: 100,000 × 3.35 × 1.5 × 21 / 36,500 = 10,552,500 / 36,500 = 289.1095…
        (lpr("1.5"), "100000.00", "2024-10-10", "2024-10-31", 21, "289.11"),
        // LPR × 1.3, breach on 2 May 2025 (LPR 3.10%), 60 days though 3.00% came on 20 May:
        // 8,888.88 × 3.10 × 1.3 × 60 / 36,500 = 58.8857…
        (lpr("1.3"), "8888.88", "2025-05-01", "2025-06-30", 60, "58.89"),
        // Breach on the day of a change (21 Oct 2024) takes the new rate, 3.10%:
        // 20,000 × 3.10 × 1.3 × 11 / 36,500 = 24.2904…
        (lpr("1.3"), "20000.00", "2024-10-20", "2024-10-31", 11, "24.29"),
        // LPR over leap 2024, breach 1 Jan 2024 (3.45%), 366 days, actual/365:
        // 100,000 × 3.45 × 1.5 × 366 / 36,500 = 5,189.178…
        (lpr("1.5"), "100000.00", "2023-12-31", "2024-12-31", 366, "5189.18"),
        // Breach on the first LPR day, 20 Aug 2019 (4.25%): 1,000 × 4.25 × 1.5 × 13 / 36,500 = 2.2705…
        (lpr("1.5"), "1000.00", "2019-08-19", "2019-09-01", 13, "2.27"),
        // Not yet overdue: nothing
        (lpr("1.5"), "5000.00", "2026-05-31", "2026-05-01", 0, "0.00"),
        (daily("0.0005"), "5000.00", "2026-05-01", "2026-05-01", 0, "0.00"),
        // No terms: no interest, though overdue
        (InterestTerms::None, "5000.00", "2026-01-01", "2026-05-01", 120, "0.00"),
    ];
    for (terms, open, due, as_of, days, expected) in table {
        assert_eq!(interest(&terms, open, due, as_of), (days, expected.to_string()), "{terms:?} {open} {due}..{as_of}");
    }
}

#[test]
fn an_lpr_item_keeps_the_rate_in_force_on_its_first_day_overdue_across_later_changes() {
    let r = item_interest(
        &InterestTerms::Lpr { uplift: dec("1.5") },
        &published_lpr(),
        &item("100000.00", "2024-10-10"),
        d("2024-10-31"),
    )
    .unwrap();
    let spans: Vec<_> = r.spans.iter().map(|s| (s.from, s.to, s.days, s.lpr_percent, s.percent)).collect();
    assert_eq!(spans, vec![(d("2024-10-11"), d("2024-10-31"), 21, Some(dec("3.35")), dec("5.025"))]);
}

#[test]
fn a_breach_before_the_first_lpr_is_left_uncomputed_and_named_with_the_reason() {
    let lpr = InterestTerms::Lpr { uplift: dec("1.5") };
    let old = OverdueItem { number: "SD-OLD".into(), due_date: d("2019-08-01"), open: "100.00".parse().unwrap() };
    let r = item_interest(&lpr, &published_lpr(), &old, d("2019-09-01")).unwrap();
    assert!(r.before_lpr && r.interest.is_zero() && r.spans.is_empty(), "{r:?}");
    assert_eq!(r.days, 31);
    let new = OverdueItem { number: "SD-NEW".into(), due_date: d("2019-08-19"), open: "1000.00".parse().unwrap() };
    let c = claim(&lpr, &published_lpr(), &[old, new], d("2019-09-01"), true).unwrap();
    assert_eq!((c.principal.to_string(), c.interest.to_string()), ("1100.00".into(), "2.27".into()));
    assert!(c.basis_zh.contains("SD-OLD") && c.basis_zh.contains("基准利率"), "{}", c.basis_zh);
    assert!(!c.basis_zh.contains("SD-NEW"), "{}", c.basis_zh);
    assert!(c.basis_en.contains("SD-OLD") && c.basis_en.contains("benchmark"), "{}", c.basis_en);
    // A daily contract rate needs no LPR, whenever the breach.
    let daily = InterestTerms::DailyRate { rate: dec("0.0005") };
    assert!(!item_interest(&daily, &[], &item("100.00", "2019-08-01"), d("2019-09-01")).unwrap().before_lpr);
}

#[test]
fn a_breach_after_2019_before_the_owners_first_rate_is_refused_by_name() {
    let table = vec![LprRate { effective: d("2024-01-01"), percent: dec("3.45") }];
    let err = item_interest(
        &InterestTerms::Lpr { uplift: dec("1.5") },
        &table,
        &item("100.00", "2023-06-01"),
        d("2024-02-01"),
    )
    .unwrap_err();
    assert_eq!(err, InterestError::NoLpr(d("2023-06-02")));
    assert!(err.zh().contains("2023-06-02"));
}

#[test]
fn an_owner_added_lpr_applies_from_its_date() {
    let mut table = published_lpr();
    table.push(LprRate { effective: d("2026-01-20"), percent: dec("2.90") });
    assert_eq!(lpr_on(&table, d("2026-01-19")), Some(dec("3.00")));
    assert_eq!(lpr_on(&table, d("2026-01-20")), Some(dec("2.90")));
    assert!(check_lpr_table(&table).is_ok());
    table.push(LprRate { effective: d("2026-01-20"), percent: dec("2.80") });
    assert!(check_lpr_table(&table).is_err());
}

#[test]
fn rates_a_contract_would_not_hold_are_refused() {
    assert!(InterestTerms::DailyRate { rate: dec("0.05") }.check().is_err());
    assert!(InterestTerms::DailyRate { rate: dec("0") }.check().is_err());
    assert!(InterestTerms::AnnualRate { rate: dec("12") }.check().is_err());
    assert!(InterestTerms::Lpr { uplift: dec("0.5") }.check().is_err());
    assert!(InterestTerms::Lpr { uplift: dec("1.5") }.check().is_ok());
    assert!(InterestTerms::DailyRate { rate: dec("0.0005") }.check().is_ok());
}

#[test]
fn the_claim_adds_the_rounded_items_and_states_its_basis() {
    let items = [item("10.00", "2026-01-01"), item("10.00", "2026-01-01")];
    let c = claim(&InterestTerms::DailyRate { rate: dec("0.0005") }, &[], &items, d("2026-01-02"), true).unwrap();
    // Each item's half cent rounds up on its own: 0.01 + 0.01.
    assert_eq!(c.interest.to_string(), "0.02");
    assert_eq!(c.total.to_string(), "20.02");
    assert!(c.basis.contains("万分之5"), "{}", c.basis);
    assert_eq!(c.basis, c.basis_zh);
    assert!(c.basis_en.contains("0.05% of the overdue amount per day"), "{}", c.basis_en);
    let en = basis_words(&InterestTerms::Lpr { uplift: dec("1.5") }, false);
    assert!(en.contains("art. 18(4)") && en.contains("when the breach occurred"), "{en}");
    assert!(en.contains("plus 50% (times 1.5)") && en.contains("365"), "{en}");
    let zh = basis_words(&InterestTerms::Lpr { uplift: dec("1.3") }, true);
    assert!(zh.contains("第十八条第四款") && zh.contains("违约行为发生时") && zh.contains("加计 30%"), "{zh}");
    assert!(!zh.contains("当日有效的 LPR，") && !zh.contains("每日适用"), "the rate is not re-read each day: {zh}");
}

#[test]
fn no_interest_says_none_is_claimed_in_both_languages() {
    let c = claim(&InterestTerms::None, &[], &[item("10.00", "2026-01-01")], d("2026-02-01"), false).unwrap();
    assert_eq!(c.basis_zh, "本次不主张逾期利息");
    assert_eq!(c.basis_en, "No late-payment interest is claimed");
    assert_eq!(c.basis, c.basis_en);
}

#[test]
fn the_plan_term_follows_the_customers_own_terms() {
    let term = |t: &InterestTerms, zh| plan_interest_term(t, zh);
    let daily = InterestTerms::DailyRate { rate: dec("0.0005") };
    assert!(term(&daily, true).contains("每日 0.05%（万分之5）"), "{}", term(&daily, true));
    assert!(term(&daily, false).contains("0.05% of the amount overdue per day"));
    let annual = InterestTerms::AnnualRate { rate: dec("0.12") };
    assert!(term(&annual, true).contains("年利率 12.00%") && term(&annual, false).contains("12.00% a year"));
    let lpr = InterestTerms::Lpr { uplift: dec("1.3") };
    assert!(term(&lpr, true).contains("加计 30%（即 1.3 倍）") && term(&lpr, true).contains("第十八条第四款"));
    assert!(term(&lpr, false).contains("plus 30% (times 1.3)") && term(&lpr, false).contains("art. 18(4)"));
    assert!(term(&InterestTerms::None, true).contains("不计利息") && term(&InterestTerms::None, true).contains("依法"));
    assert!(term(&InterestTerms::None, false).contains("bear no interest"));
    for t in [daily, annual, InterestTerms::None] {
        assert!(!term(&t, true).contains("LPR") && !term(&t, false).contains("LPR"), "{t:?}");
    }
}

fn terms_strategy() -> impl Strategy<Value = InterestTerms> {
    prop_oneof![
        (1i64..=100).prop_map(|r| InterestTerms::DailyRate { rate: Decimal::new(r, 5) }),
        (1i64..=240).prop_map(|r| InterestTerms::AnnualRate { rate: Decimal::new(r, 3) }),
        (10i64..=20).prop_map(|u| InterestTerms::Lpr { uplift: Decimal::new(u, 1) }),
    ]
}

proptest! {
    #[test]
    fn interest_never_falls_as_the_days_run_on(
        terms in terms_strategy(),
        cents in 1i64..10_000_000_000,
        due_offset in 0i64..2500,
        days in 0i64..1500,
        more in 1i64..400,
    ) {
        let due = d("2019-09-01") + chrono::Days::new(due_offset as u64);
        let it = OverdueItem { number: "X".into(), due_date: due, open: Money::from_cents(cents) };
        let table = published_lpr();
        let a = item_interest(&terms, &table, &it, due + chrono::Days::new(days as u64)).unwrap();
        let b = item_interest(&terms, &table, &it, due + chrono::Days::new((days + more) as u64)).unwrap();
        prop_assert!(a.interest <= b.interest);
        prop_assert!(!a.interest.is_negative());
        prop_assert_eq!(a.days, days);
        prop_assert_eq!(a.spans.iter().map(|s| s.days).sum::<i64>(), days);
    }

    #[test]
    fn an_lpr_item_is_the_annual_rate_of_its_first_day_overdue(
        cents in 1i64..10_000_000_000,
        due_offset in 0i64..2500,
        days in 0i64..2000,
        uplift in 10i64..=20,
    ) {
        let uplift = Decimal::new(uplift, 1);
        let due = d("2019-08-19") + chrono::Days::new(due_offset as u64);
        let it = OverdueItem { number: "X".into(), due_date: due, open: Money::from_cents(cents) };
        let as_of = due + chrono::Days::new(days as u64);
        let by_lpr = item_interest(&InterestTerms::Lpr { uplift }, &published_lpr(), &it, as_of).unwrap();
        let breach = due.succ_opt().unwrap();
        let rate = lpr_on(&published_lpr(), breach).unwrap() / Decimal::ONE_HUNDRED * uplift;
        let by_rate = item_interest(&InterestTerms::AnnualRate { rate }, &[], &it, as_of).unwrap();
        prop_assert_eq!(by_lpr.interest, by_rate.interest);
    }

    #[test]
    fn an_lpr_change_after_the_breach_does_not_change_the_items_rate(
        cents in 1i64..10_000_000_000,
        due_offset in 0i64..2500,
        days in 1i64..1500,
        change_after in 1i64..1500,
        percent in 1i64..1000,
        uplift in 10i64..=20,
    ) {
        let terms = InterestTerms::Lpr { uplift: Decimal::new(uplift, 1) };
        let due = d("2019-08-19") + chrono::Days::new(due_offset as u64);
        let it = OverdueItem { number: "X".into(), due_date: due, open: Money::from_cents(cents) };
        let as_of = due + chrono::Days::new(days as u64);
        let before = item_interest(&terms, &published_lpr(), &it, as_of).unwrap();
        // A new rate from any day after the first day overdue (before or after the as-of date).
        let mut table = published_lpr();
        let change = due + chrono::Days::new(1 + change_after as u64);
        table.retain(|r| r.effective != change);
        table.push(LprRate { effective: change, percent: Decimal::new(percent, 2) });
        let after = item_interest(&terms, &table, &it, as_of).unwrap();
        prop_assert_eq!(&before.spans, &after.spans);
        prop_assert_eq!(before.interest, after.interest);
    }

    #[test]
    fn a_daily_rate_is_within_a_cent_of_principal_times_rate_times_days(
        cents in 1i64..1_000_000_000,
        rate in 1i64..=100,
        days in 0i64..1000,
    ) {
        let rate = Decimal::new(rate, 5);
        let due = d("2026-01-01");
        let it = OverdueItem { number: "X".into(), due_date: due, open: Money::from_cents(cents) };
        let r = item_interest(&InterestTerms::DailyRate { rate }, &[], &it, due + chrono::Days::new(days as u64)).unwrap();
        let exact = Money::from_cents(cents).to_decimal() * rate * Decimal::from(days);
        prop_assert!((r.interest.to_decimal() - exact).abs() <= dec("0.005"));
    }
}
