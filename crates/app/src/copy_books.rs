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
    /// that does not exist yet. All or nothing: every attached file is read before anything
    /// is written and kept in the transaction that writes the rows; a new file that the copy
    /// could not finish is removed.
    pub fn copy_to(&mut self, target: &Locator) -> Result<CopySummary, AppError> {
        let carried = self.attached_files()?;
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
        let copied = huikuan_store::copy::copy_book_and(&mut self.store, &mut store, |tx| {
            carried.iter().try_for_each(|(sha256, bytes)| files.keep(tx, sha256, bytes))
        });
        if let Err(error) = copied {
            if let Locator::File(path) = target {
                drop(store);
                for end in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{end}", path.display()));
                }
            }
            return Err(error);
        }
        let customers = store.query_value::<i64>("SELECT count(*) FROM customers")?;
        let entries = store.query_value::<i64>("SELECT count(*) FROM entries")?;
        Ok(CopySummary { to: store.location(), customers, entries, files: carried.len() as i64 })
    }

    /// Every attached file's hash and bytes, from where this book keeps them.
    fn attached_files(&mut self) -> Result<Vec<(String, Vec<u8>)>, AppError> {
        let from = self.files.clone();
        self.store.read(|tx| {
            attachments::all_hashes(tx)?
                .into_iter()
                .map(|sha256| match from.read(tx, &sha256) {
                    Ok(bytes) => Ok((sha256, bytes)),
                    Err(why) => Err(AppError::File { path: format!("attachment {sha256}"), message: why }),
                })
                .collect()
        })
    }
}
