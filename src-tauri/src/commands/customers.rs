use huikuan_app::customers::{Attachment, AttachmentForm, CustomerChoice, CustomerDetail, CustomerSummary};
use huikuan_app::forms::CustomerForm;
use huikuan_app::{Customer, ErrorView};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn customers_list(state: State<'_, AppState>, query: String) -> Result<Vec<CustomerSummary>, ErrorView> {
    state.books(|b| b.list_customers(&query))
}

#[tauri::command]
pub async fn customer_choices(state: State<'_, AppState>) -> Result<Vec<CustomerChoice>, ErrorView> {
    state.books(|b| b.customer_choices())
}

#[tauri::command]
pub async fn customer_get(state: State<'_, AppState>, code: String) -> Result<CustomerDetail, ErrorView> {
    state.books(|b| b.customer(&code))
}

#[tauri::command]
pub async fn customer_form(state: State<'_, AppState>, code: String) -> Result<CustomerForm, ErrorView> {
    state.books(|b| b.customer(&code).map(|d| CustomerForm::of(&d.customer, &d.contacts)))
}

/// The new-customer form filled with the credit policy's terms and limit for new customers.
#[tauri::command]
pub async fn customer_new_form(state: State<'_, AppState>) -> Result<CustomerForm, ErrorView> {
    state.books(|b| b.new_customer_form())
}

#[tauri::command]
pub async fn customer_create(state: State<'_, AppState>, form: CustomerForm) -> Result<Customer, ErrorView> {
    state.books(|b| b.create_customer_form(form))
}

#[tauri::command]
pub async fn customer_update(
    state: State<'_, AppState>,
    code: String,
    form: CustomerForm,
) -> Result<Customer, ErrorView> {
    state.books(|b| b.update_customer_form(&code, form))
}

#[tauri::command]
pub async fn attachment_add(state: State<'_, AppState>, form: AttachmentForm) -> Result<Attachment, ErrorView> {
    state.books(|b| b.attach_file(form))
}

#[tauri::command]
pub async fn attachments_list(state: State<'_, AppState>, code: String) -> Result<Vec<Attachment>, ErrorView> {
    state.books(|b| b.attachments(&code))
}
