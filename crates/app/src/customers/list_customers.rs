use huikuan_domain::aging::{AgingBasis, BucketScheme};
use huikuan_domain::{CustomerKind, CustomerStatus, Money};
use huikuan_store::tables::customers;
use serde::Serialize;

use crate::error::AppError;
use crate::owed::{aging_of, balance_of, Kept};
use crate::Books;
use ts_rs::TS;

/// One row of the customers list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CustomerSummary {
    pub code: String,
    pub name: String,
    pub kind: CustomerKind,
    pub status: CustomerStatus,
    pub phone: String,
    pub salesperson: String,
    pub credit_limit: Money,
    pub balance: Money,
    pub overdue: Money,
}

/// How many customers a search returns: a screenful, so every keystroke stays instant.
pub const SEARCH_LIMIT: usize = 50;

impl CustomerSummary {
    fn of(c: customers::Customer, balance: Money, overdue: Money) -> CustomerSummary {
        CustomerSummary {
            code: c.fields.code,
            name: c.fields.name,
            kind: c.fields.kind,
            status: c.fields.status,
            phone: c.fields.phone,
            salesperson: c.fields.salesperson,
            credit_limit: c.fields.credit_limit,
            balance,
            overdue,
        }
    }
}

impl Books {
    /// Customers whose code, name, phone or salesperson contains `query` (all when empty),
    /// ordered by code, with today's balance and overdue amount.
    pub fn list_customers(&mut self, query: &str) -> Result<Vec<CustomerSummary>, AppError> {
        let today = self.clock.today();
        let needle = query.trim().to_lowercase();
        self.store.read(|tx| {
            let kept = Kept::as_of(tx, today)?;
            let scheme = BucketScheme::default();
            let rows = customers::list(tx)?
                .into_iter()
                .filter(|c| {
                    let f = &c.fields;
                    needle.is_empty()
                        || [&f.code, &f.name, &f.phone, &f.salesperson]
                            .iter()
                            .any(|text| text.to_lowercase().contains(&needle))
                })
                .map(|c| {
                    let balance = kept.totals.get(&c.id).map_or(Money::ZERO, |t| t.balance);
                    let overdue =
                        kept.aging(c.id, &scheme, AgingBasis::DueDate).map_or(Money::ZERO, |row| row.overdue());
                    Ok(CustomerSummary::of(c, balance, overdue))
                })
                .collect::<Result<_, AppError>>()?;
            Ok(rows)
        })
    }

    /// The first [`SEARCH_LIMIT`] customers matching `query` as the user types it: those
    /// whose code or name starts with it first, then any whose code, name, phone or
    /// salesperson contains it; each with today's balance and overdue amount.
    pub fn search_customers(&mut self, query: &str) -> Result<Vec<CustomerSummary>, AppError> {
        let today = self.clock.today();
        let needle = query.trim();
        self.store.read(|tx| {
            let scheme = BucketScheme::default();
            customers::search(tx, needle, SEARCH_LIMIT)?
                .into_iter()
                .map(|c| {
                    let (balance, _) = balance_of(tx, c.id)?;
                    let overdue = aging_of(tx, c.id, today, &scheme, AgingBasis::DueDate)?.overdue();
                    Ok(CustomerSummary::of(c, balance, overdue))
                })
                .collect()
        })
    }
}
