use huikuan_store::tables::{contacts, customers};

use super::validate;
use crate::books::audit;
use crate::error::AppError;
use crate::{Books, ContactFields, Customer, CustomerFields};

impl Books {
    /// Creates a customer with its contacts. A taken code is refused and nothing is written.
    pub fn create_customer(
        &mut self,
        fields: CustomerFields,
        contacts: Vec<ContactFields>,
    ) -> Result<Customer, AppError> {
        let fields = validate::customer_fields(fields)?;
        let contacts = contacts.into_iter().map(validate::contact_fields).collect::<Result<Vec<_>, _>>()?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let id = customers::insert(tx, &fields, &stamp)?;
            let customer = customers::get(tx, id)?;
            audit(tx, &stamp, "create", "customer", id, None::<&()>, Some(&customer))?;
            for contact in &contacts {
                let contact_id = contacts::insert(tx, id, contact)?;
                audit(tx, &stamp, "create", "contact", contact_id, None::<&()>, Some(contact))?;
            }
            Ok(customer)
        })
    }
}
