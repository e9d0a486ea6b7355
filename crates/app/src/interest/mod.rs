//! Late-payment interest: each customer's terms, the LPR table in settings, and the claim
//! (principal + interest to a date) the final notice and the evidence pack print.

mod claim;
mod terms;

pub(crate) use claim::claim_in_tx;
pub use claim::ClaimRequest;
pub use huikuan_domain::interest::{Claim, InterestSpan, InterestTerms, ItemInterest, LprRate};
