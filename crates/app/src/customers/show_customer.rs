use chrono::NaiveDate;
use huikuan_domain::aging::{AgingBasis, BucketScheme};
use huikuan_domain::Money;
use huikuan_store::tables::contacts;
use serde::Serialize;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::owed::{aging_of, balance_of};
use crate::views::BucketAmounts;
use crate::{Books, Contact, Customer};
use ts_rs::TS;

/// The head of the customer page: profile, contacts, and where the account stands.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CustomerDetail {
    pub customer: Customer,
    pub contacts: Vec<Contact>,
    pub as_of: NaiveDate,
    pub balance: Money,
    pub overdue: Money,
    pub credit: Money,
    /// Balance against the credit limit (占用额度); the credit check of deliveries uses it.
    pub exposure: Money,
    pub available_credit: Money,
    #[ts(type = "Record<string, Money>")]
    pub aging: BucketAmounts,
}

impl Books {
    pub fn customer(&mut self, code: &str) -> Result<CustomerDetail, AppError> {
        let as_of = self.clock.today();
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let contacts = contacts::for_customer(tx, customer.id)?;
            let scheme = BucketScheme::default();
            // Everything recorded counts towards the balance, even if dated in the future.
            let (balance, credit) = balance_of(tx, customer.id)?;
            let today = aging_of(tx, customer.id, as_of, &scheme, AgingBasis::DueDate)?;
            let exposure = balance.max(Money::ZERO);
            Ok(CustomerDetail {
                available_credit: customer.fields.credit_limit - exposure,
                contacts,
                as_of,
                balance,
                overdue: today.overdue(),
                credit,
                exposure,
                aging: BucketAmounts(scheme.labels().into_iter().zip(today.buckets.iter().copied()).collect()),
                customer,
            })
        })
    }
}
