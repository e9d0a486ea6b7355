//! The cash forecast's rule (SPEC §3): when each open item is expected to be paid, and how
//! much of it. Pure: the date and each customer's ledger are passed in.
//!
//! - An open receivable is expected when this customer actually pays: its due date moved by
//!   the customer's own record of lateness over the last twelve months, amount-weighted.
//!   The record is kept whole (so much paid 3 days early, so much 40 days late, ...) and a
//!   bill is spread over it, each share on its day: the average alone would put a whole
//!   month's bills of a customer who pays 30 to 60 days late in one week. A bill still open
//!   today cannot be paid before today: it is spread over the part of the record at least
//!   as late as it already is.
//! - A bill later already than anything on the customer's record is doubtful: shown as
//!   such, not expected. Such bills are what the letters and the provision are for; in
//!   the backtest (tests/tests/forecast_backtest.rs) counting them in the first week put
//!   the first week at twice what came in, and the mean error from 20% to 27%.
//! - A customer with no payments in the twelve months is expected on the due date: the
//!   agreed terms are all there is to go on, and a bill of its already overdue is later
//!   than that, so doubtful (a month's grace for these put the mean error at 23%).
//! - Promises and plan instalments are expected on their dates, discounted by the
//!   customer's record of keeping them: the share of what it promised (promises and
//!   instalments whose date has passed) that it paid by the date, amount-weighted;
//!   [`NO_KEEPING_RECORD`] without one.
//! - Bills not written yet are paid in the weeks ahead too (a net-30 bill written next week
//!   is paid in week five or later): the customer's sales of the last [`RUN_RATE_DAYS`]
//!   days are taken to go on at the same daily rate, each day's spread as a bill of that
//!   day would be (its terms' due date, then the record of lateness).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Days, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::behaviour::replay;
use crate::collection::Keeping;
use crate::ledger::{Account, EntryKind};
use crate::money::Money;
use crate::terms::PaymentTerms;

/// Weeks ahead in a forecast.
pub const WEEKS: usize = 12;

/// Days of sales whose daily rate is taken to go on.
pub const RUN_RATE_DAYS: u64 = 91;

/// The share of a promise expected from a customer that has never promised before: even odds.
pub const NO_KEEPING_RECORD: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// A customer's record of lateness: for each number of days from due date to payment
/// (negative: early), the cents paid that many days after the due date.
/// A customer with no record of paying is expected on the due date: one payment 0 days late
/// (made once, not at each of the thousands of times it is read).
static NO_RECORD: LazyLock<BTreeMap<i64, i128>> = LazyLock::new(|| BTreeMap::from([(0, 1)]));

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lateness(BTreeMap<i64, i128>);

impl Lateness {
    /// From the payments of the twelve months to `as_of` (the window of the payment
    /// behaviour, settled the same way).
    pub fn of(account: &Account, as_of: NaiveDate) -> Lateness {
        let window_from = as_of.checked_sub_months(Months::new(12)).unwrap_or(NaiveDate::MIN) + Days::new(1);
        let mut record = BTreeMap::new();
        for part in replay(account, as_of).parts {
            if part.credit_kind == EntryKind::Payment && part.date >= window_from {
                let due = account.receivables[part.receivable].due_date;
                *record.entry((part.date - due).num_days()).or_insert(0) += i128::from(part.amount.cents());
            }
        }
        Lateness(record)
    }

    /// A record of `(days after the due date, amount)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (i64, Money)>) -> Lateness {
        let mut record = BTreeMap::new();
        for (days, amount) in pairs {
            *record.entry(days).or_insert(0) += i128::from(amount.cents());
        }
        Lateness(record)
    }

    /// The amount-weighted average days late (early counts as 0), to one decimal: the
    /// payment behaviour's figure.
    pub fn average_days_late(&self) -> Option<Decimal> {
        let paid: i128 = self.0.values().sum();
        let late: i128 = self.0.iter().map(|(d, c)| i128::from((*d).max(0)) * c).sum();
        (paid > 0).then(|| {
            (Decimal::from_i128_with_scale(late, 0) / Decimal::from_i128_with_scale(paid, 0))
                .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        })
    }

    /// Adds `amount` of a bill due on `due` and still open on `open_on` to `weeks` (counted
    /// from `as_of`), spread over the part of the record at least as late as the bill already
    /// is, each share on its day (not before `open_on`). False, adding nothing, when the bill
    /// is doubtful: later already than anything on the record.
    pub fn spread(
        &self,
        as_of: NaiveDate,
        open_on: NaiveDate,
        due: NaiveDate,
        amount: Decimal,
        weeks: &mut [Decimal; WEEKS],
    ) -> bool {
        let record = if self.0.is_empty() { &*NO_RECORD } else { &self.0 };
        let already = (open_on - due).num_days();
        // Added up in cents per week first: a few divisions per bill, not one per day on record.
        let (mut total, mut by_week) = (0i128, [0i128; WEEKS]);
        for (&days, &cents) in record.range(already..) {
            total += cents;
            let day = due.checked_add_signed(chrono::Duration::days(days)).unwrap_or(due).max(open_on);
            if let Some(w) = week_of(as_of, day) {
                by_week[w] += cents;
            }
        }
        if total == 0 {
            return false;
        }
        let total = Decimal::from_i128_with_scale(total, 0);
        for (week, cents) in weeks.iter_mut().zip(by_week).filter(|(_, c)| *c != 0) {
            *week += amount * Decimal::from_i128_with_scale(cents, 0) / total;
        }
        true
    }
}

