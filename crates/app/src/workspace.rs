//! The desktop app's place on disk: the book file, its backups folder and the user's
//! preferences beside it. Opens the books when they exist; otherwise waits for the user to
//! choose the demo company or empty books on the welcome screen.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use huikuan_domain::DocLanguage;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::demo::create_demo_books;
use crate::error::AppError;
use crate::shared_books::{ConnectionTest, SharedServer, TestOutcome};
use crate::{Books, Clock};

/// The demo business is the same every time it is opened on the same day.
const DEMO_SEED: u64 = 2026;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preferences {
    pub language: DocLanguage,
    #[serde(default)]
    pub backups: crate::backups::BackupSchedule,
    /// The server of shared books the workspace opens (host, port, database, user; the
    /// password is never here): None for the book file on this computer.
    #[serde(default)]
    pub shared: Option<SharedServer>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences { language: DocLanguage::Zh, backups: Default::default(), shared: None }
    }
}

/// What the UI needs to know before it shows anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkspaceStatus {
    /// False until books exist: the UI shows the welcome screen.
    pub opened: bool,
    /// The book file exists but cannot be opened: why, in the user's language; the UI
    /// offers the backups to restore instead of the welcome screen.
    pub problem: Option<String>,
    pub db_path: String,
    pub backups_dir: String,
    pub language: DocLanguage,
    /// The business date: forms start on it.
    pub today: NaiveDate,
    /// The open books are the generated demo company: the app offers to start real books.
    pub demo: bool,
    /// Where the books are, as shown: the file, or the server without its password.
    pub location: String,
    /// The books are shared books on this server (open, or waiting for it).
    pub shared: Option<SharedServer>,
    /// Shared books are remembered but no password is known (no keyring): the UI asks.
    pub needs_password: bool,
    /// The last try to open the shared books failed: why, in plain words.
    pub server_problem: Option<ConnectionTest>,
}

/// Real books started from the demo: where the demo was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RealBooksStarted {
    pub status: WorkspaceStatus,
    /// The demo company's file, still a book that opens (`huikuan-cli --db` or the app).
    pub demo_kept_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupDone {
    pub path: String,
}

pub struct Workspace {
    pub(crate) db_path: PathBuf,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) operator: String,
    pub(crate) preferences: Preferences,
    pub(crate) books: Option<Books>,
    /// Why the book file that exists could not be opened (damaged, not a book, newer):
    /// the app says so and offers a backup to restore, and never touches the file.
    pub(crate) problem: Option<AppError>,
    /// The shared books' password, in memory only (from the keyring or typed at start).
    pub(crate) shared_password: Option<String>,
    /// Why the shared books could not be opened, for the status.
    pub(crate) server_problem: Option<(TestOutcome, String, String)>,
}

impl Workspace {
    /// Opens the books at `db_path` if the file exists. A file that cannot be opened is
    /// kept as the workspace's problem (the app says why and offers its backups), never
    /// touched and never replaced by new books.
    pub fn open(db_path: PathBuf, clock: Arc<dyn Clock>, operator: &str) -> Result<Workspace, AppError> {
        let preferences = read_preferences(&preferences_path(&db_path));
        let (books, problem) = if preferences.shared.is_some() {
            // Shared books wait for their password (the keyring's, or asked for).
            (None, None)
        } else if db_path.exists() {
            match Books::open(&db_path, Box::new(clock.clone()), operator) {
                Ok(books) => (Some(books), None),
                Err(problem) => (None, Some(problem)),
            }
        } else {
            (None, None)
        };
        Ok(Workspace {
            db_path,
            clock,
            operator: operator.to_string(),
            preferences,
            books,
            problem,
            shared_password: None,
            server_problem: None,
        })
    }

    pub fn status(&self) -> WorkspaceStatus {
        WorkspaceStatus {
            opened: self.books.is_some(),
            problem: self.problem.as_ref().map(|p| p.message_in(self.preferences.language)),
            db_path: self.db_path.display().to_string(),
            backups_dir: self.backups_dir().display().to_string(),
            language: self.preferences.language,
            today: self.clock.today(),
            demo: self.books.as_ref().is_some_and(Books::is_demo),
            location: match &self.preferences.shared {
                Some(server) => server.shown(),
                None => self.db_path.display().to_string(),
            },
            shared: self.preferences.shared.clone(),
            needs_password: self.books.is_none() && self.preferences.shared.is_some() && self.shared_password.is_none(),
            server_problem: self.server_problem.as_ref().map(|(outcome, en, zh)| ConnectionTest {
                outcome: *outcome,
                message: if self.preferences.language == DocLanguage::En { en.clone() } else { zh.clone() },
                server: self.preferences.shared.as_ref().map(SharedServer::shown).unwrap_or_default(),
            }),
        }
    }

