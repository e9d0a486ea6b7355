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
    state.books(|b| {
        let today = b.clock().today();
        b.worklist(today)
    })
}

#[tauri::command]
pub async fn customer_collection(state: State<'_, AppState>, code: String) -> Result<CustomerCollection, ErrorView> {
    state.books(|b| b.customer_collection(&code))
}

#[tauri::command]
pub async fn contact_log(state: State<'_, AppState>, form: ContactLogForm) -> Result<ContactLog, ErrorView> {
    state.books(|b| b.log_contact(form))
}

#[tauri::command]
pub async fn promise_add(state: State<'_, AppState>, form: PromiseForm) -> Result<PromiseRecord, ErrorView> {
    state.books(|b| b.add_promise(form))
}

#[tauri::command]
pub async fn plan_create(state: State<'_, AppState>, form: PlanForm) -> Result<PlanView, ErrorView> {
    state.books(|b| b.create_plan(form))
}

#[tauri::command]
pub async fn plan_get(state: State<'_, AppState>, number: String) -> Result<PlanView, ErrorView> {
    state.books(|b| b.plan(&number))
}

#[tauri::command]
pub async fn payment_stage_set(
    state: State<'_, AppState>,
    code: String,
    stage: String,
    person: String,
    note: String,
) -> Result<StageRecord, ErrorView> {
    state.books(|b| b.set_payment_stage(&code, &stage, &person, &note))
}

#[tauri::command]
pub async fn playbook_get(state: State<'_, AppState>) -> Result<Vec<PlaybookEntry>, ErrorView> {
    state.books(|b| b.playbook())
}

#[tauri::command]
pub async fn playbook_save(
    state: State<'_, AppState>,
    entries: Vec<PlaybookEntry>,
) -> Result<Vec<PlaybookEntry>, ErrorView> {
    state.books(|b| b.save_playbook(entries))
}

#[tauri::command]
pub async fn priority_weights_get(state: State<'_, AppState>) -> Result<PriorityWeights, ErrorView> {
    state.books(|b| b.priority_weights())
}

#[tauri::command]
pub async fn priority_weights_save(
    state: State<'_, AppState>,
    weights: PriorityWeights,
) -> Result<PriorityWeights, ErrorView> {
    state.books(|b| b.save_priority_weights(weights))
}

#[tauri::command]
pub async fn forecast(state: State<'_, AppState>) -> Result<Forecast, ErrorView> {
    state.books(|b| {
        let today = b.clock().today();
        b.forecast_with_check(today)
    })
}
