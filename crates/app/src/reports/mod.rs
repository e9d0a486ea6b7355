//! Reading the books: aging, the customer ledger and the dashboard.

mod aging_report;
mod customer_ledger;
mod dashboard;
mod limitation;

pub use aging_report::{AgingCustomer, AgingReport, AgingTotals};
pub use customer_ledger::{CustomerLedger, LedgerLine, LedgerPage};
pub use dashboard::{BucketFigure, Dashboard, Debtor};
pub use limitation::{LimitationReport, LimitationRow};
