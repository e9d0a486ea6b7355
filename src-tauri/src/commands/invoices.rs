//! VAT invoices (发票): a customer's invoices, the form (its rows, checked as typed, recorded),
//! sendings, and the invoicing report.

use chrono::NaiveDate;
use huikuan_app::invoices::{
    InvoiceForm, InvoicePreview, InvoiceView, InvoicingReport, InvoicingRow, ReachForm, RoomLine,
};
use huikuan_app::ErrorView;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn invoices_list(state: State<'_, AppState>, code: String) -> Result<Vec<InvoiceView>, ErrorView> {
    state.reading(move |b| b.invoices(Some(&code))).await
}

/// The customer's receivables with what is left to invoice on each.
#[tauri::command]
pub async fn invoice_room(state: State<'_, AppState>, code: String) -> Result<Vec<RoomLine>, ErrorView> {
    state.reading(move |b| b.invoice_room(&code)).await
}

/// The form checked as typed, nothing written.
#[tauri::command]
pub async fn invoice_preview(state: State<'_, AppState>, form: InvoiceForm) -> Result<InvoicePreview, ErrorView> {
    let language = state.language();
    state.reading(move |b| b.preview_invoice(&form, language)).await
}

#[tauri::command]
pub async fn invoice_add(state: State<'_, AppState>, form: InvoiceForm) -> Result<InvoiceView, ErrorView> {
    state.books(move |b| b.add_invoice(&form)).await
}

#[tauri::command]
pub async fn invoice_reached(state: State<'_, AppState>, form: ReachForm) -> Result<InvoiceView, ErrorView> {
    state.books(move |b| b.invoice_reached(&form)).await
}

#[tauri::command]
pub async fn invoicing_report(state: State<'_, AppState>, as_of: NaiveDate) -> Result<InvoicingReport, ErrorView> {
    state.reading(move |b| b.invoicing_report(as_of)).await
}

/// The customer page's header figures: not invoiced, invoiced not paid, awaiting invoice.
#[tauri::command]
pub async fn customer_invoicing(state: State<'_, AppState>, code: String) -> Result<InvoicingRow, ErrorView> {
    state.reading(move |b| b.customer_invoicing(&code)).await
}

/// An invoice list from the tax platform (base64), read by the user's `columns` when given:
/// with `preview`, what it would record.
#[tauri::command]
pub async fn invoices_import(
    state: State<'_, AppState>,
    content_base64: String,
    preview: bool,
    heading_row: Option<u64>,
    columns: Option<huikuan_domain::invoice::InvoiceColumns>,
) -> Result<huikuan_app::invoices::InvoiceImport, ErrorView> {
    state
        .books(move |b| {
            let bytes = super::bank::file_bytes(&content_base64)?;
            match (heading_row, &columns) {
                (Some(row), Some(chosen)) => b.import_invoices_by(&bytes, row, chosen, preview),
                _ => b.import_invoices(&bytes, preview),
            }
        })
        .await
}

/// Attaches a scan or photo (base64) to an invoice.
#[tauri::command]
pub async fn invoice_scan(
    state: State<'_, AppState>,
    code: String,
    number: String,
    file_name: String,
    content_base64: String,
) -> Result<InvoiceView, ErrorView> {
    state
        .books(move |b| {
            let bytes = super::bank::file_bytes(&content_base64)?;
            b.attach_invoice_scan(&code, &number, &file_name, &bytes)
        })
        .await
}
