//! Payment behaviour (付款习惯), computed from the ledger as of a date, never typed by hand.
//!
//! The ledger is replayed in date order: a receivable is settled on the day the money that
//! settles it is there (a payment on its date; credit already held, on the receivable's
//! date). Explicit allocations go to their receivable first; the rest of each credit settles
//! the open receivables by due date, document date, then number. Only the parts settled by
//! payments count as paying; credit notes and write-offs settle without paying.

use std::collections::{BTreeSet, HashMap, VecDeque};

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::calendar::{days_between, last_day_of_month};
use crate::ledger::{Account, EntryKind};
use crate::money::Money;

/// One part of a receivable settled by one credit on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettledPart {
    /// Index into the account's receivables.
    pub receivable: usize,
    /// Index into the account's credits.
    pub credit: usize,
    pub credit_kind: EntryKind,
    pub date: NaiveDate,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    pub parts: Vec<SettledPart>,
    /// Per receivable: the day it was settled in full, if it was by `until`.
    pub settled_on: Vec<Option<NaiveDate>>,
}

/// Settles the account day by day up to `until` (inclusive).
pub fn replay(account: &Account, until: NaiveDate) -> Replay {
    let receivables = &account.receivables;
    let credits = &account.credits;
    let mut open: Vec<Money> = vec![Money::ZERO; receivables.len()];
    let mut settled_on: Vec<Option<NaiveDate>> = vec![None; receivables.len()];
    let mut parts = Vec::new();

    let receivable_at: HashMap<i64, usize> = receivables.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let credit_at: HashMap<i64, usize> = credits.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    // Explicit allocations take effect once both sides exist and the allocation is dated.
    let mut explicit: Vec<(NaiveDate, usize, usize, Money)> = account
        .allocations
        .iter()
        .filter_map(|a| {
            let (r, c) = (*receivable_at.get(&a.receivable_id)?, *credit_at.get(&a.credit_id)?);
            let effective = a.date.max(credits[c].date).max(receivables[r].doc_date);
            (effective <= until).then_some((effective, c, r, a.amount))
        })
        .collect();
    explicit.sort_by_key(|&(date, c, r, _)| (date, credits[c].id, receivables[r].id));
    let mut reserved = vec![Money::ZERO; credits.len()];
    let mut pending = vec![0usize; credits.len()];
    for &(_, c, _, amount) in &explicit {
        reserved[c] += amount;
        pending[c] += 1;
    }
    for (c, credit) in credits.iter().enumerate() {
        reserved[c] = reserved[c].min(credit.amount);
    }

    let mut days: Vec<NaiveDate> = receivables
        .iter()
        .map(|r| r.doc_date)
        .chain(credits.iter().map(|c| c.date))
        .chain(explicit.iter().map(|e| e.0))
        .filter(|d| *d <= until)
        .collect();
    days.sort_unstable();
    days.dedup();

    let mut by_date_r: Vec<usize> = (0..receivables.len()).collect();
    by_date_r.sort_by_key(|&i| (receivables[i].doc_date, receivables[i].id));
    let mut by_date_c: Vec<usize> = (0..credits.len()).collect();
    by_date_c.sort_by_key(|&i| (credits[i].date, credits[i].id));
    let (mut next_r, mut next_c, mut next_e) = (0, 0, 0);
    // The number is borrowed, not copied: a replay of a ten-year account queues thousands.
    let key = |i: usize| {
        let r = &receivables[i];
        (r.due_date, r.doc_date, r.number.as_str(), i)
    };
    let mut queue: BTreeSet<(NaiveDate, NaiveDate, &str, usize)> = BTreeSet::new();
    let mut pool: VecDeque<(usize, Money)> = VecDeque::new();

    for day in days {
        while next_r < by_date_r.len() && receivables[by_date_r[next_r]].doc_date == day {
            let i = by_date_r[next_r];
            open[i] = receivables[i].amount;
            queue.insert(key(i));
            next_r += 1;
        }
        while next_c < by_date_c.len() && credits[by_date_c[next_c]].date == day {
            let c = by_date_c[next_c];
            let free = credits[c].amount - reserved[c];
            if free.is_positive() {
                pool.push_back((c, free));
            }
            next_c += 1;
        }
        while next_e < explicit.len() && explicit[next_e].0 == day {
            let (_, c, r, amount) = explicit[next_e];
            let applied = amount.min(open[r]).min(reserved[c]).max(Money::ZERO);
            if applied.is_positive() {
                open[r] -= applied;
                reserved[c] -= applied;
                parts.push(SettledPart {
                    receivable: r,
                    credit: c,
                    credit_kind: credits[c].kind,
                    date: day,
                    amount: applied,
                });
                if open[r].is_zero() {
                    queue.remove(&key(r));
                    settled_on[r] = Some(day);
                }
            }
            pending[c] -= 1;
            // What a stale allocation could not use goes back to settling oldest-first.
            if pending[c] == 0 && reserved[c].is_positive() {
                pool.push_back((c, reserved[c]));
                reserved[c] = Money::ZERO;
            }
            next_e += 1;
        }
        while let (Some(&first), Some(front)) = (queue.first(), pool.front_mut()) {
            let r = first.3;
            let (c, left) = (front.0, &mut front.1);
            let applied = open[r].min(*left);
            open[r] -= applied;
            *left -= applied;
            parts.push(SettledPart {
                receivable: r,
                credit: c,
                credit_kind: credits[c].kind,
                date: day,
                amount: applied,
            });
            if left.is_zero() {
                pool.pop_front();
            }
            if open[r].is_zero() {
                queue.remove(&first);
                settled_on[r] = Some(day);
            }
        }
    }
    Replay { parts, settled_on }
}

