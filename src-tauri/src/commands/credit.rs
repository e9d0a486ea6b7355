use huikuan_app::credit::{ApprovedAssessment, AssessmentForm, AssessmentPreview, CustomerCredit};
use huikuan_app::ErrorView;
use huikuan_domain::credit::CreditPolicy;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn customer_credit(state: State<'_, AppState>, code: String) -> Result<CustomerCredit, ErrorView> {
    state.reading(move |b| b.customer_credit(&code, None)).await
}

#[tauri::command]
pub async fn assessment_preview(
    state: State<'_, AppState>,
    form: AssessmentForm,
) -> Result<AssessmentPreview, ErrorView> {
    state.reading(move |b| b.preview_assessment(form)).await
}

#[tauri::command]
pub async fn assessment_approve(
    state: State<'_, AppState>,
    form: AssessmentForm,
) -> Result<ApprovedAssessment, ErrorView> {
    state.books(move |b| b.approve_assessment(form)).await
}

#[tauri::command]
pub async fn credit_policy_get(state: State<'_, AppState>) -> Result<CreditPolicy, ErrorView> {
    state.reading(move |b| b.credit_policy()).await
}

#[tauri::command]
pub async fn credit_policy_save(state: State<'_, AppState>, policy: CreditPolicy) -> Result<CreditPolicy, ErrorView> {
    state.books(move |b| b.set_credit_policy(policy)).await
}
