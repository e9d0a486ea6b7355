use huikuan_store::tables::{contacts, customers};

use super::validate;
use crate::books::audit;
use crate::credit::policy_in;
use crate::error::AppError;
use crate::forms::CustomerForm;
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

    /// A new customer's fields before the owner changes them: the terms of the credit
    /// policy's grade for new customers and its starting limit, so a first delivery on
    /// credit is not blocked by a limit of 0 nobody chose.
    pub fn new_customer_fields(&mut self, code: &str, name: &str) -> Result<CustomerFields, AppError> {
        let (terms, limit) = self.store.read(policy_in)?.new_customer_terms_and_limit();
        let mut fields = CustomerFields::new(code, name);
        fields.payment_terms = terms;
        fields.credit_limit = limit;
        Ok(fields)
    }

    /// The new-customer form as it opens: filled as [`Books::new_customer_fields`], one
    /// blank contact row.
    pub fn new_customer_form(&mut self) -> Result<CustomerForm, AppError> {
        let fields = self.new_customer_fields("", "")?;
        let customer = Customer { id: 0, fields, created_at: String::new(), updated_at: String::new() };
        let mut form = CustomerForm::of(&customer, &[]);
        form.contacts.push(Default::default());
        Ok(form)
    }
}
