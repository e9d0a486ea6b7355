//! Finding a paper by its number, its exact bytes, and a customer's papers with their status.

use chrono::NaiveDate;
use huikuan_domain::{Money, PaperKind, SignMethod};
use huikuan_store::tables::documents::{self, PaperRow, StoredDocument, StoredSignature};
use huikuan_store::tables::{attachments, customers, deliveries, letters, statements, Stamp};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::find_paper::{kind_of_paper, unknown};
use super::freeze_delivery_note;
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

/// Where a paper stands: issued, or signed (on the pad, or on paper scanned back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperStatus {
    Issued,
    SignedPad,
    SignedScan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SignatureView {
    pub method: SignMethod,
    pub signer: String,
    pub signer_role: String,
    /// UTC, RFC 3339.
    pub signed_at: String,
    /// The SHA-256 of the issued PDF that was signed.
    pub signs_sha256: String,
    /// The signed PDF's SHA-256 and size.
    pub sha256: String,
    pub size_bytes: i64,
    pub scan_file_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PaperView {
    pub kind: PaperKind,
    pub number: String,
    pub customer_code: String,
    pub customer_name: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub status: PaperStatus,
    /// None until first printed: notes entered from history are frozen when first needed.
    pub sha256: Option<String>,
    pub size_bytes: Option<i64>,
    pub signature: Option<SignatureView>,
}

/// A customer's papers for the documents tab, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CustomerPapers {
    pub papers: Vec<PaperView>,
    /// How many there are in all; the list holds the newest [`PAPERS_LISTED`].
    pub total: u64,
}

pub const PAPERS_LISTED: u32 = 500;

fn status(method: Option<&str>) -> PaperStatus {
    match method {
        Some("pad") => PaperStatus::SignedPad,
        Some("scan") => PaperStatus::SignedScan,
        _ => PaperStatus::Issued,
    }
}

/// The frozen document with this number (of `kind`, when the caller knows it). A delivery
/// note issued before notes were frozen at issue (entered from history or imported) is
/// printed and frozen now, once.
pub(crate) fn frozen(
    tx: &Transaction,
    stamp: &Stamp,
    number: &str,
    kind: Option<PaperKind>,
) -> Result<StoredDocument, AppError> {
    let number = number.trim();
    let kind = kind_of_paper(tx, number, kind)?;
    if let Some(stored) = documents::find(tx, kind.as_str(), number)? {
        return Ok(stored);
    }
    if kind == PaperKind::DeliveryNote {
        if let Some(note) = deliveries::by_number(tx, number)?.filter(|n| n.status == "issued") {
            return freeze_delivery_note(tx, stamp, &note);
        }
    }
    Err(unknown(Some(kind), number))
}

pub(crate) fn signature_view(tx: &Transaction, s: StoredSignature) -> Result<SignatureView, AppError> {
    let scan_file_name = match s.scan_attachment_id {
        Some(id) => attachments::get(tx, id)?.map(|a| a.fields.file_name),
        None => None,
    };
    Ok(SignatureView {
        method: s.method.parse().map_err(AppError::invalid("method"))?,
        signer: s.signer,
        signer_role: s.signer_role,
        signed_at: s.signed_at,
        signs_sha256: s.signs_sha256,
        sha256: s.sha256,
        size_bytes: s.size_bytes,
        scan_file_name,
    })
}

fn amount_of(tx: &Transaction, doc: &StoredDocument) -> Result<Money, AppError> {
    Ok(match doc.kind.as_str() {
        "delivery_note" => deliveries::by_number(tx, &doc.number)?.map_or(Money::ZERO, |n| n.total),
        "statement" => statements::by_number(tx, &doc.number)?.map_or(Money::ZERO, |s| s.closing),
        "letter" => letters::by_number(tx, &doc.number)?.map_or(Money::ZERO, |l| l.total),
        _ => Money::ZERO,
    })
}

pub(crate) fn view(tx: &Transaction, doc: StoredDocument) -> Result<PaperView, AppError> {
    let customer = customers::get(tx, doc.customer_id)?;
    let signature = documents::signature_of(tx, doc.id)?.map(|s| signature_view(tx, s)).transpose()?;
    Ok(PaperView {
        kind: doc.kind.parse().map_err(AppError::invalid("kind"))?,
        amount: amount_of(tx, &doc)?,
        status: status(signature.as_ref().map(|s| s.method.as_str())),
        number: doc.number,
        customer_code: customer.fields.code,
        customer_name: customer.fields.name,
        date: doc.doc_date,
        sha256: Some(doc.sha256),
        size_bytes: Some(doc.size_bytes),
        signature,
    })
}

fn listed(row: PaperRow, code: &str, name: &str) -> Result<PaperView, AppError> {
    Ok(PaperView {
        kind: row.kind.parse().map_err(AppError::invalid("kind"))?,
        number: row.number,
        customer_code: code.to_string(),
        customer_name: name.to_string(),
        date: row.doc_date,
        amount: row.amount,
        status: status(row.sign_method.as_deref()),
        sha256: row.sha256,
        size_bytes: None,
        signature: None,
    })
}

impl Books {
    /// The paper with this number, printing and freezing it first if it never was.
    pub fn paper(&mut self, number: &str) -> Result<PaperView, AppError> {
        self.paper_of_kind(number, None)
    }

    /// The paper of `kind` with this number: how a number two papers share is told apart.
    pub fn paper_of_kind(&mut self, number: &str, kind: Option<PaperKind>) -> Result<PaperView, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| {
            let doc = frozen(tx, &stamp, number, kind)?;
            view(tx, doc)
        })
    }

    /// The exact bytes of the issued PDF, or of the signed one.
    pub fn paper_pdf(&mut self, number: &str, signed: bool) -> Result<Vec<u8>, AppError> {
        self.paper_pdf_of_kind(number, None, signed)
    }

    /// As [`Books::paper_pdf`], of the paper of `kind` when the caller knows it.
    pub fn paper_pdf_of_kind(
        &mut self,
        number: &str,
        kind: Option<PaperKind>,
        signed: bool,
    ) -> Result<Vec<u8>, AppError> {
        let stamp = self.stamp();
        self.store.write(|tx| {
            let doc = frozen(tx, &stamp, number, kind)?;
            if !signed {
                return Ok(documents::pdf(tx, doc.id)?);
            }
            let signature = documents::signature_of(tx, doc.id)?.ok_or_else(|| {
                AppError::rule(None, format!("{} is not signed yet", doc.number), format!("{} 尚未签字", doc.number))
            })?;
            Ok(documents::signed_pdf(tx, signature.id)?)
        })
    }

    /// The customer's papers, newest first.
    pub fn customer_papers(&mut self, code: &str) -> Result<CustomerPapers, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let (rows, total) = documents::papers_of(tx, customer.id, PAPERS_LISTED)?;
            let papers = rows
                .into_iter()
                .map(|row| listed(row, &customer.fields.code, &customer.fields.name))
                .collect::<Result<_, _>>()?;
            Ok(CustomerPapers { papers, total })
        })
    }
}
