use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("customer code '{0}' is already taken")]
    CustomerCodeTaken(String),
    #[error("{kind} number '{number}' already exists")]
    NumberTaken { kind: String, number: String },
    #[error("{what} was not found")]
    NotFound { what: String },
    #[error("the books refuse this change: {0}")]
    AppendOnly(String),
    #[error("{path} is not a Huikuan book (it is not a SQLite database, or it is damaged)")]
    NotADatabase { path: String },
    #[error("{path} is a SQLite database of another program, not a Huikuan book")]
    ForeignDatabase { path: String },
    #[error("this book was written by a newer Huikuan (schema version {found}; this program knows up to {supported}); update Huikuan to open it")]
    NewerSchema { found: i64, supported: i64 },
    #[error("stored value is damaged: {0}")]
    Corrupt(String),
    #[error("could not back up the book to {path}: {source}")]
    Backup {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::CustomerCodeTaken(_) => "customer_code_taken",
            Self::NumberTaken { .. } => "number_taken",
            Self::NotFound { .. } => "not_found",
            Self::AppendOnly(_) => "append_only",
            Self::NotADatabase { .. } => "not_a_database",
            Self::ForeignDatabase { .. } => "foreign_database",
            Self::NewerSchema { .. } => "newer_schema",
            Self::Corrupt(_) => "corrupt",
            Self::Backup { .. } => "backup_failed",
            Self::Sqlite(_) => "database",
            Self::Io(_) => "io",
        }
    }

    /// Maps SQLite's refusals to what they mean in the books: a trigger's append-only
    /// refusal, or a UNIQUE violation when the caller knows which key it was.
    pub(crate) fn from_sqlite(error: rusqlite::Error) -> StoreError {
        if let rusqlite::Error::SqliteFailure(_, Some(message)) = &error {
            if let Some(rest) = message.strip_prefix("append_only: ") {
                return StoreError::AppendOnly(rest.to_string());
            }
        }
        StoreError::Sqlite(error)
    }
}

pub(crate) fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _)
        if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

pub(crate) fn not_found(what: impl Into<String>) -> StoreError {
    StoreError::NotFound { what: what.into() }
}
