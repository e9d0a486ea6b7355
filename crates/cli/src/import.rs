//! `huikuan-cli import`: every file goes the way the import screen reads it (encoding,
//! workbook, heading row, mapping remembered per layout), so a file the app takes the CLI
//! takes too, and with the same row numbers and reasons.

use std::path::PathBuf;

use base64::Engine;
use huikuan_app::sheets::{ImportForm, ImportKind as Kind, ImportPreview};
use huikuan_app::{AppError, Books};

use crate::args::{Format, ImportKind};
use crate::render;

pub struct ImportRequest {
    pub kind: ImportKind,
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub override_reason: Option<String>,
    pub preview: bool,
}

impl ImportKind {
    /// The kind as the import's summary names it.
    fn summary_name(self) -> &'static str {
        match self {
            ImportKind::Customers => "customers",
            ImportKind::OpeningBalances => "opening-balances",
            ImportKind::Deliveries => "deliveries",
            ImportKind::Payments => "payments",
            ImportKind::Invoices => "invoices",
        }
    }
}

fn kind(k: ImportKind) -> Result<Kind, AppError> {
    match k {
        ImportKind::Customers => Ok(Kind::Customers),
        ImportKind::OpeningBalances => Ok(Kind::OpeningBalances),
        ImportKind::Deliveries => Ok(Kind::Deliveries),
        ImportKind::Payments => Ok(Kind::Payments),
        ImportKind::Invoices => Err(AppError::Rule("invoices are imported by their own reading".into())),
    }
}

/// Imports the file, or with `preview` rehearses it: what would be written, or the refusal
/// the import would give (and a non-zero exit).
pub fn import_file(books: &mut Books, format: Format, request: ImportRequest) -> Result<String, AppError> {
    let file = &request.file;
    let bytes =
        std::fs::read(file).map_err(|e| AppError::File { path: file.display().to_string(), message: e.to_string() })?;
    let form = ImportForm {
        kind: kind(request.kind)?,
        file_name: file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(&bytes),
        mapping: None,
        override_reason: request.override_reason,
        sheet: request.sheet,
    };
    if !request.preview {
        return Ok(render::import_summary(format, &books.import_file(&form)?));
    }
    let preview = books.import_preview(&form)?;
    // Two contracts met: a text file's preview has always failed as its import would, and
    // said its kind as the import's summary does ("opening-balances"); a workbook's has
    // always answered with its bad rows listed in the preview itself.
    if preview.format != "csv" {
        return Ok(render::json_or(format, &preview, preview_text));
    }
    if let Some(refusal) = preview.refusal() {
        return Err(refusal);
    }
    let mut json = serde_json::to_value(&preview).map_err(|e| AppError::Rule(e.to_string().into()))?;
    json["kind"] = serde_json::Value::from(request.kind.summary_name());
    Ok(render::json_or(format, &json, |_| preview_text(&preview)))
}

fn preview_text(p: &ImportPreview) -> String {
    let mut out = format!("{} ({}", p.file_name, p.format);
    if let Some(encoding) = &p.encoding {
        out.push_str(&format!(", {encoding}"));
    }
    if let Some(sheet) = &p.sheet {
        out.push_str(&format!(", sheet '{sheet}'"));
    }
    out.push_str(&format!("): headings on row {}, {} row(s)\n", p.heading_row, p.rows));
    for c in &p.mapping.choices {
        let from = c.source.and_then(|i| p.columns.get(i as usize)).map_or("(none)".to_string(), |h| format!("'{h}'"));
        out.push_str(&format!("  {} <- {from}\n", c.field));
    }
    for row in &p.readings {
        let cells: Vec<String> = row
            .cells
            .iter()
            .filter(|c| c.read.as_deref() != Some(c.text.as_str()))
            .map(|c| format!("{} '{}' -> {}", c.field, c.text, c.read.as_deref().unwrap_or("(unreadable)")))
            .collect();
        if !cells.is_empty() {
            out.push_str(&format!("  row {}: {}\n", row.line, cells.join("; ")));
        }
    }
    for s in &p.skipped {
        out.push_str(&format!("skipped row {}: {}\n", s.line, s.reason));
    }
    match p.would_create {
        Some(n) => out.push_str(&format!(
            "all {} row(s) are good: {n} record(s) would be written; nothing was written\n",
            p.rows
        )),
        None if !p.unmapped.is_empty() => out.push_str(&format!("no column for: {}\n", p.unmapped.join(", "))),
        None => {
            for r in &p.bad_rows {
                out.push_str(&format!("line {}: {}\n", r.line, r.problems.join("; ")));
            }
        }
    }
    out
}
