use crate::{params, Transaction};
use huikuan_domain::DocLanguage;
use serde::{Deserialize, Serialize};

use super::columns::parsed;
use crate::error::StoreError;
use ts_rs::TS;

/// The company whose books these are: the letterhead of every document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Company {
    pub legal_name: String,
    pub address: String,
    pub tax_id: String,
    pub bank_name: String,
    pub bank_account: String,
    pub phone: String,
    pub signatory: String,
    pub currency: String,
    pub doc_language: DocLanguage,
    /// The paper each kind of document is printed on; kept as a setting beside the
    /// profile. Absent from a saved profile: A4 for everything.
    #[serde(default)]
    pub papers: PaperChoices,
}

/// The paper a kind of document is printed on, by name: "A4", "A5" or "241x140" (the
/// continuous form dot-matrix printers use for multi-part delivery notes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PaperChoices {
    pub delivery_note: String,
}

impl Default for PaperChoices {
    fn default() -> PaperChoices {
        PaperChoices { delivery_note: "A4".into() }
    }
}

const PAPERS_KEY: &str = "papers";

pub fn get(conn: &Transaction) -> Result<Company, StoreError> {
    let mut company = conn
        .prepare_cached(
            "SELECT legal_name, address, tax_id, bank_name, bank_account, phone, signatory, currency, doc_language
         FROM company WHERE id = 1",
        )?
        .query_row((), |row| {
            Ok(Company {
                legal_name: row.get(0)?,
                address: row.get(1)?,
                tax_id: row.get(2)?,
                bank_name: row.get(3)?,
                bank_account: row.get(4)?,
                phone: row.get(5)?,
                signatory: row.get(6)?,
                currency: row.get(7)?,
                doc_language: parsed(row, 8)?,
                papers: PaperChoices::default(),
            })
        })?;
    company.papers = super::settings::get(conn, PAPERS_KEY)?.unwrap_or_default();
    Ok(company)
}

pub fn update(conn: &Transaction, company: &Company) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE company SET legal_name = ?1, address = ?2, tax_id = ?3, bank_name = ?4, bank_account = ?5,
             phone = ?6, signatory = ?7, currency = ?8, doc_language = ?9 WHERE id = 1",
    )?
    .execute(params![
        company.legal_name,
        company.address,
        company.tax_id,
        company.bank_name,
        company.bank_account,
        company.phone,
        company.signatory,
        company.currency,
        company.doc_language.as_str()
    ])?;
    super::settings::put(conn, PAPERS_KEY, &company.papers)?;
    Ok(())
}

/// The company's pictures: the logo on every letterhead, the seal (公章) on letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyImage {
    Logo,
    Stamp,
}

impl CompanyImage {
    fn column(self) -> &'static str {
        match self {
            CompanyImage::Logo => "logo_png",
            CompanyImage::Stamp => "stamp_png",
        }
    }
}

pub fn image(conn: &Transaction, which: CompanyImage) -> Result<Option<Vec<u8>>, StoreError> {
    let sql = format!("SELECT {} FROM company WHERE id = 1", which.column());
    conn.prepare_cached(&sql)?.query_row((), |row| row.get(0))
}

/// None removes the picture.
pub fn set_image(conn: &Transaction, which: CompanyImage, png: Option<&[u8]>) -> Result<(), StoreError> {
    let sql = format!("UPDATE company SET {} = ?1 WHERE id = 1", which.column());
    conn.prepare_cached(&sql)?.execute([png])?;
    Ok(())
}
