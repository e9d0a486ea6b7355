//! Huikuan's use cases: the one API that the desktop shell and `huikuan-cli` both call.
//! Each use case is a method on [`Books`] in a file of its own; each write is one
//! transaction that also writes its audit record.

pub mod bindings;
mod books;
mod clock;
pub mod copy_books;
mod error;
mod files;
mod messages;
mod owed;
#[doc(hidden)]
pub use owed::{reading, Reading};
mod read_typed;
mod views;

pub mod backups;
pub mod bank;
pub mod collections;
pub mod company;
pub mod credit;
pub mod customers;
pub mod demo;
pub mod documents;
pub mod evidence;
pub mod forms;
pub mod generate;
pub mod import;
pub mod interest;
pub mod invoices;
pub mod ledger;
pub mod letters;
pub mod readers;
pub mod reports;
pub mod shared_books;
pub mod sheets;
pub mod statements;
pub mod workspace;
mod workspace_shared;

pub use books::Books;
pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{AppError, CreditRefusal, Refusal, RowError};
pub use huikuan_store::tables::company::Company;
pub use huikuan_store::tables::contacts::{Contact, ContactFields};
pub use huikuan_store::tables::customers::{BusinessFacts, Customer, CustomerFields};
pub use huikuan_store::tables::deliveries::{DeliveryLine, DeliveryNote};
pub use huikuan_store::tables::entries::Entry;
pub use messages::{ErrorView, FieldMessage};
pub use views::BucketAmounts;
