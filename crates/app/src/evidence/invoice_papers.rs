//! The pack's list of the VAT invoices issued to the customer, beside the signed delivery
//! notes: each invoice's number, kind, date, amounts, what it covers and when and how it
//! reached the customer, so that "we never got the invoice" can be answered.

use huikuan_docs::Align;
use huikuan_store::tables::invoices;
use huikuan_store::Transaction;

use super::account_papers::{account_listing, col, Account};
use super::claim_words::channel_words;
use crate::error::AppError;

/// Every invoice issued by the pack's date, oldest first; none: no paper.
pub(crate) fn invoices_pdf(tx: &Transaction, account: &Account) -> Result<Option<Vec<u8>>, AppError> {
    let (customer, say) = (account.customer, account.say);
    let found: Vec<invoices::Invoice> =
        invoices::of_customer(tx, Some(customer.id))?.into_iter().filter(|i| i.issued_on <= account.as_of).collect();
    if found.is_empty() {
        return Ok(None);
    }
    let covers = invoices::covers(tx, Some(customer.id))?;
    let reached = invoices::reached(tx, Some(customer.id))?;
    let rows = found
        .iter()
        .map(|i| {
            let kind = huikuan_domain::invoice::InvoiceKind::from_words(&i.kind);
            let number = if i.code.is_empty() { i.number.clone() } else { format!("{} {}", i.code, i.number) };
            let red = i
                .reverses_id
                .and_then(|id| found.iter().find(|o| o.id == id))
                .map(|o| say.t(&format!("红字，冲销 {}", o.number), &format!("red-letter, reverses {}", o.number)));
            let covered: Vec<String> = covers
                .iter()
                .filter(|c| c.invoice_id == i.id)
                .map(|c| format!("{} {}", c.number, c.amount.yuan()))
                .collect();
            let sent: Vec<String> = reached
                .iter()
                .filter(|r| r.invoice_id == i.id && r.reached_on <= account.as_of)
                .map(|r| {
                    format!("{} {} {}", r.reached_on, channel_words(&r.channel, say), r.tracking).trim().to_string()
                })
                .collect();
            vec![
                number,
                kind.map_or_else(|| i.kind.clone(), |k| say.t(k.zh(), k.en())),
                i.issued_on.to_string(),
                i.amount.yuan(),
                i.tax.yuan(),
                if i.rate == "mixed" { say.t("多税率", "several") } else { format!("{}%", i.rate) },
                red.into_iter().chain(covered).collect::<Vec<_>>().join("; "),
                if sent.is_empty() { say.t("未登记", "not recorded") } else { sent.join("; ") },
            ]
        })
        .collect();
    let columns = vec![
        col(say.t("发票号码", "Invoice"), 1.6, Align::Left),
        col(say.t("票种", "Kind"), 0.8, Align::Left),
        col(say.t("开票日期", "Date"), 0.9, Align::Left),
        col(say.t("价税合计", "With tax"), 1.0, Align::Right),
        col(say.t("税额", "Tax"), 0.8, Align::Right),
        col(say.t("税率", "Rate"), 0.5, Align::Right),
        col(say.t("所开单据", "Covers"), 1.8, Align::Left),
        col(say.t("送达", "Reached"), 1.3, Align::Left),
    ];
    let note = say.t(
        &format!("共 {} 张发票。", found.len()),
        &format!("{} invoice{}.", found.len(), if found.len() == 1 { "" } else { "s" }),
    );
    account_listing(account, say.t("已开发票清单", "VAT invoices issued"), "invoices", columns, rows, note).map(Some)
}

/// A scan as the pack holds it: (path in the pack, invoice number, issued on, bytes).
pub(crate) type PackedScan = (String, String, chrono::NaiveDate, Vec<u8>);

/// The scans of the invoices issued by the pack's date. A scan whose file is missing or changed is refused: the pack would not
/// hold what the books say.
pub(crate) fn invoice_scans(
    tx: &Transaction,
    stored: &crate::files::Files,
    customer_id: i64,
    as_of: chrono::NaiveDate,
) -> Result<Vec<PackedScan>, AppError> {
    let issued: Vec<invoices::Invoice> =
        invoices::of_customer(tx, Some(customer_id))?.into_iter().filter(|i| i.issued_on <= as_of).collect();
    let mut out = Vec::new();
    for (n, (invoice_id, _, file_name, sha256)) in invoices::scans(tx, customer_id)?.into_iter().enumerate() {
        let Some(invoice) = issued.iter().find(|i| i.id == invoice_id) else { continue };
        let bytes = stored.read(tx, &sha256).map_err(|why| AppError::Altered(format!("scan {file_name}: {why}")))?;
        let ext = std::path::Path::new(&file_name).extension().and_then(|e| e.to_str()).unwrap_or("bin").to_lowercase();
        out.push((
            format!("1-delivery-notes/invoice-{}-{}.{ext}", invoice.number, n + 1),
            invoice.number.clone(),
            invoice.issued_on,
            bytes,
        ));
    }
    Ok(out)
}
