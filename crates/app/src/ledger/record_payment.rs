use chrono::NaiveDate;
use huikuan_domain::customer::clean_text;
use huikuan_domain::settlement::plan_oldest_first;
use huikuan_domain::{DomainError, EntryKind, Money, PaymentMethod, Side};
use huikuan_store::tables::entries::{Entry, NewEntry};
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};

use super::open_items::{find_open, open_items, OpenItem};
use super::post::{allocate, positive, post};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;
use ts_rs::TS;

/// Part of a payment applied by hand to one receivable, named by its number.
#[derive(Debug, Clone, Deserialize)]
pub struct ManualAllocation {
    pub receivable: String,
    pub amount: Money,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewPayment {
    pub customer_code: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub memo: String,
    /// None: the next number. Imports bring their own.
    #[serde(default)]
    pub number: Option<String>,
    /// Empty: oldest-first. Otherwise these parts apply first and the rest oldest-first.
    #[serde(default)]
    pub allocations: Vec<ManualAllocation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppliedAmount {
    pub number: String,
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PaymentReceipt {
    pub entry: Entry,
    /// What the payment settles now, by hand first, then oldest-first.
    pub applied: Vec<AppliedAmount>,
    /// What is left as the customer's credit.
    pub unapplied: Money,
}

/// How a payment settles: every part applied, and the manual ones as (receivable id,
/// amount) to store as allocations.
struct Plan {
    applied: Vec<AppliedAmount>,
    explicit: Vec<(i64, Money)>,
}

/// How `amount` would settle `items`: the manual parts first (checked against what is
/// open), then the rest oldest-first.
fn plan(items: &[OpenItem], amount: Money, manual: &[ManualAllocation]) -> Result<Plan, AppError> {
    let mut remaining: Vec<Money> = items.iter().map(|i| i.open).collect();
    let mut applied = Vec::new();
    let mut explicit = Vec::new();
    let mut left = amount;
    for part in manual {
        if !part.amount.is_positive() {
            return Err(AppError::Invalid {
                field: "allocation",
                source: DomainError::NotPositive("an allocated amount"),
            });
        }
        let item = find_open(items, &part.receivable)?;
        let index = items.iter().position(|i| std::ptr::eq(i, item)).expect("found in items");
        if part.amount > remaining[index] {
            return Err(AppError::rule(
                Some(format!("allocations.{}", item.receivable.number)),
                format!(
                    "{} is allocated {} but only {} of it is open",
                    item.receivable.number,
                    part.amount.yuan(),
                    remaining[index].yuan()
                ),
                format!(
                    "{} 分配了 {}，但只剩 {} 未收",
                    item.receivable.number,
                    part.amount.yuan(),
                    remaining[index].yuan()
                ),
            ));
        }
        if part.amount > left {
            return Err(AppError::rule(
                Some("allocations".into()),
                format!("the allocations add up to more than the payment of {}", amount.yuan()),
                format!("分配合计超过了收款金额 {}", amount.yuan()),
            ));
        }
        remaining[index] -= part.amount;
        left -= part.amount;
        applied.push(AppliedAmount { number: item.receivable.number.clone(), amount: part.amount });
        explicit.push((item.receivable.id, part.amount));
    }
    let rest: Vec<(&huikuan_domain::Receivable, Money)> =
        items.iter().zip(&remaining).map(|(i, open)| (&i.receivable, *open)).collect();
    for (index, part) in plan_oldest_first(&rest, left) {
        applied.push(AppliedAmount { number: items[index].receivable.number.clone(), amount: part });
        left -= part;
    }
    Ok(Plan { applied, explicit })
}

/// What `amount` would settle of `items`, in the order it applies.
pub(crate) fn settles(
    items: &[OpenItem],
    amount: Money,
    manual: &[ManualAllocation],
) -> Result<Vec<AppliedAmount>, AppError> {
    Ok(plan(items, amount, manual)?.applied)
}

/// Posts the payment entry alone: everything it pays settles oldest-first when read.
pub(crate) fn post_in_tx(tx: &Transaction, stamp: &Stamp, input: &NewPayment) -> Result<Entry, AppError> {
    positive(input.amount)?;
    let customer = customer_by_code(tx, &input.customer_code)?;
    post(
        tx,
        stamp,
        NewEntry {
            customer_id: customer.id,
            kind: EntryKind::Payment,
            side: Side::Credit,
            number: input.number.clone().unwrap_or_default(),
            doc_date: input.date,
            due_date: None,
            amount: input.amount,
            method: Some(input.method),
            reference: clean_text("reference", &input.reference).map_err(AppError::invalid("reference"))?,
            memo: clean_text("memo", &input.memo).map_err(AppError::invalid("memo"))?,
            corrects_entry_id: None,
        },
    )
}

pub(crate) fn record_in_tx(tx: &Transaction, stamp: &Stamp, input: &NewPayment) -> Result<PaymentReceipt, AppError> {
    positive(input.amount)?;
    let customer = customer_by_code(tx, &input.customer_code)?;
    let items = open_items(tx, customer.id)?;
    let Plan { applied, explicit } = plan(&items, input.amount, &input.allocations)?;
    let entry = post_in_tx(tx, stamp, input)?;
    for (receivable_id, amount) in explicit {
        allocate(tx, stamp, entry.id, receivable_id, input.date, amount)?;
    }
    let settled: Money = applied.iter().map(|a| a.amount).sum();
    Ok(PaymentReceipt { unapplied: input.amount - settled, entry, applied })
}

impl Books {
    /// Records a payment received. Parts allocated by hand are kept as allocations; the
    /// rest settles the oldest open items first, and any surplus is the customer's credit.
    pub fn record_payment(&mut self, input: NewPayment) -> Result<PaymentReceipt, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| record_in_tx(tx, &stamp, &input))
    }

    /// What a payment of `amount` would settle, without recording it.
    pub fn preview_payment(
        &mut self,
        customer_code: &str,
        amount: Money,
        manual: &[ManualAllocation],
    ) -> Result<Vec<AppliedAmount>, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, customer_code)?;
            settles(&open_items(tx, customer.id)?, amount, manual)
        })
    }
}
