use std::path::{Component, Path};

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::manifest::Manifest;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileCheck {
    pub file: String,
    /// ok, altered, missing or unlisted (in the folder, not in the manifest).
    pub status: String,
    pub expected: Option<String>,
    pub found: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PackCheck {
    pub intact: bool,
    pub customer_code: String,
    pub files: Vec<FileCheck>,
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of the pack's manifest.json: the manifest cannot carry its own hash, so
/// this is printed to be noted down with the pack.
pub fn manifest_digest(pack: &Path) -> Result<String, AppError> {
    let path = pack.join("manifest.json");
    let bytes = std::fs::read(&path)
        .map_err(|e| AppError::File { path: path.display().to_string(), message: e.to_string() })?;
    Ok(sha256_hex(&bytes))
}

/// A manifest's file name, refused if it would reach outside the pack.
fn inside(pack: &Path, file: &str) -> Option<std::path::PathBuf> {
    let relative = Path::new(file);
    relative.components().all(|c| matches!(c, Component::Normal(_))).then(|| pack.join(relative))
}

fn files_in(dir: &Path, base: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_in(&path, base, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}

/// Hashes every file the pack's manifest.json lists and compares: intact only when every
/// file is there, unchanged, and nothing else was added. Needs no book.
pub fn verify_pack(pack: &Path) -> Result<PackCheck, AppError> {
    let file_error = |path: &Path, e: String| AppError::File { path: path.display().to_string(), message: e };
    let manifest_path = pack.join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path).map_err(|e| file_error(&manifest_path, e.to_string()))?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|e| file_error(&manifest_path, format!("not an evidence pack's manifest: {e}")))?;
    let mut files = Vec::new();
    for doc in &manifest.documents {
        let Some(path) = inside(pack, &doc.file) else {
            files.push(FileCheck {
                file: doc.file.clone(),
                status: "altered".into(),
                expected: Some(doc.sha256.clone()),
                found: None,
            });
            continue;
        };
        let check = match std::fs::read(&path) {
            Err(_) => FileCheck {
                file: doc.file.clone(),
                status: "missing".into(),
                expected: Some(doc.sha256.clone()),
                found: None,
            },
            Ok(bytes) => {
                let found = sha256_hex(&bytes);
                let status = if found == doc.sha256 { "ok" } else { "altered" };
                FileCheck {
                    file: doc.file.clone(),
                    status: status.into(),
                    expected: Some(doc.sha256.clone()),
                    found: Some(found),
                }
            }
        };
        files.push(check);
    }
    let mut present = Vec::new();
    files_in(pack, pack, &mut present).map_err(|e| file_error(pack, e.to_string()))?;
    present.sort();
    for file in present {
        if file != "manifest.json" && !manifest.documents.iter().any(|d| d.file == file) {
            files.push(FileCheck { file, status: "unlisted".into(), expected: None, found: None });
        }
    }
    let intact = files.iter().all(|f| f.status == "ok");
    Ok(PackCheck { intact, customer_code: manifest.customer_code, files })
}
