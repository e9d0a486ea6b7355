//! The one piece of state the window shares: the workspace behind its lock (it writes, and
//! it opens, switches and restores the books), and a pool of readers beside it. Every
//! command goes through here, so every error reaches the UI as `{code, message, field}` in
//! the user's language.
//!
//! Blocking work runs on the async runtime's blocking threads (`spawn_blocking`), never on
//! its workers: a 3-second report then leaves the workers free for every other command,
//! and the PostgreSQL client, which runs a runtime of its own, may start it there (it
//! panics on a worker). `block_in_place` would also keep the other tasks going, but it
//! turns the calling worker itself into the blocking thread and panics outside a
//! multi-threaded runtime; `spawn_blocking` says plainly where the work runs.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use huikuan_app::workspace::Workspace;
use huikuan_app::{AppError, Books, ErrorView};
use huikuan_domain::DocLanguage;

use crate::reader_pool::ReaderPool;

/// Cheap to clone: every clone is the same state, so a command hands one to the blocking
/// thread that does its work.
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

pub struct Shared {
    workspace: Mutex<Workspace>,
    readers: ReaderPool,
    /// Set by the month-end screen's cancel button; read by the run between statements.
    pub month_end_cancel: AtomicBool,
    /// The folder the user chose in the system dialog for month-end PDFs (never a path
    /// the UI typed).
    pub month_end_folder: Mutex<Option<PathBuf>>,
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.shared
    }
}

impl AppState {
    pub fn new(workspace: Workspace) -> AppState {
        let readers = ReaderPool::new(workspace.reader_source(), workspace.language());
        AppState {
            shared: Arc::new(Shared {
                workspace: Mutex::new(workspace),
                readers,
                month_end_cancel: AtomicBool::new(false),
                month_end_folder: Mutex::new(None),
            }),
        }
    }

    /// Runs `f` on the workspace, on a blocking thread; its error is said in the user's
    /// language. Everything that writes, or opens and switches books, comes here.
    pub async fn workspace<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, ErrorView> {
        let state = self.clone();
        self.blocking(move || state.workspace_now(f)).await
    }

    /// Runs `f` on the open books (the workspace's own, which write), on a blocking thread.
    pub async fn books<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Books) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, ErrorView> {
        self.workspace(move |w| f(w.books()?)).await
    }

    /// Runs a use case that only reads on one of the readers beside the workspace, on a
    /// blocking thread: it neither waits for a write in progress nor holds one up, nor any
    /// other read. Without readers (no books open yet) it runs on the workspace's books,
    /// which say why there are none.
    pub async fn reading<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Books) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, ErrorView> {
        let state = self.clone();
        self.blocking(move || state.reading_now(f)).await
    }

    /// As `workspace`, on the calling thread: for work already on a thread of its own.
    pub fn workspace_now<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T, AppError>) -> Result<T, ErrorView> {
        // A panic while the lock was held leaves nothing half-written (every change is one
        // transaction), so the workspace is still good to use.
        let mut workspace = self.workspace.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let result = f(&mut workspace).map_err(|e| e.view(workspace.language()));
        // Told under the workspace's lock, so the pool learns of two switches in their order.
        let stale = self.readers.refresh(workspace.reader_source(), workspace.language());
        drop(workspace);
        // Readers of books no longer open close after the lock is let go.
        drop(stale);
        result
    }

    /// As `books`, on the calling thread: for work already on a thread of its own.
    pub fn books_now<T>(&self, f: impl FnOnce(&mut Books) -> Result<T, AppError>) -> Result<T, ErrorView> {
        self.workspace_now(|w| f(w.books()?))
    }

    /// As `reading`, on the calling thread.
    pub fn reading_now<T>(&self, f: impl FnOnce(&mut Books) -> Result<T, AppError>) -> Result<T, ErrorView> {
        let Some(lent) = self.readers.lend() else {
            return self.books_now(f);
        };
        let mut lent = lent.map_err(|e| self.error(e))?;
        let result = f(&mut lent.books).map_err(|e| self.error(e));
        self.readers.give_back(lent);
        result
    }

    /// The user's language, known without waiting for the workspace.
    pub fn language(&self) -> DocLanguage {
        self.readers.language()
    }

    /// An error from the shell itself (a dialog, the system viewer), said like the others.
    pub fn error(&self, error: AppError) -> ErrorView {
        error.view(self.language())
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, ErrorView> + Send + 'static,
    ) -> Result<T, ErrorView> {
        match tauri::async_runtime::spawn_blocking(work).await {
            Ok(result) => result,
            Err(e) => Err(self.error(AppError::Rule(e.to_string().into()))),
        }
    }
}
