//! The claim on a customer to a date: every overdue open item's interest on the customer's
//! terms, and principal + interest.

use chrono::NaiveDate;
use huikuan_domain::interest::{claim, Claim, OverdueItem};
use huikuan_domain::DocLanguage;
use huikuan_store::tables::interest;
use huikuan_store::Transaction;
use serde::Deserialize;
use ts_rs::TS;

use super::terms::{lpr_table, refused};
use crate::books::customer_by_code;
use crate::error::AppError;
use crate::ledger::open_items_in_tx as open_items;
use crate::{Books, Customer};

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ClaimRequest {
    pub customer_code: String,
    /// Interest counted to this day (included); default: today.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// The claim on the items of `customer` overdue on `as_of` (all, or only `numbers` when some
/// are named), with its basis in `language`. The principal is what is open of each item as
/// recorded now.
pub(crate) fn claim_in_tx(
    tx: &Transaction,
    customer: &Customer,
    as_of: NaiveDate,
    numbers: &[String],
    language: DocLanguage,
) -> Result<Claim, AppError> {
    let terms = interest::of_customer(tx, customer.id)?;
    let table = lpr_table(tx)?;
    let items: Vec<OverdueItem> = open_items(tx, customer.id)?
        .into_iter()
        .filter(|i| i.receivable.due_date < as_of)
        .filter(|i| numbers.is_empty() || numbers.contains(&i.receivable.number))
        .map(|i| OverdueItem { number: i.receivable.number, due_date: i.receivable.due_date, open: i.open })
        .collect();
    claim(&terms, &table, &items, as_of, language == DocLanguage::Zh).map_err(|e| refused("as_of", &e))
}

impl Books {
    /// Principal + late-payment interest of a customer's overdue items to a date.
    pub fn interest_claim(&mut self, request: &ClaimRequest) -> Result<Claim, AppError> {
        let as_of = request.as_of.unwrap_or_else(|| self.clock.today());
        self.store.read(|tx| {
            let customer = customer_by_code(tx, &request.customer_code)?;
            let language = customer.fields.doc_language;
            claim_in_tx(tx, &customer, as_of, &[], language)
        })
    }
}
