use huikuan_domain::DomainError;
use huikuan_store::StoreError;
use serde::Serialize;
use thiserror::Error;
use ts_rs::TS;

/// One rejected row of an import: its line in the file and why, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowError {
    pub line: u64,
    /// In English: what the CLI prints and scripts read.
    pub reason: String,
    pub reason_zh: String,
}

impl RowError {
    pub fn new(line: u64, en: impl Into<String>, zh: impl Into<String>) -> RowError {
        RowError { line, reason: en.into(), reason_zh: zh.into() }
    }

    pub fn reason_in(&self, language: huikuan_domain::DocLanguage) -> &str {
        match language {
            huikuan_domain::DocLanguage::En => &self.reason,
            huikuan_domain::DocLanguage::Zh => &self.reason_zh,
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Why a rule refused the input, in both of the app's languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: Option<String>,
    pub en: String,
    pub zh: String,
}

impl Refusal {
    /// What to say in `language`.
    pub fn said_in(&self, language: huikuan_domain::DocLanguage) -> &str {
        match language {
            huikuan_domain::DocLanguage::En => &self.en,
            huikuan_domain::DocLanguage::Zh => &self.zh,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// For callers whose refusals are only ever shown in English (the CLI's argument syntax).
impl From<String> for Refusal {
    fn from(en: String) -> Refusal {
        Refusal { field: None, zh: en.clone(), en }
    }
}

impl From<&str> for Refusal {
    fn from(en: &str) -> Refusal {
        Refusal::from(en.to_string())
    }
}

/// A delivery on credit the credit check refused, with every reason and its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditRefusal {
    pub customer: String,
    pub blocks: Vec<huikuan_domain::credit::CreditBlock>,
}

impl std::fmt::Display for CreditRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let reasons: Vec<String> = self.blocks.iter().map(|b| b.en()).collect();
        write!(
            f,
            "delivery on credit to {} is blocked: {}. To issue it anyway, give a written reason for the override",
            self.customer,
            reasons.join("; ")
        )
    }
}

impl CreditRefusal {
    pub fn zh(&self) -> String {
        let reasons: Vec<String> = self.blocks.iter().map(|b| b.zh()).collect();
        format!("{} 的赊销被拦截：{}。如仍要开单，请写明放行原因", self.customer, reasons.join("；"))
    }
}

#[derive(Debug, Error)]
pub enum AppError {
    #[error("{}: {source}", crate::messages::field_en(field))]
    Invalid {
        field: &'static str,
        #[source]
        source: DomainError,
    },
    #[error("{0}")]
    Rule(Refusal),
    /// Every field of a form that was refused, all at once.
    #[error("{}", crate::forms::fields_summary(.0, huikuan_domain::DocLanguage::En))]
    Fields(Vec<Refusal>),
    /// A letter above the level the escalation rules allow, sent without a written reason.
    #[error("{0}")]
    LevelSkipped(Refusal),
    /// A letter sooner after the customer's last than the policy's least gap, sent without
    /// a written reason.
    #[error("{0}")]
    LetterTooSoon(Refusal),
    /// A letter dated before the day it is issued, without the owner's reason for the back date.
    #[error("{0}")]
    LetterBackDated(Refusal),
    #[error("{0}")]
    CreditBlocked(CreditRefusal),
    #[error("customer '{0}' does not exist")]
    UnknownCustomer(String),
    #[error("{kind} '{number}' does not exist")]
    UnknownDocument { kind: &'static str, number: String },
    /// An imported note kept a number another paper also has: which one is meant must be said.
    #[error("'{number}' is the number of more than one paper ({}): say which kind is meant", crate::documents::kinds_en(.kinds))]
    AmbiguousDocument { number: String, kinds: Vec<huikuan_domain::PaperKind> },
    #[error("nothing was imported: {} bad row(s)", .0.len())]
    ImportRejected(Vec<RowError>),
    /// A statement file no preset reads: the user may choose its columns.
    #[error("{}", .0.reason)]
    NotAStatement(RowError),
    #[error("cannot read {path}: {message}")]
    File { path: String, message: String },
    #[error("no books are open yet: open the demo company or start empty books")]
    NoBooks,
    #[error("books already exist at {0}")]
    BooksExist(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Document(#[from] huikuan_docs::DocError),
    #[error("a stored document no longer matches its record: {0}")]
    Altered(String),
}

impl AppError {
    /// Stable code for the UI and scripts: the closed set the caller may act on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid { source, .. } => source.code(),
            Self::Rule(_) => "rule",
            Self::Fields(_) => "invalid_fields",
            Self::LevelSkipped(_) => "letter_level_skipped",
            Self::LetterTooSoon(_) => "letter_too_soon",
            Self::LetterBackDated(_) => "letter_back_dated",
            Self::CreditBlocked(_) => "credit_blocked",
            Self::UnknownCustomer(_) => "unknown_customer",
            Self::UnknownDocument { .. } => "unknown_document",
            Self::AmbiguousDocument { .. } => "ambiguous_document",
            Self::ImportRejected(_) => "import_rejected",
            Self::NotAStatement(_) => "not_a_statement",
            Self::File { .. } => "file",
            Self::NoBooks => "no_books",
            Self::BooksExist(_) => "books_exist",
            Self::Store(e) => e.code(),
            Self::Document(huikuan_docs::DocError::MissingGlyph { .. }) => "missing_glyph",
            Self::Document(_) => "document",
            Self::Altered(_) => "document_altered",
        }
    }

    /// A rule of the books refused the input; said in both languages, and about `field`
    /// when one field is to blame (`lines.2.quantity` for the second line's quantity).
    pub fn rule(field: Option<String>, en: impl Into<String>, zh: impl Into<String>) -> AppError {
        AppError::Rule(Refusal { field, en: en.into(), zh: zh.into() })
    }

    pub fn invalid(field: &'static str) -> impl FnOnce(DomainError) -> AppError {
        move |source| AppError::Invalid { field, source }
    }
}
