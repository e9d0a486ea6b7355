//! The credit policy: the weights of the scorecard, what each grade means, and when a
//! delivery is blocked. A setting of the book; the defaults are documented in the README.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::grade::Grade;
use super::scorecard::Factor;
use crate::error::DomainError;
use crate::money::Money;
use crate::terms::PaymentTerms;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FactorWeight {
    pub factor: Factor,
    pub weight: u32,
}

/// What a grade earns: the lowest weighted score that reaches it, the credit it gets
/// (months of the customer's monthly purchases) and terms, and when to look again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct GradeRule {
    pub grade: Grade,
    #[ts(type = "string")]
    pub min_score: Decimal,
    #[ts(type = "string")]
    pub months_of_sales: Decimal,
    pub terms: PaymentTerms,
    pub review_months: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CreditPolicy {
    pub weights: Vec<FactorWeight>,
    /// A to E, best first.
    pub grades: Vec<GradeRule>,
    /// Grades each checked warning signal costs.
    pub signal_grade_drop: u32,
    /// A delivery on credit is blocked while any receivable is more than this many days overdue.
    pub overdue_block_days: u32,
    /// Recommended limits are rounded down to a multiple of this.
    pub limit_step: Money,
    /// The grade a new customer starts at, before any assessment: its terms are the new
    /// customer's terms. Books kept before this setting existed get grade C.
    #[serde(default = "default_new_customer_grade")]
    pub new_customer_grade: Grade,
    /// The credit a new customer starts with: a grade's limit is months of purchases,
    /// which a new customer does not have yet. ¥50,000.00 unless the owner sets it.
    #[serde(default = "default_new_customer_limit")]
    pub new_customer_limit: Money,
}

fn default_new_customer_grade() -> Grade {
    Grade::C
}

fn default_new_customer_limit() -> Money {
    Money::from_cents(5_000_000)
}

fn rule(grade: Grade, min: &str, months: &str, terms: PaymentTerms, review_months: u32) -> GradeRule {
    GradeRule {
        grade,
        min_score: min.parse().expect("a literal"),
        months_of_sales: months.parse().expect("a literal"),
        terms,
        review_months,
    }
}

impl Default for CreditPolicy {
    fn default() -> Self {
        use Factor::*;
        let weights = [
            (BusinessScale, 10),
            (OperatingCondition, 20),
            (YearsInBusiness, 10),
            (PaymentHistory, 30),
            (Relationship, 10),
            (IndustryRisk, 10),
            (Guarantees, 10),
        ];
        CreditPolicy {
            weights: weights.into_iter().map(|(factor, weight)| FactorWeight { factor, weight }).collect(),
            grades: vec![
                rule(Grade::A, "4.2", "2", PaymentTerms::Eom(30), 12),
                rule(Grade::B, "3.5", "1.5", PaymentTerms::Net(30), 12),
                rule(Grade::C, "2.8", "1", PaymentTerms::Net(15), 6),
                rule(Grade::D, "2.0", "0.5", PaymentTerms::Net(7), 3),
                rule(Grade::E, "0", "0", PaymentTerms::Cod, 3),
            ],
            signal_grade_drop: 1,
            overdue_block_days: 60,
            limit_step: Money::from_cents(100_000),
            new_customer_grade: default_new_customer_grade(),
            new_customer_limit: default_new_customer_limit(),
        }
    }
}

impl CreditPolicy {
    pub fn weight(&self, factor: Factor) -> u32 {
        self.weights.iter().find(|w| w.factor == factor).map_or(0, |w| w.weight)
    }

    pub fn rule(&self, grade: Grade) -> &GradeRule {
        &self.grades[grade.index()]
    }

    /// What a new customer starts with: the terms of the policy's new-customer grade and
    /// the starting limit.
    pub fn new_customer_terms_and_limit(&self) -> (PaymentTerms, Money) {
        (self.rule(self.new_customer_grade).terms, self.new_customer_limit)
    }

