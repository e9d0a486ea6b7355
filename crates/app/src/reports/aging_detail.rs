//! The aging report in detail (each open receivable) and by salesperson (业务员).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use huikuan_domain::aging::{AgingBasis, AgingRow, BucketScheme};
use huikuan_domain::calendar::days_between;
use huikuan_domain::{EntryKind, Money};
use huikuan_store::tables::customers;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::owed::Kept;
use crate::views::BucketAmounts;
use crate::Books;

/// One receivable open on the date, with its age counted as the basis says.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AgingItem {
    pub code: String,
    pub name: String,
    pub salesperson: String,
    pub number: String,
    pub kind: EntryKind,
    pub doc_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub open: Money,
    /// Days past the due date (or since the document date); negative: not due yet.
    pub days: i64,
    pub bucket: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AgingDetail {
    pub as_of: NaiveDate,
    /// "due" or "document".
    pub basis: String,
    pub buckets: Vec<String>,
    pub items: Vec<AgingItem>,
    /// Open receivables by bucket; equal to the aging summary's bucket totals.
    #[ts(type = "Record<string, Money>")]
    pub totals: BucketAmounts,
    pub open_total: Money,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SalespersonAging {
    /// Empty for customers with no salesperson.
    pub salesperson: String,
    pub customers: u32,
    pub balance: Money,
    pub credit: Money,
    pub overdue: Money,
    #[ts(type = "Record<string, Money>")]
    pub buckets: BucketAmounts,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AgingBySalesperson {
    pub as_of: NaiveDate,
    pub basis: String,
    pub buckets: Vec<String>,
    pub rows: Vec<SalespersonAging>,
}

pub(crate) fn basis_word(basis: AgingBasis) -> &'static str {
    match basis {
        AgingBasis::DueDate => "due",
        AgingBasis::DocumentDate => "document",
    }
}

fn labelled(labels: &[String], row: &AgingRow) -> BucketAmounts {
    BucketAmounts(labels.iter().cloned().zip(row.buckets.iter().copied()).collect())
}

impl Books {
    /// Every receivable open on `as_of`, by customer code then due date.
    pub fn aging_detail(&mut self, as_of: NaiveDate, basis: AgingBasis) -> Result<AgingDetail, AppError> {
        let scheme = BucketScheme::default();
        let labels = scheme.labels();
        self.store.read(|tx| {
            let kept = Kept::as_of(tx, as_of)?;
            let mut items = Vec::new();
            let mut totals = AgingRow::empty(&scheme);
            for c in customers::list(tx)? {
                let Some((receivables, settlement)) = kept.settled(c.id) else { continue };
                let mut open: Vec<(&huikuan_domain::Receivable, Money)> = receivables
                    .iter()
                    .zip(&settlement.open)
                    .filter_map(|(r, o)| o.filter(|o| !o.is_zero()).map(|o| (r, o)))
                    .collect();
                open.sort_by(|a, b| {
                    (a.0.due_date, a.0.doc_date, &a.0.number).cmp(&(b.0.due_date, b.0.doc_date, &b.0.number))
                });
                for (r, amount_open) in open {
                    let from = match basis {
                        AgingBasis::DueDate => r.due_date,
                        AgingBasis::DocumentDate => r.doc_date,
                    };
                    let days = days_between(from, as_of);
                    let bucket = scheme.bucket_of(days);
                    totals.buckets[bucket] += amount_open;
                    items.push(AgingItem {
                        code: c.fields.code.clone(),
                        name: c.fields.name.clone(),
                        salesperson: c.fields.salesperson.clone(),
                        number: r.number.clone(),
                        kind: r.kind,
                        doc_date: r.doc_date,
                        due_date: r.due_date,
                        amount: r.amount,
                        open: amount_open,
                        days,
                        bucket: labels[bucket].clone(),
                    });
                }
            }
            Ok(AgingDetail {
                as_of,
                basis: basis_word(basis).into(),
                buckets: labels.clone(),
                open_total: totals.open_total(),
                totals: labelled(&labels, &totals),
                items,
            })
        })
    }

    /// The aging summary added up by each customer's salesperson, by name.
    pub fn aging_by_salesperson(
        &mut self,
        as_of: NaiveDate,
        basis: AgingBasis,
    ) -> Result<AgingBySalesperson, AppError> {
        let scheme = BucketScheme::default();
        let labels = scheme.labels();
        self.store.read(|tx| {
            let kept = Kept::as_of(tx, as_of)?;
            let mut groups: BTreeMap<String, (u32, AgingRow)> = BTreeMap::new();
            for c in customers::list(tx)? {
                let Some(row) = kept.aging(c.id, &scheme, basis) else { continue };
                let group =
                    groups.entry(c.fields.salesperson.trim().to_string()).or_insert((0, AgingRow::empty(&scheme)));
                group.0 += 1;
                group.1.add(&row);
            }
            let rows = groups
                .into_iter()
                .map(|(salesperson, (customers, row))| SalespersonAging {
                    salesperson,
                    customers,
                    balance: row.balance(),
                    credit: row.credit,
                    overdue: row.overdue(),
                    buckets: labelled(&labels, &row),
                })
                .collect();
            Ok(AgingBySalesperson { as_of, basis: basis_word(basis).into(), buckets: labels.clone(), rows })
        })
    }
}