    pub fn language(&self) -> DocLanguage {
        self.preferences.language
    }

    pub fn books(&mut self) -> Result<&mut Books, AppError> {
        match (&mut self.books, &self.problem) {
            (Some(books), _) => Ok(books),
            (None, Some(problem)) => Err(AppError::File {
                path: self.db_path.display().to_string(),
                message: problem.message_in(self.preferences.language),
            }),
            (None, None) => match &self.server_problem {
                Some((_, en, zh)) => Err(AppError::rule(None, en.clone(), zh.clone())),
                None => Err(AppError::NoBooks),
            },
        }
    }

    /// Creates the books on first start: the generated demo company, or empty books.
    pub fn start(&mut self, demo: bool) -> Result<WorkspaceStatus, AppError> {
        if self.books.is_some() || self.db_path.exists() {
            return Err(AppError::BooksExist(self.db_path.display().to_string()));
        }
        if let Some(folder) = self.db_path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| file_error(folder, e))?;
        }
        let clock = Box::new(self.clock.clone());
        let books = if demo {
            create_demo_books(&self.db_path, clock, &self.operator, DEMO_SEED)?
        } else {
            Books::open(&self.db_path, clock, &self.operator)?
        };
        self.books = Some(books);
        Ok(self.status())
    }

    /// Leaves the demo company for the owner's own books: the demo is copied whole to a
    /// folder of its own beside the books (`demo/`), checked to open, and only then are the
    /// demo's files removed and empty books opened in their place. Refused unless the open
    /// books are the demo.
    pub fn start_real_books(&mut self) -> Result<RealBooksStarted, AppError> {
        if !self.books()?.is_demo() {
            return Err(AppError::rule(
                None,
                "these are already your own books, not the demo company",
                "当前账簿已是您自己的账簿，不是演示公司",
            ));
        }
        let kept = self.demo_copy_path();
        if let Some(folder) = kept.parent() {
            std::fs::create_dir_all(folder).map_err(|e| file_error(folder, e))?;
        }
        self.books()?.backup_to(&kept)?;
        Books::open(&kept, Box::new(self.clock.clone()), &self.operator)?;
        let kept_stem = kept.file_stem().and_then(|s| s.to_str()).unwrap_or("books").to_string();
        let kept_backups = kept.parent().unwrap_or(Path::new(".")).join("backups");
        crate::backups::move_backups(&self.backups_dir(), &self.stem(), &kept_backups, &kept_stem)?;
        // The demo's files (scans, signatures) go with it: its copy names them, the real books don't.
        let folder = self.db_path.parent().unwrap_or(Path::new("."));
        move_files(&folder.join("attachments"), &kept.parent().unwrap_or(Path::new(".")).join("attachments"))?;
        self.books = None;
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", self.db_path.display()));
            if file.exists() {
                std::fs::remove_file(&file).map_err(|e| file_error(&file, e))?;
            }
        }
        self.books = Some(Books::open(&self.db_path, Box::new(self.clock.clone()), &self.operator)?);
        Ok(RealBooksStarted { status: self.status(), demo_kept_at: kept.display().to_string() })
    }

    /// `demo/<book>.db` beside the books; a later demo left there before gets a dated name.
    fn demo_copy_path(&self) -> PathBuf {
        let folder = self.db_path.parent().unwrap_or(Path::new(".")).join("demo");
        let stem = self.db_path.file_stem().and_then(|s| s.to_str()).unwrap_or("books").to_string();
        let plain = folder.join(format!("{stem}.db"));
        if !plain.exists() {
            return plain;
        }
        let moment = self.clock.now().format("%Y%m%d-%H%M%S");
        (1..)
            .map(|n| match n {
                1 => folder.join(format!("{stem}-{moment}.db")),
                n => folder.join(format!("{stem}-{moment}-{n}.db")),
            })
            .find(|candidate| !candidate.exists())
            .expect("some name is free")
    }

    pub fn set_language(&mut self, language: DocLanguage) -> Result<WorkspaceStatus, AppError> {
        self.save_preferences(Preferences { language, ..self.preferences.clone() })?;
        Ok(self.status())
    }

    pub(crate) fn save_preferences(&mut self, preferences: Preferences) -> Result<(), AppError> {
        let path = preferences_path(&self.db_path);
        let text = serde_json::to_string_pretty(&preferences).expect("preferences serialize");
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| file_error(folder, e))?;
        }
        std::fs::write(&path, text).map_err(|e| file_error(&path, e))?;
        self.preferences = preferences;
        Ok(())
    }

    /// A consistent copy of the books in the backups folder, named by the moment it was taken.
    pub fn backup_now(&mut self) -> Result<BackupDone, AppError> {
        let folder = self.backups_dir();
        std::fs::create_dir_all(&folder).map_err(|e| file_error(&folder, e))?;
        let stem = self.db_path.file_stem().and_then(|s| s.to_str()).unwrap_or("books").to_string();
        let moment = self.clock.now().format("%Y%m%d-%H%M%S");
        let path = folder.join(format!("{stem}-{moment}.db"));
        self.books()?.backup_to(&path)?;
        Ok(BackupDone { path: path.display().to_string() })
    }

    /// Writes the paper's PDF to the exports folder beside the books (for the system's
    /// viewer to print it) and returns where.
    pub fn export_paper(
        &mut self,
        number: &str,
        kind: Option<huikuan_domain::PaperKind>,
        signed: bool,
    ) -> Result<PathBuf, AppError> {
        let pdf = self.books()?.paper_pdf_of_kind(number, kind, signed)?;
        let folder = self.db_path.parent().unwrap_or(Path::new(".")).join("exports");
        std::fs::create_dir_all(&folder).map_err(|e| file_error(&folder, e))?;
        // The number came through the UI and may be an old system's (`No.0012345`,
        // `2024/001`): keep only what cannot leave the folder, and a name even when
        // nothing of the number is left.
        let name = match safe_name(number) {
            name if name.is_empty() => "document".to_string(),
            name => name,
        };
        let path = folder.join(format!("{name}{}.pdf", if signed { "-signed" } else { "" }));
        write_file(&path, &pdf)?;
        Ok(path)
    }

    /// Saves a copy of the paper's PDF at `path`, chosen in the system's save dialog.
    pub fn save_paper(
        &mut self,
        number: &str,
        kind: Option<huikuan_domain::PaperKind>,
        signed: bool,
        path: &Path,
    ) -> Result<PathBuf, AppError> {
        let pdf = self.books()?.paper_pdf_of_kind(number, kind, signed)?;
        let path = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            path.to_path_buf()
        } else {
            path.with_extension("pdf")
        };
        write_file(&path, &pdf)?;
        Ok(path)
    }

    /// The folder exports and evidence packs are written to (made if missing).
    pub fn exports_folder(&self) -> Result<PathBuf, AppError> {
        self.exports_dir()
    }

    fn exports_dir(&self) -> Result<PathBuf, AppError> {
        let folder = self.db_path.parent().unwrap_or(Path::new(".")).join("exports");
        std::fs::create_dir_all(&folder).map_err(|e| file_error(&folder, e))?;
        Ok(folder)
    }

    /// Writes a report or list into the exports folder beside the books, in the user's
    /// language, and returns where.
    pub fn export_report(
        &mut self,
        request: &crate::reports::ReportRequest,
        format: crate::sheets::SheetFormat,
    ) -> Result<PathBuf, AppError> {
        let language = self.language();
        // Without books, that is said before any folder is made.
        self.books()?;
        let folder = self.exports_dir()?;
        write_report(self.books()?, &folder, request, format, language)
    }

    /// Builds a customer's evidence pack in a new folder under exports/, named by the
    /// customer and the moment, and returns where with its manifest.
    pub fn build_evidence(
        &mut self,
        request: &crate::evidence::EvidenceRequest,
    ) -> Result<crate::evidence::EvidenceBuilt, AppError> {
        let safe = safe_name(&request.customer_code);
        let moment = self.clock.now().format("%Y%m%d-%H%M%S");
        let folder = self.exports_dir()?;
        // Two packs in one second (a second click) each get their own folder.
        let out = (1..)
            .map(|n| match n {
                1 => folder.join(format!("evidence-{safe}-{moment}")),
                n => folder.join(format!("evidence-{safe}-{moment}-{n}")),
            })
            .find(|candidate| !candidate.exists())
            .expect("some name is free");
        let manifest = self.books()?.evidence_pack(request, &out)?;
        Ok(crate::evidence::EvidenceBuilt { folder: out.display().to_string(), manifest })
    }

    /// Where a period's statements are written unless the user chooses a folder.
    pub fn statements_dir(&self, period: &huikuan_domain::Period) -> PathBuf {
        self.db_path.parent().unwrap_or(Path::new(".")).join("statements").join(period.label().replace("..", "_"))
    }

    pub(crate) fn backups_dir(&self) -> PathBuf {
        self.db_path.parent().unwrap_or(Path::new(".")).join("backups")
    }
}

