//! Credit (授信): the assessment scorecard, the policy it follows, and the check every
//! delivery on credit passes.

mod check;
mod grade;
mod history;
mod policy;
mod scorecard;

pub use check::{check_delivery, is_on_credit, CreditBlock, DeliveryExposure, OverdueItem};
pub use grade::Grade;
pub use history::payment_history_score;
pub use policy::{CreditPolicy, FactorWeight, GradeRule};
pub use scorecard::{assess, review_date, Assessment, Factor, FactorScore, Reason, Scorecard, Signal};
