use huikuan_domain::{BusinessScale, ContactRole, CustomerKind, CustomerStatus, DocLanguage, Importance, Premises};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use huikuan_domain::{parse_terms_typed, parse_year_typed, DomainError};

use super::{amount, Check};
use crate::customers::{check_contact, check_customer, ContactEdit};
use crate::error::AppError;
use crate::{Books, Contact, ContactFields, Customer, CustomerFields};

/// The new-customer and edit-customer form. Credit limit, terms and statement day are the
/// text the user typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CustomerForm {
    pub code: String,
    pub name: String,
    pub kind: Option<CustomerKind>,
    pub phone: String,
    pub address: String,
    pub tax_id: String,
    pub salesperson: String,
    pub payment_terms: String,
    pub statement_day: String,
    pub credit_limit: String,
    pub status: Option<CustomerStatus>,
    pub importance: Option<Importance>,
    pub tags: String,
    pub notes: String,
    pub doc_language: Option<DocLanguage>,
    pub business_scale: Option<BusinessScale>,
    pub founded_year: String,
    pub main_business: String,
    pub registered_capital: String,
    pub premises: Option<Premises>,
    /// Weekdays and days of the month: `mon,25`.
    pub collection_days: String,
    pub contacts: Vec<ContactForm>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ContactForm {
    /// Set for a contact already stored; None for one added in this form.
    pub id: Option<i64>,
    pub name: String,
    pub role: Option<ContactRole>,
    pub phone: String,
    pub wechat: String,
    pub email: String,
    pub notes: String,
}

impl CustomerForm {
    /// The form filled with a customer and its contacts as stored, for editing.
    pub fn of(customer: &Customer, contacts: &[Contact]) -> CustomerForm {
        let f = &customer.fields;
        CustomerForm {
            code: f.code.clone(),
            name: f.name.clone(),
            kind: Some(f.kind),
            phone: f.phone.clone(),
            address: f.address.clone(),
            tax_id: f.tax_id.clone(),
            salesperson: f.salesperson.clone(),
            payment_terms: f.payment_terms.to_string(),
            statement_day: f.statement_day.map(|d| d.to_string()).unwrap_or_default(),
            credit_limit: f.credit_limit.to_string(),
            status: Some(f.status),
            importance: Some(f.importance),
            tags: f.tags.clone(),
            notes: f.notes.clone(),
            doc_language: Some(f.doc_language),
            business_scale: Some(f.business.business_scale),
            founded_year: f.business.founded_year.map(|y| y.to_string()).unwrap_or_default(),
            main_business: f.business.main_business.clone(),
            registered_capital: f.business.registered_capital.map(|m| m.to_string()).unwrap_or_default(),
            premises: Some(f.business.premises),
            collection_days: f.business.collection_days.to_string(),
            contacts: contacts
                .iter()
                .map(|c| ContactForm {
                    id: Some(c.id),
                    name: c.fields.name.clone(),
                    role: Some(c.fields.role),
                    phone: c.fields.phone.clone(),
                    wechat: c.fields.wechat.clone(),
                    email: c.fields.email.clone(),
                    notes: c.fields.notes.clone(),
                })
                .collect(),
        }
    }

