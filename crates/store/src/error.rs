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
        source: Box<StoreError>,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("database server error: {}", .0.as_db_error().map_or_else(|| .0.to_string(), |db| db.message().to_string()))]
    Postgres(postgres::Error),
    /// The server cannot be reached (down, restarting, no network): said plainly, and the
    /// app can try again when it is back.
    #[error("the database server at {server} cannot be reached: {why}")]
    ServerGone { server: String, why: String },
    #[error("the address of the shared books is not right: {0}")]
    BadLocator(String),
    #[error("the database {database} holds tables of another program; Huikuan uses an empty database of its own")]
    ForeignServerDatabase { database: String },
    #[error("the books copied into must be empty: this one already holds customers, entries or other records")]
    NotEmpty,
    #[error("the books are busy: another seat has held them for too long; try again")]
    Busy,
    /// A query that must find a row found none (`optional()` turns this into `None`).
    #[error("no row was found")]
    NoRow,
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
            Self::Sqlite(_) | Self::Postgres(_) => "database",
            Self::ServerGone { .. } => "server_gone",
            Self::BadLocator(_) => "bad_locator",
            Self::ForeignServerDatabase { .. } => "foreign_database",
            Self::Busy => "busy",
            Self::NotEmpty => "not_empty",
            Self::NoRow => "not_found",
            Self::Io(_) => "io",
        }
    }

    /// A lost server named as the user knows it (the driver's error does not say which).
    pub(crate) fn at_server(self, shown: &str) -> StoreError {
        match self {
            StoreError::ServerGone { why, .. } => StoreError::ServerGone { server: shown.to_string(), why },
            other => other,
        }
    }

    /// Maps SQLite's refusals to what they mean in the books: a trigger's append-only
    /// refusal, or a UNIQUE violation when the caller knows which key it was.
    fn from_sqlite(error: rusqlite::Error) -> StoreError {
        if let rusqlite::Error::QueryReturnedNoRows = error {
            return StoreError::NoRow;
        }
        if let rusqlite::Error::SqliteFailure(_, Some(message)) = &error {
            if let Some(rest) = message.strip_prefix("append_only: ") {
                return StoreError::AppendOnly(rest.to_string());
            }
        }
        StoreError::Sqlite(error)
    }

    /// The same for PostgreSQL: a trigger's append-only refusal by its message; a lost
    /// connection as the server gone.
    fn from_postgres(error: postgres::Error) -> StoreError {
        if let Some(db) = error.as_db_error() {
            if let Some(rest) = db.message().strip_prefix("append_only: ") {
                return StoreError::AppendOnly(rest.to_string());
            }
            if db.code() == &postgres::error::SqlState::LOCK_NOT_AVAILABLE {
                return StoreError::Busy;
            }
        }
        // A statement the server refused is not a lost server; an I/O failure, a closed
        // connection, or the server shutting down or starting up is.
        let going = error.as_db_error().is_some_and(|db| {
            let code = db.code().code();
            code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03" | "57P05")
        });
        if going || error.as_db_error().is_none() && is_connection_error(&error) {
            let why = error.as_db_error().map_or_else(|| error.to_string(), |db| db.message().to_string());
            return StoreError::ServerGone { server: String::new(), why };
        }
        StoreError::Postgres(error)
    }
}

fn is_connection_error(error: &postgres::Error) -> bool {
    use std::error::Error;
    let mut source = error.source();
    while let Some(e) = source {
        if e.downcast_ref::<std::io::Error>().is_some() {
            return true;
        }
        source = e.source();
    }
    error.is_closed()
}

/// A UNIQUE violation, on either engine.
pub(crate) fn is_unique_violation(error: &StoreError) -> bool {
    match error {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
            e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
        }
        StoreError::Postgres(e) => e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION),
        _ => false,
    }
}

pub(crate) fn not_found(what: impl Into<String>) -> StoreError {
    StoreError::NotFound { what: what.into() }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(error)
    }
}

impl From<postgres::Error> for StoreError {
    fn from(error: postgres::Error) -> StoreError {
        StoreError::from_postgres(error)
    }
}
