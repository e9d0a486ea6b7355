//! Customer profiles and their contacts.

pub(crate) mod attachments;
mod contacts;
mod create_customer;
mod customer_choices;
mod list_customers;
mod save_profile;
mod show_customer;
mod update_customer;
mod validate;

pub use attachments::{sha256_hex, AttachmentForm, ATTACHMENT_KINDS};
pub use customer_choices::CustomerChoice;
pub use huikuan_store::tables::attachments::{Attachment, NewAttachment};
pub use list_customers::{CustomerSummary, SEARCH_LIMIT};
pub use save_profile::ContactEdit;
pub use show_customer::CustomerDetail;

pub(crate) use attachments::{keep_file, stored_at};
pub(crate) use validate::contact_fields as check_contact;
pub(crate) use validate::customer_fields as check_customer;
