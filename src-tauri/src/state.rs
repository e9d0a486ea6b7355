//! The one piece of state the window shares: the workspace, behind a lock. Every command
//! goes through here, so every error reaches the UI as `{code, message, field}` in the
//! user's language.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use huikuan_app::workspace::Workspace;
use huikuan_app::{AppError, Books, ErrorView};

pub struct AppState {
    workspace: Mutex<Workspace>,
    /// Set by the month-end screen's cancel button; read by the run between statements.
    pub month_end_cancel: AtomicBool,
    /// The folder the user chose in the system dialog for month-end PDFs (never a path
    /// the UI typed).
    pub month_end_folder: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> AppState {
        AppState {
            workspace: Mutex::new(workspace),
            month_end_cancel: AtomicBool::new(false),
            month_end_folder: Mutex::new(None),
        }
    }

    /// Runs `f` on the workspace; its error is said in the user's language.
    pub fn workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T, AppError>) -> Result<T, ErrorView> {
        // Blocking work, told to the async runtime: shared books talk to their server
        // through a client that runs a runtime of its own, which may not start on a worker
        // thread that drives async tasks (it panics); outside a runtime this just runs `f`.
        tokio::task::block_in_place(|| {
            // A panic while the lock was held leaves nothing half-written (every change is
            // one transaction), so the workspace is still good to use.
            let mut workspace = self.workspace.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut workspace).map_err(|e| e.view(workspace.language()))
        })
    }

    /// An error from the shell itself (a dialog, the system viewer), said like the others.
    pub fn error(&self, error: AppError) -> ErrorView {
        let workspace = self.workspace.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        error.view(workspace.language())
    }

    /// Runs `f` on the open books.
    pub fn books<T>(&self, f: impl FnOnce(&mut Books) -> Result<T, AppError>) -> Result<T, ErrorView> {
        self.workspace(|w| f(w.books()?))
    }
}
