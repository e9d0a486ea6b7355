//! The credit assessment: the owner scores the customer, sees the recommendation and its
//! reasoning, and approves a limit and terms (different ones only with a reason). The
//! approved assessment is kept as it was; the customer's limit and terms follow it.

use chrono::NaiveDate;
use huikuan_domain::behaviour::Behaviour;
use huikuan_domain::credit::{assess, review_date, Assessment, Scorecard};
use huikuan_domain::customer::clean_text;
use huikuan_domain::{DomainError, PaymentTerms};
use huikuan_store::tables::credit::{self, ApprovedAssessment};
use huikuan_store::tables::{customers, entries};
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::policy_in;
use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::forms::{amount, optional_date};
use crate::{Books, Customer};

/// The assessment form: scores as chosen, amounts and dates as typed. Blank approved
/// limit or terms take the recommendation; a blank review date takes the grade's period.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AssessmentForm {
    pub customer_code: String,
    pub scorecard: Scorecard,
    pub expected_monthly_sales: String,
    pub approved_limit: String,
    pub approved_terms: String,
    pub deviation_reason: String,
    pub next_review: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AssessmentPreview {
    pub assessed_on: NaiveDate,
    pub behaviour: Behaviour,
    pub assessment: Assessment,
    pub next_review: NaiveDate,
}

fn scored(
    tx: &Transaction,
    form: &AssessmentForm,
    today: NaiveDate,
) -> Result<(Customer, AssessmentPreview), AppError> {
    let customer = customer_by_code(tx, &form.customer_code)?;
    let mut card = form.scorecard.clone();
    card.expected_monthly_sales = if form.expected_monthly_sales.trim().is_empty() {
        None
    } else {
        Some(amount("expected_monthly_sales", &form.expected_monthly_sales)?)
    };
    if card.expected_monthly_sales.is_some_and(|m| m.is_negative()) {
        return Err(AppError::Invalid { field: "expected_monthly_sales", source: DomainError::Negative("the amount") });
    }
    for (i, factor) in card.factors.iter_mut().enumerate() {
        factor.note = clean_text("notes", &factor.note)
            .map_err(|e| AppError::invalid("notes")(e).at_field(format!("factors.{i}.note")))?;
    }
    card.signals_note = clean_text("notes", &card.signals_note).map_err(AppError::invalid("signals_note"))?;
    let account = entries::account(tx, customer.id)?;
    let behaviour =
        crate::collections::behaviour_with_promises(tx, customer.id, &customer.fields.code, &account, today)?;
    let assessment = assess(&policy_in(tx)?, &card, &behaviour).map_err(|e| {
        let field = match &e {
            DomainError::Empty(f) | DomainError::OutOfRange { field: f, .. } => format!("factors.{f}"),
            _ => "scorecard".into(),
        };
        AppError::invalid("score")(e).at_field(field)
    })?;
    let next_review = match optional_date("next_review", &form.next_review, today)? {
        Some(date) if date <= today => {
            return Err(AppError::rule(
                Some("next_review".into()),
                "the next review must be after today",
                "下次复评日期必须晚于今天",
            ))
        }
        Some(date) => date,
        None => review_date(today, assessment.review_months),
    };
    Ok((customer, AssessmentPreview { assessed_on: today, behaviour, assessment, next_review }))
}

impl Books {
    /// The grade, limit and terms the scorecard recommends, with its reasoning; writes nothing.
    pub fn preview_assessment(&mut self, form: AssessmentForm) -> Result<AssessmentPreview, AppError> {
        let today = self.clock.today();
        self.store.read(|tx| scored(tx, &form, today).map(|(_, preview)| preview))
    }

    /// Approves the assessment: kept for good, and the customer's limit and terms become
    /// the approved ones, in one transaction.
    pub fn approve_assessment(&mut self, form: AssessmentForm) -> Result<ApprovedAssessment, AppError> {
        let today = self.clock.today();
        let stamp = self.stamp();
        self.store.write(|tx| {
            let (customer, preview) = scored(tx, &form, today)?;
            let recommended = &preview.assessment;
            let limit = if form.approved_limit.trim().is_empty() {
                recommended.recommended_limit
            } else {
                amount("approved_limit", &form.approved_limit)?
            };
            if limit.is_negative() {
                return Err(AppError::Invalid {
                    field: "approved_limit",
                    source: DomainError::Negative("credit limit"),
                });
            }
            let terms: PaymentTerms = if form.approved_terms.trim().is_empty() {
                recommended.recommended_terms
            } else {
                huikuan_domain::parse_terms_typed(&form.approved_terms).map_err(AppError::invalid("approved_terms"))?
            };
            let reason = clean_text("reason", &form.deviation_reason).map_err(AppError::invalid("deviation_reason"))?;
            let differs = limit != recommended.recommended_limit || terms != recommended.recommended_terms;
            if differs && reason.is_empty() {
                return Err(AppError::rule(
                    Some("deviation_reason".into()),
                    format!(
                        "the approved limit or terms differ from the recommendation ({}, {}): say why",
                        recommended.recommended_limit.yuan(),
                        recommended.recommended_terms
                    ),
                    format!(
                        "批准的额度或付款条件与建议（{}，{}）不同：请写明原因",
                        recommended.recommended_limit.yuan(),
                        recommended.recommended_terms
                    ),
                ));
            }
            let reason = if differs { reason } else { String::new() };
            let id = credit::insert_assessment(
                tx,
                customer.id,
                today,
                recommended,
                (limit, terms, &reason),
                preview.next_review,
                &stamp,
            )?;
            let approved = credit::latest_assessment(tx, customer.id)?.filter(|a| a.id == id).expect("just written");
            audit(tx, &stamp, "approve", "credit_assessment", id, None::<&()>, Some(&approved))?;
            let mut fields = customer.fields.clone();
            fields.credit_limit = limit;
            fields.payment_terms = terms;
            if fields != customer.fields {
                customers::update(tx, customer.id, &fields, &stamp)?;
                let after = customers::get(tx, customer.id)?;
                audit(tx, &stamp, "update", "customer", customer.id, Some(&customer), Some(&after))?;
            }
            Ok(approved)
        })
    }

    /// Every approved assessment of the customer, newest first.
    pub fn credit_assessments(&mut self, code: &str) -> Result<Vec<ApprovedAssessment>, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            Ok(credit::assessments(tx, customer.id)?)
        })
    }
}
