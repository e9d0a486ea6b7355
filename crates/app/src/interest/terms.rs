//! A customer's interest terms (what the contract says) and the LPR table (published rates,
//! seeded with the history and extended by the owner).

use huikuan_domain::interest::{check_lpr_table, published_lpr, InterestError, InterestTerms, LprRate};
use huikuan_store::tables::{interest, settings};
use huikuan_store::Transaction;

use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::Books;

const LPR_TABLE: &str = "lpr_table";

pub(crate) fn refused(field: &str, e: &InterestError) -> AppError {
    AppError::rule(Some(field.into()), e.en(), e.zh())
}

/// The LPR table in force: the owner's, or the published history when never edited.
pub(crate) fn lpr_table(tx: &Transaction) -> Result<Vec<LprRate>, AppError> {
    let mut table = settings::get::<Vec<LprRate>>(tx, LPR_TABLE)?.unwrap_or_else(published_lpr);
    table.sort_by_key(|r| r.effective);
    Ok(table)
}

impl Books {
    pub fn interest_terms(&mut self, code: &str) -> Result<InterestTerms, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            Ok(interest::of_customer(tx, customer.id)?)
        })
    }

    /// Puts the customer's contract terms for late payment in force (kept with the earlier
    /// ones, and in the audit log).
    pub fn set_interest_terms(&mut self, code: &str, terms: InterestTerms) -> Result<InterestTerms, AppError> {
        terms.check().map_err(|e| refused("interest_terms", &e))?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, code)?;
            let before = interest::of_customer(tx, customer.id)?;
            interest::set(tx, customer.id, &terms, &stamp)?;
            audit(tx, &stamp, "update", "interest_terms", customer.id, Some(&before), Some(&terms))?;
            Ok(terms)
        })
    }

    pub fn lpr_rates(&mut self) -> Result<Vec<LprRate>, AppError> {
        self.store.read(lpr_table)
    }

    /// Saves the owner's LPR table (a new published rate added, a typing slip mended).
    pub fn save_lpr_rates(&mut self, mut table: Vec<LprRate>) -> Result<Vec<LprRate>, AppError> {
        check_lpr_table(&table).map_err(|e| refused("lpr_table", &e))?;
        if table.is_empty() {
            return Err(AppError::rule(
                Some("lpr_table".into()),
                "the LPR table must hold at least one rate",
                "LPR 表至少要有一个利率",
            ));
        }
        table.sort_by_key(|r| r.effective);
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = lpr_table(tx)?;
            settings::put(tx, LPR_TABLE, &table)?;
            audit(tx, &stamp, "update", LPR_TABLE, 1, Some(&before), Some(&table))?;
            Ok(table)
        })
    }
}
