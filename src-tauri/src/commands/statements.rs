use std::sync::atomic::Ordering;

use huikuan_app::documents::{SendForm, SignForm};
use huikuan_app::statements::{
    DisputeForm, MonthEndCandidate, MonthEndOverview, MonthEndProgress, MonthEndSummary, StatementView,
};
use huikuan_app::{AppError, ErrorView};
use huikuan_domain::Period;
use huikuan_store::tables::sendings::Sending;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

fn period(state: &AppState, text: &str) -> Result<Period, ErrorView> {
    Period::parse(text).map_err(|e| state.error(AppError::Invalid { field: "period", source: e }))
}

#[tauri::command]
pub async fn month_end(state: State<'_, AppState>, period: String) -> Result<MonthEndOverview, ErrorView> {
    let period = self::period(&state, &period)?;
    state.reading(move |b| b.month_end(period)).await
}

#[tauri::command]
pub async fn month_end_candidates(
    state: State<'_, AppState>,
    period: String,
) -> Result<Vec<MonthEndCandidate>, ErrorView> {
    let period = self::period(&state, &period)?;
    state.reading(move |b| b.month_end_candidates(period)).await
}

/// Asks for the folder the PDFs go to; None when the user cancels (the default stays).
#[tauri::command]
pub async fn month_end_choose_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorView> {
    let Some(chosen) = app.dialog().file().blocking_pick_folder() else { return Ok(None) };
    let path =
        chosen.into_path().map_err(|e| state.error(AppError::File { path: String::new(), message: e.to_string() }))?;
    let shown = path.display().to_string();
    *state.month_end_folder.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(shown))
}

/// Issues the statements on a worker thread, telling the window of each one kept through
/// `on_progress`; the cancel command stops it between two statements.
#[tauri::command]
pub async fn month_end_run<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    period: String,
    codes: Vec<String>,
    merged: bool,
    on_progress: Channel<MonthEndProgress>,
) -> Result<MonthEndSummary, ErrorView> {
    let period = self::period(&state, &period)?;
    state.month_end_cancel.store(false, Ordering::SeqCst);
    let chosen = state.month_end_folder.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let worker = app.clone();
    let run = tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        state.workspace_now(|w| {
            let folder = chosen.unwrap_or_else(|| w.statements_dir(&period));
            // A closed window only stops hearing of the progress, never the run.
            let mut tell = |p: &MonthEndProgress| {
                let _ = on_progress.send(p.clone());
            };
            w.books()?.run_month_end(period, &codes, Some(&folder), merged, &state.month_end_cancel, &mut tell)
        })
    });
    run.await.map_err(|e| state.error(AppError::Rule(e.to_string().into())))?
}

#[tauri::command]
pub async fn month_end_cancel(state: State<'_, AppState>) -> Result<(), ErrorView> {
    state.month_end_cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Opens the folder with a period's statements in the system's file manager.
#[tauri::command]
pub async fn month_end_open_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    period: String,
) -> Result<String, ErrorView> {
    let period = self::period(&state, &period)?;
    let chosen = state.month_end_folder.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let folder = match chosen {
        Some(folder) => folder,
        None => state.workspace(move |w| Ok(w.statements_dir(&period))).await?,
    };
    app.opener()
        .open_path(folder.display().to_string(), None::<&str>)
        .map_err(|_| state.error(huikuan_app::workspace::folder_not_opened(&folder)))?;
    Ok(folder.display().to_string())
}

#[tauri::command]
pub async fn statement_get(state: State<'_, AppState>, number: String) -> Result<StatementView, ErrorView> {
    state.reading(move |b| b.statement(&number)).await
}

#[tauri::command]
pub async fn statement_issue(
    state: State<'_, AppState>,
    code: String,
    period: String,
    correct: bool,
) -> Result<StatementView, ErrorView> {
    let period = self::period(&state, &period)?;
    state.books(move |b| b.issue_statement(&code, period, correct)).await
}

#[tauri::command]
pub async fn statement_confirm(state: State<'_, AppState>, form: SignForm) -> Result<StatementView, ErrorView> {
    state.books(move |b| b.confirm_statement(form)).await
}

#[tauri::command]
pub async fn statement_dispute(state: State<'_, AppState>, form: DisputeForm) -> Result<StatementView, ErrorView> {
    state.books(move |b| b.dispute_statement(form)).await
}

#[tauri::command]
pub async fn paper_send(state: State<'_, AppState>, form: SendForm) -> Result<Vec<Sending>, ErrorView> {
    state.books(move |b| b.record_sending(form)).await
}
