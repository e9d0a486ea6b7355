//! VAT invoices issued to customers, what of each receivable they cover, and when and how they
//! reached the customer. Append-only: a red-letter invoice reverses an earlier one.

use std::collections::HashMap;

use chrono::NaiveDate;
use huikuan_domain::Money;

use super::columns::money;
use super::Stamp;
use crate::error::StoreError;
use crate::{params, OptionalExtension, Row, Transaction};

/// An invoice to keep: amounts signed (a red-letter invoice's negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvoice {
    pub customer_id: i64,
    pub code: String,
    pub number: String,
    pub kind: String,
    pub issued_on: NaiveDate,
    pub amount: Money,
    pub tax: Money,
    pub rate: String,
    pub reverses_id: Option<i64>,
    pub memo: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    pub id: i64,
    pub customer_id: i64,
    pub code: String,
    pub number: String,
    pub kind: String,
    pub issued_on: NaiveDate,
    pub amount: Money,
    pub tax: Money,
    pub rate: String,
    pub reverses_id: Option<i64>,
    pub memo: String,
}

/// What an invoice covers of one receivable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Covered {
    pub invoice_id: i64,
    pub entry_id: i64,
    pub number: String,
    pub amount: Money,
}

/// When and how an invoice reached the customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub invoice_id: i64,
    pub channel: String,
    pub reached_on: NaiveDate,
    pub tracking: String,
    pub note: String,
}

const SELECT: &str = "SELECT id, customer_id, code, number, kind, issued_on, amount_cents, tax_cents, rate,
    reverses_id, memo FROM invoices";

fn invoice(row: &Row) -> Result<Invoice, StoreError> {
    Ok(Invoice {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        code: row.get(2)?,
        number: row.get(3)?,
        kind: row.get(4)?,
        issued_on: row.get(5)?,
        amount: money(row, 6)?,
        tax: money(row, 7)?,
        rate: row.get(8)?,
        reverses_id: row.get(9)?,
        memo: row.get(10)?,
    })
}

pub fn insert(conn: &Transaction, i: &NewInvoice, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO invoices (customer_id, code, number, kind, issued_on, amount_cents, tax_cents, rate,
             reverses_id, memo, created_at, operator) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .insert(params![
        i.customer_id,
        i.code,
        i.number,
        i.kind,
        i.issued_on,
        i.amount.cents(),
        i.tax.cents(),
        i.rate,
        i.reverses_id,
        i.memo,
        stamp.at,
        stamp.operator
    ])
}

pub fn cover(conn: &Transaction, invoice_id: i64, entry_id: i64, amount: Money) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO invoice_covers (invoice_id, entry_id, amount_cents) VALUES (?1, ?2, ?3)")?
        .execute(params![invoice_id, entry_id, amount.cents()])?;
    Ok(())
}

pub fn reach(conn: &Transaction, r: &Reached, stamp: &Stamp) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO invoice_sendings (invoice_id, channel, reached_on, tracking, note, created_at, operator)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .insert(params![r.invoice_id, r.channel, r.reached_on, r.tracking, r.note, stamp.at, stamp.operator])
}

/// The invoices with this number (under any 发票代码 when `code` is None).
pub fn by_number(conn: &Transaction, code: Option<&str>, number: &str) -> Result<Vec<Invoice>, StoreError> {
    match code {
        Some(code) => {
            let sql = format!("{SELECT} WHERE code = ?1 AND number = ?2");
            let found = conn.prepare_cached(&sql)?.query_row(params![code, number], invoice).optional()?;
            Ok(found.into_iter().collect())
        }
        None => conn
            .prepare_cached(&format!("{SELECT} WHERE number = ?1 ORDER BY id"))?
            .query_map([number], invoice)?
            .collect(),
    }
}

/// A customer's invoices, or everyone's, in the order issued.
pub fn of_customer(conn: &Transaction, customer_id: Option<i64>) -> Result<Vec<Invoice>, StoreError> {
    match customer_id {
        Some(id) => {
            let sql = format!("{SELECT} WHERE customer_id = ?1 ORDER BY issued_on, id");
            let rows = conn.prepare_cached(&sql)?.query_map([id], invoice)?.collect();
            rows
        }
        None => conn.prepare_cached(&format!("{SELECT} ORDER BY issued_on, id"))?.query_map((), invoice)?.collect(),
    }
}

