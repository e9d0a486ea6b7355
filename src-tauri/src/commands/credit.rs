use huikuan_app::credit::{ApprovedAssessment, AssessmentForm, AssessmentPreview, CustomerCredit};
use huikuan_app::ErrorView;
use huikuan_domain::credit::CreditPolicy;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn customer_credit(state: State<'_, AppState>, code: String) -> Result<CustomerCredit, ErrorView> {
    state.books(|b| b.customer_credit(&code, None))
}

#[tauri::command]
pub async fn assessment_preview(
    state: State<'_, AppState>,
    form: AssessmentForm,
) -> Result<AssessmentPreview, ErrorView> {
    state.books(|b| b.preview_assessment(form))
}

#[tauri::command]
pub async fn assessment_approve(
    state: State<'_, AppState>,
    form: AssessmentForm,
) -> Result<ApprovedAssessment, ErrorView> {
    state.books(|b| b.approve_assessment(form))
}

#[tauri::command]
pub async fn credit_policy_get(state: State<'_, AppState>) -> Result<CreditPolicy, ErrorView> {
    state.books(|b| b.credit_policy())
}

#[tauri::command]
pub async fn credit_policy_save(state: State<'_, AppState>, policy: CreditPolicy) -> Result<CreditPolicy, ErrorView> {
    state.books(|b| b.set_credit_policy(policy))
}
