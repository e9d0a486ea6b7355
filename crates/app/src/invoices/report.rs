//! The invoicing report as of a day: per customer, what is delivered but not invoiced, what
//! is invoiced but not paid, and what is owed awaiting its invoice; and the totals.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use huikuan_domain::invoice::{invoicing, Invoicing};
use huikuan_domain::Money;
use huikuan_store::tables::{customers, invoices, maintained};
use serde::Serialize;
use ts_rs::TS;

use crate::books::customer_by_code;
use crate::error::AppError;
use crate::owed::accounts_of;
use crate::sheets::{Cell, Sheet};
use crate::Books;
use huikuan_domain::DocLanguage;
use huikuan_store::Transaction;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoicingRow {
    pub code: String,
    pub name: String,
    pub delivered_not_invoiced: Money,
    pub invoiced_not_paid: Money,
    pub awaiting_invoice: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InvoicingReport {
    pub as_of: NaiveDate,
    /// The customers with any figure not zero, by code.
    pub customers: Vec<InvoicingRow>,
    pub totals: InvoicingRow,
}

fn row(code: String, name: String, f: Invoicing) -> InvoicingRow {
    InvoicingRow {
        code,
        name,
        delivered_not_invoiced: f.delivered_not_invoiced,
        invoiced_not_paid: f.invoiced_not_paid,
        awaiting_invoice: f.awaiting_invoice,
    }
}

/// Each customer's figures as of the day, for the customers in `ids`.
fn figures_of(tx: &Transaction, ids: &BTreeSet<i64>, as_of: NaiveDate) -> Result<HashMap<i64, Invoicing>, AppError> {
    let covered = invoices::covered_by(tx, as_of)?;
    let none = HashMap::new();
    let mut figures = HashMap::new();
    accounts_of(tx, ids, |id, account| {
        let settled = account.settle(as_of);
        figures.insert(id, invoicing(&account.receivables, &settled.open, covered.get(&id).unwrap_or(&none)));
        Ok(())
    })?;
    Ok(figures)
}

impl Books {
    pub fn invoicing_report(&mut self, as_of: NaiveDate) -> Result<InvoicingReport, AppError> {
        self.store.read(|tx| {
            let ids: BTreeSet<i64> = maintained::all_totals(tx)?
                .into_iter()
                .filter(|(_, t)| t.first_date <= as_of)
                .map(|(id, _)| id)
                .collect();
            let figures = figures_of(tx, &ids, as_of)?;
            let mut total = Invoicing::default();
            let mut rows = Vec::new();
            for customer in customers::list(tx)? {
                let Some(f) = figures.get(&customer.id).copied().filter(|f| *f != Invoicing::default()) else {
                    continue;
                };
                total += f;
                rows.push(row(customer.fields.code, customer.fields.name, f));
            }
            rows.sort_by(|a, b| a.code.cmp(&b.code));
            Ok(InvoicingReport { as_of, customers: rows, totals: row(String::new(), String::new(), total) })
        })
    }

    /// One customer's figures today: the customer page's header.
    pub fn customer_invoicing(&mut self, code: &str) -> Result<InvoicingRow, AppError> {
        let today = self.clock.today();
        self.store.read(|tx| {
            let customer = customer_by_code(tx, code)?;
            let figures = figures_of(tx, &BTreeSet::from([customer.id]), today)?;
            let f = figures.get(&customer.id).copied().unwrap_or_default();
            Ok(row(customer.fields.code, customer.fields.name, f))
        })
    }

    /// The report as a sheet (XLSX, CSV, PDF), its headings in `language`.
    pub(crate) fn invoicing_sheet(&mut self, as_of: NaiveDate, language: DocLanguage) -> Result<Sheet, AppError> {
        let report = self.invoicing_report(as_of)?;
        let say = |zh: &str, en: &str| if language == DocLanguage::Zh { zh.to_string() } else { en.to_string() };
        let columns = [
            ("code", say("客户编号", "Code")),
            ("name", say("客户名称", "Customer")),
            ("delivered_not_invoiced", say("已发货未开票", "Delivered, not invoiced")),
            ("invoiced_not_paid", say("已开票未回款", "Invoiced, not paid")),
            ("awaiting_invoice", say("待开票应收", "Owed, awaiting invoice")),
        ];
        let mut sheet =
            Sheet::new(format!("invoicing-{as_of}"), say("开票与回款情况表", "Invoicing and collection"), &columns);
        sheet.subtitle.push(say(&format!("截至 {as_of}"), &format!("As of {as_of}")));
        let cells = |r: &InvoicingRow| {
            [Cell::Money(r.delivered_not_invoiced), Cell::Money(r.invoiced_not_paid), Cell::Money(r.awaiting_invoice)]
        };
        for r in &report.customers {
            let mut line = vec![Cell::text(&r.code), Cell::text(&r.name)];
            line.extend(cells(r));
            sheet.rows.push(line);
        }
        let mut total = vec![Cell::text(say("合计", "Total")), Cell::Empty];
        total.extend(cells(&report.totals));
        sheet.totals.push(total);
        Ok(sheet)
    }
}
