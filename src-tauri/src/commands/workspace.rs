use huikuan_app::backups::{BackupFile, BackupSchedule, RestoreDone};
use huikuan_app::workspace::{BackupDone, RealBooksStarted, WorkspaceStatus};
use huikuan_app::ErrorView;
use huikuan_domain::DocLanguage;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn workspace_status(state: State<'_, AppState>) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(move |w| Ok(w.status())).await
}

/// First start: `demo` opens the generated demo company, otherwise empty books.
#[tauri::command]
pub async fn workspace_start(state: State<'_, AppState>, demo: bool) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(move |w| w.start(demo)).await
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: DocLanguage) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(move |w| w.set_language(language)).await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupDone, ErrorView> {
    state.workspace(move |w| w.backup_now()).await
}

#[tauri::command]
pub async fn backups_list(state: State<'_, AppState>) -> Result<Vec<BackupFile>, ErrorView> {
    state.workspace(move |w| w.backups()).await
}

#[tauri::command]
pub async fn backup_schedule(state: State<'_, AppState>) -> Result<BackupSchedule, ErrorView> {
    state.workspace(move |w| Ok(w.backup_schedule())).await
}

#[tauri::command]
pub async fn backup_schedule_set(
    state: State<'_, AppState>,
    schedule: BackupSchedule,
) -> Result<BackupSchedule, ErrorView> {
    state.workspace(move |w| w.set_backup_schedule(schedule)).await
}

/// Replaces the books with one of their backups, named as listed.
#[tauri::command]
pub async fn backup_restore(state: State<'_, AppState>, name: String) -> Result<RestoreDone, ErrorView> {
    state.workspace(move |w| w.restore_backup(&name)).await
}

/// Leaves the demo company: the demo is kept in a file of its own and empty books open.
#[tauri::command]
pub async fn workspace_start_real_books(state: State<'_, AppState>) -> Result<RealBooksStarted, ErrorView> {
    state.workspace(move |w| w.start_real_books()).await
}

/// A date as typed in a date field (`2026/12/1`, `12月1日`), as the books read it.
#[tauri::command]
pub async fn read_date(state: State<'_, AppState>, text: String) -> Result<chrono::NaiveDate, ErrorView> {
    state.reading(move |b| b.read_date(&text)).await
}

/// A month as typed in a month field (`2026/11`, `2026年11月`): `2026-11`.
#[tauri::command]
pub async fn read_month(state: State<'_, AppState>, text: String) -> Result<String, ErrorView> {
    state.reading(move |b| b.read_month(&text)).await
}
