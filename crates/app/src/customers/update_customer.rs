use huikuan_store::tables::customers;

use super::validate;
use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::{Books, Customer, CustomerFields};

impl Books {
    /// Replaces the editable profile of the customer now known as `code` (the code itself
    /// may change). The audit log keeps the profile before and after.
    pub fn update_customer(&mut self, code: &str, fields: CustomerFields) -> Result<Customer, AppError> {
        let fields = validate::customer_fields(fields)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = customer_by_code(tx, code)?;
            customers::update(tx, before.id, &fields, &stamp)?;
            let after = customers::get(tx, before.id)?;
            audit(tx, &stamp, "update", "customer", before.id, Some(&before), Some(&after))?;
            Ok(after)
        })
    }
}
