use huikuan_domain::credit::CreditPolicy;
use huikuan_store::tables::settings;
use huikuan_store::Transaction;

use crate::books::audit;
use crate::error::AppError;
use crate::Books;

const KEY: &str = "credit_policy";

pub(crate) fn policy_in(tx: &Transaction) -> Result<CreditPolicy, AppError> {
    Ok(settings::get(tx, KEY)?.unwrap_or_default())
}

impl Books {
    /// The book's credit policy: the defaults until the owner changes them.
    pub fn credit_policy(&mut self) -> Result<CreditPolicy, AppError> {
        self.store.read(policy_in)
    }

    pub fn set_credit_policy(&mut self, policy: CreditPolicy) -> Result<CreditPolicy, AppError> {
        policy.validate().map_err(AppError::invalid("credit_policy"))?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = policy_in(tx)?;
            settings::put(tx, KEY, &policy)?;
            audit(tx, &stamp, "update", "credit_policy", 1, Some(&before), Some(&policy))?;
            Ok(policy)
        })
    }
}
