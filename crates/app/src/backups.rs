//! Backups on a schedule and restoring one. A backup is a consistent copy taken with
//! SQLite's online backup while the books stay open, named by the moment it was taken, in
//! the `backups` folder beside the book. A restore checks the backup whole before it
//! replaces anything, and keeps the book it replaces.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use huikuan_store::{check_book_file, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::workspace::{file_error, BackupDone, Workspace, WorkspaceStatus};
use crate::Books;

/// How often a backup is taken by itself, and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSchedule {
    /// 0: only on demand.
    pub every_days: u32,
    /// The newest this many backups are kept; older ones are removed.
    pub keep: u32,
}

impl Default for BackupSchedule {
    fn default() -> Self {
        BackupSchedule { every_days: 1, keep: 30 }
    }
}

/// One backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupFile {
    /// The file's name in the backups folder: what a restore names.
    pub name: String,
    /// When it was taken (UTC), from its name.
    pub taken_at: String,
    pub size_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreDone {
    /// The backup now in use.
    pub restored: String,
    /// Where the book it replaced was kept.
    pub replaced_kept_at: String,
    pub schema_version: i64,
}

const MOMENT: &str = "%Y%m%d-%H%M%S";

/// The moment in a backup's name `{stem}-YYYYMMDD-HHMMSS.db`; None for any other file.
fn moment_of(stem: &str, name: &str) -> Option<NaiveDateTime> {
    let moment = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(".db")?;
    NaiveDateTime::parse_from_str(moment, MOMENT).ok()
}

/// The backups of the book `stem` in `folder`, newest first.
fn list(folder: &Path, stem: &str) -> Result<Vec<(BackupFile, NaiveDateTime)>, AppError> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Ok(Vec::new()) };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(moment) = moment_of(stem, &name) else { continue };
        let size_bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let taken_at = moment.format("%Y-%m-%d %H:%M:%S").to_string();
        found.push((BackupFile { name, taken_at, size_bytes }, moment));
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.name.cmp(&a.0.name)));
    Ok(found)
}

/// Moves every backup of the book `stem` in `from` to `to`, renamed for the book `to_stem`:
/// the demo's backups go with the demo when real books take its place, so that none of
/// them is offered as a backup of the real books.
pub(crate) fn move_backups(from: &Path, stem: &str, to: &Path, to_stem: &str) -> Result<(), AppError> {
    let found = list(from, stem)?;
    if found.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(to).map_err(|e| file_error(to, e))?;
    for (file, moment) in found {
        let target = to.join(format!("{to_stem}-{}.db", moment.format(MOMENT)));
        std::fs::rename(from.join(&file.name), &target).map_err(|e| file_error(&target, e))?;
    }
    Ok(())
}

/// Replaces the book at `db_path` with the book in `from`, after checking `from` whole (it
/// opens, passes `integrity_check`, is a Huikuan book no newer than this program). The book
/// replaced is kept in `backups` first: a consistent copy when it opens, its raw bytes when
/// it does not. Used by the app and the CLI; the book must not be open here.
pub fn restore_book(db_path: &Path, from: &Path, backups: &Path, now: DateTime<Utc>) -> Result<RestoreDone, AppError> {
    let schema_version = check_book_file(from)?;
    std::fs::create_dir_all(backups).map_err(|e| file_error(backups, e))?;
    let stem = db_path.file_stem().and_then(|s| s.to_str()).unwrap_or("books");
    let kept = backups.join(format!("{stem}-before-restore-{}.db", now.format(MOMENT)));
    if db_path.exists() {
        match Store::open(db_path) {
            Ok(mut current) => current.backup_to(&kept)?,
            Err(_) => {
                std::fs::copy(db_path, &kept).map_err(|e| file_error(&kept, e))?;
            }
        }
    }
    // Copied beside the book, made durable, then renamed over it: at no moment is there
    // half a book under the book's name. The old log goes first, or SQLite would replay it
    // into the restored file.
    let incoming = db_path.with_extension("db.restoring");
    std::fs::copy(from, &incoming).map_err(|e| file_error(&incoming, e))?;
    std::fs::File::open(&incoming).and_then(|f| f.sync_all()).map_err(|e| file_error(&incoming, e))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| file_error(&side, e))?;
        }
    }
    std::fs::rename(&incoming, db_path).map_err(|e| file_error(db_path, e))?;
    Ok(RestoreDone {
        restored: from.display().to_string(),
        replaced_kept_at: if kept.exists() { kept.display().to_string() } else { String::new() },
        schema_version,
    })
}

