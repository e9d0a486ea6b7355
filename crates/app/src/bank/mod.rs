//! Statements from the bank, WeChat Pay and Alipay: imported line by line (never the same line
//! twice), each open line shown with what it most likely pays, and recorded as a payment only
//! when the user accepts it.

mod columns;
mod decide;
mod import_statement;
mod statement_file;
mod suggestions;

pub use columns::{SheetRow, StatementColumns, StatementSheet};
pub use import_statement::StatementImport;
pub use statement_file::{read_statement_file, SourceInfo};
pub use suggestions::{AllocationView, BankLineView, SuggestionView};
