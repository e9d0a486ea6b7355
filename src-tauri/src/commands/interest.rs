use huikuan_app::interest::{Claim, ClaimRequest, InterestTerms, LprRate};
use huikuan_app::ErrorView;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn interest_terms_get(state: State<'_, AppState>, code: String) -> Result<InterestTerms, ErrorView> {
    state.books(|b| b.interest_terms(&code))
}

#[tauri::command]
pub async fn interest_terms_save(
    state: State<'_, AppState>,
    code: String,
    terms: InterestTerms,
) -> Result<InterestTerms, ErrorView> {
    state.books(|b| b.set_interest_terms(&code, terms))
}

#[tauri::command]
pub async fn interest_claim(state: State<'_, AppState>, request: ClaimRequest) -> Result<Claim, ErrorView> {
    state.books(|b| b.interest_claim(&request))
}

#[tauri::command]
pub async fn lpr_rates_get(state: State<'_, AppState>) -> Result<Vec<LprRate>, ErrorView> {
    state.books(|b| b.lpr_rates())
}

#[tauri::command]
pub async fn lpr_rates_save(state: State<'_, AppState>, rates: Vec<LprRate>) -> Result<Vec<LprRate>, ErrorView> {
    state.books(|b| b.save_lpr_rates(rates))
}
