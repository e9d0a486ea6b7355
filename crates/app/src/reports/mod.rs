//! Reading the books: aging (summary, detail, by salesperson), collection performance,
//! the provision for doubtful debts, write-offs, the customer ledger and the dashboard;
//! each as a sheet to export.

mod aging_detail;
mod aging_report;
mod collection_performance;
mod customer_ledger;
mod dashboard;
mod limitation;
mod provision;
mod report_sheets;
mod write_offs;

pub use aging_detail::{AgingBySalesperson, AgingDetail, AgingItem, SalespersonAging};
pub use aging_report::{AgingCustomer, AgingReport, AgingTotals};
pub use collection_performance::{CollectionPerformance, MonthPerformance, DSO_DAYS};
pub use customer_ledger::{CustomerLedger, LedgerLine, LedgerPage};
pub use dashboard::{BucketFigure, Dashboard, Debtor};
pub use limitation::{LimitationReport, LimitationRow};
pub use provision::{default_rates, ProvisionLine, ProvisionRate, ProvisionReport};
pub use report_sheets::ReportRequest;
pub use write_offs::{WriteOffLine, WriteOffReport};
