//! Which paper a number names. Papers are found by what the books hold under that number,
//! never by how the number looks: an imported delivery note keeps whatever number the old
//! system gave it (`ZC-001`, `No.0012345`, even `ST-2026-000001`).

use huikuan_domain::PaperKind;
use huikuan_store::tables::documents;
use huikuan_store::Transaction;

use crate::error::AppError;

/// A number no paper has; named by its kind when the caller said which kind it wanted.
pub(crate) fn unknown(kind: Option<PaperKind>, number: &str) -> AppError {
    AppError::UnknownDocument { kind: kind.map_or("document", PaperKind::en), number: number.trim().to_string() }
}

/// The kind of the one paper numbered `number`. With `kind` given, that paper (refused if
/// there is none of that kind); without, the only paper with the number, and a number two
/// papers share is refused rather than guessed.
pub(crate) fn kind_of_paper(tx: &Transaction, number: &str, kind: Option<PaperKind>) -> Result<PaperKind, AppError> {
    let number = number.trim();
    let kinds = documents::kinds_of_number(tx, number)?
        .iter()
        .map(|k| k.parse::<PaperKind>().map_err(AppError::invalid("kind")))
        .collect::<Result<Vec<_>, _>>()?;
    match (kind, kinds.as_slice()) {
        (Some(wanted), _) if kinds.contains(&wanted) => Ok(wanted),
        (Some(wanted), _) => Err(unknown(Some(wanted), number)),
        (None, []) => Err(unknown(None, number)),
        (None, [only]) => Ok(*only),
        (None, _) => Err(AppError::AmbiguousDocument { number: number.to_string(), kinds }),
    }
}

pub(crate) fn kinds_en(kinds: &[PaperKind]) -> String {
    kinds.iter().map(|k| k.en()).collect::<Vec<_>>().join(", ")
}

pub(crate) fn kinds_zh(kinds: &[PaperKind]) -> String {
    kinds.iter().map(|k| k.zh()).collect::<Vec<_>>().join("、")
}
