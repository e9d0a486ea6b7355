//! Where a book keeps the files attached to it (scans, contracts): in the folder beside a
//! SQLite book, in the database of shared books (so every seat sees them), nowhere for a
//! book in memory.

use std::path::PathBuf;

use huikuan_store::tables::attachment_files;
use huikuan_store::Transaction;

use crate::customers::{keep_file, stored_at};
use crate::error::AppError;

#[derive(Debug, Clone)]
pub(crate) enum Files {
    Folder(PathBuf),
    Database,
    Nowhere,
}

impl Files {
    /// Keeps `bytes` under their hash, inside the caller's transaction where it can be.
    pub(crate) fn keep(&self, tx: &Transaction, sha256: &str, bytes: &[u8]) -> Result<(), AppError> {
        match self {
            Files::Folder(dir) => keep_file(dir, sha256, bytes),
            Files::Database => Ok(attachment_files::put(tx, sha256, bytes)?),
            Files::Nowhere => Err(nowhere()),
        }
    }

    /// The bytes kept under `sha256`, or why they cannot be read.
    pub(crate) fn read(&self, tx: &Transaction, sha256: &str) -> Result<Vec<u8>, String> {
        match self {
            Files::Folder(dir) => std::fs::read(stored_at(dir, sha256)).map_err(|e| format!("unreadable: {e}")),
            Files::Database => attachment_files::get(tx, sha256)
                .map_err(|e| format!("unreadable: {e}"))?
                .ok_or_else(|| "no file".to_string()),
            Files::Nowhere => Err("no file".to_string()),
        }
    }
}

fn nowhere() -> AppError {
    AppError::rule(None, "a book in memory keeps no files", "内存中的账簿不能保存附件")
}