/// The kept share of promises and instalments judged: what was paid towards those whose
/// date has passed over what they came to. `(amount, paid, keeping)` each; open ones are
/// not judged yet and count nothing.
pub fn kept_share(judged: impl IntoIterator<Item = (Money, Money, Keeping)>) -> Option<Decimal> {
    let (mut promised, mut paid) = (0i128, 0i128);
    for (amount, got, keeping) in judged {
        if keeping != Keeping::Open && amount.is_positive() {
            promised += i128::from(amount.cents());
            paid += i128::from(got.min(amount).max(Money::ZERO).cents());
        }
    }
    (promised > 0).then(|| Decimal::from_i128_with_scale(paid, 0) / Decimal::from_i128_with_scale(promised, 0))
}

/// The week a day falls in, counted from `as_of` (0 = the week starting on it); None
/// outside the twelve weeks.
pub fn week_of(as_of: NaiveDate, day: NaiveDate) -> Option<usize> {
    let days = (day - as_of).num_days();
    (0..(WEEKS as i64 * 7)).contains(&days).then_some((days / 7) as usize)
}

/// What is expected of `left` still owed on a promise or an instalment: discounted by the
/// customer's kept share (None: no record).
pub fn promised(left: Money, kept: Option<Decimal>) -> Money {
    Money::round_half_up(left.to_decimal() * kept.unwrap_or(NO_KEEPING_RECORD)).unwrap_or(Money::ZERO)
}

/// Each week's figure to the cent (half up).
pub fn to_money(weeks: [Decimal; WEEKS]) -> [Money; WEEKS] {
    weeks.map(|w| Money::round_half_up(w).unwrap_or(Money::ZERO))
}

/// Sales (deliveries and charges, not opening balances) of the [`RUN_RATE_DAYS`] days to `as_of`.
pub fn recent_sales(account: &Account, as_of: NaiveDate) -> Money {
    let from = as_of - Days::new(RUN_RATE_DAYS - 1);
    account
        .receivables
        .iter()
        .filter(|r| r.kind != EntryKind::Opening && r.doc_date >= from && r.doc_date <= as_of)
        .map(|r| r.amount)
        .sum()
}

/// What the bills of the days after `as_of` should bring in each week, at the daily rate of
/// `recent` sales over [`RUN_RATE_DAYS`] days, each day's due on `terms` and spread over the
/// customer's lateness (not paid before it is written).
pub fn new_sales(as_of: NaiveDate, recent: Money, terms: PaymentTerms, lateness: &Lateness) -> [Decimal; WEEKS] {
    let mut weeks = [Decimal::ZERO; WEEKS];
    if recent.is_positive() {
        let daily = recent.to_decimal() / Decimal::from(RUN_RATE_DAYS);
        for day in (1..WEEKS as u64 * 7).filter_map(|d| as_of.checked_add_days(Days::new(d))) {
            lateness.spread(as_of, day, terms.due_date(day), daily, &mut weeks);
        }
    }
    weeks
}

/// The forecast's error against what came in: the mean of |expected − collected| ÷ collected
/// over the weeks, in percent to one decimal (half up). A week in which nothing came in has no
/// percentage error and is left out; None when no week had collections.
pub fn mape(weeks: impl IntoIterator<Item = (Money, Money)>) -> Option<Decimal> {
    let (mut sum, mut counted) = (Decimal::ZERO, 0u32);
    for (expected, collected) in weeks {
        if collected.is_positive() {
            sum += (expected - collected).to_decimal().abs() / collected.to_decimal();
            counted += 1;
        }
    }
    (counted > 0).then(|| {
        (sum * Decimal::ONE_HUNDRED / Decimal::from(counted))
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    })
}

#[cfg(test)]
mod tests;
