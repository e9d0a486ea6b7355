use huikuan_store::tables::contacts;

use super::validate;
use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::{Books, Contact, ContactFields};

impl Books {
    pub fn add_contact(&mut self, customer_code: &str, fields: ContactFields) -> Result<Contact, AppError> {
        let fields = validate::contact_fields(fields)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, customer_code)?;
            let id = contacts::insert(tx, customer.id, &fields)?;
            let contact = contacts::get(tx, id)?;
            audit(tx, &stamp, "create", "contact", id, None::<&()>, Some(&contact))?;
            Ok(contact)
        })
    }

    pub fn update_contact(&mut self, contact_id: i64, fields: ContactFields) -> Result<Contact, AppError> {
        let fields = validate::contact_fields(fields)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = contacts::get(tx, contact_id)?;
            contacts::update(tx, contact_id, &fields)?;
            let after = contacts::get(tx, contact_id)?;
            audit(tx, &stamp, "update", "contact", contact_id, Some(&before), Some(&after))?;
            Ok(after)
        })
    }

    pub fn remove_contact(&mut self, contact_id: i64) -> Result<(), AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = contacts::get(tx, contact_id)?;
            contacts::delete(tx, contact_id)?;
            audit(tx, &stamp, "delete", "contact", contact_id, Some(&before), None::<&()>)?;
            Ok(())
        })
    }
}
