//! Bank statements (收款核销): a statement file previewed and imported, its open lines with
//! what each most likely pays, and the user's decision on each line.

use base64::Engine;
use huikuan_app::bank::{BankLineView, StatementColumns, StatementImport, StatementSheet};
use huikuan_app::ledger::{ManualAllocation, PaymentReceipt};
use huikuan_app::{AppError, ErrorView};
use huikuan_domain::bank::Layout;
use tauri::State;

use crate::state::AppState;

/// The picked file's bytes, as the page read them (base64).
pub(crate) fn file_bytes(content_base64: &str) -> Result<Vec<u8>, AppError> {
    base64::engine::general_purpose::STANDARD.decode(content_base64.as_bytes()).map_err(|e| {
        AppError::rule(
            Some("file".into()),
            format!("the file did not arrive whole: {e}"),
            format!("文件未完整传到：{e}"),
        )
    })
}

/// Reads the statement (by the user's `columns`, else by `layout`, else recognised) and,
/// unless `preview`, keeps its new lines (and the columns, for the heading they were chosen for).
#[tauri::command]
pub async fn bank_import(
    state: State<'_, AppState>,
    file_name: String,
    content_base64: String,
    layout: Option<Layout>,
    columns: Option<StatementColumns>,
    preview: bool,
) -> Result<StatementImport, ErrorView> {
    state
        .books(move |b| {
            let bytes = file_bytes(&content_base64)?;
            match &columns {
                Some(chosen) => b.import_statement_by(&file_name, &bytes, chosen, preview),
                None => b.import_statement(&file_name, &bytes, layout, preview),
            }
        })
        .await
}

/// A statement file no layout reads: its first rows, heading row and columns, for the user to choose.
#[tauri::command]
pub async fn bank_sheet(
    state: State<'_, AppState>,
    content_base64: String,
    heading_row: Option<u64>,
) -> Result<StatementSheet, ErrorView> {
    state.books(move |b| b.statement_sheet(&file_bytes(&content_base64)?, heading_row)).await
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
