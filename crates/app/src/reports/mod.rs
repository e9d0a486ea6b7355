//! Reading the books: aging and the customer ledger.

mod aging_report;
mod customer_ledger;

pub use aging_report::{AgingCustomer, AgingReport, AgingTotals};
pub use customer_ledger::{CustomerLedger, LedgerLine};
