//! An invoice list from the tax platform imported: each invoice matched to its customer (by
//! tax id, then by name) and to the deliveries it covers (one delivery of exactly its amount,
//! else a month's deliveries, else all that is left to invoice, when they come to its amount),
//! and recorded in one transaction. An invoice matched with any doubt is not recorded: it is
//! listed for review, to be recorded by hand. A preview writes nothing.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use huikuan_domain::invoice::{
    has_invoice_heading, read_invoice_list, read_invoice_list_by, InvoiceColumns, InvoiceKind, ListedInvoice, TaxRate,
};
use huikuan_domain::Money;
use huikuan_store::tables::{customers, invoices};
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::add::{add_in_tx, CoverForm, InvoiceForm};
use crate::error::{AppError, RowError};
use crate::import::SkippedRow;
use crate::Books;

/// An invoice of the file not recorded: why, for the user to record it by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewRow {
    pub line: u64,
    pub number: String,
    pub buyer: String,
    pub amount: Money,
    /// The customer found, when one was.
    pub customer_code: Option<String>,
    pub reason: String,
    pub reason_zh: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoiceImport {
    /// Invoices recorded (or, in a preview, that would be).
    pub new: usize,
    /// Invoices recorded before.
    pub known: usize,
    pub review: Vec<ReviewRow>,
    /// Rows left out: void and red-letter invoices, totals.
    pub skipped: Vec<SkippedRow>,
    pub preview: bool,
}

fn review(listed: &ListedInvoice, customer: Option<&str>, en: String, zh: String) -> ReviewRow {
    ReviewRow {
        line: listed.row,
        number: listed.number.clone(),
        buyer: listed.buyer.clone(),
        amount: listed.amount,
        customer_code: customer.map(str::to_string),
        reason: en,
        reason_zh: zh,
    }
}

/// The customer of an invoice: the one with its buyer's tax id, else the one of that name.
fn customer_of(all: &[customers::Customer], listed: &ListedInvoice) -> Option<String> {
    // As the list's cells are read: full-width brackets and digits as ASCII, no spaces.
    let plain = |s: &str| huikuan_domain::typed::normalize(s).split_whitespace().collect::<String>().to_uppercase();
    let by_tax = all.iter().find(|c| !listed.tax_id.is_empty() && plain(&c.fields.tax_id) == plain(&listed.tax_id));
    let by_name = || all.iter().find(|c| plain(&c.fields.name) == plain(&listed.buyer));
    by_tax.or_else(by_name).map(|c| c.fields.code.clone())
}

/// The deliveries an invoice of `amount` dated `date` covers, when only one choice fits.
fn covers_of(room: &[super::RoomLine], date: NaiveDate, amount: Money) -> Option<Vec<(String, Money)>> {
    let open: Vec<&super::RoomLine> = room.iter().filter(|r| r.left.is_positive() && r.date <= date).collect();
    let exact: Vec<&&super::RoomLine> = open.iter().filter(|r| r.left == amount).collect();
    if let [one] = &exact[..] {
        return Some(vec![(one.number.clone(), one.left)]);
    }
    if exact.len() > 1 {
        return None;
    }
    let mut months: BTreeMap<(i32, u32), Vec<&super::RoomLine>> = BTreeMap::new();
    for r in &open {
        months.entry((r.date.year(), r.date.month())).or_default().push(r);
    }
    let whole = |lines: &[&super::RoomLine]| lines.iter().map(|r| (r.number.clone(), r.left)).collect::<Vec<_>>();
    let sum = |lines: &[&super::RoomLine]| lines.iter().map(|r| r.left).sum::<Money>();
    if let Some(month) = months.values().rev().find(|lines| sum(lines) == amount) {
        return Some(whole(month));
    }
    (sum(&open) == amount).then(|| whole(&open))
}

/// The kind where the list does not say it: a 20-digit number is a 数电票, and without its
/// words a 普票 is assumed (the buyer deducts nothing on it).
fn kind_of(listed: &ListedInvoice) -> InvoiceKind {
    listed.kind.unwrap_or(if listed.code.is_empty() { InvoiceKind::DigitalNormal } else { InvoiceKind::PaperNormal })
}

fn form_of(listed: &ListedInvoice, code: &str, covers: Vec<(String, Money)>) -> InvoiceForm {
    InvoiceForm {
        customer_code: code.into(),
        invoice_code: listed.code.clone(),
        invoice_number: listed.number.clone(),
        invoice_kind: kind_of(listed).name().into(),
        date: listed.date.to_string(),
        amount: listed.amount.to_string(),
        tax: listed.tax.to_string(),
        rate: match listed.rate {
            TaxRate::Percent(p) => p.to_string(),
            TaxRate::Mixed => "mixed".into(),
        },
        covers: covers
            .into_iter()
            .map(|(receivable, amount)| CoverForm { receivable, amount: amount.to_string() })
            .collect(),
        ..InvoiceForm::default()
    }
}

