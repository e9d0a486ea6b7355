//! The cash forecast: what should come in each of the next twelve weeks from promises,
//! plan instalments and receivables falling due, each weighted by its customer's on-time
//! rate (the share of its payments made by the due date over the last twelve months; half
//! for a customer with no history). A customer with an open promise or plan is counted by
//! those, not by its receivables, so nothing is counted twice.

use chrono::{Days, NaiveDate};
use huikuan_domain::behaviour::behaviour;
use huikuan_domain::collection::Keeping;
use huikuan_domain::Money;
use huikuan_store::tables::{collection, customers, entries, maintained};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::keeping::{payments_in, plan_view, promise_view};
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastWeek {
    /// The week's first day; it runs seven days.
    pub week_start: NaiveDate,
    pub promised: Money,
    pub planned: Money,
    pub falling_due: Money,
    /// The three, each weighted by its customer's on-time rate.
    pub expected: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Forecast {
    pub as_of: NaiveDate,
    pub weeks: Vec<ForecastWeek>,
    pub expected: Money,
}

pub const WEEKS: u64 = 12;

fn weighted(amount: Money, weight: Decimal) -> Money {
    Money::round_half_up(amount.to_decimal() * weight).unwrap_or(Money::ZERO)
}

impl Books {
    /// Expected collections per week for the next twelve weeks.
    pub fn forecast(&mut self, as_of: NaiveDate) -> Result<Forecast, AppError> {
        self.store.read(|tx| forecast_in(tx, as_of, false))
    }

    /// The same figures from every customer's whole ledger: the plain computation the
    /// property tests hold `forecast` to.
    #[doc(hidden)]
    pub fn forecast_from_every_ledger(&mut self, as_of: NaiveDate) -> Result<Forecast, AppError> {
        self.store.read(|tx| forecast_in(tx, as_of, true))
    }
}

fn forecast_in(tx: &huikuan_store::Transaction, as_of: NaiveDate, every: bool) -> Result<Forecast, AppError> {
    let mut weeks: Vec<ForecastWeek> = (0..WEEKS)
        .map(|i| ForecastWeek {
            week_start: as_of + Days::new(i * 7),
            promised: Money::ZERO,
            planned: Money::ZERO,
            falling_due: Money::ZERO,
            expected: Money::ZERO,
        })
        .collect();
    let week_of = |date: NaiveDate| -> Option<usize> {
        let days = (date - as_of).num_days();
        (0..(WEEKS as i64 * 7)).contains(&days).then_some((days / 7) as usize)
    };
    // Only customers who can add to the forecast, one history at a time: those with
    // a receivable falling due in the weeks ahead (what is kept is what is open then,
    // unless they have entries after the day), a promise or a plan. The others add
    // nothing, and a ten-year ledger is never held whole.
    let last_day = as_of + Days::new(WEEKS * 7 - 1);
    let mut ids: std::collections::BTreeSet<i64> =
        maintained::customers_due_between(tx, as_of, last_day)?.into_iter().collect();
    ids.extend(maintained::customers_active_after(tx, as_of)?);
    ids.extend(collection::customers_with_promises_or_plans(tx)?);
    if every {
        ids.extend(customers::names(tx)?.into_iter().map(|(id, _, _)| id));
    }
    for id in ids {
        let customer = customers::get(tx, id)?;
        let account = &entries::account(tx, id)?;
        if account.receivables.is_empty() && account.credits.is_empty() {
            continue;
        }
        let weight = behaviour(account, as_of).on_time_percent.map_or(Decimal::new(5, 1), |p| p / Decimal::ONE_HUNDRED);
        let payments = payments_in(account);
        let mut covered = false;
        for p in collection::promises_of(tx, customer.id)? {
            let v = promise_view(&p, &payments, as_of);
            if v.keeping != Keeping::Open {
                continue;
            }
            covered = true;
            if let Some(i) = week_of(v.promised_date) {
                weeks[i].promised += v.amount - v.paid;
                weeks[i].expected += weighted(v.amount - v.paid, weight);
            }
        }
        for plan in collection::plans_of(tx, customer.id)? {
            for i in plan_view(tx, &plan, &customer.fields.code, &payments, as_of)?.instalments {
                if i.keeping != Keeping::Open {
                    continue;
                }
                covered = true;
                if let Some(w) = week_of(i.due_date) {
                    weeks[w].planned += i.amount - i.paid;
                    weeks[w].expected += weighted(i.amount - i.paid, weight);
                }
            }
        }
        if covered {
            continue;
        }
        let settlement = account.settle(as_of);
        for (r, open) in account.receivables.iter().zip(&settlement.open) {
            let (Some(open), Some(w)) = (open, week_of(r.due_date)) else { continue };
            if open.is_positive() {
                weeks[w].falling_due += *open;
                weeks[w].expected += weighted(*open, weight);
            }
        }
    }
    let expected = weeks.iter().map(|w| w.expected).sum();
    Ok(Forecast { as_of, weeks, expected })
}
