use huikuan_domain::CustomerStatus;
use huikuan_store::tables::customers;
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::Books;

/// A customer as a document form offers it for choosing: no figures, so opening a form
/// never reads the ledger.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CustomerChoice {
    pub code: String,
    pub name: String,
    pub status: CustomerStatus,
}

impl Books {
    /// Every customer, ordered by code.
    pub fn customer_choices(&mut self) -> Result<Vec<CustomerChoice>, AppError> {
        self.store.read(|tx| {
            Ok(customers::list(tx)?
                .into_iter()
                .map(|c| CustomerChoice { code: c.fields.code, name: c.fields.name, status: c.fields.status })
                .collect())
        })
    }
}
