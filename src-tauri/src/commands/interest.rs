use huikuan_app::interest::{Claim, ClaimRequest, InterestTerms, LprRate};
use huikuan_app::ErrorView;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn interest_terms_get(state: State<'_, AppState>, code: String) -> Result<InterestTerms, ErrorView> {
    state.reading(move |b| b.interest_terms(&code)).await
}

#[tauri::command]
pub async fn interest_terms_save(
    state: State<'_, AppState>,
    code: String,
    terms: InterestTerms,
) -> Result<InterestTerms, ErrorView> {
    state.books(move |b| b.set_interest_terms(&code, terms)).await
}

#[tauri::command]
pub async fn interest_claim(state: State<'_, AppState>, request: ClaimRequest) -> Result<Claim, ErrorView> {
    state.reading(move |b| b.interest_claim(&request)).await
}

#[tauri::command]
pub async fn lpr_rates_get(state: State<'_, AppState>) -> Result<Vec<LprRate>, ErrorView> {
    state.reading(move |b| b.lpr_rates()).await
}

#[tauri::command]
pub async fn lpr_rates_save(state: State<'_, AppState>, rates: Vec<LprRate>) -> Result<Vec<LprRate>, ErrorView> {
    state.books(move |b| b.save_lpr_rates(rates)).await
}
