use chrono::NaiveDate;
use huikuan_domain::behaviour::Behaviour;
use huikuan_domain::credit::Grade;
use huikuan_domain::{CustomerStatus, Money, PaymentTerms};
use huikuan_store::tables::credit::{self, ApprovedAssessment, CreditOverride};
use huikuan_store::tables::entries;
use serde::Serialize;
use ts_rs::TS;

use super::policy_in;
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

/// A customer's credit at a glance: the behaviour, the assessments, exposure against the
/// limit, and every delivery let through over a block. `customer credit CODE` prints it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CustomerCredit {
    pub code: String,
    pub name: String,
    pub status: CustomerStatus,
    pub as_of: NaiveDate,
    pub credit_limit: Money,
    pub payment_terms: PaymentTerms,
    /// Everything recorded, net of the customer's credit.
    pub balance: Money,
    /// What counts against the limit now: the balance, or 0 when the customer is in credit.
    pub exposure: Money,
    pub available: Money,
    pub overdue_block_days: u32,
    pub grade: Option<Grade>,
    pub next_review: Option<NaiveDate>,
    pub review_due: bool,
    pub behaviour: Behaviour,
    pub latest_assessment: Option<ApprovedAssessment>,
    /// Every approved assessment, newest first (the latest included).
    pub assessments: Vec<ApprovedAssessment>,
    pub overrides: Vec<CreditOverride>,
}

impl Books {
    /// As of `as_of` when given; otherwise today, with the balance counting everything
    /// recorded (future-dated entries too), as the credit check does.
    pub fn customer_credit(&mut self, code: &str, as_of: Option<NaiveDate>) -> Result<CustomerCredit, AppError> {
        let settle_at = as_of.unwrap_or(NaiveDate::MAX);
        let as_of = as_of.unwrap_or_else(|| self.clock.today());
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let account = entries::account(tx, customer.id)?;
            let balance = account.settle(settle_at).balance();
            let exposure = balance.max(Money::ZERO);
            let assessments = credit::assessments(tx, customer.id)?;
            let latest = assessments.first().cloned();
            let f = &customer.fields;
            Ok(CustomerCredit {
                code: f.code.clone(),
                name: f.name.clone(),
                status: f.status,
                as_of,
                credit_limit: f.credit_limit,
                payment_terms: f.payment_terms,
                balance,
                exposure,
                available: f.credit_limit - exposure,
                overdue_block_days: policy_in(tx)?.overdue_block_days,
                grade: latest.as_ref().map(|a| a.assessment.grade),
                next_review: latest.as_ref().map(|a| a.next_review),
                review_due: latest.as_ref().is_some_and(|a| a.next_review <= as_of),
                behaviour: crate::collections::behaviour_with_promises(tx, customer.id, &f.code, &account, as_of)?,
                latest_assessment: latest,
                assessments,
                overrides: credit::overrides(tx, customer.id)?,
            })
        })
    }
}
