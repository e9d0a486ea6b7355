//! Bank statements (收款核销): a statement file previewed and imported, its open lines with
//! what each most likely pays, and the user's decision on each line.

use base64::Engine;
use huikuan_app::bank::{BankLineView, StatementImport};
use huikuan_app::ledger::{ManualAllocation, PaymentReceipt};
use huikuan_app::{AppError, ErrorView};
use huikuan_domain::bank::Layout;
use tauri::State;

use crate::state::AppState;

/// The picked file's bytes, as the page read them (base64).
fn file_bytes(content_base64: &str) -> Result<Vec<u8>, AppError> {
    base64::engine::general_purpose::STANDARD.decode(content_base64.as_bytes()).map_err(|e| {
        AppError::rule(
            Some("file".into()),
            format!("the file did not arrive whole: {e}"),
            format!("文件未完整传到：{e}"),
        )
    })
}

/// Reads the statement (the layout recognised unless `layout` says which) and, unless
/// `preview`, keeps its new lines.
#[tauri::command]
pub async fn bank_import(
    state: State<'_, AppState>,
    file_name: String,
    content_base64: String,
    layout: Option<Layout>,
    preview: bool,
) -> Result<StatementImport, ErrorView> {
    state.books(move |b| b.import_statement(&file_name, &file_bytes(&content_base64)?, layout, preview)).await
}

/// The lines with `status` (open, accepted, ignored; none: all), each open one with its suggestion.
#[tauri::command]
pub async fn bank_lines(state: State<'_, AppState>, status: Option<String>) -> Result<Vec<BankLineView>, ErrorView> {
    state.reading(move |b| b.bank_lines(status.as_deref())).await
}

/// Records the line as a payment: of `customer` (else the suggested one), allocated as
/// given (else as suggested, else oldest first).
#[tauri::command]
pub async fn bank_accept(
    state: State<'_, AppState>,
    id: i64,
    customer: Option<String>,
    allocations: Option<Vec<ManualAllocation>>,
) -> Result<PaymentReceipt, ErrorView> {
    state.books(move |b| b.accept_bank_line(id, customer.as_deref(), allocations)).await
}

/// Marks the line as not a customer's payment, for the reason given.
#[tauri::command]
pub async fn bank_ignore(state: State<'_, AppState>, id: i64, reason: String) -> Result<(), ErrorView> {
    state.books(move |b| b.ignore_bank_line(id, &reason)).await
}
