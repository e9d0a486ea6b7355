//! VAT invoices (发票) recorded beside the ledger: each covers receivables, whole or in part;
//! a red-letter invoice reverses an earlier one; when and how each reached the customer is
//! kept. The report says what is delivered but not invoiced and invoiced but not paid.

mod add;
mod import;
mod list;
mod report;
mod scans;
mod terms;

pub(crate) use terms::keep_terms;

pub use add::{CoverForm, InvoiceForm, InvoicePreview, ReachForm, RoomLine};
pub use import::{InvoiceImport, ReviewRow};
pub use list::{CoverView, InvoiceView, ReachedView, ScanView};
pub use report::{InvoicingReport, InvoicingRow};
