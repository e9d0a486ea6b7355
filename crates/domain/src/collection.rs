//! Collecting: the contact log's words, promises to pay and repayment plans checked against
//! the payments that arrive, and the priority of each customer on today's worklist.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Money;
use crate::word_enum;

word_enum!(
    /// How the customer was contacted.
    ContactChannel, "channel", {
        Phone => "phone",
        Visit => "visit",
        Wechat => "wechat",
        Sms => "sms",
        Email => "email",
        Letter => "letter",
        Meeting => "meeting",
    }
);

word_enum!(
    /// What came of the contact.
    ContactOutcome, "outcome", {
        Reached => "reached",
        Promised => "promised",
        NoAnswer => "no_answer",
        Refused => "refused",
        Paid => "paid",
        Other => "other",
    }
);

word_enum!(
    /// The reason the customer gives for not paying (from the field's experience).
    NonPaymentReason, "reason", {
        Bargaining => "bargaining",
        CashTight => "cash_tight",
        Complaint => "complaint",
        BigCustomer => "big_customer",
        LowPriority => "low_priority",
        NoIntention => "no_intention",
        InternalProcess => "internal_process",
        Other => "other",
    }
);

word_enum!(
    /// Where a chain's or an enterprise's payment is stuck inside the customer.
    PaymentStage, "stage", {
        Reconciliation => "reconciliation",
        InvoiceReceived => "invoice_received",
        Approval => "approval",
        Scheduled => "scheduled",
        Paid => "paid",
    }
);

/// Where a promise or an instalment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Keeping {
    /// Its date has not passed and it is not met yet.
    Open,
    /// Met in full by its date.
    Kept,
    /// Its date passed with part of it paid.
    PartlyKept,
    /// Its date passed with nothing paid towards it.
    Broken,
}

/// A payment as promises see it: when, how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paid {
    pub date: NaiveDate,
    pub amount: Money,
}

fn paid_between(payments: &[Paid], from: NaiveDate, to: NaiveDate) -> Money {
    payments.iter().filter(|p| p.date >= from && p.date <= to).map(|p| p.amount).sum()
}

/// A promise made on `made_on` to pay `amount` by `due`: kept when the payments dated from
/// the day it was made to its date reach the amount (a payment the same day as the call
/// counts; one before it does not), judged on `as_of`. Also returns what those payments came to.
pub fn promise_keeping(
    amount: Money,
    made_on: NaiveDate,
    due: NaiveDate,
    payments: &[Paid],
    as_of: NaiveDate,
) -> (Keeping, Money) {
    let paid = paid_between(payments, made_on, due.min(as_of));
    let keeping = if paid >= amount {
        Keeping::Kept
    } else if as_of <= due {
        Keeping::Open
    } else if paid.is_positive() {
        Keeping::PartlyKept
    } else {
        Keeping::Broken
    };
    (keeping, paid.min(amount))
}

/// A plan's instalments in date order: each is kept when the payments since the plan was
/// agreed, up to its date, cover it and every instalment before it. Returns each one's
/// keeping and what was paid towards it.
pub fn instalments_keeping(
    instalments: &[(NaiveDate, Money)],
    agreed_on: NaiveDate,
    payments: &[Paid],
    as_of: NaiveDate,
) -> Vec<(Keeping, Money)> {
    let mut before = Money::ZERO;
    instalments
        .iter()
        .map(|&(due, amount)| {
            let paid = (paid_between(payments, agreed_on, due.min(as_of)) - before).max(Money::ZERO).min(amount);
            before += amount;
            let keeping = if paid >= amount {
                Keeping::Kept
            } else if as_of <= due {
                Keeping::Open
            } else if paid.is_positive() {
                Keeping::PartlyKept
            } else {
                Keeping::Broken
            };
            (keeping, paid)
        })
        .collect()
}

/// Splits `total` into `count` instalments as equal as the cents allow, the odd cents on the
/// first ones, so the parts always add up to the total.
pub fn equal_split(total: Money, count: u32) -> Vec<Money> {
    let count = i64::from(count.max(1));
    let (each, rest) = (total.cents() / count, total.cents() % count);
    (0..count).map(|i| Money::from_cents(each + i64::from(i < rest))).collect()
}

/// The weights of the worklist's priority (a setting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PriorityWeights {
    /// Per tenfold of the overdue amount in yuan (¥10 → 1, ¥1,000 → 3, ¥100,000 → 5).
    pub amount: u32,
    /// Per 30 days the oldest item is overdue, up to a year.
    pub days: u32,
    /// A promise or an instalment due today, or broken.
    pub promise: u32,
    pub key_customer: u32,
    /// Today is one of the customer's fixed payment days.
    pub collection_day: u32,
    /// Per week since the last contact, up to a month.
    pub silence: u32,
}

impl Default for PriorityWeights {
    fn default() -> Self {
        PriorityWeights { amount: 10, days: 8, promise: 30, key_customer: 10, collection_day: 15, silence: 5 }
    }
}

impl PriorityWeights {
    pub fn validate(&self) -> Result<(), String> {
        let all = [self.amount, self.days, self.promise, self.key_customer, self.collection_day, self.silence];
        if all.iter().any(|&w| w > 1000) {
            return Err("each weight is 0 to 1000".into());
        }
        if all.iter().all(|&w| w == 0) {
            return Err("at least one weight must count".into());
        }
        Ok(())
    }
}

/// What puts a customer on the worklist today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    pub overdue: Money,
    pub days_overdue: i64,
    /// Promises or instalments due today, or broken and not made good.
    pub promises_due: u32,
    pub key_customer: bool,
    pub collection_day: bool,
    /// None when never contacted.
    pub days_since_contact: Option<i64>,
}

