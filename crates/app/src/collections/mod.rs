//! The collections workspace: today's worklist, the contact log with the playbook, the
//! customer's payment stage, promises to pay and repayment plans that check themselves
//! against the payments, and the cash forecast.

mod customer_collection;
mod forecast;
pub(crate) mod keeping;
mod log_contact;
mod plans;
mod playbook;
mod worklist;

pub use customer_collection::CustomerCollection;
pub use forecast::{CheckedWeek, Forecast, ForecastCheck, ForecastWeek};
pub use keeping::{InstalmentView, PlanView, PromiseView};
pub use log_contact::{ContactLogForm, PromiseForm};
pub use plans::{InstalmentForm, PlanForm};
pub use playbook::{default_playbook, PlaybookEntry};
pub use worklist::{WorkItem, WorkReason};

pub(crate) use keeping::{behaviour_with_promises, standing};
