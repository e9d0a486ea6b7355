//! Invoices as the customer page, the CLI and the papers show them: each with what it covers,
//! when it reached the customer, the invoice a red-letter one reverses, and what is left of
//! an invoice once red-letter ones are taken off.

use chrono::NaiveDate;
use huikuan_domain::invoice::InvoiceKind;
use huikuan_domain::Money;
use huikuan_store::tables::customers;
use huikuan_store::tables::invoices::{self, Covered, Invoice, Reached};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CoverView {
    pub number: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReachedView {
    pub channel: String,
    pub date: NaiveDate,
    pub tracking: String,
    pub note: String,
}

/// A scan or photo of the invoice, kept as an attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScanView {
    pub attachment_id: i64,
    pub file_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoiceView {
    pub id: i64,
    pub customer_code: String,
    /// 发票代码: empty for a 数电票.
    pub code: String,
    pub number: String,
    pub kind: String,
    pub kind_zh: String,
    pub kind_en: String,
    pub date: NaiveDate,
    /// With tax; negative for a red-letter invoice.
    pub amount: Money,
    pub tax: Money,
    pub rate: String,
    /// The number of the invoice a red-letter one reverses.
    pub reverses: Option<String>,
    /// What is left of an invoice once the red-letter ones reversing it are taken off.
    pub left: Money,
    pub covers: Vec<CoverView>,
    pub reached: Vec<ReachedView>,
    pub scans: Vec<ScanView>,
    pub memo: String,
}

fn views(tx: &Transaction, found: Vec<Invoice>, customer_id: Option<i64>) -> Result<Vec<InvoiceView>, AppError> {
    let covers: Vec<Covered> = invoices::covers(tx, customer_id)?;
    let reached: Vec<Reached> = invoices::reached(tx, customer_id)?;
    let mut scans: Vec<invoices::Scan> = Vec::new();
    for id in found.iter().map(|i| i.customer_id).collect::<std::collections::BTreeSet<_>>() {
        scans.extend(invoices::scans(tx, id)?);
    }
    let mut codes = std::collections::HashMap::new();
    let mut views = Vec::with_capacity(found.len());
    for invoice in &found {
        if let std::collections::hash_map::Entry::Vacant(slot) = codes.entry(invoice.customer_id) {
            slot.insert(customers::get(tx, invoice.customer_id)?.fields.code);
        }
        let kind = InvoiceKind::from_words(&invoice.kind).unwrap_or(InvoiceKind::DigitalNormal);
        let reds = found.iter().filter(|r| r.reverses_id == Some(invoice.id));
        views.push(InvoiceView {
            id: invoice.id,
            customer_code: codes[&invoice.customer_id].clone(),
            code: invoice.code.clone(),
            number: invoice.number.clone(),
            kind: invoice.kind.clone(),
            kind_zh: kind.zh().into(),
            kind_en: kind.en().into(),
            date: invoice.issued_on,
            amount: invoice.amount,
            tax: invoice.tax,
            rate: invoice.rate.clone(),
            reverses: invoice.reverses_id.and_then(|id| found.iter().find(|o| o.id == id)).map(|o| o.number.clone()),
            left: invoice.amount + reds.map(|r| r.amount).sum::<Money>(),
            covers: covers
                .iter()
                .filter(|c| c.invoice_id == invoice.id)
                .map(|c| CoverView { number: c.number.clone(), amount: c.amount })
                .collect(),
            reached: reached
                .iter()
                .filter(|r| r.invoice_id == invoice.id)
                .map(|r| ReachedView {
                    channel: r.channel.clone(),
                    date: r.reached_on,
                    tracking: r.tracking.clone(),
                    note: r.note.clone(),
                })
                .collect(),
            scans: scans
                .iter()
                .filter(|s| s.0 == invoice.id)
                .map(|s| ScanView { attachment_id: s.1, file_name: s.2.clone() })
                .collect(),
            memo: invoice.memo.clone(),
        });
    }
    Ok(views)
}

/// One invoice of a customer as shown.
pub(super) fn view_of(tx: &Transaction, customer_id: i64, id: i64) -> Result<InvoiceView, AppError> {
    let found = views(tx, invoices::of_customer(tx, Some(customer_id))?, Some(customer_id))?;
    Ok(found.into_iter().find(|v| v.id == id).expect("just written"))
}

impl Books {
    /// A customer's invoices (everyone's when `code` is None), in the order issued.
    pub fn invoices(&mut self, code: Option<&str>) -> Result<Vec<InvoiceView>, AppError> {
        self.store.read(|tx| {
            let customer_id = code.map(|c| customer_by_code(tx, c).map(|c| c.id)).transpose()?;
            views(tx, invoices::of_customer(tx, customer_id)?, customer_id)
        })
    }
}
