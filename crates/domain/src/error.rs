use thiserror::Error;

/// A rule of the books was broken by the input. Every variant has a stable `code()`
/// so that the UI and the CLI can translate and act on it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("'{0}' is not an amount (expected at most 2 decimals, e.g. 1234.50, ¥1,234.50 or 1.5万)")]
    MalformedAmount(String),
    #[error("'{0}' has more than 2 decimals")]
    TooManyDecimals(String),
    #[error("'{0}' is too large")]
    AmountOutOfRange(String),
    #[error("'{0}' is not a number")]
    MalformedNumber(String),
    #[error("'{0}' has more than {1} decimals")]
    TooPrecise(String, u32),
    #[error("{0} must not be negative")]
    Negative(&'static str),
    #[error("{0} must be greater than 0")]
    NotPositive(&'static str),
    #[error("'{0}' is not a date (expected a date such as 2026-05-01)")]
    MalformedDate(String),
    #[error(
        "'{0}' could be read two ways (day and month): type the year first, e.g. 2026-05-01 or 2026/5/1, or 5月1日"
    )]
    AmbiguousDate(String),
    #[error("'{0}' is not a date that exists")]
    ImpossibleDate(String),
    #[error("'{0}' is not a payment term (expected e.g. 货到付款, 30天, 月结30天, cod, net:30 or eom:30)")]
    MalformedTerms(String),
    #[error("'{value}' is not a valid {field} (expected one of: {expected})")]
    UnknownChoice { field: &'static str, value: String, expected: String },
    #[error("{0} must not be empty")]
    Empty(&'static str),
    #[error("{field} is too long ({len} characters, at most {max})")]
    TooLong { field: &'static str, len: usize, max: usize },
    #[error("customer code '{0}' may only hold letters, digits, '-', '_' and '.'")]
    MalformedCode(String),
    #[error("the due date {due} is before the document date {date}")]
    DueBeforeDate { date: String, due: String },
    #[error("'{0}' is not a list of collection days (expected weekdays mon..sun and days 1..31, e.g. mon,25)")]
    MalformedCollectionDays(String),
    #[error("{field} must be between {min} and {max}")]
    OutOfRange { field: &'static str, min: i64, max: i64 },
    #[error("the credit policy is not valid: {0}")]
    BadPolicy(String),
    #[error("'{0}' is not a month (expected YYYY-MM)")]
    MalformedPeriod(String),
    #[error("the period ends ({to}) before it starts ({from})")]
    PeriodBackwards { from: String, to: String },
}

impl DomainError {
    /// Stable machine-readable code, shared with the UI's translations.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedAmount(_) => "malformed_amount",
            Self::TooManyDecimals(_) => "too_many_decimals",
            Self::AmountOutOfRange(_) => "amount_out_of_range",
            Self::MalformedNumber(_) => "malformed_number",
            Self::TooPrecise(..) => "too_precise",
            Self::Negative(_) => "negative",
            Self::NotPositive(_) => "not_positive",
            Self::MalformedDate(_) => "malformed_date",
            Self::AmbiguousDate(_) => "ambiguous_date",
            Self::ImpossibleDate(_) => "impossible_date",
            Self::MalformedTerms(_) => "malformed_terms",
            Self::UnknownChoice { .. } => "unknown_choice",
            Self::Empty(_) => "empty",
            Self::TooLong { .. } => "too_long",
            Self::MalformedCode(_) => "malformed_code",
            Self::DueBeforeDate { .. } => "due_before_date",
            Self::MalformedCollectionDays(_) => "malformed_collection_days",
            Self::OutOfRange { .. } => "out_of_range",
            Self::BadPolicy(_) => "bad_policy",
            Self::MalformedPeriod(_) => "malformed_period",
            Self::PeriodBackwards { .. } => "period_backwards",
        }
    }
}