/// A name from the books (a number, a code) reduced to what a file name in our folders may
/// hold: ASCII letters, digits and `-`, so it can never leave the folder.
/// Writes a report or list of `books` into `folder` (the exports folder) in `language`,
/// and returns where. It only reads the books: the desktop runs it on a reader, so exporting
/// a long report holds up no one.
pub fn write_report(
    books: &mut Books,
    folder: &Path,
    request: &crate::reports::ReportRequest,
    format: crate::sheets::SheetFormat,
    language: DocLanguage,
) -> Result<PathBuf, AppError> {
    let (sheet, bytes) = books.export_report(request, format, language)?;
    let path = folder.join(format!("{}.{}", safe_name(&sheet.name), format.extension()));
    write_file(&path, &bytes)?;
    Ok(path)
}

fn safe_name(text: &str) -> String {
    text.trim().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

pub(crate) fn preferences_path(db_path: &Path) -> PathBuf {
    db_path.with_extension("settings.json")
}

/// Unreadable preferences fall back to the defaults: they only choose the language.
fn read_preferences(path: &Path) -> Preferences {
    std::fs::read_to_string(path).ok().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
}

/// Whole or not at all: written beside, then renamed over the target.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let partial = PathBuf::from(format!("{}.partial", path.display()));
    std::fs::write(&partial, bytes).map_err(|e| file_error(&partial, e))?;
    std::fs::rename(&partial, path).map_err(|e| file_error(path, e))
}