impl Workspace {
    pub(crate) fn stem(&self) -> String {
        self.db_path.file_stem().and_then(|s| s.to_str()).unwrap_or("books").to_string()
    }

    /// The backups of this book, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>, AppError> {
        Ok(list(&self.backups_dir(), &self.stem())?.into_iter().map(|(file, _)| file).collect())
    }

    pub fn backup_schedule(&self) -> BackupSchedule {
        self.preferences.backups.clone()
    }

    pub fn set_backup_schedule(&mut self, schedule: BackupSchedule) -> Result<BackupSchedule, AppError> {
        if schedule.every_days > 365 {
            return Err(AppError::rule(
                Some("every_days".into()),
                "a backup is taken at least once a year (0 to 365 days, 0 = only on demand)",
                "自动备份间隔为 0 到 365 天（0 表示只手动备份）",
            ));
        }
        if !(1..=1000).contains(&schedule.keep) {
            return Err(AppError::rule(Some("keep".into()), "keep 1 to 1,000 backups", "保留的备份数为 1 到 1000 份"));
        }
        let preferences = crate::workspace::Preferences { backups: schedule, ..self.preferences.clone() };
        self.save_preferences(preferences)?;
        self.prune()?;
        Ok(self.backup_schedule())
    }

    /// Takes a backup when the schedule says one is due (none yet, or the newest is
    /// `every_days` old), then removes the oldest beyond `keep`. Nothing when no book is open.
    pub fn backup_if_due(&mut self) -> Result<Option<BackupDone>, AppError> {
        let schedule = self.backup_schedule();
        if self.books.is_none() || schedule.every_days == 0 {
            return Ok(None);
        }
        let now = self.clock.now().naive_utc();
        let newest = list(&self.backups_dir(), &self.stem())?.first().map(|(_, moment)| *moment);
        if newest.is_some_and(|at| now - at < chrono::Duration::days(schedule.every_days.into())) {
            return Ok(None);
        }
        let done = self.backup_now()?;
        self.prune()?;
        Ok(Some(done))
    }

    fn prune(&self) -> Result<(), AppError> {
        let keep = self.preferences.backups.keep as usize;
        for (old, _) in list(&self.backups_dir(), &self.stem())?.into_iter().skip(keep) {
            let path = self.backups_dir().join(&old.name);
            std::fs::remove_file(&path).map_err(|e| file_error(&path, e))?;
        }
        Ok(())
    }

    /// Replaces the books with the backup `name` (a file listed by [`Workspace::backups`];
    /// nothing outside the backups folder can be named), and opens it.
    pub fn restore(&mut self, name: &str) -> Result<(RestoreDone, WorkspaceStatus), AppError> {
        let Some(file) = self.backups()?.into_iter().find(|b| b.name == name) else {
            return Err(AppError::rule(
                Some("name".into()),
                format!("'{name}' is not one of this book's backups"),
                format!("“{name}”不是本账簿的备份"),
            ));
        };
        let from = self.backups_dir().join(&file.name);
        check_book_file(&from)?;
        // Closed before its file is replaced; reopened (or the problem kept) after.
        self.books = None;
        let done = restore_book(&self.db_path, &from, &self.backups_dir(), self.clock.now());
        let reopened = Books::open(&self.db_path, Box::new(self.clock.clone()), &self.operator);
        match reopened {
            Ok(books) => {
                self.books = Some(books);
                self.problem = None;
            }
            Err(problem) => self.problem = Some(problem),
        }
        let done = done?;
        Ok((done, self.status()))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::NaiveDate;

    use super::*;
    use crate::{Clock, FixedClock};

    fn at(day: u32) -> Arc<dyn Clock> {
        Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 11, day).unwrap()))
    }

    fn started(dir: &Path, day: u32) -> Workspace {
        let mut ws = Workspace::open(dir.join("books.db"), at(day), "test").unwrap();
        if !dir.join("books.db").exists() {
            ws.start(false).unwrap();
        }
        ws
    }

    #[test]
    fn a_backup_is_taken_when_due_and_only_the_newest_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = started(dir.path(), 1);
        ws.set_backup_schedule(BackupSchedule { every_days: 1, keep: 3 }).unwrap();
        assert!(ws.backup_if_due().unwrap().is_some(), "none yet: due");
        assert!(ws.backup_if_due().unwrap().is_none(), "taken today: not due");
        for day in 2..=6 {
            let mut later = started(dir.path(), day);
            assert!(later.backup_if_due().unwrap().is_some(), "day {day}");
        }
        let names: Vec<String> = started(dir.path(), 6).backups().unwrap().into_iter().map(|b| b.name).collect();
        assert_eq!(names, ["books-20261106-120000.db", "books-20261105-120000.db", "books-20261104-120000.db"]);
        let mut off = started(dir.path(), 9);
        off.set_backup_schedule(BackupSchedule { every_days: 0, keep: 3 }).unwrap();
        assert!(off.backup_if_due().unwrap().is_none());
        assert_eq!(off.set_backup_schedule(BackupSchedule { every_days: 1, keep: 0 }).unwrap_err().code(), "rule");
    }

    #[test]
    fn restoring_a_backup_brings_back_its_books_and_keeps_the_ones_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = started(dir.path(), 1);
        let form = crate::forms::CustomerForm {
            code: "C1".into(),
            name: "第一家".into(),
            payment_terms: "net:30".into(),
            ..Default::default()
        };
        ws.books().unwrap().create_customer_form(form.clone()).unwrap();
        let backup = ws.backup_now().unwrap();
        let name = Path::new(&backup.path).file_name().unwrap().to_string_lossy().into_owned();
        ws.books().unwrap().create_customer_form(crate::forms::CustomerForm { code: "C2".into(), ..form }).unwrap();

        let (done, status) = ws.restore(&name).unwrap();
        assert!(status.opened && status.problem.is_none());
        let codes: Vec<String> = ws.books().unwrap().list_customers("").unwrap().into_iter().map(|c| c.code).collect();
        assert_eq!(codes, ["C1"], "the backup's books, without what came after it");
        let replaced = Books::open(Path::new(&done.replaced_kept_at), Box::new(FixedClock::on(NaiveDate::MIN)), "t");
        assert_eq!(replaced.unwrap().list_customers("").unwrap().len(), 2, "the replaced books are kept");

        assert_eq!(ws.restore("../books.db").unwrap_err().code(), "rule", "only a listed backup");
    }

    #[test]
    fn a_damaged_backup_is_refused_and_the_books_stay_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = started(dir.path(), 1);
        std::fs::create_dir_all(dir.path().join("backups")).unwrap();
        std::fs::write(dir.path().join("backups/books-20261101-000000.db"), b"garbage, not a book").unwrap();
        let before = std::fs::read(dir.path().join("books.db")).unwrap();
        assert!(ws.restore("books-20261101-000000.db").is_err());
        assert!(ws.status().opened);
        assert_eq!(std::fs::read(dir.path().join("books.db")).unwrap(), before);
    }

    #[test]
    fn a_book_that_cannot_be_opened_is_reported_left_alone_and_can_be_restored() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = started(dir.path(), 1);
        let backup = ws.backup_now().unwrap();
        drop(ws);
        let book = dir.path().join("books.db");
        for side in ["books.db-wal", "books.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(side));
        }
        std::fs::write(&book, b"this is not a database; something overwrote the book").unwrap();
        let mut ws = Workspace::open(book.clone(), at(2), "test").unwrap();
        let status = ws.status();
        assert!(!status.opened);
        assert!(status.problem.unwrap().contains("不是回款账簿"), "said in the user's language");
        assert!(ws.books().is_err());
        assert_eq!(ws.start(false).unwrap_err().code(), "books_exist", "never replaced by new books");
        assert_eq!(std::fs::read(&book).unwrap(), b"this is not a database; something overwrote the book");

        let name = Path::new(&backup.path).file_name().unwrap().to_string_lossy().into_owned();
        let (done, status) = ws.restore(&name).unwrap();
        assert!(status.opened);
        assert_eq!(
            std::fs::read(&done.replaced_kept_at).unwrap(),
            b"this is not a database; something overwrote the book"
        );
    }
}
