use chrono::NaiveDate;
use huikuan_domain::{Money, Receivable};
use huikuan_store::tables::{entries, maintained};
use huikuan_store::Transaction;
use serde::Serialize;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;
use ts_rs::TS;

/// A receivable with what is still open of it, counting everything recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OpenItem {
    #[serde(flatten)]
    pub receivable: Receivable,
    pub open: Money,
}

/// The customer's receivables still open after settling everything recorded: what the
/// store keeps, unless this transaction has already changed the customer's ledger.
pub(crate) fn open_items(tx: &Transaction, customer_id: i64) -> Result<Vec<OpenItem>, AppError> {
    if !maintained::is_dirty(tx, customer_id)? {
        let kept = maintained::open_of(tx, customer_id)?;
        return Ok(kept.into_iter().map(|o| OpenItem { receivable: o.receivable, open: o.open }).collect());
    }
    let account = entries::account(tx, customer_id)?;
    let settlement = account.settle(NaiveDate::MAX);
    Ok(account
        .receivables
        .into_iter()
        .zip(settlement.open)
        .filter_map(|(receivable, open)| open.filter(|o| o.is_positive()).map(|open| OpenItem { receivable, open }))
        .collect())
}

/// The open receivable of a customer with this number.
pub(crate) fn find_open<'a>(items: &'a [OpenItem], number: &str) -> Result<&'a OpenItem, AppError> {
    let number = number.trim();
    let mut matches = items.iter().filter(|i| i.receivable.number == number);
    match (matches.next(), matches.next()) {
        (Some(item), None) => Ok(item),
        (None, _) => Err(AppError::rule(
            None,
            format!("'{number}' is not an open receivable of this customer"),
            format!("“{number}”不是该客户未结清的应收单据"),
        )),
        (Some(_), Some(_)) => Err(AppError::rule(
            None,
            format!("'{number}' names more than one receivable"),
            format!("“{number}”对应多张应收单据"),
        )),
    }
}

impl Books {
    /// The customer's receivables that are not fully settled, oldest due first.
    pub fn open_items(&mut self, customer_code: &str) -> Result<Vec<OpenItem>, AppError> {
        self.store.read(|tx| {
            let customer = customer_by_code(tx, customer_code)?;
            let mut items = open_items(tx, customer.id)?;
            items.sort_by(|a, b| {
                let (ra, rb) = (&a.receivable, &b.receivable);
                (ra.due_date, ra.doc_date, &ra.number).cmp(&(rb.due_date, rb.doc_date, &rb.number))
            });
            Ok(items)
        })
    }
}
