//! Issuing one customer's statement for a period: numbered gapless (ST-YYYY-NNNNNN),
//! rendered and frozen with its SHA-256. A second statement for the same customer and
//! period is never made silently: it must be asked for as a correction of the first.

use chrono::Datelike;
use huikuan_docs::{statement_pdf, Rendered, StatementDoc};
use huikuan_domain::{DocType, PaperKind, Period};
use huikuan_store::tables::statements::{self, NewStatement, Statement};
use huikuan_store::tables::{sequences, Stamp};
use huikuan_store::Transaction;

use super::compose::compose;
use super::views::{statement_view, StatementView};
use crate::books::{audit, customer_by_code};
use crate::documents::freeze;
use crate::error::AppError;
use crate::{Books, Customer};

fn exists(existing: &Statement) -> AppError {
    let (number, period) = (&existing.number, existing.period.label());
    AppError::rule(
        None,
        format!("statement {number} was already issued for {period}: open it, or issue a corrected statement that replaces it"),
        format!("{period} 的对账单 {number} 已经开具：请查看该对账单，或开具一张更正对账单取代它"),
    )
}

/// Writes a statement rendered from `doc` (numbered `doc.number`) in the caller's transaction.
pub(crate) fn keep_in_tx(
    tx: &Transaction,
    stamp: &Stamp,
    customer: &Customer,
    period: Period,
    doc: &StatementDoc,
    rendered: &Rendered,
    supersedes_id: Option<i64>,
) -> Result<i64, AppError> {
    let document = freeze(tx, stamp, PaperKind::Statement, &doc.number, customer, doc.date, doc.paper, rendered)?;
    let id = statements::insert(
        tx,
        &NewStatement {
            number: &doc.number,
            customer_id: customer.id,
            period,
            issued_on: doc.date,
            opening: doc.opening,
            debits: doc.debits,
            credits: doc.credits,
            closing: doc.closing,
            supersedes_id,
            document_id: document.id,
        },
        stamp,
    )?;
    audit(tx, stamp, "issue", "statement", id, None::<&()>, Some(&statements::get(tx, id)?))?;
    Ok(id)
}

impl Books {
    /// Issues `code`'s statement for `period`. When one was already issued, `correct`
    /// issues a corrected statement that replaces it; otherwise it is refused.
    pub fn issue_statement(&mut self, code: &str, period: Period, correct: bool) -> Result<StatementView, AppError> {
        let stamp = self.stamp();
        let today = self.clock.today();
        self.store.write(|tx| {
            let customer = customer_by_code(tx, code)?;
            let existing = statements::current(tx, customer.id, period)?;
            if let (Some(existing), false) = (&existing, correct) {
                return Err(exists(existing));
            }
            let number = sequences::next_number(tx, DocType::Statement, today.year())?;
            let supersedes = existing.as_ref().map(|s| s.number.clone());
            let doc = compose(tx, &customer, period, today, &number, supersedes)?;
            let rendered = statement_pdf(&doc)?;
            let id = keep_in_tx(tx, &stamp, &customer, period, &doc, &rendered, existing.map(|s| s.id))?;
            statement_view(tx, id)
        })
    }

    pub fn statement(&mut self, number: &str) -> Result<StatementView, AppError> {
        self.store.read(|tx| {
            let s = statements::by_number(tx, number)?
                .ok_or_else(|| crate::documents::unknown_paper(Some(huikuan_domain::PaperKind::Statement), number))?;
            statement_view(tx, s.id)
        })
    }
}
