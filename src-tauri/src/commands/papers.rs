use huikuan_app::company::CompanyImages;
use huikuan_app::documents::{CustomerPapers, PaperView, SignForm, Verification};
use huikuan_app::{AppError, ErrorView};
use huikuan_domain::PaperKind;
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

#[tauri::command]
pub async fn customer_papers(state: State<'_, AppState>, code: String) -> Result<CustomerPapers, ErrorView> {
    state.reading(move |b| b.customer_papers(&code)).await
}

/// `kind`, when the page knows it, tells apart a number two papers share (an imported note).
#[tauri::command]
pub async fn paper_get(
    state: State<'_, AppState>,
    number: String,
    kind: Option<PaperKind>,
) -> Result<PaperView, ErrorView> {
    state.books(move |b| b.paper_of_kind(&number, kind)).await
}

/// The exact stored bytes, as an ArrayBuffer for the in-app viewer.
#[tauri::command]
pub async fn paper_pdf(
    state: State<'_, AppState>,
    number: String,
    kind: Option<PaperKind>,
    signed: bool,
) -> Result<Response, ErrorView> {
    state.books(move |b| b.paper_pdf_of_kind(&number, kind, signed)).await.map(Response::new)
}

#[tauri::command]
pub async fn paper_sign(state: State<'_, AppState>, form: SignForm) -> Result<PaperView, ErrorView> {
    state.books(move |b| b.sign_paper(form)).await
}

#[tauri::command]
pub async fn paper_verify(
    state: State<'_, AppState>,
    number: String,
    kind: Option<PaperKind>,
) -> Result<Verification, ErrorView> {
    state.reading(move |b| b.verify_paper_of_kind(&number, kind)).await
}

/// Opens the PDF in the system's viewer, to print it from there.
#[tauri::command]
pub async fn paper_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    kind: Option<PaperKind>,
    signed: bool,
) -> Result<String, ErrorView> {
    let path = state.workspace(move |w| w.export_paper(&number, kind, signed)).await?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|_| state.error(huikuan_app::workspace::no_viewer(&path)))?;
    Ok(path.display().to_string())
}

/// Saves a copy where the user chooses in the system's save dialog; None when cancelled.
#[tauri::command]
pub async fn paper_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    kind: Option<PaperKind>,
    signed: bool,
) -> Result<Option<String>, ErrorView> {
    let name = format!("{}{}.pdf", number.trim(), if signed { "-signed" } else { "" });
    let Some(chosen) = app.dialog().file().add_filter("PDF", &["pdf"]).set_file_name(&name).blocking_save_file() else {
        return Ok(None);
    };
    let path =
        chosen.into_path().map_err(|e| state.error(AppError::File { path: name.clone(), message: e.to_string() }))?;
    state.workspace(move |w| w.save_paper(&number, kind, signed, &path)).await.map(|p| Some(p.display().to_string()))
}

#[tauri::command]
pub async fn company_images(state: State<'_, AppState>) -> Result<CompanyImages, ErrorView> {
    state.reading(move |b| b.company_images()).await
}

/// `png_base64` None removes the picture.
#[tauri::command]
pub async fn company_image_set(
    state: State<'_, AppState>,
    which: String,
    png_base64: Option<String>,
) -> Result<CompanyImages, ErrorView> {
    state.books(move |b| b.set_company_image(&which, png_base64.as_deref())).await
}
