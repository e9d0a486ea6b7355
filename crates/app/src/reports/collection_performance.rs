//! Collection performance month by month: sales, what was collected, credited and written
//! off, what was owed at each end, CEI, DSO and the share of promises kept.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate};
use huikuan_domain::aging::{age, AgingBasis, BucketScheme};
use huikuan_domain::collection::Keeping;
use huikuan_domain::performance::{cei, dso, kept_rate};
use huikuan_domain::{Account, EntryKind, Money};
use huikuan_store::tables::{collection, customers};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::collections::keeping::{payments_in, promise_view};
use crate::error::AppError;
use crate::owed::{accounts_of, how, Reading};
use crate::Books;

/// DSO counts the sales of this many days before each month's end.
pub const DSO_DAYS: u32 = 90;

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct MonthPerformance {
    /// YYYY-MM.
    pub month: String,
    /// The month's last day, or the report's date for the current month.
    pub end: NaiveDate,
    /// Open receivables at the start of the month.
    pub opening: Money,
    /// Deliveries and charges dated in the month.
    pub sales: Money,
    /// Opening balances (期初) dated in the month: debts from before the books, owed as much
    /// as what was owed at the start; CEI counts them with it.
    pub opened: Money,
    pub collected: Money,
    pub credited: Money,
    pub written_off: Money,
    /// Open receivables at the end, and the part of them not yet due.
    pub closing: Money,
    pub closing_current: Money,
    /// What was owed net of customers' credit at the end.
    pub balance: Money,
    #[ts(type = "string | null")]
    pub cei: Option<Decimal>,
    #[ts(type = "string | null")]
    pub dso: Option<Decimal>,
    /// Promises whose date fell in the month (up to the report's date), and those kept.
    pub promises_due: u32,
    pub promises_kept: u32,
    #[ts(type = "string | null")]
    pub promises_kept_rate: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CollectionPerformance {
    pub as_of: NaiveDate,
    pub months: Vec<MonthPerformance>,
    pub collected: Money,
    pub sales: Money,
    pub written_off: Money,
}

/// The months ending with the one of `as_of`, oldest first: (first day, last day or as_of).
fn month_windows(as_of: NaiveDate, count: u32) -> Vec<(NaiveDate, NaiveDate)> {
    let this_month = as_of.with_day(1).expect("day 1 exists");
    (0..count)
        .rev()
        .map(|back| {
            let start = this_month - Months::new(back);
            let end = (start + Months::new(1)).pred_opt().expect("a day before").min(as_of);
            (start, end)
        })
        .collect()
}

/// The days whose sales count in each month's DSO: the DSO_DAYS up to its end.
fn dso_windows(windows: &[(NaiveDate, NaiveDate)]) -> Vec<(NaiveDate, NaiveDate)> {
    windows.iter().map(|(_, end)| (*end - chrono::Duration::days(i64::from(DSO_DAYS) - 1), *end)).collect()
}

/// Adds one account's figures to every month; `dso_sales` gets its sales in each month's
/// DSO window (counted here, in the same pass, rather than asked of the ledger per month).
fn add_account(
    months: &mut [MonthPerformance],
    (dso_sales, dso): (&mut [Money], &[(NaiveDate, NaiveDate)]),
    windows: &[(NaiveDate, NaiveDate)],
    account: &Account,
    scheme: &BucketScheme,
) {
    for r in &account.receivables {
        let sale = matches!(r.kind, EntryKind::Delivery | EntryKind::Charge);
        if let Some(i) = windows.iter().position(|(s, e)| r.doc_date >= *s && r.doc_date <= *e) {
            match r.kind {
                EntryKind::Delivery | EntryKind::Charge => months[i].sales += r.amount,
                EntryKind::Opening => months[i].opened += r.amount,
                _ => {}
            }
        }
        if sale {
            for (i, (from, to)) in dso.iter().enumerate() {
                if r.doc_date >= *from && r.doc_date <= *to {
                    dso_sales[i] += r.amount;
                }
            }
        }
    }
    for c in &account.credits {
        if let Some(i) = windows.iter().position(|(s, e)| c.date >= *s && c.date <= *e) {
            match c.kind {
                EntryKind::Payment => months[i].collected += c.amount,
                EntryKind::CreditNote => months[i].credited += c.amount,
                EntryKind::WriteOff => months[i].written_off += c.amount,
                _ => {}
            }
        }
    }
    let first = account.receivables.iter().map(|r| r.doc_date).chain(account.credits.iter().map(|c| c.date)).min();
    let Some(first) = first else { return };
    // Settled at every month end, the order of settling sorted once for all of them. A
    // month opens with what the month before closed with (the day before its first is the
    // last of the one before), so each end is settled once.
    let settler = account.settler();
    let plain = how() == Reading::Plain;
    let at = |day: NaiveDate| if plain { account.settle(day) } else { settler.at(day) };
    let mut closed: Option<(NaiveDate, Money)> = None;
    for (i, (start, end)) in windows.iter().enumerate() {
        let before = start.pred_opt().expect("a day before");
        if first <= before {
            months[i].opening += match closed {
                Some((day, open)) if day == before && !plain => open,
                _ => at(before).open_total(),
            };
        }
        if first <= *end {
            let settlement = at(*end);
            let row = age(&account.receivables, &settlement, *end, scheme, AgingBasis::DueDate);
            months[i].closing += row.open_total();
            months[i].closing_current += row.buckets[0];
            months[i].balance += row.balance();
            closed = Some((*end, settlement.open_total()));
        }
    }
}

impl Books {
    /// The `months` months up to `as_of` (the last one up to `as_of` itself).
    pub fn collection_performance(&mut self, as_of: NaiveDate, months: u32) -> Result<CollectionPerformance, AppError> {
        let months = months.clamp(1, 120);
        let windows = month_windows(as_of, months);
        let scheme = BucketScheme::default();
        self.store.read(|tx| {
            let promises = collection::all_promises(tx)?;
            let promised: HashSet<i64> = promises.iter().map(|p| p.customer_id).collect();
            let mut payments = HashMap::new();
            let (dso_days, mut dso_sales) = (dso_windows(&windows), vec![Money::ZERO; windows.len()]);
            let mut rows: Vec<MonthPerformance> = windows
                .iter()
                .map(|(start, end)| MonthPerformance {
                    month: start.format("%Y-%m").to_string(),
                    end: *end,
                    ..Default::default()
                })
                .collect();
            let everyone: BTreeSet<i64> = customers::names(tx)?.into_iter().map(|(id, _, _)| id).collect();
            accounts_of(tx, &everyone, |id, account| {
                add_account(&mut rows, (&mut dso_sales, &dso_days), &windows, account, &scheme);
                if promised.contains(&id) {
                    payments.insert(id, payments_in(account));
                }
                Ok(())
            })?;
            for (m, sales) in rows.iter_mut().zip(dso_sales) {
                m.cei = cei(m.opening + m.opened, m.sales, m.closing, m.closing_current);
                m.dso = dso(m.balance, sales, DSO_DAYS);
            }
            for p in promises {
                let Some(i) = windows.iter().position(|(s, e)| p.promised_date >= *s && p.promised_date <= *e) else {
                    continue;
                };
                let paid = payments.get(&p.customer_id).map_or(&[][..], Vec::as_slice);
                match promise_view(&p, paid, as_of).keeping {
                    Keeping::Open => {}
                    Keeping::Kept => {
                        rows[i].promises_due += 1;
                        rows[i].promises_kept += 1;
                    }
                    _ => rows[i].promises_due += 1,
                }
            }
            for m in &mut rows {
                m.promises_kept_rate = kept_rate(m.promises_kept, m.promises_due);
            }
            Ok(CollectionPerformance {
                as_of,
                collected: rows.iter().map(|m| m.collected).sum(),
                sales: rows.iter().map(|m| m.sales).sum(),
                written_off: rows.iter().map(|m| m.written_off).sum(),
                months: rows,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_on_their_last_day_and_the_last_one_on_the_date() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let w = month_windows(d("2026-03-15"), 3);
        assert_eq!(
            w,
            vec![
                (d("2026-01-01"), d("2026-01-31")),
                (d("2026-02-01"), d("2026-02-28")),
                (d("2026-03-01"), d("2026-03-15"))
            ]
        );
    }
}
