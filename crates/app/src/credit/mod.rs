//! Credit: the policy, the customer's computed payment behaviour, assessments the owner
//! approves, and the check every delivery on credit passes.

mod approve_assessment;
mod check;
mod customer_credit;
mod due_reviews;
mod policy;

pub use approve_assessment::{AssessmentForm, AssessmentPreview};
pub use check::CreditCheck;
pub use customer_credit::CustomerCredit;
pub use due_reviews::DueReview;
pub use huikuan_store::tables::credit::{ApprovedAssessment, CreditOverride};

pub(crate) use check::{check_account, check_in_tx, clear, overridable, record_override};
pub(crate) use due_reviews::due_reviews;
pub(crate) use policy::policy_in;