const COVERS: &str = "SELECT c.invoice_id, c.entry_id, e.number, c.amount_cents
    FROM invoice_covers c JOIN entries e ON e.id = c.entry_id";

fn covered(row: &Row) -> Result<Covered, StoreError> {
    Ok(Covered { invoice_id: row.get(0)?, entry_id: row.get(1)?, number: row.get(2)?, amount: money(row, 3)? })
}

/// What the invoices of a customer (or everyone's) cover, invoice by invoice.
pub fn covers(conn: &Transaction, customer_id: Option<i64>) -> Result<Vec<Covered>, StoreError> {
    match customer_id {
        Some(id) => {
            let sql = format!("{COVERS} WHERE e.customer_id = ?1 ORDER BY c.invoice_id, c.id");
            let rows = conn.prepare_cached(&sql)?.query_map([id], covered)?.collect();
            rows
        }
        None => {
            conn.prepare_cached(&format!("{COVERS} ORDER BY c.invoice_id, c.id"))?.query_map((), covered)?.collect()
        }
    }
}

/// What invoices issued by `as_of` cover of each receivable (net of red-letter ones), by
/// customer and entry id.
pub fn covered_by(conn: &Transaction, as_of: NaiveDate) -> Result<HashMap<i64, HashMap<i64, Money>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.customer_id, c.entry_id, SUM(c.amount_cents) FROM invoice_covers c
             JOIN invoices i ON i.id = c.invoice_id JOIN entries e ON e.id = c.entry_id
             WHERE i.issued_on <= ?1 GROUP BY e.customer_id, c.entry_id",
    )?;
    let rows = stmt.query_map([as_of], |r: &Row| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?, money(r, 2)?)))?;
    let mut found: HashMap<i64, HashMap<i64, Money>> = HashMap::new();
    for row in rows {
        let (customer, entry, amount) = row?;
        found.entry(customer).or_default().insert(entry, amount);
    }
    Ok(found)
}

/// When and how a customer's invoices (or everyone's) reached them, in the order recorded.
pub fn reached(conn: &Transaction, customer_id: Option<i64>) -> Result<Vec<Reached>, StoreError> {
    let select = "SELECT s.invoice_id, s.channel, s.reached_on, s.tracking, s.note FROM invoice_sendings s
        JOIN invoices i ON i.id = s.invoice_id";
    let reached = |r: &Row| {
        Ok(Reached {
            invoice_id: r.get(0)?,
            channel: r.get(1)?,
            reached_on: r.get(2)?,
            tracking: r.get(3)?,
            note: r.get(4)?,
        })
    };
    match customer_id {
        Some(id) => {
            let sql = format!("{select} WHERE i.customer_id = ?1 ORDER BY s.id");
            let rows = conn.prepare_cached(&sql)?.query_map([id], reached)?.collect();
            rows
        }
        None => conn.prepare_cached(&format!("{select} ORDER BY s.id"))?.query_map((), reached)?.collect(),
    }
}

/// The invoices issued by `as_of` that still cover each of a customer's receivables (not
/// wholly taken back on it by red-letter ones issued by then): (entry id, invoice), in the
/// order the invoices were issued.
pub fn covering(conn: &Transaction, customer_id: i64, as_of: NaiveDate) -> Result<Vec<(i64, Invoice)>, StoreError> {
    let invoices: Vec<Invoice> =
        of_customer(conn, Some(customer_id))?.into_iter().filter(|i| i.issued_on <= as_of).collect();
    let mut net: HashMap<(i64, i64), Money> = HashMap::new();
    for c in covers(conn, Some(customer_id))? {
        let Some(invoice) = invoices.iter().find(|i| i.id == c.invoice_id) else { continue };
        let original = invoice.reverses_id.unwrap_or(invoice.id);
        *net.entry((c.entry_id, original)).or_insert(Money::ZERO) += c.amount;
    }
    let mut found = Vec::new();
    for invoice in invoices.iter().filter(|i| i.reverses_id.is_none()) {
        let mut entries: Vec<i64> = net
            .iter()
            .filter(|((_, original), m)| *original == invoice.id && m.is_positive())
            .map(|((e, _), _)| *e)
            .collect();
        entries.sort_unstable();
        found.extend(entries.into_iter().map(|entry| (entry, invoice.clone())));
    }
    Ok(found)
}

