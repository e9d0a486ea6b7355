//! The workspace's shared books: testing a server, opening its books and remembering it
//! (never the password), the password at start, try again, and back to this computer.

use huikuan_store::StoreError;

use crate::error::AppError;
use crate::shared_books::{
    explain, open_shared, server_with_password, test_connection, ConnectionTest, ServerForm, SharedServer, TestOutcome,
};
use crate::workspace::{Preferences, Workspace, WorkspaceStatus};
use crate::Books;

impl Workspace {
    /// The remembered server of shared books, if the books are shared.
    pub fn shared_server(&self) -> Option<&SharedServer> {
        self.preferences.shared.as_ref()
    }

    /// Tells what the form's server holds; the open books stay as they are.
    pub fn test_shared(&self, form: &ServerForm) -> Result<ConnectionTest, AppError> {
        test_connection(form, self.language())
    }

    /// Makes the form's shared books the workspace's books (an empty database becomes new,
    /// empty books) and remembers the server, not the password, for the next start.
    pub fn open_shared(&mut self, form: &ServerForm) -> Result<WorkspaceStatus, AppError> {
        let (shared, server) = form.server()?;
        // Said as the connection test says it (nothing answering, wrong password, ...).
        let books = open_shared(&server, Box::new(self.clock.clone()), &self.operator).map_err(|error| {
            let (_, en, zh) = explain(&error, &shared);
            AppError::rule(None, en, zh)
        })?;
        self.save_preferences(Preferences { shared: Some(shared), ..self.preferences.clone() })?;
        self.books = Some(books);
        self.problem = None;
        self.server_problem = None;
        self.shared_password = Some(form.password.clone());
        Ok(self.status())
    }

    /// Opens the remembered shared books with this password (from the keyring, or typed).
    pub fn unlock_shared(&mut self, password: &str) -> Result<WorkspaceStatus, AppError> {
        let Some(shared) = self.preferences.shared.clone() else { return Err(AppError::NoBooks) };
        let server = server_with_password(&shared, password)?;
        match open_shared(&server, Box::new(self.clock.clone()), &self.operator) {
            Ok(books) => {
                self.books = Some(books);
                self.server_problem = None;
                self.shared_password = Some(password.to_string());
                Ok(self.status())
            }
            Err(error) => {
                let (outcome, en, zh) = explain(&error, &shared);
                // A refused password is asked for again; any other failure keeps it for the retry.
                self.shared_password = (outcome != TestOutcome::WrongPassword).then(|| password.to_string());
                self.server_problem = Some((outcome, en.clone(), zh.clone()));
                Err(AppError::rule(None, en, zh))
            }
        }
    }

    /// The "try again" of a server that went away: the store connects again at its next
    /// transaction, so one small read tells whether the server is back.
    pub fn retry_shared(&mut self) -> Result<WorkspaceStatus, AppError> {
        if let Some(books) = self.books.as_mut() {
            books.store().read(|_| Ok::<(), StoreError>(()))?;
            return Ok(self.status());
        }
        match self.shared_password.clone() {
            Some(password) => self.unlock_shared(&password),
            None => Ok(self.status()),
        }
    }

    /// Restores a backup over the book file; refused while the books are shared ones: a
    /// backup of them is a file that opens anywhere, and goes back onto a server as a whole
    /// with `huikuan-cli --db FILE copy-to URL` into an empty database, never over the
    /// books every seat is using.
    pub fn restore_backup(&mut self, name: &str) -> Result<crate::backups::RestoreDone, AppError> {
        if let Some(server) = &self.preferences.shared {
            let shown = server.shown();
            return Err(AppError::rule(
                None,
                format!("The books are shared books on {shown}: a backup is not restored over them. Open it on this computer, or copy it into an empty database with huikuan-cli --db FILE copy-to URL."),
                format!("当前是 {shown} 上的共享账簿：备份不会覆盖它。可在本机打开备份，或用 huikuan-cli --db 文件 copy-to 地址 复制到一个空数据库。"),
            ));
        }
        self.restore(name).map(|(done, _)| done)
    }

    /// Back to the book file on this computer (or the welcome screen when there is none).
    pub fn leave_shared(&mut self) -> Result<WorkspaceStatus, AppError> {
        self.save_preferences(Preferences { shared: None, ..self.preferences.clone() })?;
        self.books = None;
        self.shared_password = None;
        self.server_problem = None;
        if self.db_path.exists() {
            match Books::open(&self.db_path, Box::new(self.clock.clone()), &self.operator) {
                Ok(books) => self.books = Some(books),
                Err(problem) => self.problem = Some(problem),
            }
        }
        Ok(self.status())
    }
}