/// One month of the trend: what was paid in it and how late.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MonthBehaviour {
    /// `YYYY-MM`.
    pub month: String,
    pub paid: Money,
    #[ts(type = "string | null")]
    pub avg_days_to_pay: Option<Decimal>,
    #[ts(type = "string | null")]
    pub avg_days_late: Option<Decimal>,
    /// What the customer owed at the end of the month (or on the date, for this month).
    pub balance: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Behaviour {
    pub as_of: NaiveDate,
    /// The averages and the longest overdue look at the twelve months ending on `as_of`.
    pub window_from: NaiveDate,
    /// Receivables settled by payments within the window.
    pub paid_in_window: Money,
    /// Days from the document date to the payment, weighted by the amount paid.
    #[ts(type = "string | null")]
    pub avg_days_to_pay: Option<Decimal>,
    /// Days past the due date (0 when on time), weighted by the amount paid.
    #[ts(type = "string | null")]
    pub avg_days_late: Option<Decimal>,
    /// Share of the amount paid on or before its due date, in percent.
    #[ts(type = "string | null")]
    pub on_time_percent: Option<Decimal>,
    /// The most days any receivable stayed past due within the window (still open: until `as_of`).
    pub longest_overdue_days: i64,
    pub longest_overdue_number: Option<String>,
    /// Promises to pay that were broken (0 until promises are recorded).
    pub broken_promises: u32,
    pub last_payment_date: Option<NaiveDate>,
    pub last_payment_amount: Option<Money>,
    /// Days sales outstanding: balance ÷ the last 90 days' sales × 90. None without sales.
    #[ts(type = "string | null")]
    pub dso: Option<Decimal>,
    pub balance: Money,
    /// Sales (deliveries and charges) in the window, for the recommended limit.
    pub sales_in_window: Money,
    /// The first receivable's date: how long the customer has been buying.
    pub first_sale: Option<NaiveDate>,
    pub trend: Vec<MonthBehaviour>,
}

const DSO_DAYS: u64 = 90;

/// Amount-weighted average of days, to one decimal, half-up.
fn weighted(sum: i128, weight: i128) -> Option<Decimal> {
    (weight > 0).then(|| {
        let value = Decimal::from_i128_with_scale(sum, 0) / Decimal::from_i128_with_scale(weight, 0);
        value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    })
}

#[derive(Default)]
struct Tally {
    paid: i128,
    to_pay: i128,
    late: i128,
    on_time: i128,
}

