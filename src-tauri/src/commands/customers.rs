use huikuan_app::customers::{Attachment, AttachmentForm, CustomerChoice, CustomerDetail, CustomerSummary};
use huikuan_app::forms::CustomerForm;
use huikuan_app::{Customer, ErrorView};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn customers_list(state: State<'_, AppState>, query: String) -> Result<Vec<CustomerSummary>, ErrorView> {
    state.reading(move |b| b.list_customers(&query)).await
}

#[tauri::command]
pub async fn customer_choices(state: State<'_, AppState>) -> Result<Vec<CustomerChoice>, ErrorView> {
    state.reading(move |b| b.customer_choices()).await
}

#[tauri::command]
pub async fn customer_get(state: State<'_, AppState>, code: String) -> Result<CustomerDetail, ErrorView> {
    state.reading(move |b| b.customer(&code)).await
}

#[tauri::command]
pub async fn customer_form(state: State<'_, AppState>, code: String) -> Result<CustomerForm, ErrorView> {
    state.reading(move |b| b.customer(&code).map(|d| CustomerForm::of(&d.customer, &d.contacts))).await
}

/// The new-customer form filled with the credit policy's terms and limit for new customers.
#[tauri::command]
pub async fn customer_new_form(state: State<'_, AppState>) -> Result<CustomerForm, ErrorView> {
    state.reading(move |b| b.new_customer_form()).await
}

#[tauri::command]
pub async fn customer_create(state: State<'_, AppState>, form: CustomerForm) -> Result<Customer, ErrorView> {
    state.books(move |b| b.create_customer_form(form)).await
}

#[tauri::command]
pub async fn customer_update(
    state: State<'_, AppState>,
    code: String,
    form: CustomerForm,
) -> Result<Customer, ErrorView> {
    state.books(move |b| b.update_customer_form(&code, form)).await
}

#[tauri::command]
pub async fn attachment_add(state: State<'_, AppState>, form: AttachmentForm) -> Result<Attachment, ErrorView> {
    state.books(move |b| b.attach_file(form)).await
}

#[tauri::command]
pub async fn attachments_list(state: State<'_, AppState>, code: String) -> Result<Vec<Attachment>, ErrorView> {
    state.reading(move |b| b.attachments(&code)).await
}
