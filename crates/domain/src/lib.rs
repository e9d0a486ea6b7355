//! Huikuan's pure rules: money, dates, payment terms, document numbers, customers,
//! and the settlement and aging of a customer's account. No I/O and no clock reads:
//! every "today" is a parameter, so every rule is exactly testable.

pub mod aging;
pub mod bank;
pub mod behaviour;
pub mod calendar;
pub mod capitals;
mod choice;
pub mod collection;
pub mod credit;
pub mod customer;
pub mod dunning;
pub mod error;
pub mod forecast;
pub mod interest;
pub mod invoice;
pub mod ledger;
pub mod letter_template;
pub mod limitation;
pub mod line;
pub mod money;
pub mod numbering;
pub mod paper;
pub mod performance;
pub mod profile;
pub mod settlement;
pub mod statement;
pub mod terms;
pub mod typed;

pub use aging::{AgingBasis, AgingRow, BucketScheme};
pub use customer::{ContactRole, CustomerKind, CustomerStatus, DocLanguage, Importance};
pub use error::DomainError;
pub use ledger::{
    Account, Credit, CreditKind, EntryKind, ExplicitAllocation, PaymentMethod, Receivable, ReceivableKind, Side,
};
pub use money::Money;
pub use numbering::DocType;
pub use paper::{PaperKind, SendChannel, SignMethod};
pub use profile::{BusinessScale, CollectionDays, Premises};
pub use settlement::{settle, Settlement, Settler};
pub use statement::Period;
pub use terms::PaymentTerms;
pub use typed::{parse_amount_typed, parse_date_typed, parse_terms_typed, parse_year_typed};
