//! More connections to the workspace's books, for reading beside the one that writes: the
//! desktop keeps a few, so a long report never waits for a payment being saved, nor a
//! customer page for a long report. SQLite's WAL lets a second connection read while
//! another writes; on a server each reader takes its own snapshot and never queues on the
//! writers' lock.

use std::sync::Arc;

use huikuan_store::Locator;

use crate::error::AppError;
use crate::workspace::Workspace;
use crate::{Books, Clock};

/// What opens another connection to the workspace's current books.
#[derive(Clone)]
pub struct ReaderSource {
    locator: Locator,
    clock: Arc<dyn Clock>,
    operator: String,
    key: String,
}

impl ReaderSource {
    /// Changes whenever the workspace's books are replaced (opened, switched, restored):
    /// readers opened under another key read other books and are dropped.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Another connection to the same books, with the workspace's clock and operator.
    pub fn open(&self) -> Result<Books, AppError> {
        Books::open_at(&self.locator, Box::new(self.clock.clone()), &self.operator)
    }
}

impl Workspace {
    /// Where readers of the open books come from; None without books, or for books in
    /// memory, which no other connection can see.
    pub fn reader_source(&self) -> Option<ReaderSource> {
        let books = self.books.as_ref()?;
        let locator = books.store.locator()?;
        Some(ReaderSource {
            locator,
            clock: self.clock.clone(),
            operator: self.operator.clone(),
            key: format!("{}#{}", books.store.location(), books.opened),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;
    use chrono::NaiveDate;

    fn clock() -> Arc<dyn Clock> {
        Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()))
    }

    #[test]
    fn a_reader_sees_what_the_writer_committed_and_the_key_changes_with_the_books() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("books.db");
        let mut workspace = Workspace::open(path.clone(), clock(), "owner").unwrap();
        assert!(workspace.reader_source().is_none(), "no books yet: no readers");
        workspace.start(false).unwrap();
        let source = workspace.reader_source().unwrap();
        let mut reader = source.open().unwrap();
        assert!(reader.list_customers("").unwrap().is_empty());

        let mut form = workspace.books().unwrap().new_customer_form().unwrap();
        form.code = "C001".into();
        form.name = "Reader Test".into();
        workspace.books().unwrap().create_customer_form(form).unwrap();
        assert_eq!(reader.list_customers("").unwrap().len(), 1, "a reader sees each commit");

        let again = Workspace::open(path, clock(), "owner").unwrap();
        assert_ne!(again.reader_source().unwrap().key(), source.key(), "other books, another key");
        assert_eq!(workspace.reader_source().unwrap().key(), source.key(), "the same books keep their key");

        // An export read on a reader is the file the workspace writes itself.
        let request = crate::reports::ReportRequest::Customers;
        let format = crate::sheets::SheetFormat::Csv;
        let written = workspace.export_report(&request, format).unwrap();
        let by_workspace = std::fs::read(&written).unwrap();
        std::fs::remove_file(&written).unwrap();
        let folder = workspace.exports_folder().unwrap();
        let again =
            crate::workspace::write_report(&mut reader, &folder, &request, format, workspace.language()).unwrap();
        assert_eq!(again, written);
        assert_eq!(std::fs::read(&again).unwrap(), by_workspace);
    }
}
