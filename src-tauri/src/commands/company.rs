use huikuan_app::{Company, ErrorView};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn company_get(state: State<'_, AppState>) -> Result<Company, ErrorView> {
    state.reading(move |b| b.company()).await
}

#[tauri::command]
pub async fn company_save(state: State<'_, AppState>, company: Company) -> Result<Company, ErrorView> {
    state.books(move |b| b.update_company(company)).await
}
