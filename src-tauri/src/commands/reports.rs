use huikuan_app::reports::{Dashboard, LedgerPage};
use huikuan_app::ErrorView;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, ErrorView> {
    state.reading(move |b| b.dashboard()).await
}

#[tauri::command]
pub async fn customer_ledger_page(
    state: State<'_, AppState>,
    code: String,
    offset: u32,
    limit: u32,
) -> Result<LedgerPage, ErrorView> {
    state.reading(move |b| b.customer_ledger_page(&code, offset, limit)).await
}
