//! The cash forecast (SPEC §3): what should come in each of the next twelve weeks. Each open
//! receivable is expected when its customer actually pays (spread over the customer's own
//! record of lateness); promises and plan instalments on their dates, discounted by the
//! customer's record of keeping them; sales to come at the recent rate. The rule is
//! `huikuan_domain::forecast`; this gathers each customer's items and adds them up. A
//! customer with an open promise or plan is counted by those, not by its receivables nor
//! its sales to come, so nothing is counted twice.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};
use huikuan_domain::collection::Keeping;
use huikuan_domain::customer::CustomerStatus;
use huikuan_domain::forecast::{self as rule, Lateness, WEEKS};
use huikuan_domain::{Account, Money};
use huikuan_store::tables::{collection, customers, maintained};
use serde::Serialize;
use ts_rs::TS;

use super::keeping::{payments_in, plan_view, promise_view};
use crate::error::AppError;
use crate::owed::{accounts_of, how, Reading};
use crate::{Books, Customer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastWeek {
    /// The week's first day; it runs seven days.
    pub week_start: NaiveDate,
    /// Open promises dated in the week, in full.
    pub promised: Money,
    /// Open plan instalments dated in the week, in full.
    pub planned: Money,
    /// Open receivables due in the week, in full (by their due date).
    pub falling_due: Money,
    /// Open receivables expected in the week: each spread over its customer's record of
    /// how late it pays (the part of it at least as late as the bill already is).
    pub receivables_expected: Money,
    /// Bills not written yet that should be paid in the week: each customer's recent sales
    /// going on at the same rate, paid on its terms as late as it pays.
    pub from_new_sales: Money,
    /// What should come in: the receivables expected, the new sales, and the promises and instalments
    /// each discounted by its customer's record of keeping them.
    pub expected: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Forecast {
    pub as_of: NaiveDate,
    pub weeks: Vec<ForecastWeek>,
    pub expected: Money,
    /// Open receivables later already than any payment on their customer's record of the
    /// last twelve months (without a record: overdue): not expected, shown so they do not
    /// vanish.
    pub doubtful: Money,
    /// The forecast made twelve weeks before, against what came in (the dashboard's; None
    /// from `forecast`).
    pub check: Option<ForecastCheck>,
}

/// One week of a forecast checked against the past.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckedWeek {
    pub week_start: NaiveDate,
    /// What the forecast made on `made_on` expected in the week.
    pub expected: Money,
    /// The payments dated in the week.
    pub collected: Money,
}

/// The forecast made twelve weeks before a day, week by week against the payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ForecastCheck {
    pub made_on: NaiveDate,
    pub weeks: Vec<CheckedWeek>,
    /// The twelve weeks' totals: on a small book a week is one or two customers' payday, and
    /// the totals say more than the weekly error.
    pub expected: Money,
    pub collected: Money,
    /// The mean absolute percentage error of the weekly totals (weeks without payments left
    /// out), one decimal.
    #[ts(type = "string | null")]
    pub error_percent: Option<rust_decimal::Decimal>,
}

impl Books {
    /// Expected collections per week for the next twelve weeks.
    pub fn forecast(&mut self, as_of: NaiveDate) -> Result<Forecast, AppError> {
        self.store.read(|tx| forecast_in(tx, as_of))
    }

    /// The forecast with its check: the one made twelve weeks before `as_of` against what
    /// came in since.
    pub fn forecast_with_check(&mut self, as_of: NaiveDate) -> Result<Forecast, AppError> {
        let check = self.forecast_check(as_of)?;
        Ok(Forecast { check: Some(check), ..self.forecast(as_of)? })
    }

    /// The forecast made twelve weeks before `as_of`, each week against the payments dated in it.
    pub fn forecast_check(&mut self, as_of: NaiveDate) -> Result<ForecastCheck, AppError> {
        let made_on = as_of - Days::new(WEEKS as u64 * 7);
        let made = self.forecast(made_on)?;
        let paid =
            self.store.read(|tx| Ok::<_, AppError>(collection::payments_by_day(tx, made_on, as_of - Days::new(1))?))?;
        let weeks: Vec<CheckedWeek> = made
            .weeks
            .iter()
            .enumerate()
            .map(|(w, week)| CheckedWeek {
                week_start: week.week_start,
                expected: week.expected,
                collected: paid.iter().filter(|p| rule::week_of(made_on, p.date) == Some(w)).map(|p| p.amount).sum(),
            })
            .collect();
        let error_percent = rule::mape(weeks.iter().map(|w| (w.expected, w.collected)));
        let expected = weeks.iter().map(|w| w.expected).sum();
        let collected = weeks.iter().map(|w| w.collected).sum();
        Ok(ForecastCheck { made_on, weeks, expected, collected, error_percent })
    }
}

