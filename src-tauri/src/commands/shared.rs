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
    state.workspace(|w| w.test_shared(&form))
}

/// Opens the form's shared books and keeps the password in the keyring where there is one.
#[tauri::command]
pub async fn shared_open(state: State<'_, AppState>, form: ServerForm) -> Result<SharedOpened, ErrorView> {
    let status = state.workspace(|w| w.open_shared(&form))?;
    let password_kept = status.shared.as_ref().is_some_and(|s| keyring_store::remember(s, &form.password));
    Ok(SharedOpened { status, password_kept })
}

/// The password asked at start, when the keyring had none.
#[tauri::command]
pub async fn shared_unlock(state: State<'_, AppState>, password: String) -> Result<SharedOpened, ErrorView> {
    let status = state.workspace(|w| w.unlock_shared(&password))?;
    let password_kept = status.shared.as_ref().is_some_and(|s| keyring_store::remember(s, &password));
    Ok(SharedOpened { status, password_kept })
}

#[tauri::command]
pub async fn shared_retry(state: State<'_, AppState>) -> Result<WorkspaceStatus, ErrorView> {
    state.workspace(|w| w.retry_shared())
}

/// Back to the book file on this computer; the kept password is forgotten.
#[tauri::command]
pub async fn shared_leave(state: State<'_, AppState>) -> Result<WorkspaceStatus, ErrorView> {
    let server = state.workspace(|w| Ok(w.shared_server().cloned()))?;
    let status = state.workspace(|w| w.leave_shared())?;
    if let Some(server) = server {
        keyring_store::forget(&server);
    }
    Ok(status)
}
