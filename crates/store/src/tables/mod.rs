//! One module per table. Functions take a `&Connection` so they run inside whichever
//! transaction the caller opened (a `Transaction` derefs to one).

pub mod allocations;
pub mod attachment_files;
pub mod attachments;
pub mod audit;
pub mod bank;
pub mod collection;
pub mod company;
pub mod contacts;
pub mod credit;
pub mod customers;
pub mod deliveries;
pub mod documents;
pub mod entries;
pub mod interest;
pub mod invoices;
pub mod letters;
pub mod maintained;
pub mod sendings;
pub mod sequences;
pub mod settings;
pub mod statements;

mod columns;

/// When and by whom a row was written.
#[derive(Debug, Clone)]
pub struct Stamp {
    /// UTC, RFC 3339.
    pub at: String,
    pub operator: String,
}
