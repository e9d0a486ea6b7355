use huikuan_store::tables::{contacts, Stamp};
use huikuan_store::Transaction;

use super::validate;
use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::{Books, Contact, ContactFields};

/// Adds a checked contact inside the caller's transaction.
pub(crate) fn add_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    customer_id: i64,
    fields: &ContactFields,
) -> Result<Contact, AppError> {
    let id = contacts::insert(tx, customer_id, fields)?;
    let contact = contacts::get(tx, id)?;
    audit(tx, stamp, "create", "contact", id, None::<&()>, Some(&contact))?;
    Ok(contact)
}

pub(crate) fn update_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    contact_id: i64,
    fields: &ContactFields,
) -> Result<Contact, AppError> {
    let before = contacts::get(tx, contact_id)?;
    contacts::update(tx, contact_id, fields)?;
    let after = contacts::get(tx, contact_id)?;
    if after != before {
        audit(tx, stamp, "update", "contact", contact_id, Some(&before), Some(&after))?;
    }
    Ok(after)
}

pub(crate) fn remove_in_tx(tx: &Transaction, stamp: &Stamp, contact_id: i64) -> Result<(), AppError> {
    let before = contacts::get(tx, contact_id)?;
    contacts::delete(tx, contact_id)?;
    audit(tx, stamp, "delete", "contact", contact_id, Some(&before), None::<&()>)
}

impl Books {
    pub fn add_contact(&mut self, customer_code: &str, fields: ContactFields) -> Result<Contact, AppError> {
        let fields = validate::contact_fields(fields)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, customer_code)?;
            add_in_tx(tx, &stamp, customer.id, &fields)
        })
    }

    pub fn update_contact(&mut self, contact_id: i64, fields: ContactFields) -> Result<Contact, AppError> {
        let fields = validate::contact_fields(fields)?;
        let stamp = self.stamp();
        self.store.write(|tx| update_in_tx(tx, &stamp, contact_id, &fields))
    }

    pub fn remove_contact(&mut self, contact_id: i64) -> Result<(), AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| remove_in_tx(tx, &stamp, contact_id))
    }
}