/// The system could not show a file we wrote (no PDF viewer installed, most often): said
/// plainly, with where the file is, never as if the file were at fault.
pub fn no_viewer(path: &Path) -> AppError {
    let path = path.display();
    AppError::rule(
        None,
        format!("No program to open PDF files is installed. The file was saved at {path}"),
        format!("本机没有安装可以打开 PDF 文件的程序。文件已保存在 {path}"),
    )
}

/// The system's file manager could not show the folder.
pub fn folder_not_opened(path: &Path) -> AppError {
    let path = path.display();
    AppError::rule(
        None,
        format!("The folder could not be opened (no file manager answered). It is at {path}"),
        format!("无法打开文件夹（没有可用的文件管理器）。文件夹位于 {path}"),
    )
}

/// Moves every file under `from` to the same place under `to`, then removes `from`. Files
/// are kept by their content's hash, so one already there is the same file.
fn move_files(from: &Path, to: &Path) -> Result<(), AppError> {
    let Ok(entries) = std::fs::read_dir(from) else { return Ok(()) };
    std::fs::create_dir_all(to).map_err(|e| file_error(to, e))?;
    for entry in entries.flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            move_files(&source, &target)?;
        } else if target.exists() {
            std::fs::remove_file(&source).map_err(|e| file_error(&source, e))?;
        } else {
            std::fs::rename(&source, &target).map_err(|e| file_error(&target, e))?;
        }
    }
    std::fs::remove_dir(from).map_err(|e| file_error(from, e))
}