/// The numbers of the invoices that, on `as_of`, still cover each of a customer's receivables.
pub fn numbers_by_entry(
    conn: &Transaction,
    customer_id: i64,
    as_of: NaiveDate,
) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    let mut numbers: HashMap<i64, Vec<String>> = HashMap::new();
    for (entry, invoice) in covering(conn, customer_id, as_of)? {
        numbers.entry(entry).or_default().push(invoice.number);
    }
    Ok(numbers)
}

/// Keeps that a delivery is on invoice terms of `days`, due on `due` (awaiting its invoice
/// when it is posted).
pub fn set_terms(conn: &Transaction, entry_id: i64, days: u16, due: NaiveDate) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO invoice_terms (entry_id, days, due_date) VALUES (?1, ?2, ?3)")?
        .execute(params![entry_id, i64::from(days), due])?;
    Ok(())
}

/// The deliveries of a customer on invoice terms: (entry id, days).
pub fn terms_of(conn: &Transaction, customer_id: i64) -> Result<Vec<(i64, u16)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.entry_id, t.days FROM invoice_terms t JOIN entries e ON e.id = t.entry_id WHERE e.customer_id = ?1",
    )?;
    let rows = stmt.query_map([customer_id], |r: &Row| Ok((r.get::<i64>(0)?, r.get::<i64>(1)? as u16)))?;
    rows.collect()
}

/// A delivery's due date as its invoices now give it; its kept open item follows.
pub fn set_due(conn: &Transaction, entry_id: i64, due: NaiveDate) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE invoice_terms SET due_date = ?2 WHERE entry_id = ?1")?
        .execute(params![entry_id, due])?;
    conn.prepare_cached("UPDATE open_items SET due_date = ?2 WHERE entry_id = ?1")?.execute(params![entry_id, due])?;
    Ok(())
}

/// The due dates invoices give deliveries on invoice terms, by entry id: a customer's, or
/// everyone's. They replace the due date the entry was posted with.
pub fn dues(conn: &Transaction, customer_id: Option<i64>) -> Result<HashMap<i64, NaiveDate>, StoreError> {
    let due = |r: &Row| Ok((r.get::<i64>(0)?, r.get::<NaiveDate>(1)?));
    match customer_id {
        Some(id) => conn
            .prepare_cached(
                "SELECT t.entry_id, t.due_date FROM invoice_terms t JOIN entries e ON e.id = t.entry_id
                 WHERE e.customer_id = ?1",
            )?
            .query_map([id], due)?
            .collect(),
        None => conn.prepare_cached("SELECT entry_id, due_date FROM invoice_terms")?.query_map((), due)?.collect(),
    }
}

/// Keeps that an attachment is a scan of an invoice.
pub fn add_scan(conn: &Transaction, invoice_id: i64, attachment_id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO invoice_scans (invoice_id, attachment_id) VALUES (?1, ?2)")?
        .execute(params![invoice_id, attachment_id])?;
    Ok(())
}

/// A scan of an invoice: (invoice id, attachment id, file name, SHA-256).
pub type Scan = (i64, i64, String, String);

/// The scans of a customer's invoices, in the order attached.
pub fn scans(conn: &Transaction, customer_id: i64) -> Result<Vec<Scan>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.invoice_id, a.id, a.file_name, a.sha256 FROM invoice_scans s
             JOIN attachments a ON a.id = s.attachment_id JOIN invoices i ON i.id = s.invoice_id
             WHERE i.customer_id = ?1 ORDER BY a.id",
    )?;
    let rows = stmt.query_map([customer_id], |r: &Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}