impl Tally {
    fn add(&mut self, cents: i64, days_to_pay: i64, days_late: i64) {
        let cents = i128::from(cents);
        self.paid += cents;
        self.to_pay += cents * i128::from(days_to_pay);
        self.late += cents * i128::from(days_late);
        if days_late == 0 {
            self.on_time += cents;
        }
    }
}

fn balance_on(account: &Account, date: NaiveDate) -> Money {
    let debits: Money = account.receivables.iter().filter(|r| r.doc_date <= date).map(|r| r.amount).sum();
    let credits: Money = account.credits.iter().filter(|c| c.date <= date).map(|c| c.amount).sum();
    debits - credits
}

pub fn behaviour(account: &Account, as_of: NaiveDate) -> Behaviour {
    let window_from = as_of.checked_sub_months(Months::new(12)).unwrap_or(NaiveDate::MIN) + Days::new(1);
    let replayed = replay(account, as_of);
    let receivables = &account.receivables;

    let mut total = Tally::default();
    let months: Vec<NaiveDate> = (0..12u32)
        .rev()
        .filter_map(|back| as_of.with_day(1).and_then(|first| first.checked_sub_months(Months::new(back))))
        .collect();
    let mut by_month: Vec<Tally> = months.iter().map(|_| Tally::default()).collect();
    for part in replayed.parts.iter().filter(|p| p.credit_kind == EntryKind::Payment && p.date >= window_from) {
        let r = &receivables[part.receivable];
        let to_pay = days_between(r.doc_date, part.date).max(0);
        let late = days_between(r.due_date, part.date).max(0);
        total.add(part.amount.cents(), to_pay, late);
        if let Some(m) = months.iter().position(|m| m.year() == part.date.year() && m.month() == part.date.month()) {
            by_month[m].add(part.amount.cents(), to_pay, late);
        }
    }

    let (mut longest, mut longest_number) = (0, None);
    for (i, r) in receivables.iter().enumerate().filter(|(_, r)| r.doc_date <= as_of) {
        let end = replayed.settled_on[i].unwrap_or(as_of);
        let days = days_between(r.due_date, end);
        if end >= window_from && days > longest {
            (longest, longest_number) = (days, Some(r.number.clone()));
        }
    }

    let last_payment = account
        .credits
        .iter()
        .filter(|c| c.kind == EntryKind::Payment && c.date <= as_of)
        .max_by_key(|c| (c.date, c.id));
    let balance = balance_on(account, as_of);
    let sales_since = |from: NaiveDate| -> Money {
        receivables
            .iter()
            .filter(|r| r.kind != EntryKind::Opening && r.doc_date >= from && r.doc_date <= as_of)
            .map(|r| r.amount)
            .sum()
    };
    let recent_sales = sales_since(as_of - Days::new(DSO_DAYS - 1));
    let dso = if !balance.is_positive() {
        Some(Decimal::new(0, 1))
    } else if recent_sales.is_positive() {
        weighted(i128::from(balance.cents()) * i128::from(DSO_DAYS as i64), i128::from(recent_sales.cents()))
    } else {
        None
    };

    let trend = months
        .iter()
        .zip(&by_month)
        .map(|(first, tally)| MonthBehaviour {
            month: first.format("%Y-%m").to_string(),
            paid: Money::from_cents(tally.paid as i64),
            avg_days_to_pay: weighted(tally.to_pay, tally.paid),
            avg_days_late: weighted(tally.late, tally.paid),
            balance: balance_on(account, last_day_of_month(*first).min(as_of)),
        })
        .collect();

    Behaviour {
        as_of,
        window_from,
        paid_in_window: Money::from_cents(total.paid as i64),
        avg_days_to_pay: weighted(total.to_pay, total.paid),
        avg_days_late: weighted(total.late, total.paid),
        on_time_percent: weighted(total.on_time * 100, total.paid),
        longest_overdue_days: longest,
        longest_overdue_number: longest_number,
        broken_promises: 0,
        last_payment_date: last_payment.map(|c| c.date),
        last_payment_amount: last_payment.map(|c| c.amount),
        dso,
        balance,
        sales_in_window: sales_since(window_from),
        first_sale: receivables.iter().filter(|r| r.kind != EntryKind::Opening).map(|r| r.doc_date).min(),
        trend,
    }
}

#[cfg(test)]
mod tests;