pub(crate) fn file_error(path: &Path, error: std::io::Error) -> AppError {
    AppError::File { path: path.display().to_string(), message: error.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;

    fn clock() -> Arc<dyn Clock> {
        Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()))
    }

    #[test]
    fn without_a_book_file_the_workspace_waits_for_the_welcome_choice() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path().join("books.db"), clock(), "test").unwrap();
        assert!(!ws.status().opened);
        assert_eq!(ws.books().err().map(|e| e.code()), Some("no_books"));
        assert!(!dir.path().join("books.db").exists(), "opening creates nothing");
    }

    #[test]
    fn starting_empty_creates_the_book_and_a_second_start_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path().join("sub/books.db"), clock(), "test").unwrap();
        assert!(ws.start(false).unwrap().opened);
        assert!(ws.books().unwrap().list_customers("").unwrap().is_empty());
        assert_eq!(ws.start(true).unwrap_err().code(), "books_exist");
    }

    #[test]
    fn starting_real_books_from_the_demo_keeps_the_demo_whole_in_its_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("books.db");
        let mut ws = Workspace::open(path.clone(), clock(), "test").unwrap();
        assert!(ws.start(true).unwrap().demo);
        let demo_customers = ws.books().unwrap().list_customers("").unwrap().len();
        assert!(demo_customers > 10);
        ws.backup_now().unwrap();
        assert_eq!(ws.backups().unwrap().len(), 1);
        let code = ws.books().unwrap().list_customers("").unwrap()[0].code.clone();
        let about = huikuan_store::tables::attachments::NewAttachment {
            customer_id: 0,
            kind: "contract".into(),
            title: "合同".into(),
            file_name: "contract.pdf".into(),
            sha256: String::new(),
            size_bytes: 0,
            notes: String::new(),
        };
        let scan = ws.books().unwrap().attach(&code, about, b"%PDF-1.4 demo contract").unwrap();

        let started = ws.start_real_books().unwrap();
        assert!(ws.backups().unwrap().is_empty(), "no backup of the demo is offered for the real books");
        assert_eq!(std::fs::read_dir(dir.path().join("demo/backups")).unwrap().count(), 1, "it went with the demo");
        let hash = &scan.fields.sha256;
        assert!(dir.path().join("demo/attachments").join(&hash[..2]).join(hash).exists(), "its files too");
        assert!(!dir.path().join("attachments").exists(), "none left with the real books");
        assert!(started.status.opened && !started.status.demo);
        assert!(ws.books().unwrap().list_customers("").unwrap().is_empty(), "empty books in the book's place");
        assert_eq!(started.demo_kept_at, dir.path().join("demo/books.db").display().to_string());
        let mut kept =
            Books::open(Path::new(&started.demo_kept_at), Box::new(FixedClock::on(NaiveDate::MIN)), "t").unwrap();
        assert!(kept.is_demo());
        assert_eq!(kept.list_customers("").unwrap().len(), demo_customers, "the demo is kept whole");

        // Reopened later: still the real, empty books.
        drop(ws);
        let mut again = Workspace::open(path, clock(), "test").unwrap();
        assert!(!again.status().demo);
        assert!(again.books().unwrap().list_customers("").unwrap().is_empty());
    }

    #[test]
    fn real_books_cannot_be_started_over_real_books() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path().join("books.db"), clock(), "test").unwrap();
        ws.start(false).unwrap();
        ws.books().unwrap().create_customer(crate::CustomerFields::new("C1", "宏达五金"), vec![]).unwrap();
        assert!(ws.start_real_books().is_err());
        assert_eq!(ws.books().unwrap().list_customers("").unwrap().len(), 1, "nothing was touched");
        assert!(!dir.path().join("demo").exists());
    }

    #[test]
    fn the_language_is_remembered_beside_the_book() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("books.db");
        let mut ws = Workspace::open(path.clone(), clock(), "test").unwrap();
        assert_eq!(ws.language(), DocLanguage::Zh);
        ws.set_language(DocLanguage::En).unwrap();
        assert_eq!(Workspace::open(path, clock(), "test").unwrap().language(), DocLanguage::En);
    }

    #[test]
    fn a_backup_is_a_book_that_opens() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(dir.path().join("books.db"), clock(), "test").unwrap();
        ws.start(false).unwrap();
        let done = ws.backup_now().unwrap();
        assert!(done.path.ends_with("backups/books-20261123-120000.db"), "{}", done.path);
        Books::open(Path::new(&done.path), Box::new(FixedClock::on(NaiveDate::MIN)), "t").unwrap();
    }
}
