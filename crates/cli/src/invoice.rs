//! `huikuan-cli invoice`: VAT invoices recorded, listed, and their sendings.

use huikuan_app::invoices::{CoverForm, InvoiceForm, InvoiceImport, InvoiceView, ReachForm};
use huikuan_app::{AppError, Books};
use huikuan_domain::invoice::InvoiceColumns;

use crate::args::{Format, InvoiceCommand};
use crate::render;

pub fn invoice(books: &mut Books, format: Format, command: InvoiceCommand) -> Result<String, AppError> {
    match command {
        InvoiceCommand::Add { customer, number, code, kind, date, amount, tax, rate, covers, reverses, memo } => {
            let covers = covers.iter().map(|c| cover(c)).collect::<Result<Vec<_>, _>>()?;
            let form = InvoiceForm {
                customer_code: customer,
                invoice_code: code,
                invoice_number: number,
                invoice_kind: kind,
                date,
                amount,
                tax,
                rate,
                covers,
                reverses,
                memo,
            };
            let added = books.add_invoice(&form)?;
            Ok(render::json_or(format, &added, |i| format!("invoice {} recorded: {}\n", i.number, line(i))))
        }
        InvoiceCommand::List { code } => {
            let found = books.invoices(code.as_deref())?;
            Ok(render::json_or(format, &found, |all| table(all)))
        }
        InvoiceCommand::Scan { number, file, code } => {
            let bytes = std::fs::read(&file).map_err(|e| crate::run::file_error(&file, e))?;
            let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let view = books.attach_invoice_scan(&code, &number, &name, &bytes)?;
            Ok(render::json_or(format, &view, |i| format!("scan {name} attached to invoice {}\n", i.number)))
        }
        InvoiceCommand::Reached { number, code, channel, date, tracking, note } => {
            let reached = books.invoice_reached(&ReachForm {
                invoice_number: number,
                invoice_code: code,
                channel,
                date,
                tracking,
                note,
            })?;
            Ok(render::json_or(format, &reached, |i| {
                format!("invoice {} reached the customer: {}\n", i.number, line(i))
            }))
        }
    }
}

fn cover(text: &str) -> Result<CoverForm, AppError> {
    let Some((receivable, amount)) = text.split_once('=') else {
        return Err(AppError::rule(
            Some("covers".into()),
            format!("--covers '{text}': expected RECEIVABLE=AMOUNT"),
            format!("--covers “{text}”：应为 单号=金额"),
        ));
    };
    Ok(CoverForm { receivable: receivable.trim().into(), amount: amount.trim().into() })
}

fn line(i: &InvoiceView) -> String {
    let covers: Vec<String> = i.covers.iter().map(|c| format!("{} {}", c.number, c.amount.yuan())).collect();
    let reached =
        i.reached.last().map_or_else(|| "not sent".to_string(), |r| format!("reached {} by {}", r.date, r.channel));
    let red = i.reverses.as_ref().map_or_else(String::new, |n| format!(" reverses {n};"));
    format!(
        "{} {} {} {} (tax {} at {}){red} covers {}; {reached}",
        i.customer_code,
        i.date,
        i.kind,
        i.amount.yuan(),
        i.tax.yuan(),
        if i.rate == "mixed" { "several rates".to_string() } else { format!("{}%", i.rate) },
        if covers.is_empty() { "-".into() } else { covers.join(", ") }
    )
}

fn table(all: &[InvoiceView]) -> String {
    let mut text = String::new();
    for i in all {
        let number = if i.code.is_empty() { i.number.clone() } else { format!("{} {}", i.code, i.number) };
        text.push_str(&format!("{number}  {}\n", line(i)));
    }
    if all.is_empty() {
        text.push_str("no invoices\n");
    }
    text
}

/// `import invoices FILE [--preview]`: what was recorded, known before, left for review, left out.
pub fn import(
    books: &mut Books,
    format: Format,
    file: &std::path::Path,
    preview: bool,
    heading_row: Option<u64>,
    said: &[String],
) -> Result<String, AppError> {
    let bytes = std::fs::read(file).map_err(|e| crate::run::file_error(file, e))?;
    let done = if said.is_empty() {
        books.import_invoices(&bytes, preview)?
    } else {
        let (row, columns) = chosen_columns(books, &bytes, heading_row, said)?;
        books.import_invoices_by(&bytes, row, &columns, preview)?
    };
    Ok(render::json_or(format, &done, imported))
}

/// The user's FIELD=COLUMN choices against the heading row.
fn chosen_columns(
    books: &mut Books,
    bytes: &[u8],
    heading_row: Option<u64>,
    said: &[String],
) -> Result<(u64, InvoiceColumns), AppError> {
    let mut columns = InvoiceColumns::default();
    let row =
        crate::columns::chosen(books, bytes, heading_row, said, &InvoiceColumns::FIELDS, |f, c| columns.set(f, c))?;
    Ok((row, columns))
}

fn imported(done: &InvoiceImport) -> String {
    let what = if done.preview { "would record" } else { "recorded" };
    let mut text = format!(
        "invoices: {what} {} new, {} already recorded, {} to review, {} left out\n",
        done.new,
        done.known,
        done.review.len(),
        done.skipped.len()
    );
    for r in &done.review {
        text.push_str(&format!("  review row {} {} {} {}: {}\n", r.line, r.number, r.buyer, r.amount.yuan(), r.reason));
    }
    for s in &done.skipped {
        text.push_str(&format!("  row {}: {}\n", s.line, s.reason));
    }
    text
}
