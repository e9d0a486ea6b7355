use huikuan_app::collections::{
    ContactLogForm, CustomerCollection, Forecast, PlanForm, PlanView, PlaybookEntry, PromiseForm, WorkItem,
};
use huikuan_app::ErrorView;
use huikuan_domain::collection::PriorityWeights;
use huikuan_store::tables::collection::{ContactLog, PromiseRecord, StageRecord};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn worklist(state: State<'_, AppState>) -> Result<Vec<WorkItem>, ErrorView> {
    state
        .reading(move |b| {
            let today = b.clock().today();
            b.worklist(today)
        })
        .await
}

#[tauri::command]
pub async fn customer_collection(state: State<'_, AppState>, code: String) -> Result<CustomerCollection, ErrorView> {
    state.reading(move |b| b.customer_collection(&code)).await
}

#[tauri::command]
pub async fn contact_log(state: State<'_, AppState>, form: ContactLogForm) -> Result<ContactLog, ErrorView> {
    state.books(move |b| b.log_contact(form)).await
}

#[tauri::command]
pub async fn promise_add(state: State<'_, AppState>, form: PromiseForm) -> Result<PromiseRecord, ErrorView> {
    state.books(move |b| b.add_promise(form)).await
}

#[tauri::command]
pub async fn plan_create(state: State<'_, AppState>, form: PlanForm) -> Result<PlanView, ErrorView> {
    state.books(move |b| b.create_plan(form)).await
}

#[tauri::command]
pub async fn plan_get(state: State<'_, AppState>, number: String) -> Result<PlanView, ErrorView> {
    state.reading(move |b| b.plan(&number)).await
}

#[tauri::command]
pub async fn payment_stage_set(
    state: State<'_, AppState>,
    code: String,
    stage: String,
    person: String,
    note: String,
) -> Result<StageRecord, ErrorView> {
    state.books(move |b| b.set_payment_stage(&code, &stage, &person, &note)).await
}

#[tauri::command]
pub async fn playbook_get(state: State<'_, AppState>) -> Result<Vec<PlaybookEntry>, ErrorView> {
    state.reading(move |b| b.playbook()).await
}

#[tauri::command]
pub async fn playbook_save(
    state: State<'_, AppState>,
    entries: Vec<PlaybookEntry>,
) -> Result<Vec<PlaybookEntry>, ErrorView> {
    state.books(move |b| b.save_playbook(entries)).await
}

#[tauri::command]
pub async fn priority_weights_get(state: State<'_, AppState>) -> Result<PriorityWeights, ErrorView> {
    state.reading(move |b| b.priority_weights()).await
}

#[tauri::command]
pub async fn priority_weights_save(
    state: State<'_, AppState>,
    weights: PriorityWeights,
) -> Result<PriorityWeights, ErrorView> {
    state.books(move |b| b.save_priority_weights(weights)).await
}

#[tauri::command]
pub async fn forecast(state: State<'_, AppState>) -> Result<Forecast, ErrorView> {
    state
        .reading(move |b| {
            let today = b.clock().today();
            b.forecast_with_check(today)
        })
        .await
}
