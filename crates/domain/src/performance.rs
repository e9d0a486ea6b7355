//! Collection performance: the collection effectiveness index (CEI) and days sales
//! outstanding (DSO), and the provision for doubtful debts (坏账准备) by aging bucket.

use rust_decimal::Decimal;

use crate::money::Money;

/// CEI, in percent to one decimal: of what could have been collected in a period (what
/// was owed at its start plus its sales), the share collected, leaving aside what is not
/// due yet at its end. (opening + sales - closing) / (opening + sales - closing_current) x 100.
/// None when nothing could have been collected.
pub fn cei(opening: Money, sales: Money, closing: Money, closing_current: Money) -> Option<Decimal> {
    let collectible = opening + sales - closing_current;
    if !collectible.is_positive() {
        return None;
    }
    let collected = opening + sales - closing;
    let ratio = collected.to_decimal() * Decimal::ONE_HUNDRED / collectible.to_decimal();
    Some(ratio.round_dp(1))
}

/// DSO in days to one decimal: what is owed ÷ the sales of the `days` days to the date ×
/// `days`. None without sales in those days; nothing owed gives 0.
pub fn dso(owed: Money, sales: Money, days: u32) -> Option<Decimal> {
    if !sales.is_positive() {
        return None;
    }
    let owed = owed.max(Money::ZERO);
    Some((owed.to_decimal() * Decimal::from(days) / sales.to_decimal()).round_dp(1))
}

/// The provision for an amount at a rate in percent, to the cent (half up).
pub fn provision(amount: Money, rate_percent: Decimal) -> Money {
    Money::round_half_up(amount.to_decimal() * rate_percent / Decimal::ONE_HUNDRED).unwrap_or(amount)
}

/// The share of promises kept, in percent to one decimal, of those already judged.
pub fn kept_rate(kept: u32, judged: u32) -> Option<Decimal> {
    (judged > 0).then(|| (Decimal::from(kept) * Decimal::ONE_HUNDRED / Decimal::from(judged)).round_dp(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(yuan: i64) -> Money {
        Money::from_cents(yuan * 100)
    }

    #[test]
    fn cei_of_a_month_that_collected_everything_due_is_100() {
        // 1,000 owed at the start, 500 sold, 300 of the sales not due at the end and nothing
        // else open: everything collectible came in.
        assert_eq!(cei(m(1000), m(500), m(300), m(300)), Some(Decimal::ONE_HUNDRED));
        // Nothing came in: the index is 0.
        assert_eq!(cei(m(1000), m(500), m(1500), m(300)), Some(Decimal::ZERO));
        assert_eq!(cei(m(1000), m(0), m(400), m(0)), Some(Decimal::from(60)));
        assert_eq!(cei(m(0), m(0), m(0), m(0)), None);
    }

    #[test]
    fn dso_and_provision_round_as_the_report_prints_them() {
        assert_eq!(dso(m(300), m(900), 90), Some(Decimal::from(30)));
        assert_eq!(dso(m(-5), m(900), 90), Some(Decimal::ZERO));
        assert_eq!(dso(m(5), m(0), 90), None);
        assert_eq!(provision(Money::from_cents(333), Decimal::from(5)), Money::from_cents(17));
        assert_eq!(provision(m(100), Decimal::ONE_HUNDRED), m(100));
        assert_eq!(kept_rate(2, 3), Some(Decimal::new(667, 1)));
        assert_eq!(kept_rate(0, 0), None);
    }

    proptest! {
        #[test]
        fn cei_stays_between_0_and_100_when_collections_stay_within_what_was_collectible(
            opening in 0i64..10_000_000, sales in 0i64..10_000_000, current_share in 0u32..=100, collected_share in 0u32..=100,
        ) {
            let (opening, sales) = (Money::from_cents(opening), Money::from_cents(sales));
            let current = Money::from_cents(sales.cents() * i64::from(current_share) / 100);
            let collectible = opening + sales - current;
            let collected = Money::from_cents(collectible.cents() * i64::from(collected_share) / 100);
            let closing = opening + sales - collected;
            if let Some(index) = cei(opening, sales, closing, current) {
                prop_assert!(index >= Decimal::ZERO && index <= Decimal::ONE_HUNDRED, "{index}");
            }
        }

        #[test]
        fn provision_never_exceeds_the_amount_and_is_exact_at_the_ends(cents in 0i64..1_000_000_000, rate in 0u32..=100) {
            let amount = Money::from_cents(cents);
            let p = provision(amount, Decimal::from(rate));
            prop_assert!(p <= amount && !p.is_negative());
            prop_assert_eq!(provision(amount, Decimal::ZERO), Money::ZERO);
            prop_assert_eq!(provision(amount, Decimal::ONE_HUNDRED), amount);
        }
    }
}
