use huikuan_domain::aging::{age, AgingBasis, BucketScheme};
use huikuan_domain::{CustomerKind, CustomerStatus, Money};
use huikuan_store::tables::{customers, entries};
use serde::Serialize;

use crate::error::AppError;
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

impl Books {
    /// Customers whose code, name, phone or salesperson contains `query` (all when empty),
    /// ordered by code, with today's balance and overdue amount.
    pub fn list_customers(&mut self, query: &str) -> Result<Vec<CustomerSummary>, AppError> {
        let today = self.clock.today();
        let needle = query.trim().to_lowercase();
        self.store.read(|tx| {
            let accounts = entries::all_accounts(tx)?;
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
                    let (balance, overdue) = accounts.get(&c.id).map_or((Money::ZERO, Money::ZERO), |a| {
                        let row = age(&a.receivables, &a.settle(today), today, &scheme, AgingBasis::DueDate);
                        (a.balance(), row.overdue())
                    });
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
                })
                .collect();
            Ok(rows)
        })
    }
}