fn forecast_in(tx: &huikuan_store::Transaction, as_of: NaiveDate) -> Result<Forecast, AppError> {
    let mut forecast = Forecast {
        as_of,
        weeks: (0..WEEKS as u64)
            .map(|i| ForecastWeek {
                week_start: as_of + Days::new(i * 7),
                promised: Money::ZERO,
                planned: Money::ZERO,
                falling_due: Money::ZERO,
                receivables_expected: Money::ZERO,
                from_new_sales: Money::ZERO,
                expected: Money::ZERO,
            })
            .collect(),
        expected: Money::ZERO,
        doubtful: Money::ZERO,
        check: None,
    };
    // Only customers who can add to the forecast, one history at a time: those with a
    // receivable open and due by the last day (lateness only moves a bill later; what is
    // kept is what is open then, unless they have entries after the day), sales in the
    // run-rate days (an entry after their first day), a promise or a plan. The others add
    // nothing, and a ten-year ledger is never held whole.
    let last_day = as_of + Days::new(WEEKS as u64 * 7 - 1);
    let mut ids: BTreeSet<i64> = maintained::customers_due_by(tx, last_day)?.into_iter().collect();
    let run_rate_from = as_of - Days::new(rule::RUN_RATE_DAYS);
    ids.extend(maintained::customers_active_after(tx, run_rate_from)?);
    let promising: BTreeSet<i64> = collection::customers_with_promises_or_plans(tx)?.into_iter().collect();
    ids.extend(&promising);
    let everyone: HashMap<i64, Customer> = customers::list(tx)?.into_iter().map(|c| (c.id, c)).collect();
    if how() == Reading::Plain {
        ids.extend(everyone.keys());
    }
    // One pass over the ledger; the few customers with promises or plans are settled after
    // it, since judging those asks the books again.
    let mut held = Vec::new();
    accounts_of(tx, &ids, |id, account| {
        if promising.contains(&id) {
            held.push((id, account.clone()));
            return Ok(());
        }
        add_customer(&everyone[&id], account, Promised::none(), as_of, &mut forecast);
        Ok(())
    })?;
    for (id, account) in held {
        let customer = &everyone[&id];
        let promised = promises_and_plans(tx, id, &customer.fields.code, &account, as_of)?;
        add_customer(customer, &account, promised, as_of, &mut forecast);
    }
    forecast.expected = forecast.weeks.iter().map(|w| w.expected).sum();
    Ok(forecast)
}

/// A customer's promises and instalments open on a day as (date, amount left, is a
/// promise), and its record of keeping those whose date had passed.
struct Promised {
    open: Vec<(NaiveDate, Money, bool)>,
    kept: Option<rust_decimal::Decimal>,
}

impl Promised {
    fn none() -> Promised {
        Promised { open: Vec::new(), kept: None }
    }
}

fn promises_and_plans(
    tx: &huikuan_store::Transaction,
    id: i64,
    code: &str,
    account: &huikuan_domain::Account,
    as_of: NaiveDate,
) -> Result<Promised, AppError> {
    let payments = payments_in(account);
    let (mut open, mut judged) = (Vec::new(), Vec::new());
    for p in collection::promises_of(tx, id)?.iter().filter(|p| p.made_on <= as_of) {
        let v = promise_view(p, &payments, as_of);
        judged.push((v.amount, v.paid, v.keeping));
        if v.keeping == Keeping::Open {
            open.push((v.promised_date, v.amount - v.paid, true));
        }
    }
    for plan in collection::plans_of(tx, id)?.iter().filter(|p| p.agreed_on <= as_of) {
        for i in plan_view(tx, plan, code, &payments, as_of)?.instalments {
            judged.push((i.amount, i.paid, i.keeping));
            if i.keeping == Keeping::Open {
                open.push((i.due_date, i.amount - i.paid, false));
            }
        }
    }
    Ok(Promised { open, kept: rule::kept_share(judged) })
}

fn add_customer(customer: &Customer, account: &Account, promised: Promised, as_of: NaiveDate, forecast: &mut Forecast) {
    if account.receivables.is_empty() && account.credits.is_empty() {
        return;
    }
    let Promised { open, kept } = promised;
    let weeks = &mut forecast.weeks;
    if !open.is_empty() {
        for (date, left, is_promise) in open {
            if let Some(w) = rule::week_of(as_of, date) {
                *(if is_promise { &mut weeks[w].promised } else { &mut weeks[w].planned }) += left;
                weeks[w].expected += rule::promised(left, kept);
            }
        }
        return;
    }
    let lateness = Lateness::of(account, as_of);
    let terms = customer.fields.payment_terms;
    // Only a customer in good standing buys on: the credit check stops the others.
    let recent = match customer.fields.status {
        CustomerStatus::Active => rule::recent_sales(account, as_of),
        _ => Money::ZERO,
    };
    let new_sales = rule::to_money(rule::new_sales(as_of, recent, terms, &lateness));
    let mut expected = [rust_decimal::Decimal::ZERO; WEEKS];
    let settlement = account.settle(as_of);
    for (r, open) in account.receivables.iter().zip(&settlement.open) {
        let Some(open) = open.filter(|o| o.is_positive()) else { continue };
        if let Some(w) = rule::week_of(as_of, r.due_date) {
            weeks[w].falling_due += open;
        }
        if !lateness.spread(as_of, as_of, r.due_date, open.to_decimal(), &mut expected) {
            forecast.doubtful += open;
        }
    }
    for ((week, sales), receivables) in weeks.iter_mut().zip(new_sales).zip(rule::to_money(expected)) {
        week.from_new_sales += sales;
        week.receivables_expected += receivables;
        week.expected += sales + receivables;
    }
}
