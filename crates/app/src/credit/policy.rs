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

#[cfg(test)]
mod tests {
    use huikuan_domain::credit::Grade;
    use huikuan_domain::{Money, PaymentTerms};

    use super::*;
    use crate::FixedClock;

    fn books() -> Books {
        Books::open_in_memory(Box::new(FixedClock::on(chrono::NaiveDate::MIN)), "test").unwrap()
    }

    #[test]
    fn a_policy_stored_before_the_new_customer_settings_reads_with_their_defaults() {
        let mut stored = serde_json::to_value(CreditPolicy::default()).unwrap();
        let object = stored.as_object_mut().unwrap();
        object.remove("new_customer_grade");
        object.remove("new_customer_limit");
        let mut books = books();
        books.store().write(|tx| Ok::<_, AppError>(settings::put(tx, KEY, &stored)?)).unwrap();
        assert_eq!(books.credit_policy().unwrap(), CreditPolicy::default());
    }

    #[test]
    fn a_new_customer_gets_the_policy_grade_terms_and_starting_limit_unless_the_owner_changed_them() {
        let mut books = books();
        let fields = books.new_customer_fields("C1", "宏达五金").unwrap();
        assert_eq!((fields.payment_terms, fields.credit_limit), (PaymentTerms::Net(15), Money::from_cents(5_000_000)));
        let form = books.new_customer_form().unwrap();
        assert_eq!((form.payment_terms.as_str(), form.credit_limit.as_str()), ("net:15", "50000.00"));
        assert_eq!(form.contacts.len(), 1, "one blank contact row to fill");

        let policy = CreditPolicy {
            new_customer_grade: Grade::B,
            new_customer_limit: Money::from_cents(2_000_000),
            ..CreditPolicy::default()
        };
        books.set_credit_policy(policy).unwrap();
        let fields = books.new_customer_fields("C2", "新客户").unwrap();
        assert_eq!((fields.payment_terms, fields.credit_limit), (PaymentTerms::Net(30), Money::from_cents(2_000_000)));
    }

    #[test]
    fn a_negative_starting_limit_is_refused() {
        let policy = CreditPolicy { new_customer_limit: Money::from_cents(-1), ..CreditPolicy::default() };
        assert!(books().set_credit_policy(policy).is_err());
    }
}
