use huikuan_domain::DomainError;
use huikuan_store::StoreError;
use serde::Serialize;
use thiserror::Error;

/// One rejected row of an import: its line in the file and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

#[derive(Debug, Error)]
pub enum AppError {
    #[error("{field}: {source}")]
    Invalid {
        field: &'static str,
        #[source]
        source: DomainError,
    },
    #[error("{0}")]
    Rule(String),
    #[error("customer '{0}' does not exist")]
    UnknownCustomer(String),
    #[error("{kind} '{number}' does not exist")]
    UnknownDocument { kind: &'static str, number: String },
    #[error("nothing was imported: {} bad row(s)", .0.len())]
    ImportRejected(Vec<RowError>),
    #[error("cannot read {path}: {message}")]
    File { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppError {
    /// Stable code for the UI and scripts: the closed set the caller may act on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid { source, .. } => source.code(),
            Self::Rule(_) => "rule",
            Self::UnknownCustomer(_) => "unknown_customer",
            Self::UnknownDocument { .. } => "unknown_document",
            Self::ImportRejected(_) => "import_rejected",
            Self::File { .. } => "file",
            Self::Store(e) => e.code(),
        }
    }

    pub fn invalid(field: &'static str) -> impl FnOnce(DomainError) -> AppError {
        move |source| AppError::Invalid { field, source }
    }
}
