//! What the user typed, as the desktop app sends it: amounts, quantities and dates as the
//! text in the field. Parsing happens here, in the backend, so each mistake comes back as
//! an error naming its field, and nothing is written until every field is right.

mod check;
mod customer_form;
mod delivery_form;
mod payment_form;

pub(crate) use check::{field_messages, fields_summary, Check};
pub use customer_form::{ContactForm, CustomerForm};
pub use delivery_form::{DeliveryForm, DeliveryPreview, LineForm, LinePreview};
pub use payment_form::{AllocationForm, PaymentForm, PaymentPreview};

use chrono::NaiveDate;
use huikuan_domain::{parse_amount_typed, parse_date_typed, DomainError, Money};

use crate::error::AppError;
use crate::messages::domain_zh;

pub(crate) fn amount(field: &'static str, text: &str) -> Result<Money, AppError> {
    if text.trim().is_empty() {
        return Err(AppError::Invalid { field, source: DomainError::Empty("the amount") });
    }
    parse_amount_typed(text).map_err(AppError::invalid(field))
}

/// A date as typed: `2026/12/1`, `12月1日` (this year, from `today`), `2026-12-01`.
pub(crate) fn date(field: &'static str, text: &str, today: NaiveDate) -> Result<NaiveDate, AppError> {
    if text.trim().is_empty() {
        return Err(AppError::Invalid { field, source: DomainError::Empty("date") });
    }
    parse_date_typed(text, today).map_err(AppError::invalid(field))
}

pub(crate) fn optional_date(field: &'static str, text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, AppError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    date(field, text, today).map(Some)
}

impl AppError {
    /// The same refusal, blamed on a field of a repeated part of a form (`lines.2.quantity`).
    pub(crate) fn at_field(self, field: String) -> AppError {
        match self {
            AppError::Invalid { source, .. } => AppError::rule(Some(field), source.to_string(), domain_zh(&source)),
            AppError::Rule(mut refusal) => {
                refusal.field = Some(field);
                AppError::Rule(refusal)
            }
            other => other,
        }
    }
}