/// The priority: the weighted sum the formula in the README describes, to one decimal.
pub fn priority(w: &PriorityWeights, s: &Standing) -> f64 {
    let yuan = (s.overdue.cents().max(0) as f64) / 100.0;
    let amount = if yuan > 0.0 { (1.0 + yuan).log10() } else { 0.0 };
    let days = (s.days_overdue.clamp(0, 365) as f64) / 30.0;
    let silence = (s.days_since_contact.unwrap_or(30).clamp(0, 30) as f64) / 7.0;
    let score = f64::from(w.amount) * amount
        + f64::from(w.days) * days
        + f64::from(w.promise) * f64::from(s.promises_due)
        + if s.key_customer { f64::from(w.key_customer) } else { 0.0 }
        + if s.collection_day { f64::from(w.collection_day) } else { 0.0 }
        + f64::from(w.silence) * silence;
    (score * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    fn d(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn paid(list: &[(&str, i64)]) -> Vec<Paid> {
        list.iter().map(|&(date, yuan)| Paid { date: d(date), amount: Money::from_cents(yuan * 100) }).collect()
    }

    fn promise(list: &[(&str, i64)], as_of: &str) -> (Keeping, i64) {
        let (k, m) =
            promise_keeping(Money::from_cents(100_000), d("2026-11-10"), d("2026-11-20"), &paid(list), d(as_of));
        (k, m.cents() / 100)
    }

    #[test]
    fn a_promise_is_judged_by_the_payments_between_the_call_and_its_date() {
        assert_eq!(promise(&[], "2026-11-15"), (Keeping::Open, 0), "not due yet");
        assert_eq!(promise(&[("2026-11-12", 1000)], "2026-11-15"), (Keeping::Kept, 1000), "paid early");
        assert_eq!(
            promise(&[("2026-11-20", 600), ("2026-11-20", 400)], "2026-11-21"),
            (Keeping::Kept, 1000),
            "on the day"
        );
        assert_eq!(promise(&[("2026-11-21", 1000)], "2026-11-25"), (Keeping::Broken, 0), "paid late");
        assert_eq!(promise(&[("2026-11-15", 300)], "2026-11-25"), (Keeping::PartlyKept, 300), "partly");
        assert_eq!(promise(&[("2026-11-15", 3000)], "2026-11-25"), (Keeping::Kept, 1000), "overpaid");
        assert_eq!(promise(&[("2026-11-09", 1000)], "2026-11-25"), (Keeping::Broken, 0), "paid before the promise");
        assert_eq!(promise(&[("2026-11-10", 1000)], "2026-11-25"), (Keeping::Kept, 1000), "the same day as the call");
    }

    #[test]
    fn instalments_are_met_in_date_order_by_the_payments_since_the_plan() {
        let plan = [
            (d("2026-12-10"), Money::from_cents(100_000)),
            (d("2027-01-10"), Money::from_cents(100_000)),
            (d("2027-02-10"), Money::from_cents(50_000)),
        ];
        let judge = |list: &[(&str, i64)], as_of: &str| -> Vec<Keeping> {
            instalments_keeping(&plan, d("2026-12-01"), &paid(list), d(as_of)).into_iter().map(|x| x.0).collect()
        };
        assert_eq!(judge(&[], "2026-12-05"), [Keeping::Open, Keeping::Open, Keeping::Open]);
        assert_eq!(judge(&[("2026-12-08", 1000)], "2026-12-20"), [Keeping::Kept, Keeping::Open, Keeping::Open]);
        assert_eq!(judge(&[("2026-12-08", 1500)], "2027-01-20"), [Keeping::Kept, Keeping::PartlyKept, Keeping::Open]);
        assert_eq!(
            judge(&[("2026-12-08", 2500)], "2026-12-20"),
            [Keeping::Kept, Keeping::Kept, Keeping::Kept],
            "paid ahead"
        );
        assert_eq!(
            judge(&[("2026-12-11", 1000)], "2026-12-20"),
            [Keeping::Broken, Keeping::Open, Keeping::Open],
            "a day late"
        );
        assert_eq!(
            judge(&[("2026-11-30", 1000)], "2026-12-20"),
            [Keeping::Broken, Keeping::Open, Keeping::Open],
            "before the plan"
        );
    }

    #[test]
    fn an_equal_split_adds_up_to_the_total_to_the_cent() {
        let parts = equal_split(Money::from_cents(100_000), 3);
        assert_eq!(parts, [Money::from_cents(33_334), Money::from_cents(33_333), Money::from_cents(33_333)]);
        assert_eq!(parts.iter().copied().sum::<Money>(), Money::from_cents(100_000));
    }

    #[test]
    fn the_priority_rises_with_each_reason_to_call() {
        let w = PriorityWeights::default();
        let base = Standing {
            overdue: Money::from_cents(999_900),
            days_overdue: 60,
            days_since_contact: Some(0),
            ..Standing::default()
        };
        assert_eq!(priority(&w, &base), 56.0, "10 × log10(10,000) + 8 × 2");
        let promised = Standing { promises_due: 1, ..base };
        assert_eq!(priority(&w, &promised), 86.0);
        let key = Standing { key_customer: true, collection_day: true, ..base };
        assert_eq!(priority(&w, &key), 81.0);
        let silent = Standing { days_since_contact: Some(14), ..base };
        assert_eq!(priority(&w, &silent), 66.0);
        assert!(priority(&w, &Standing { days_since_contact: None, ..base }) > priority(&w, &silent));
    }
}
