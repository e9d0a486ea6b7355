use huikuan_docs::Letterhead;
use huikuan_store::tables::company::{self, CompanyImage};
use huikuan_store::Transaction;

use crate::error::AppError;

/// Our company at the head of every document, as the profile says today.
pub(crate) fn letterhead(tx: &Transaction) -> Result<Letterhead, AppError> {
    let us = company::get(tx)?;
    Ok(Letterhead {
        name: us.legal_name,
        address: us.address,
        phone: us.phone,
        tax_id: us.tax_id,
        logo_png: company::image(tx, CompanyImage::Logo)?,
    })
}
