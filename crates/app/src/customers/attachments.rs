//! Attachments (合同、执照、照片): files kept by their SHA-256 in the data folder beside the
//! book, so the same file attached twice is stored once and a changed file is noticed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use huikuan_domain::customer::clean_text;
use huikuan_domain::DomainError;
use huikuan_store::tables::attachments::{self, Attachment, NewAttachment};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::books::{audit, customer_by_code};
use crate::error::AppError;
use crate::Books;

pub const ATTACHMENT_KINDS: &[&str] = &["contract", "licence", "photo", "other"];
pub const MAX_ATTACHMENT_BYTES: usize = 50 * 1024 * 1024;

/// A file to attach, as the desktop app sends it: the content in base64.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AttachmentForm {
    pub customer_code: String,
    pub kind: String,
    pub title: String,
    pub file_name: String,
    pub notes: String,
    pub content_base64: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn stored_at(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(&sha256[..2]).join(sha256)
}

/// Writes the content once, atomically: a crash leaves either no file or the whole file.
pub(crate) fn keep_file(dir: &Path, sha256: &str, bytes: &[u8]) -> Result<(), AppError> {
    let path = stored_at(dir, sha256);
    if path.exists() && fs::read(&path).is_ok_and(|stored| sha256_hex(&stored) == sha256) {
        return Ok(());
    }
    let io = |e: std::io::Error| AppError::File { path: path.display().to_string(), message: e.to_string() };
    let folder = path.parent().expect("two levels under the attachments folder");
    fs::create_dir_all(folder).map_err(io)?;
    let partial = folder.join(format!("{sha256}.partial"));
    let mut file = fs::File::create(&partial).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)?;
    fs::rename(&partial, &path).map_err(io)?;
    // The new name is durable only once its folder is: the book's row must never outlive it.
    for dir in [folder, dir] {
        fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
    }
    Ok(())
}

/// The attachment's fields checked and filled in (its hash and size) before anything is kept.
pub(crate) fn checked(mut about: NewAttachment, bytes: &[u8]) -> Result<NewAttachment, AppError> {
    if bytes.is_empty() || bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(AppError::rule(
            Some("file".into()),
            format!("a file must have 1 byte to {} MB", MAX_ATTACHMENT_BYTES >> 20),
            format!("文件大小须在 1 字节到 {} MB 之间", MAX_ATTACHMENT_BYTES >> 20),
        ));
    }
    about.kind = about.kind.trim().to_ascii_lowercase();
    if !ATTACHMENT_KINDS.contains(&about.kind.as_str()) {
        return Err(AppError::Invalid {
            field: "kind",
            source: DomainError::UnknownChoice {
                field: "kind",
                value: about.kind,
                expected: ATTACHMENT_KINDS.join(", "),
            },
        });
    }
    about.file_name = clean_text("file name", &about.file_name).map_err(AppError::invalid("file"))?;
    about.title = clean_text("title", &about.title).map_err(AppError::invalid("title"))?;
    if about.title.is_empty() {
        about.title = about.file_name.clone();
    }
    if about.title.is_empty() {
        return Err(AppError::Invalid { field: "title", source: DomainError::Empty("title") });
    }
    about.notes = clean_text("notes", &about.notes).map_err(AppError::invalid("notes"))?;
    about.sha256 = sha256_hex(bytes);
    about.size_bytes = bytes.len() as i64;
    Ok(about)
}

/// Keeps a checked attachment of `about.customer_id` in the caller's transaction.
pub(crate) fn attach_in_tx(
    tx: &huikuan_store::Transaction,
    files: &crate::files::Files,
    stamp: &huikuan_store::tables::Stamp,
    about: NewAttachment,
    bytes: &[u8],
) -> Result<Attachment, AppError> {
    // The file first: a row never points at nothing. A file without a row (the
    // transaction failed) is harmless and is reused if attached again.
    files.keep(tx, &about.sha256, bytes)?;
    let id = attachments::insert(tx, &about, stamp)?;
    let stored = attachments::get(tx, id)?.expect("just written");
    audit(tx, stamp, "attach", "attachment", id, None::<&()>, Some(&stored))?;
    Ok(stored)
}

impl Books {
    pub fn attach_file(&mut self, form: AttachmentForm) -> Result<Attachment, AppError> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(form.content_base64.trim())
            .map_err(|_| AppError::rule(Some("file".into()), "the file could not be read", "无法读取该文件"))?;
        let AttachmentForm { customer_code, kind, title, file_name, notes, .. } = form;
        self.attach(
            &customer_code,
            NewAttachment { customer_id: 0, kind, title, file_name, sha256: String::new(), size_bytes: 0, notes },
            &bytes,
        )
    }

    /// Keeps `bytes` in the data folder and records the attachment; `customer_id`,
    /// `sha256` and `size_bytes` of `about` are filled in here.
    pub fn attach(&mut self, code: &str, about: NewAttachment, bytes: &[u8]) -> Result<Attachment, AppError> {
        let files = self.files.clone();
        let about = checked(about, bytes)?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let customer_id = customer_by_code(tx, code)?.id;
            attach_in_tx(tx, &files, &stamp, NewAttachment { customer_id, ..about.clone() }, bytes)
        })
    }

    /// The customer's attachments, newest first.
    pub fn attachments(&mut self, code: &str) -> Result<Vec<Attachment>, AppError> {
        self.store.read(|tx| Ok(attachments::for_customer(tx, customer_by_code(tx, code)?.id)?))
    }
}
