//! A whole book copied to another place and engine: from this computer onto a server
//! (`copy-to URL`), or from a server into a SQLite file that opens anywhere (the backup of
//! shared books). Every table row for row, then every attached file.

use huikuan_store::tables::attachments;
use huikuan_store::{Locator, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::books::Books;
use crate::error::AppError;
use crate::files::Files;

/// What a copy carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CopySummary {
    /// Where the copy is, as shown (a server's address without its password).
    pub to: String,
    pub customers: i64,
    pub entries: i64,
    pub files: i64,
}

impl Books {
    /// Copies the whole book to `target`: an empty PostgreSQL database, or a SQLite file
    /// that does not exist yet.
    pub fn copy_to(&mut self, target: &Locator) -> Result<CopySummary, AppError> {
        let (mut store, files) = match target {
            Locator::File(path) => {
                if path.exists() {
                    return Err(AppError::File {
                        path: path.display().to_string(),
                        message: "already exists; choose a new file".into(),
                    });
                }
                let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
                (Store::open(path)?, Files::Folder(dir.join("attachments")))
            }
            Locator::Server(server) => (Store::open_server(server)?, Files::Database),
        };
        huikuan_store::copy::copy_book(&mut self.store, &mut store)?;
        let files = self.carry_files(&mut store, &files)?;
        let customers = store.query_value::<i64>("SELECT count(*) FROM customers")?;
        let entries = store.query_value::<i64>("SELECT count(*) FROM entries")?;
        Ok(CopySummary { to: store.location(), customers, entries, files })
    }

    /// Every attached file, from where this book keeps them to where `target` does.
    fn carry_files(&mut self, target: &mut Store, to: &Files) -> Result<i64, AppError> {
        let from = self.files.clone();
        let hashes: Vec<String> = self.store.read(|tx| Ok::<_, AppError>(attachments::all_hashes(tx)?))?;
        let mut carried = 0;
        for sha256 in hashes {
            let bytes = self.store.read(|tx| {
                from.read(tx, &sha256)
                    .map_err(|why| AppError::File { path: format!("attachment {sha256}"), message: why })
            })?;
            target.write(|tx| to.keep(tx, &sha256, &bytes))?;
            carried += 1;
        }
        Ok(carried)
    }
}
