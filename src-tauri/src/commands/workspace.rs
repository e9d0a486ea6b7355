use huikuan_app::workspace::{BackupDone, WorkspaceStatus};
use huikuan_app::ErrorView;
use huikuan_domain::DocLanguage;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn workspace_status(state: State<'_, AppState>) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(|w| Ok(w.status()))
}

/// First start: `demo` opens the generated demo company, otherwise empty books.
#[tauri::command]
pub async fn workspace_start(state: State<'_, AppState>, demo: bool) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(|w| w.start(demo))
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: DocLanguage) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(|w| w.set_language(language))
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupDone, ErrorView> {
    state.workspace(|w| w.backup_now())
}
