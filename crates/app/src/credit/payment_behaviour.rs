use chrono::NaiveDate;
use huikuan_domain::behaviour::{behaviour, Behaviour};
use huikuan_store::tables::entries;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

impl Books {
    /// How the customer has paid, computed from its ledger as of `as_of` (default today).
    pub fn payment_behaviour(&mut self, code: &str, as_of: Option<NaiveDate>) -> Result<Behaviour, AppError> {
        let as_of = as_of.unwrap_or_else(|| self.clock.today());
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            Ok(behaviour(&entries::account(tx, customer.id)?, as_of))
        })
    }
}
