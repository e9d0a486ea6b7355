use huikuan_app::reports::{CustomerLedger, Dashboard};
use huikuan_app::ErrorView;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, ErrorView> {
    state.books(|b| b.dashboard())
}

#[tauri::command]
pub async fn customer_ledger(state: State<'_, AppState>, code: String) -> Result<CustomerLedger, ErrorView> {
    state.books(|b| b.customer_ledger(&code, None))
}
