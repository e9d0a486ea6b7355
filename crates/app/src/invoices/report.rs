//! The invoicing report as of a day: per customer, what is delivered but not invoiced, what
//! is invoiced but not paid, and what is owed awaiting its invoice; and the totals.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use huikuan_domain::invoice::{invoicing, Invoicing};
use huikuan_domain::Money;
use huikuan_store::tables::{customers, invoices, maintained};
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::owed::accounts_of;
use crate::Books;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoicingRow {
    pub code: String,
    pub name: String,
    pub delivered_not_invoiced: Money,
    pub invoiced_not_paid: Money,
    pub awaiting_invoice: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoicingReport {
    pub as_of: NaiveDate,
    /// The customers with any figure not zero, by code.
    pub customers: Vec<InvoicingRow>,
    pub totals: InvoicingRow,
}

fn row(code: String, name: String, f: Invoicing) -> InvoicingRow {
    InvoicingRow {
        code,
        name,
        delivered_not_invoiced: f.delivered_not_invoiced,
        invoiced_not_paid: f.invoiced_not_paid,
        awaiting_invoice: f.awaiting_invoice,
    }
}

impl Books {
    pub fn invoicing_report(&mut self, as_of: NaiveDate) -> Result<InvoicingReport, AppError> {
        self.store.read(|tx| {
            let covered = invoices::covered_by(tx, as_of)?;
            let ids: BTreeSet<i64> = maintained::all_totals(tx)?
                .into_iter()
                .filter(|(_, t)| t.first_date <= as_of)
                .map(|(id, _)| id)
                .collect();
            let none = HashMap::new();
            let mut figures: HashMap<i64, Invoicing> = HashMap::new();
            accounts_of(tx, &ids, |id, account| {
                let settled = account.settle(as_of);
                figures.insert(id, invoicing(&account.receivables, &settled.open, covered.get(&id).unwrap_or(&none)));
                Ok(())
            })?;
            let mut total = Invoicing::default();
            let mut rows = Vec::new();
            for customer in customers::list(tx)? {
                let Some(f) = figures.get(&customer.id).copied().filter(|f| *f != Invoicing::default()) else {
                    continue;
                };
                total += f;
                rows.push(row(customer.fields.code, customer.fields.name, f));
            }
            rows.sort_by(|a, b| a.code.cmp(&b.code));
            Ok(InvoicingReport { as_of, customers: rows, totals: row(String::new(), String::new(), total) })
        })
    }
}
