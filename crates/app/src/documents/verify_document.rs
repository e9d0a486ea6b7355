//! Proving a paper unchanged: every stored PDF (and the scan of a signed paper) hashed
//! again and compared with the hash recorded when it was issued or signed.

use huikuan_domain::PaperKind;
use huikuan_store::tables::attachments;
use huikuan_store::tables::documents::{self, StoredDocument};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::find_paper::kind_of_paper;
use crate::customers::sha256_hex;
use crate::error::AppError;
use crate::files::Files;
use crate::Books;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Check {
    /// issued_pdf, signed_pdf, signed_original or scan.
    pub what: String,
    pub recorded: String,
    pub actual: String,
    pub ok: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Verification {
    pub number: String,
    pub kind: PaperKind,
    pub checks: Vec<Check>,
    pub ok: bool,
}

fn check(what: &str, recorded: &str, actual: String) -> Check {
    Check { what: what.into(), ok: recorded == actual, recorded: recorded.into(), actual }
}

fn verify(tx: &Transaction, doc: &StoredDocument, files: &Files) -> Result<Verification, AppError> {
    let mut checks = vec![check("issued_pdf", &doc.sha256, sha256_hex(&documents::pdf(tx, doc.id)?))];
    if let Some(signature) = documents::signature_of(tx, doc.id)? {
        checks.push(check("signed_pdf", &signature.sha256, sha256_hex(&documents::signed_pdf(tx, signature.id)?)));
        // The signature must be on the document as issued, not on some other version of it.
        checks.push(check("signed_original", &signature.signs_sha256, doc.sha256.clone()));
        if let Some(id) = signature.scan_attachment_id {
            let recorded = attachments::get(tx, id)?.map(|a| a.fields.sha256).unwrap_or_default();
            let actual = match recorded.len() {
                64 => files.read(tx, &recorded).map(|bytes| sha256_hex(&bytes)).unwrap_or_else(|why| why),
                _ => "no file".to_string(),
            };
            checks.push(check("scan", &recorded, actual));
        }
    }
    Ok(Verification {
        number: doc.number.clone(),
        kind: doc.kind.parse().map_err(AppError::invalid("kind"))?,
        ok: checks.iter().all(|c| c.ok),
        checks,
    })
}

impl Books {
    /// Hashes the stored PDFs of one paper again and compares them with the record.
    pub fn verify_paper(&mut self, number: &str) -> Result<Verification, AppError> {
        self.verify_paper_of_kind(number, None)
    }

    /// As [`Books::verify_paper`], of the paper of `kind` when the caller knows it. A note
    /// from history that was never printed has nothing to verify yet.
    pub fn verify_paper_of_kind(&mut self, number: &str, kind: Option<PaperKind>) -> Result<Verification, AppError> {
        let files = self.files.clone();
        self.store.read(|tx| {
            let kind = kind_of_paper(tx, number, kind)?;
            let Some(doc) = documents::find(tx, kind.as_str(), number)? else {
                // Only a note from history is without its PDF: it is printed when first needed.
                return Err(AppError::rule(
                    None,
                    format!("{} {} was never printed: there is no issued PDF to verify yet", kind.en(), number.trim()),
                    format!("{}{}尚未打印，还没有可核验的已开具 PDF", kind.zh(), number.trim()),
                ));
            };
            verify(tx, &doc, &files)
        })
    }

    /// Every stored paper, verified.
    pub fn verify_all_papers(&mut self) -> Result<Vec<Verification>, AppError> {
        let files = self.files.clone();
        self.store.read(|tx| {
            documents::all_ids(tx)?.into_iter().map(|id| verify(tx, &documents::get(tx, id)?, &files)).collect()
        })
    }
}
