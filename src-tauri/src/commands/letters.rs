use std::sync::atomic::Ordering;

use huikuan_app::letters::{LetterAnswerForm, LetterChoice, LetterDue, LetterProgress, LetterView};
use huikuan_app::reports::LimitationReport;
use huikuan_app::{AppError, ErrorView};
use huikuan_domain::dunning::DunningPolicy;
use huikuan_domain::letter_template::{LetterTemplates, TemplateProblem};
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::state::AppState;

#[tauri::command]
pub async fn letters_due(state: State<'_, AppState>) -> Result<Vec<LetterDue>, ErrorView> {
    state
        .reading(move |b| {
            let today = b.clock().today();
            b.letters_due(today)
        })
        .await
}

#[tauri::command]
pub async fn letter_issue(
    state: State<'_, AppState>,
    choice: LetterChoice,
    date: String,
) -> Result<LetterView, ErrorView> {
    state.books(move |b| b.issue_chosen_letter(&choice, b.read_letter_date(&date)?)).await
}

/// The chosen letter as it would be issued, unnumbered and marked as a draft: PDF bytes.
#[tauri::command]
pub async fn letter_preview(
    state: State<'_, AppState>,
    choice: LetterChoice,
    date: String,
) -> Result<Response, ErrorView> {
    state.reading(move |b| b.preview_letter(&choice, b.read_letter_date(&date)?)).await.map(Response::new)
}

/// Issues a batch of letters on a worker thread, telling the window of each through
/// `on_progress`; the month-end cancel command stops it between two letters.
#[tauri::command]
pub async fn letters_issue<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    letters: Vec<LetterChoice>,
    date: String,
    on_progress: Channel<LetterProgress>,
) -> Result<Vec<LetterView>, ErrorView> {
    let date = state.reading(move |b| b.read_letter_date(&date)).await?;
    state.month_end_cancel.store(false, Ordering::SeqCst);
    let worker = app.clone();
    let run = tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        state.books_now(|b| {
            let mut tell = |p: &LetterProgress| {
                let _ = on_progress.send(p.clone());
            };
            b.issue_letters(&letters, date, &state.month_end_cancel, &mut tell)
        })
    });
    run.await.map_err(|e| state.error(AppError::Rule(e.to_string().into())))?
}

#[tauri::command]
pub async fn letter_get(state: State<'_, AppState>, number: String) -> Result<LetterView, ErrorView> {
    state.reading(move |b| b.letter(&number)).await
}

/// The letter's signed receipt with what the customer ticked: no objection (the debt
/// acknowledged) or its objection.
#[tauri::command]
pub async fn letter_answer(state: State<'_, AppState>, form: LetterAnswerForm) -> Result<LetterView, ErrorView> {
    state.books(move |b| b.answer_letter(form)).await
}

#[tauri::command]
pub async fn letter_templates(state: State<'_, AppState>) -> Result<LetterTemplates, ErrorView> {
    state.reading(move |b| b.letter_templates()).await
}

#[tauri::command]
pub async fn letter_templates_check(
    state: State<'_, AppState>,
    templates: LetterTemplates,
) -> Result<Vec<TemplateProblem>, ErrorView> {
    state.reading(move |b| Ok(b.check_letter_templates(&templates))).await
}

#[tauri::command]
pub async fn letter_templates_save(
    state: State<'_, AppState>,
    templates: LetterTemplates,
) -> Result<LetterTemplates, ErrorView> {
    state.books(move |b| b.save_letter_templates(templates)).await
}

#[tauri::command]
pub async fn dunning_policy_get(state: State<'_, AppState>) -> Result<DunningPolicy, ErrorView> {
    state.reading(move |b| b.dunning_policy()).await
}

#[tauri::command]
pub async fn dunning_policy_save(
    state: State<'_, AppState>,
    policy: DunningPolicy,
) -> Result<DunningPolicy, ErrorView> {
    state.books(move |b| b.save_dunning_policy(policy)).await
}

#[tauri::command]
pub async fn customer_limitation(state: State<'_, AppState>, code: String) -> Result<LimitationReport, ErrorView> {
    state.reading(move |b| b.customer_limitation(&code, None)).await
}
