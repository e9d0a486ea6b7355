//! Issued documents (the exact PDF bytes and their SHA-256) and the signatures on them.
//! Both are append-only: a document is frozen when issued, a signature when given.

use crate::{params, OptionalExtension, Row, Transaction};
use chrono::NaiveDate;
use huikuan_domain::{DocLanguage, Money};
use serde::Serialize;
use ts_rs::TS;

use super::columns::{money, parsed};
use super::Stamp;
use crate::error::{is_unique_violation, not_found, StoreError};

/// What a stored document is, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoredDocument {
    pub id: i64,
    /// delivery_note, statement, letter or plan.
    pub kind: String,
    pub number: String,
    pub customer_id: i64,
    pub doc_date: NaiveDate,
    pub language: DocLanguage,
    pub paper: String,
    /// JSON: where the customer signs.
    #[serde(skip)]
    pub signature_slot: String,
    pub sha256: String,
    pub size_bytes: i64,
    pub created_at: String,
    pub operator: String,
}

pub struct NewDocument<'a> {
    pub kind: &'a str,
    pub number: &'a str,
    pub customer_id: i64,
    pub doc_date: NaiveDate,
    pub language: DocLanguage,
    pub paper: &'a str,
    pub signature_slot: &'a str,
    pub pdf: &'a [u8],
    pub sha256: &'a str,
}

const DOC_COLUMNS: &str =
    "id, kind, number, customer_id, doc_date, language, paper, signature_slot, sha256, size_bytes, created_at, operator";

fn document(row: &Row) -> Result<StoredDocument, StoreError> {
    Ok(StoredDocument {
        id: row.get(0)?,
        kind: row.get(1)?,
        number: row.get(2)?,
        customer_id: row.get(3)?,
        doc_date: row.get(4)?,
        language: parsed(row, 5)?,
        paper: row.get(6)?,
        signature_slot: row.get(7)?,
        sha256: row.get(8)?,
        size_bytes: row.get(9)?,
        created_at: row.get(10)?,
        operator: row.get(11)?,
    })
}

pub fn insert(conn: &Transaction, doc: &NewDocument, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO documents (kind, number, customer_id, doc_date, language, paper, signature_slot, pdf, sha256,
             size_bytes, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .insert(params![
        doc.kind,
        doc.number,
        doc.customer_id,
        doc.doc_date,
        doc.language.as_str(),
        doc.paper,
        doc.signature_slot,
        doc.pdf,
        doc.sha256,
        doc.pdf.len() as i64,
        stamp.at,
        stamp.operator
    ])
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::NumberTaken { kind: doc.kind.to_string(), number: doc.number.to_string() }
        } else {
            e
        }
    })
}

pub fn find(conn: &Transaction, kind: &str, number: &str) -> Result<Option<StoredDocument>, StoreError> {
    let sql = format!("SELECT {DOC_COLUMNS} FROM documents WHERE kind = ?1 AND number = ?2");
    conn.prepare_cached(&sql)?.query_row(params![kind, number.trim()], document).optional()
}

/// Every kind of paper that carries this number: a document kept, an issued delivery note
/// (notes from history or imported are not printed yet), a statement, letter or plan. Our
/// own numbers never meet, but an imported note keeps whatever number it came with.
pub fn kinds_of_number(conn: &Transaction, number: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind FROM documents WHERE number = ?1
         UNION SELECT 'delivery_note' FROM delivery_notes WHERE number = ?1 AND status = 'issued'
         UNION SELECT 'statement' FROM statements WHERE number = ?1
         UNION SELECT 'letter' FROM letters WHERE number = ?1
         UNION SELECT 'plan' FROM plans WHERE number = ?1
         ORDER BY 1",
    )?;
    let rows = stmt.query_map([number.trim()], |row| row.get(0))?;
    rows.collect::<Result<_, _>>()
}

pub fn get(conn: &Transaction, id: i64) -> Result<StoredDocument, StoreError> {
    let sql = format!("SELECT {DOC_COLUMNS} FROM documents WHERE id = ?1");
    conn.prepare_cached(&sql)?.query_row([id], document).optional()?.ok_or_else(|| not_found(format!("document #{id}")))
}

/// The issued PDF's bytes.
pub fn pdf(conn: &Transaction, id: i64) -> Result<Vec<u8>, StoreError> {
    conn.prepare_cached("SELECT pdf FROM documents WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| not_found(format!("document #{id}")))
}

/// A customer's documents of one kind, newest first.
pub fn for_customer(conn: &Transaction, customer_id: i64, kind: &str) -> Result<Vec<StoredDocument>, StoreError> {
    let sql = format!(
        "SELECT {DOC_COLUMNS} FROM documents WHERE customer_id = ?1 AND kind = ?2 ORDER BY doc_date DESC, number DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![customer_id, kind], document)?;
    rows.collect::<Result<_, _>>()
}

/// Every stored document, for verification.
pub fn all_ids(conn: &Transaction) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM documents ORDER BY id")?;
    let rows = stmt.query_map((), |row| row.get(0))?;
    rows.collect::<Result<_, _>>()
}

/// How a customer signed: on the pad, or on paper scanned back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoredSignature {
    pub id: i64,
    pub document_id: i64,
    /// pad or scan.
    pub method: String,
    pub signer: String,
    pub signer_role: String,
    /// UTC, RFC 3339.
    pub signed_at: String,
    /// The SHA-256 of the issued PDF this signature is on.
    pub signs_sha256: String,
    pub scan_attachment_id: Option<i64>,
    /// The signed PDF's SHA-256.
    pub sha256: String,
    pub size_bytes: i64,
    pub created_at: String,
    pub operator: String,
}

