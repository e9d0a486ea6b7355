//! Shared books on a server: the connection test, opening them, the password asked at
//! start, "try again" after the server went away, and going back to this computer.

use huikuan_app::shared_books::{ConnectionTest, ServerForm, SharedOpened};
use huikuan_app::workspace::WorkspaceStatus;
use huikuan_app::ErrorView;
use tauri::State;

use crate::keyring_store;
use crate::state::AppState;

#[tauri::command]
pub async fn shared_test(state: State<'_, AppState>, form: ServerForm) -> Result<ConnectionTest, ErrorView> {
    state.workspace(move |w| w.test_shared(&form)).await
}

/// Opens the form's shared books and keeps the password in the keyring where there is one.
#[tauri::command]
pub async fn shared_open(state: State<'_, AppState>, form: ServerForm) -> Result<SharedOpened, ErrorView> {
    let password = form.password.clone();
    let status = state.workspace(move |w| w.open_shared(&form)).await?;
    let password_kept = status.shared.as_ref().is_some_and(|s| keyring_store::remember(s, &password));
    Ok(SharedOpened { status, password_kept })
}

/// The password asked at start, when the keyring had none.
#[tauri::command]
pub async fn shared_unlock(state: State<'_, AppState>, password: String) -> Result<SharedOpened, ErrorView> {
    let typed = password.clone();
    let status = state.workspace(move |w| w.unlock_shared(&typed)).await?;
    let password_kept = status.shared.as_ref().is_some_and(|s| keyring_store::remember(s, &password));
    Ok(SharedOpened { status, password_kept })
}

#[tauri::command]
pub async fn shared_retry(state: State<'_, AppState>) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(move |w| w.retry_shared()).await
}

/// Back to the book file on this computer; the kept password is forgotten.
#[tauri::command]
pub async fn shared_leave(state: State<'_, AppState>) -> Result<WorkspaceStatus, ErrorView> {
    let server = state.workspace(move |w| Ok(w.shared_server().cloned())).await?;
    let status = state.workspace(move |w| w.leave_shared()).await?;
    if let Some(server) = server {
        keyring_store::forget(&server);
    }
    Ok(status)
}