fn import_in_tx(
    tx: &Transaction,
    stamp: &huikuan_store::tables::Stamp,
    listed: &[ListedInvoice],
    today: NaiveDate,
) -> Result<(usize, usize, Vec<ReviewRow>), AppError> {
    let all = customers::list(tx)?;
    let (mut new, mut known, mut to_review) = (0, 0, Vec::new());
    for invoice in listed {
        if !invoices::by_number(tx, Some(&invoice.code), &invoice.number)?.is_empty() {
            known += 1;
            continue;
        }
        let Some(code) = customer_of(&all, invoice) else {
            let (id, name) = (&invoice.tax_id, &invoice.buyer);
            let (en, zh) = if id.is_empty() {
                (format!("no customer is named {name}"), format!("没有名称为 {name} 的客户"))
            } else {
                (
                    format!("no customer has the tax id {id} or the name {name}"),
                    format!("没有税号为 {id} 或名称为 {name} 的客户"),
                )
            };
            to_review.push(review(invoice, None, en, zh));
            continue;
        };
        let room = super::add::room_of(tx, &code)?;
        let Some(covers) = covers_of(&room, invoice.date, invoice.amount) else {
            let amount = invoice.amount.yuan();
            to_review.push(review(
                invoice,
                Some(&code),
                format!("no one delivery, month of deliveries or all that is left to invoice comes to {amount}: say which it covers"),
                format!("没有单张送货单、整月送货单或全部未开票金额恰好等于 {amount}：请指明所开单据"),
            ));
            continue;
        };
        match add_in_tx(tx, stamp, &form_of(invoice, &code, covers), today) {
            Ok(_) => new += 1,
            Err(refused) => {
                let (en, zh) = (
                    refused.message_in(huikuan_domain::DocLanguage::En),
                    refused.message_in(huikuan_domain::DocLanguage::Zh),
                );
                to_review.push(review(invoice, Some(&code), en, zh));
            }
        }
    }
    Ok((new, known, to_review))
}

fn setting_key(headings: &[String]) -> String {
    format!("invoice_columns.{}", crate::sheets::layout_of(headings))
}

/// The columns the user chose before for any of the file's first rows, with that row.
fn remembered(tx: &Transaction, rows: &crate::sheets::GridRows) -> Result<Option<(u64, InvoiceColumns)>, AppError> {
    for (row, cells) in rows.iter().take(30) {
        if let Some(columns) = huikuan_store::tables::settings::get::<InvoiceColumns>(tx, &setting_key(cells))? {
            return Ok(Some((*row, columns)));
        }
    }
    Ok(None)
}

fn rejected(problems: Vec<huikuan_domain::invoice::ListedRow>) -> AppError {
    AppError::ImportRejected(problems.into_iter().map(|p| RowError::new(p.row, p.en, p.zh)).collect())
}

impl Books {
    /// Imports an invoice list (or, with `preview`, shows what it would record). Its columns
    /// are found by the platform's headings, else by the columns chosen before for its heading.
    pub fn import_invoices(&mut self, bytes: &[u8], preview: bool) -> Result<InvoiceImport, AppError> {
        let (_, _, rows) = crate::sheets::read_grid(bytes)?;
        let kept = if has_invoice_heading(&rows) { None } else { self.store.read(|tx| remembered(tx, &rows))? };
        let list = match &kept {
            Some((row, columns)) => read_invoice_list_by(&rows, *row, columns),
            None => read_invoice_list(&rows),
        }
        .map_err(rejected)?;
        self.record_list(list, None, preview)
    }

    /// Imports an invoice list by the columns the user chose (the heading on `heading_row`);
    /// outside a preview the columns are remembered for that heading.
    pub fn import_invoices_by(
        &mut self,
        bytes: &[u8],
        heading_row: u64,
        columns: &InvoiceColumns,
        preview: bool,
    ) -> Result<InvoiceImport, AppError> {
        let (_, _, rows) = crate::sheets::read_grid(bytes)?;
        let list = read_invoice_list_by(&rows, heading_row, columns).map_err(rejected)?;
        let headings =
            rows.iter().find(|(row, _)| *row == heading_row).map(|(_, cells)| cells.clone()).unwrap_or_default();
        self.record_list(list, Some((setting_key(&headings), columns.clone())), preview)
    }

    fn record_list(
        &mut self,
        list: huikuan_domain::invoice::InvoiceList,
        remember: Option<(String, InvoiceColumns)>,
        preview: bool,
    ) -> Result<InvoiceImport, AppError> {
        let (stamp, today) = (self.stamp(), self.clock.today());
        let run = |books: &mut Books| {
            books.store.write(|tx| {
                let done = import_in_tx(tx, &stamp, &list.invoices, today)?;
                if let Some((key, columns)) = &remember {
                    huikuan_store::tables::settings::put(tx, key, columns)?;
                }
                Ok::<_, AppError>(done)
            })
        };
        let (new, known, review) = if preview { self.rehearsed(run)? } else { run(self)? };
        let skipped =
            list.skipped.into_iter().map(|s| SkippedRow { line: s.row, reason: s.en, reason_zh: s.zh }).collect();
        Ok(InvoiceImport { new, known, review, skipped, preview })
    }
}
