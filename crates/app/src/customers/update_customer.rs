use huikuan_store::tables::{customers, Stamp};
use huikuan_store::Transaction;

use super::validate;
use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::{Books, Customer, CustomerFields};

/// Replaces the profile of the customer now known as `code`, inside the caller's
/// transaction; `fields` are already checked.
pub(crate) fn update_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    code: &str,
    fields: &CustomerFields,
) -> Result<Customer, AppError> {
    let before = customer_by_code(tx, code)?;
    customers::update(tx, before.id, fields, stamp)?;
    let after = customers::get(tx, before.id)?;
    audit(tx, stamp, "update", "customer", before.id, Some(&before), Some(&after))?;
    Ok(after)
}

impl Books {
    /// Replaces the editable profile of the customer now known as `code` (the code itself
    /// may change). The audit log keeps the profile before and after.
    pub fn update_customer(&mut self, code: &str, fields: CustomerFields) -> Result<Customer, AppError> {
        let fields = validate::customer_fields(fields)?;
        let stamp = self.stamp();
        self.store.write(|tx| update_in_tx(tx, &stamp, code, &fields))
    }
}
