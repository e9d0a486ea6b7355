use chrono::NaiveDate;
use huikuan_domain::aging::{age, AgingBasis, BucketScheme};
use huikuan_domain::Money;
use huikuan_store::tables::{contacts, entries};
use serde::Serialize;

use crate::books::customer_by_code;
use crate::error::AppError;
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
            let account = entries::account(tx, customer.id)?;
            let scheme = BucketScheme::default();
            // Everything recorded counts towards the balance, even if dated in the future.
            let everything = account.settle(NaiveDate::MAX);
            let today = age(&account.receivables, &account.settle(as_of), as_of, &scheme, AgingBasis::DueDate);
            let balance = everything.balance();
            let exposure = balance.max(Money::ZERO);
            Ok(CustomerDetail {
                available_credit: customer.fields.credit_limit - exposure,
                contacts,
                as_of,
                balance,
                overdue: today.overdue(),
                credit: everything.credit,
                exposure,
                aging: BucketAmounts(scheme.labels().into_iter().zip(today.buckets.iter().copied()).collect()),
                customer,
            })
        })
    }
}
