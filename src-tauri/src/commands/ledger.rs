use huikuan_app::forms::{DeliveryForm, DeliveryPreview, PaymentForm, PaymentPreview};
use huikuan_app::ledger::PaymentReceipt;
use huikuan_app::{DeliveryNote, ErrorView};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn delivery_preview(state: State<'_, AppState>, form: DeliveryForm) -> Result<DeliveryPreview, ErrorView> {
    state.reading(move |b| b.preview_delivery(&form)).await
}

#[tauri::command]
pub async fn delivery_create(state: State<'_, AppState>, form: DeliveryForm) -> Result<DeliveryNote, ErrorView> {
    state.books(move |b| b.create_delivery_form(form)).await
}

#[tauri::command]
pub async fn payment_preview(state: State<'_, AppState>, form: PaymentForm) -> Result<PaymentPreview, ErrorView> {
    let language = state.language();
    state.reading(move |b| b.preview_payment_form(&form, language)).await
}

#[tauri::command]
pub async fn payment_record(state: State<'_, AppState>, form: PaymentForm) -> Result<PaymentReceipt, ErrorView> {
    state.books(move |b| b.record_payment_form(form)).await
}
