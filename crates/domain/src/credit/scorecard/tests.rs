use chrono::NaiveDate;

use super::*;
use crate::behaviour::behaviour;
use crate::calendar::parse_date;
use crate::ledger::Account;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A customer with no ledger: payment history scores a neutral 3.
fn quiet() -> Behaviour {
    behaviour(&Account::default(), d("2026-11-23"))
}

fn card(scores: [u8; 6]) -> Scorecard {
    use Factor::*;
    let factors = [BusinessScale, OperatingCondition, YearsInBusiness, Relationship, IndustryRisk, Guarantees];
    Scorecard {
        factors: factors
            .iter()
            .zip(scores)
            .map(|(&factor, score)| FactorScore { factor, score, note: String::new() })
            .collect(),
        ..Scorecard::default()
    }
}

fn history(late: &str, on_time: &str, longest: i64) -> Behaviour {
    let mut b = quiet();
    b.avg_days_late = Some(dec(late));
    b.on_time_percent = Some(dec(on_time));
    b.longest_overdue_days = longest;
    b
}

#[test]
fn the_payment_history_score_follows_its_table() {
    let table = [
        ("0", "100", 0, 5),
        ("3", "80", 10, 5),
        ("3.1", "80", 10, 4),
        ("10", "60", 10, 4),
        ("10", "59.9", 10, 3),
        ("30", "0", 30, 3),
        ("30.1", "0", 30, 2),
        ("60", "0", 60, 2),
        ("60.1", "0", 60, 1),
        ("0", "100", 61, 2),
        ("0", "100", 91, 1),
    ];
    for (late, on_time, longest, expected) in table {
        let (score, _) = payment_history_score(&history(late, on_time, longest));
        assert_eq!(score, expected, "late {late}, on time {on_time}%, longest {longest}");
    }
    assert_eq!(payment_history_score(&quiet()).0, 3, "no payments: neutral");
}

#[test]
fn the_scores_table_gives_the_weighted_score_and_its_grade() {
    let policy = CreditPolicy::default();
    // scale, operating, years, relationship, industry, guarantees; history is 3 (no payments).
    let table: [([u8; 6], &str, Grade); 5] = [
        // 5×10 + 5×20 + 5×10 + 3×30 + 5×10 + 5×10 + 5×10 = 440 → 4.40
        ([5, 5, 5, 5, 5, 5], "4.40", Grade::A),
        // 3×10 + 4×20 + 2×10 + 3×30 + 4×10 + 3×10 + 1×10 = 300 → 3.00
        ([3, 4, 2, 4, 3, 1], "3.00", Grade::C),
        // 4×10 + 4×20 + 4×10 + 3×30 + 4×10 + 3×10 + 3×10 = 350 → 3.50, exactly B's floor
        ([4, 4, 4, 4, 3, 3], "3.50", Grade::B),
        // 2×10 + 2×20 + 2×10 + 3×30 + 2×10 + 2×10 + 1×10 = 220 → 2.20
        ([2, 2, 2, 2, 2, 1], "2.20", Grade::D),
        // 1×10 + 1×20 + 1×10 + 3×30 + 1×10 + 1×10 + 1×10 = 160 → 1.60
        ([1, 1, 1, 1, 1, 1], "1.60", Grade::E),
    ];
    for (scores, score, grade) in table {
        let a = assess(&policy, &card(scores), &quiet()).unwrap();
        assert_eq!((a.score, a.grade), (dec(score), grade), "{scores:?}");
        assert_eq!(a.factors.len(), 7);
        assert_eq!(a.factors[3].factor, Factor::PaymentHistory);
    }
}

#[test]
fn each_warning_signal_lowers_the_grade_and_grade_e_gets_no_credit() {
    let mut c = card([3, 4, 2, 4, 3, 1]);
    c.signals = vec![Signal::Lawsuits, Signal::WagesUnpaid, Signal::Lawsuits];
    c.expected_monthly_sales = Some(Money::from_cents(1_000_000));
    let a = assess(&CreditPolicy::default(), &c, &quiet()).unwrap();
    assert_eq!((a.score_grade, a.grade), (Grade::C, Grade::E), "two distinct signals: C → E");
    assert_eq!(a.signals, vec![Signal::WagesUnpaid, Signal::Lawsuits]);
    assert_eq!((a.recommended_limit, a.recommended_terms), (Money::ZERO, PaymentTerms::Cod));
    assert!(a.reasoning.iter().any(|r| r.zh.contains("由 C 级降为 E 级")), "{:?}", a.reasoning);
}

#[test]
fn a_new_customer_gets_months_of_the_owners_estimate_and_the_grades_terms() {
    let mut c = card([5, 5, 5, 5, 5, 5]);
    c.expected_monthly_sales = Some(Money::from_cents(1_050_000));
    let a = assess(&CreditPolicy::default(), &c, &quiet()).unwrap();
    // Grade A: 2 × 10,500 = 21,000, already a multiple of 1,000.
    assert_eq!((a.grade, a.monthly_sales), (Grade::A, Money::from_cents(1_050_000)));
    assert_eq!((a.recommended_limit, a.recommended_terms), (Money::from_cents(2_100_000), PaymentTerms::Eom(30)));
    assert_eq!(a.review_months, 12);
}

#[test]
fn a_customer_with_history_gets_months_of_its_own_purchases_rounded_down() {
    let mut b = quiet();
    b.first_sale = Some(d("2026-05-08")); // 200 days up to 23 Nov, inclusive
    b.sales_in_window = Money::from_cents(12_345_600);
    let mut c = card([4, 4, 4, 4, 3, 3]);
    c.expected_monthly_sales = Some(Money::from_cents(99_900_000)); // ignored: history speaks
    let a = assess(&CreditPolicy::default(), &c, &b).unwrap();
    // 123,456.00 × 30 / 200 = 18,518.40 a month; grade B: × 1.5 = 27,777.60 → 27,000.
    assert_eq!(a.monthly_sales, Money::from_cents(1_851_840));
    assert_eq!((a.grade, a.recommended_limit), (Grade::B, Money::from_cents(2_700_000)));
    assert_eq!(a.recommended_terms, PaymentTerms::Net(30));
}

#[test]
fn a_missing_factor_or_a_score_outside_1_to_5_is_refused() {
    let mut c = card([3, 3, 3, 3, 3, 3]);
    c.factors.pop();
    assert_eq!(assess(&CreditPolicy::default(), &c, &quiet()), Err(DomainError::Empty("guarantees")));
    let mut c = card([3, 3, 3, 3, 3, 3]);
    c.factors[0].score = 6;
    assert!(matches!(assess(&CreditPolicy::default(), &c, &quiet()), Err(DomainError::OutOfRange { .. })));
}

#[test]
fn a_review_falls_the_given_months_later_clamped_to_the_month_end() {
    assert_eq!(review_date(d("2026-08-31"), 6), d("2027-02-28"));
}
