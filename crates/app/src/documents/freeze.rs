//! Freezing a rendered document: the exact bytes and their SHA-256 are kept for good.

use chrono::NaiveDate;
use huikuan_docs::{Paper, Rendered};
use huikuan_domain::PaperKind;
use huikuan_store::tables::documents::{self, NewDocument, StoredDocument};
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;

use crate::books::audit;
use crate::customers::sha256_hex;
use crate::error::AppError;
use crate::Customer;

pub(crate) fn paper_name(paper: Paper) -> &'static str {
    paper.name()
}

pub(crate) fn paper_of(name: &str) -> Paper {
    Paper::from_name(name)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn freeze(
    tx: &Transaction,
    stamp: &Stamp,
    kind: PaperKind,
    number: &str,
    customer: &Customer,
    date: NaiveDate,
    paper: Paper,
    rendered: &Rendered,
) -> Result<StoredDocument, AppError> {
    let sha256 = sha256_hex(&rendered.pdf);
    let slot = serde_json::to_string(&rendered.slot).expect("a slot serializes");
    let id = documents::insert(
        tx,
        &NewDocument {
            kind: kind.as_str(),
            number,
            customer_id: customer.id,
            doc_date: date,
            language: customer.fields.doc_language,
            paper: paper_name(paper),
            signature_slot: &slot,
            pdf: &rendered.pdf,
            sha256: &sha256,
        },
        stamp,
    )?;
    let stored = documents::get(tx, id)?;
    audit(tx, stamp, "issue", "document", id, None::<&()>, Some(&stored))?;
    Ok(stored)
}
