//! Reports, write-offs, spreadsheet import and export, and the evidence pack.

use chrono::NaiveDate;
use huikuan_app::evidence::{EvidenceBuilt, EvidenceRequest};
use huikuan_app::import::ImportSummary;
use huikuan_app::ledger::{OpenItem, WriteOffForm};
use huikuan_app::reports::{
    AgingBySalesperson, AgingDetail, AgingReport, CollectionPerformance, ProvisionRate, ProvisionReport, ReportRequest,
    WriteOffReport,
};
use huikuan_app::sheets::{ImportForm, ImportPreview, SheetFormat};
use huikuan_app::{Entry, ErrorView};
use huikuan_domain::AgingBasis;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

fn basis(by_document_date: bool) -> AgingBasis {
    if by_document_date {
        AgingBasis::DocumentDate
    } else {
        AgingBasis::DueDate
    }
}

#[tauri::command]
pub async fn aging_report(
    state: State<'_, AppState>,
    as_of: NaiveDate,
    by_document_date: bool,
) -> Result<AgingReport, ErrorView> {
    state.reading(move |b| b.aging_report(as_of, basis(by_document_date))).await
}

#[tauri::command]
pub async fn aging_detail(
    state: State<'_, AppState>,
    as_of: NaiveDate,
    by_document_date: bool,
) -> Result<AgingDetail, ErrorView> {
    state.reading(move |b| b.aging_detail(as_of, basis(by_document_date))).await
}

#[tauri::command]
pub async fn aging_by_salesperson(
    state: State<'_, AppState>,
    as_of: NaiveDate,
    by_document_date: bool,
) -> Result<AgingBySalesperson, ErrorView> {
    state.reading(move |b| b.aging_by_salesperson(as_of, basis(by_document_date))).await
}

#[tauri::command]
pub async fn collection_performance(
    state: State<'_, AppState>,
    as_of: NaiveDate,
    months: u32,
) -> Result<CollectionPerformance, ErrorView> {
    state.reading(move |b| b.collection_performance(as_of, months)).await
}

#[tauri::command]
pub async fn provision_report(state: State<'_, AppState>, as_of: NaiveDate) -> Result<ProvisionReport, ErrorView> {
    state.reading(move |b| b.provision_report(as_of)).await
}

#[tauri::command]
pub async fn provision_rates_get(state: State<'_, AppState>) -> Result<Vec<ProvisionRate>, ErrorView> {
    state.reading(move |b| b.provision_rates()).await
}

#[tauri::command]
pub async fn provision_rates_save(
    state: State<'_, AppState>,
    rates: Vec<ProvisionRate>,
) -> Result<Vec<ProvisionRate>, ErrorView> {
    state.books(move |b| b.save_provision_rates(rates)).await
}

#[tauri::command]
pub async fn write_offs_report(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<WriteOffReport, ErrorView> {
    state.reading(move |b| b.write_offs(from, to)).await
}

#[tauri::command]
pub async fn open_items(state: State<'_, AppState>, code: String) -> Result<Vec<OpenItem>, ErrorView> {
    state.reading(move |b| b.open_items(&code)).await
}

#[tauri::command]
pub async fn write_off_create(state: State<'_, AppState>, form: WriteOffForm) -> Result<Vec<Entry>, ErrorView> {
    state.books(move |b| b.write_off_receivables(form)).await
}

/// Writes the report into the exports folder; returns the file's path.
#[tauri::command]
pub async fn report_export(
    state: State<'_, AppState>,
    request: ReportRequest,
    format: SheetFormat,
) -> Result<String, ErrorView> {
    // Only the folder is the workspace's; the report is read on a reader.
    let folder = state.workspace(|w| w.exports_folder()).await?;
    let language = state.language();
    state
        .reading(move |b| huikuan_app::workspace::write_report(b, &folder, &request, format, language))
        .await
        .map(|p| p.display().to_string())
}

/// Shows the exports folder in the system's file manager.
#[tauri::command]
pub async fn exports_open<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<(), ErrorView> {
    let folder = state.workspace(move |w| w.exports_folder()).await?;
    app.opener()
        .open_path(folder.display().to_string(), None::<&str>)
        .map_err(|_| state.error(huikuan_app::workspace::folder_not_opened(&folder)))
}

#[tauri::command]
pub async fn import_preview(state: State<'_, AppState>, form: ImportForm) -> Result<ImportPreview, ErrorView> {
    state.books(move |b| b.import_preview(&form)).await
}

#[tauri::command]
pub async fn import_confirm(state: State<'_, AppState>, form: ImportForm) -> Result<ImportSummary, ErrorView> {
    state.books(move |b| b.import_file(&form)).await
}

#[tauri::command]
pub async fn evidence_build(state: State<'_, AppState>, request: EvidenceRequest) -> Result<EvidenceBuilt, ErrorView> {
    state.workspace(move |w| w.build_evidence(&request)).await
}