    /// The best grade whose floor the score reaches.
    pub fn grade_for(&self, score: Decimal) -> Grade {
        self.grades.iter().find(|r| score >= r.min_score).map_or(Grade::E, |r| r.grade)
    }

    /// Every factor weighted once, weights adding up to more than 0; grades A to E with
    /// floors falling and E open to any score; sane months and review periods.
    pub fn validate(&self) -> Result<(), DomainError> {
        let bad = |what: &str| Err(DomainError::BadPolicy(what.to_string()));
        if self.weights.len() != Factor::ALL.len()
            || Factor::ALL.iter().any(|f| self.weights.iter().filter(|w| w.factor == *f).count() != 1)
        {
            return bad("every factor needs exactly one weight");
        }
        if self.weights.iter().map(|w| w.weight).sum::<u32>() == 0 || self.weights.iter().any(|w| w.weight > 100) {
            return bad("weights are 0-100 each and cannot all be 0");
        }
        if self.grades.iter().map(|r| r.grade).ne(Grade::ALL) {
            return bad("grades must be A, B, C, D, E in that order");
        }
        let floors_fall = self.grades.windows(2).all(|w| w[0].min_score > w[1].min_score);
        let in_range = |r: &GradeRule| r.min_score >= Decimal::ZERO && r.min_score <= Decimal::from(5);
        if !floors_fall || !self.grades.iter().all(in_range) || !self.grades[4].min_score.is_zero() {
            return bad("grade floors must fall from A to E within 0-5, and E's floor is 0");
        }
        let months_ok = |r: &GradeRule| r.months_of_sales >= Decimal::ZERO && r.months_of_sales <= Decimal::from(24);
        if !self.grades.iter().all(months_ok) || self.grades.iter().any(|r| !(1..=60).contains(&r.review_months)) {
            return bad("months of sales are 0-24 and reviews every 1-60 months");
        }
        if self.signal_grade_drop > 4 || !(1..=3650).contains(&self.overdue_block_days) {
            return bad("a signal costs 0-4 grades; the overdue block is 1-3650 days");
        }
        if !self.limit_step.is_positive() {
            return bad("the limit step must be greater than 0");
        }
        if self.new_customer_limit.is_negative() {
            return bad("a new customer's starting limit cannot be below 0");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_policy_is_valid_and_its_weights_add_up_to_100() {
        let p = CreditPolicy::default();
        p.validate().unwrap();
        assert_eq!(p.weights.iter().map(|w| w.weight).sum::<u32>(), 100);
    }

    #[test]
    fn a_new_customer_starts_at_grade_c_terms_with_50000_of_credit() {
        let p = CreditPolicy::default();
        assert_eq!(p.new_customer_terms_and_limit(), (PaymentTerms::Net(15), Money::from_cents(5_000_000)));
        let p = CreditPolicy { new_customer_grade: Grade::A, ..p };
        assert_eq!(p.new_customer_terms_and_limit().0, PaymentTerms::Eom(30));
    }

    #[test]
    fn grade_floors_are_inclusive() {
        let p = CreditPolicy::default();
        let g = |s: &str| p.grade_for(s.parse().unwrap());
        assert_eq!(
            [g("5"), g("4.2"), g("4.19"), g("3.5"), g("2.8"), g("2.79"), g("2.0"), g("1.99"), g("1")],
            [Grade::A, Grade::A, Grade::B, Grade::B, Grade::C, Grade::D, Grade::D, Grade::E, Grade::E]
        );
    }

    #[test]
    fn a_policy_with_rising_floors_or_a_missing_factor_is_refused() {
        let mut p = CreditPolicy::default();
        p.grades[1].min_score = "4.5".parse().unwrap();
        assert!(p.validate().is_err());
        let mut p = CreditPolicy::default();
        p.weights.pop();
        assert!(p.validate().is_err());
        let p = CreditPolicy { overdue_block_days: 0, ..CreditPolicy::default() };
        assert!(p.validate().is_err());
    }
}
