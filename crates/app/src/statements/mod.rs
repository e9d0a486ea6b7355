//! Month-end statements (对账单): composed from the ledger, issued one by one or for every
//! customer in one run, and answered by the customer with a confirmation or a dispute.

mod answer;
mod compose;
mod issue_statement;
mod month_end;
mod views;

pub use answer::DisputeForm;
pub use month_end::{
    IssuedStatement, MonthEndCandidate, MonthEndCounts, MonthEndOverview, MonthEndProgress, MonthEndSummary,
};
pub use views::{StatementStatus, StatementSummary, StatementView};
