use huikuan_store::tables::contacts;

use super::{contacts as contact_use, update_customer, validate};
use crate::error::AppError;
use crate::{Books, ContactFields, Customer, CustomerFields};

/// A contact as the edit form holds it: an existing one keeps its id.
pub type ContactEdit = (Option<i64>, ContactFields);

impl Books {
    /// Saves the edited profile and its contact list in one transaction: contacts with an id
    /// are updated, new ones added, and those no longer listed removed.
    pub fn save_customer_profile(
        &mut self,
        code: &str,
        fields: CustomerFields,
        contacts: Vec<ContactEdit>,
    ) -> Result<Customer, AppError> {
        let fields = validate::customer_fields(fields)?;
        let contacts = contacts
            .into_iter()
            .map(|(id, c)| Ok((id, validate::contact_fields(c)?)))
            .collect::<Result<Vec<_>, AppError>>()?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = update_customer::update_in_tx(tx, &stamp, code, &fields)?;
            let existing = contacts::for_customer(tx, customer.id)?;
            for contact in &existing {
                if !contacts.iter().any(|(id, _)| *id == Some(contact.id)) {
                    contact_use::remove_in_tx(tx, &stamp, contact.id)?;
                }
            }
            for (id, contact) in &contacts {
                match id {
                    Some(id) if existing.iter().any(|c| c.id == *id) => {
                        contact_use::update_in_tx(tx, &stamp, *id, contact)?;
                    }
                    Some(id) => {
                        return Err(AppError::rule(
                            None,
                            format!("contact {id} is not a contact of this customer"),
                            format!("联系人 {id} 不属于该客户"),
                        ))
                    }
                    None => {
                        contact_use::add_in_tx(tx, &stamp, customer.id, contact)?;
                    }
                }
            }
            Ok(customer)
        })
    }
}