    /// What the user typed, read as people type it (`月结30天`, `50,000`, `2012年`);
    /// each refusal kept in `check`, the field left as it was.
    fn fields(&self, check: &mut Check) -> CustomerFields {
        let mut fields = CustomerFields::new(&self.code, &self.name);
        fields.kind = self.kind.unwrap_or(fields.kind);
        fields.phone = self.phone.clone();
        fields.address = self.address.clone();
        fields.tax_id = self.tax_id.clone();
        fields.salesperson = self.salesperson.clone();
        if !self.payment_terms.trim().is_empty() {
            let terms = parse_terms_typed(&self.payment_terms).map_err(AppError::invalid("payment_terms"));
            fields.payment_terms = check.take(terms).unwrap_or(fields.payment_terms);
        }
        fields.statement_day = match self.statement_day.trim() {
            "" => None,
            day => check.take(day.trim_end_matches(['日', '号']).parse().map_err(|_| {
                AppError::rule(
                    Some("statement_day".into()),
                    format!("statement day {day} is not a day of the month (1-31)"),
                    format!("对账日 {day} 不是每月的某一天（1–31）"),
                )
            })),
        };
        if !self.credit_limit.trim().is_empty() {
            fields.credit_limit = check.take(amount("credit_limit", &self.credit_limit)).unwrap_or(fields.credit_limit);
        }
        fields.status = self.status.unwrap_or(fields.status);
        fields.importance = self.importance.unwrap_or(fields.importance);
        fields.tags = self.tags.clone();
        fields.notes = self.notes.clone();
        fields.doc_language = self.doc_language.unwrap_or(fields.doc_language);
        let facts = &mut fields.business;
        facts.business_scale = self.business_scale.unwrap_or_default();
        facts.founded_year = match self.founded_year.trim() {
            "" => None,
            year => check.take(founded_year(year)),
        };
        facts.main_business = self.main_business.clone();
        facts.registered_capital = match self.registered_capital.trim() {
            "" => None,
            text => check.take(amount("registered_capital", text)),
        };
        facts.premises = self.premises.unwrap_or_default();
        let days = self.collection_days.parse().map_err(AppError::invalid("collection_days"));
        facts.collection_days = check.take(days).unwrap_or_default();
        fields
    }

    /// The contact rows the user filled in; a row left entirely blank is not a contact.
    fn contacts(&self, check: &mut Check) -> Vec<ContactEdit> {
        let filled =
            |c: &&ContactForm| [&c.name, &c.phone, &c.wechat, &c.email, &c.notes].iter().any(|t| !t.trim().is_empty());
        let rows = self.contacts.iter().enumerate().filter(|(_, c)| filled(c));
        let mut kept = Vec::new();
        for (i, c) in rows {
            let fields = ContactFields {
                name: c.name.clone(),
                role: c.role.unwrap_or(ContactRole::Other),
                phone: c.phone.clone(),
                wechat: c.wechat.clone(),
                email: c.email.clone(),
                notes: c.notes.clone(),
            };
            let checked = check_contact(fields).map_err(|e| {
                let part = match e.field().as_deref() {
                    None | Some("contact name") => "name".to_string(),
                    Some(other) => other.to_string(),
                };
                e.at_field(format!("contacts.{i}.{part}"))
            });
            if let Some(contact) = check.take(checked) {
                kept.push((c.id, contact));
            }
        }
        kept
    }

    /// Every field and contact checked at once; all refusals together.
    fn checked(&self) -> Result<(CustomerFields, Vec<ContactEdit>), AppError> {
        let mut check = Check::default();
        let fields = self.fields(&mut check);
        let contacts = self.contacts(&mut check);
        check.take(check_customer(fields.clone()));
        check.done()?;
        Ok((fields, contacts))
    }
}

/// A year as typed (`2012`, `2012年`), within the years a business can have been founded.
fn founded_year(text: &str) -> Result<u16, AppError> {
    let out_of_range = || AppError::Invalid {
        field: "founded_year",
        source: DomainError::OutOfRange { field: "founded_year", min: 1900, max: 2200 },
    };
    let year = parse_year_typed(text).map_err(|_| out_of_range())?;
    u16::try_from(year).ok().filter(|y| (1900..=2200).contains(y)).ok_or_else(out_of_range)
}

impl Books {
    pub fn create_customer_form(&mut self, form: CustomerForm) -> Result<Customer, AppError> {
        let (fields, contacts) = form.checked()?;
        let contacts = contacts.into_iter().map(|(_, contact)| contact).collect();
        self.create_customer(fields, contacts)
    }

    /// Saves the edited profile and its contacts: rows removed from the form are removed.
    pub fn update_customer_form(&mut self, code: &str, form: CustomerForm) -> Result<Customer, AppError> {
        let (fields, contacts) = form.checked()?;
        self.save_customer_profile(code, fields, contacts)
    }
}
