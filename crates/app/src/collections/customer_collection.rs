//! A customer's collection tab: the contact log, promises and plans as they stand, where
//! its payment is stuck inside it, and the playbook.

use huikuan_domain::collection::PaymentStage;
use huikuan_domain::customer::clean_text;
use huikuan_store::tables::collection::{self, ContactLog, StageRecord};
use huikuan_store::tables::contacts;
use serde::Serialize;
use ts_rs::TS;

use super::keeping::{standing, PlanView, PromiseView};
use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::{Books, Contact};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CustomerCollection {
    pub code: String,
    pub name: String,
    // The customer's own number: whom to call when no contact has one.
    pub phone: String,
    pub contacts: Vec<Contact>,
    /// Newest first.
    pub logs: Vec<ContactLog>,
    pub promises: Vec<PromiseView>,
    pub plans: Vec<PlanView>,
    pub stage: Option<StageRecord>,
}

const LOGS_SHOWN: u32 = 200;

impl Books {
    pub fn customer_collection(&mut self, code: &str) -> Result<CustomerCollection, AppError> {
        let today = self.clock.today();
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let (promises, plans) = standing(tx, customer.id, &customer.fields.code, today)?;
            Ok(CustomerCollection {
                contacts: contacts::for_customer(tx, customer.id)?,
                logs: collection::logs_of(tx, customer.id, LOGS_SHOWN)?,
                promises,
                plans,
                stage: collection::stage_of(tx, customer.id)?,
                code: customer.fields.code,
                name: customer.fields.name,
                phone: customer.fields.phone,
            })
        })
    }

    /// Records where the customer's payment stands inside it (the newest counts).
    pub fn set_payment_stage(
        &mut self,
        code: &str,
        stage: &str,
        person: &str,
        note: &str,
    ) -> Result<StageRecord, AppError> {
        let stage: PaymentStage = stage.parse().map_err(AppError::invalid("stage"))?;
        let record = StageRecord {
            stage: stage.as_str().into(),
            person: clean_text("person", person).map_err(AppError::invalid("person"))?,
            note: clean_text("note", note).map_err(AppError::invalid("note"))?,
            set_on: self.clock.today(),
        };
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, code)?;
            let id = collection::insert_stage(tx, customer.id, &record, &stamp)?;
            audit(tx, &stamp, "stage", "customer", customer.id, None::<&()>, Some(&record))?;
            let _ = id;
            Ok(record)
        })
    }
}