pub struct NewSignature<'a> {
    pub document_id: i64,
    pub method: &'a str,
    pub signer: &'a str,
    pub signer_role: &'a str,
    pub signed_at: &'a str,
    pub signs_sha256: &'a str,
    pub strokes: Option<&'a str>,
    pub image_png: Option<&'a [u8]>,
    pub scan_attachment_id: Option<i64>,
    pub pdf: &'a [u8],
    pub sha256: &'a str,
}

const SIG_COLUMNS: &str = "id, document_id, method, signer, signer_role, signed_at, signs_sha256, scan_attachment_id,
    sha256, size_bytes, created_at, operator";

fn signature(row: &Row) -> Result<StoredSignature, StoreError> {
    Ok(StoredSignature {
        id: row.get(0)?,
        document_id: row.get(1)?,
        method: row.get(2)?,
        signer: row.get(3)?,
        signer_role: row.get(4)?,
        signed_at: row.get(5)?,
        signs_sha256: row.get(6)?,
        scan_attachment_id: row.get(7)?,
        sha256: row.get(8)?,
        size_bytes: row.get(9)?,
        created_at: row.get(10)?,
        operator: row.get(11)?,
    })
}

pub fn insert_signature(conn: &Transaction, s: &NewSignature, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO signatures (document_id, method, signer, signer_role, signed_at, signs_sha256, strokes, image_png,
             scan_attachment_id, pdf, sha256, size_bytes, created_at, operator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .insert(params![
        s.document_id,
        s.method,
        s.signer,
        s.signer_role,
        s.signed_at,
        s.signs_sha256,
        s.strokes,
        s.image_png,
        s.scan_attachment_id,
        s.pdf,
        s.sha256,
        s.pdf.len() as i64,
        stamp.at,
        stamp.operator
    ])
}

pub fn signature_of(conn: &Transaction, document_id: i64) -> Result<Option<StoredSignature>, StoreError> {
    let sql = format!("SELECT {SIG_COLUMNS} FROM signatures WHERE document_id = ?1");
    conn.prepare_cached(&sql)?.query_row([document_id], signature).optional()
}

/// The signed PDF's bytes.
pub fn signed_pdf(conn: &Transaction, signature_id: i64) -> Result<Vec<u8>, StoreError> {
    conn.prepare_cached("SELECT pdf FROM signatures WHERE id = ?1")?
        .query_row([signature_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| not_found(format!("signature #{signature_id}")))
}

/// The drawn signature (pad only).
pub fn signature_image(conn: &Transaction, signature_id: i64) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT image_png FROM signatures WHERE id = ?1")?
        .query_row([signature_id], |row| row.get(0))
        .optional()?
        .flatten())
}

/// A paper as the customer page lists it: issued (not yet printed, for notes entered from
/// history), and how it was signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperRow {
    pub kind: String,
    pub number: String,
    pub doc_date: NaiveDate,
    pub amount: Money,
    pub document_id: Option<i64>,
    pub sha256: Option<String>,
    pub sign_method: Option<String>,
    pub signer: Option<String>,
    pub signed_at: Option<String>,
}

fn paper_row(row: &Row) -> Result<PaperRow, StoreError> {
    Ok(PaperRow {
        kind: row.get(0)?,
        number: row.get(1)?,
        doc_date: row.get(2)?,
        amount: money(row, 3)?,
        document_id: row.get(4)?,
        sha256: row.get(5)?,
        sign_method: row.get(6)?,
        signer: row.get(7)?,
        signed_at: row.get(8)?,
    })
}

/// The customer's papers, newest first, at most `limit`; and how many there are. Delivery
/// notes are listed from the notes (those from history are not printed yet); the others
/// from the documents kept. A statement's amount is its closing balance.
pub fn papers_of(conn: &Transaction, customer_id: i64, limit: u32) -> Result<(Vec<PaperRow>, u64), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT 'delivery_note', n.number, n.doc_date, n.total_cents, d.id, d.sha256, s.method, s.signer, s.signed_at
         FROM delivery_notes n
         LEFT JOIN documents d ON d.kind = 'delivery_note' AND d.number = n.number
         LEFT JOIN signatures s ON s.document_id = d.id
         WHERE n.customer_id = ?1 AND n.status = 'issued'
         UNION ALL
         SELECT d.kind, d.number, d.doc_date,
                COALESCE((SELECT closing_cents FROM statements t WHERE t.document_id = d.id),
                         (SELECT total_cents FROM letters l WHERE l.document_id = d.id), 0),
                d.id, d.sha256, s.method, s.signer, s.signed_at
         FROM documents d LEFT JOIN signatures s ON s.document_id = d.id
         WHERE d.customer_id = ?1 AND d.kind <> 'delivery_note'
         ORDER BY 3 DESC, 2 DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![customer_id, limit], paper_row)?.collect::<Result<Vec<_>, _>>()?;
    let total: u64 = conn
        .prepare_cached(
            "SELECT (SELECT count(*) FROM delivery_notes WHERE customer_id = ?1 AND status = 'issued')
              + (SELECT count(*) FROM documents WHERE customer_id = ?1 AND kind <> 'delivery_note')",
        )?
        .query_row([customer_id], |row| row.get(0))?;
    Ok((rows, total))
}
