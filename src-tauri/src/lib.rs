//! The Huikuan desktop shell: the window, the workspace state and the thin commands over
//! huikuan-app. No business rule lives here.

mod command_list;
pub mod commands;
mod keyring_store;
mod reader_pool;
mod state;

use std::path::PathBuf;
use std::sync::Arc;

use huikuan_app::workspace::Workspace;
use huikuan_app::{Clock, FixedClock, SystemClock};
use tauri::{Manager, Runtime};

pub use command_list::COMMANDS;
pub use state::AppState;

/// The handler for every command the UI may call (and `build.rs` lists).
pub fn invoke_handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    use commands::*;
    tauri::generate_handler![
        workspace::workspace_status,
        workspace::workspace_start,
        workspace::workspace_start_real_books,
        workspace::read_date,
        workspace::read_month,
        workspace::set_language,
        workspace::backup_now,
        workspace::backups_list,
        workspace::backup_schedule,
        workspace::backup_schedule_set,
        workspace::backup_restore,
        shared::shared_test,
        shared::shared_open,
        shared::shared_unlock,
        shared::shared_retry,
        shared::shared_leave,
        company::company_get,
        company::company_save,
        customers::customers_list,
        customers::customer_choices,
        customers::customer_get,
        customers::customer_form,
        customers::customer_new_form,
        customers::customer_create,
        customers::customer_update,
        ledger::delivery_preview,
        ledger::delivery_create,
        ledger::payment_preview,
        ledger::payment_record,
        reports::dashboard,
        reports::customer_ledger_page,
        customers::attachment_add,
        customers::attachments_list,
        credit::customer_credit,
        credit::assessment_preview,
        credit::assessment_approve,
        credit::credit_policy_get,
        credit::credit_policy_save,
        papers::customer_papers,
        papers::paper_get,
        papers::paper_pdf,
        papers::paper_sign,
        papers::paper_verify,
        papers::paper_open,
        papers::paper_save,
        papers::company_images,
        papers::company_image_set,
        statements::month_end,
        statements::month_end_candidates,
        statements::month_end_choose_folder,
        statements::month_end_run,
        statements::month_end_cancel,
        statements::month_end_open_folder,
        statements::statement_get,
        statements::statement_issue,
        statements::statement_confirm,
        statements::statement_dispute,
        statements::paper_send,
        letters::letters_due,
        letters::letter_issue,
        letters::letters_issue,
        letters::letter_preview,
        letters::letter_get,
        letters::letter_answer,
        letters::letter_templates,
        letters::letter_templates_check,
        letters::letter_templates_save,
        letters::dunning_policy_get,
        letters::dunning_policy_save,
        interest::interest_terms_get,
        interest::interest_terms_save,
        interest::interest_claim,
        interest::lpr_rates_get,
        interest::lpr_rates_save,
        letters::customer_limitation,
        collections::worklist,
        collections::customer_collection,
        collections::contact_log,
        collections::promise_add,
        collections::plan_create,
        collections::plan_get,
        collections::payment_stage_set,
        collections::playbook_get,
        collections::playbook_save,
        collections::priority_weights_get,
        collections::priority_weights_save,
        collections::forecast,
        books_out::aging_report,
        books_out::aging_detail,
        books_out::aging_by_salesperson,
        books_out::collection_performance,
        books_out::provision_report,
        books_out::provision_rates_get,
        books_out::provision_rates_save,
        books_out::write_offs_report,
        books_out::open_items,
        books_out::write_off_create,
        books_out::report_export,
        books_out::exports_open,
        books_out::import_preview,
        books_out::import_confirm,
        books_out::evidence_build,
        bank::bank_import,
        bank::bank_sheet,
        bank::bank_lines,
        bank::bank_accept,
        bank::bank_ignore,
        invoices::invoices_list,
        invoices::invoice_room,
        invoices::invoice_preview,
        invoices::invoice_add,
        invoices::invoice_reached,
        invoices::invoicing_report,
        invoices::customer_invoicing,
        invoices::invoices_import,
        invoices::invoice_scan,
    ]
}

/// `HUIKUAN_TODAY=YYYY-MM-DD` fixes the business date (tests, demos); otherwise the system's.
pub fn clock_from_env() -> Result<Arc<dyn Clock>, String> {
    match std::env::var("HUIKUAN_TODAY") {
        Ok(text) => {
            let date = huikuan_domain::calendar::parse_date(&text).map_err(|e| format!("HUIKUAN_TODAY: {e}"))?;
            Ok(Arc::new(FixedClock::on(date)))
        }
        Err(_) => Ok(Arc::new(SystemClock)),
    }
}

/// `HUIKUAN_DB=/path/file.db` chooses the book; otherwise `books.db` in the app's data folder.
pub fn db_path<R: Runtime>(app: &tauri::App<R>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(path) = std::env::var_os("HUIKUAN_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    Ok(app.path().app_data_dir()?.join("books.db"))
}

pub fn operator() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "owner".into())
}

/// The window-state plugin saves when the window is closed normally; saving after every
/// resize or move as well keeps the size when the app is killed or the session ends.
fn remember_window_size<R: Runtime>(app: &tauri::App<R>) {
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    let Some(window) = app.get_webview_window("main") else { return };
    let handle = app.handle().clone();
    window.on_window_event(move |event| {
        if matches!(event, tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)) {
            let _ = handle.save_window_state(StateFlags::all());
        }
    });
}

/// Takes the scheduled backup when one is due: a little after start (so the first screen
/// is not kept waiting), then every hour while the app runs.
fn schedule_backups<R: Runtime>(app: &tauri::App<R>) {
    let handle = app.handle().clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(30));
        loop {
            let state = handle.state::<AppState>();
            if let Err(e) = state.workspace_now(|w| w.backup_if_due()) {
                eprintln!("scheduled backup: {}", e.message);
            }
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    });
}

/// Shared books open at start with the keyring's password; without one (no keyring, or
/// none kept) the UI asks for it before the books open. A failure is kept in the status.
fn open_shared_books(workspace: &mut Workspace) {
    let Some(server) = workspace.shared_server().cloned() else { return };
    if let Some(password) = keyring_store::recall(&server) {
        if let Err(e) = workspace.unlock_shared(&password) {
            eprintln!("shared books: {e}");
        }
    }
}

pub fn run() {
    tauri::Builder::default()
        // First, so a second launch hands over to the running one before opening anything.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // Used from our own commands only (print from the system viewer, save as): the
        // window is granted none of their commands.
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let mut workspace = Workspace::open(db_path(app)?, clock_from_env()?, &operator())?;
            open_shared_books(&mut workspace);
            app.manage(AppState::new(workspace));
            remember_window_size(app);
            schedule_backups(app);
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!())
        .expect("Huikuan could not start");
}

#[cfg(test)]
mod tests {
    use super::COMMANDS;

    #[test]
    fn the_window_is_granted_exactly_the_commands_the_app_defines() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/default.json")).expect("capability is JSON");
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .expect("a permission list")
            .iter()
            .map(|p| p.as_str().expect("permission names").to_string())
            .collect();
        let mut defined: Vec<String> = COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
        granted.sort();
        defined.sort();
        assert_eq!(granted, defined);
    }

    #[test]
    fn every_defined_command_has_a_handler() {
        let source = include_str!("lib.rs");
        for command in COMMANDS {
            assert!(source.contains(&format!("::{command},")), "{command} is not in generate_handler!");
        }
    }
}
