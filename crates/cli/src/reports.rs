//! The report and evidence-pack commands.

use std::path::Path;

use huikuan_app::evidence::{manifest_digest, verify_pack, EvidenceRequest, PackCheck};
use huikuan_app::reports::ReportRequest;
use huikuan_app::sheets::{sheet_csv, Cell, Sheet, SheetFormat};
use huikuan_app::{AppError, Books};
use huikuan_domain::DocLanguage;
use serde::Serialize;

use crate::args::{Format, OutArgs};
use crate::render;
use crate::table::Table;

pub fn language(text: &str) -> Result<DocLanguage, AppError> {
    text.parse().map_err(AppError::invalid("lang"))
}

fn sheet_table(sheet: &Sheet) -> String {
    let heads: Vec<String> = sheet
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let number = sheet.rows.iter().chain(&sheet.totals).filter_map(|r| r.get(i)).any(Cell::is_number);
            if number {
                format!("{}>", c.key)
            } else {
                c.key.clone()
            }
        })
        .collect();
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut t = Table::new(&refs);
    let width = sheet.columns.len();
    for row in sheet.rows.iter().chain(&sheet.totals) {
        let mut cells: Vec<String> = row.iter().map(Cell::display).collect();
        cells.resize(width, String::new());
        t.row(cells);
    }
    t.render()
}

/// Prints the report (JSON: `value`; CSV: the sheet; table: the sheet as text) and writes
/// it to `--out` if given. The report is made once for what is printed: `value` for JSON, the sheet otherwise (a
/// report over a big book is not worth making twice).
pub fn report<T: Serialize>(
    books: &mut Books,
    format: Format,
    request: ReportRequest,
    out: &OutArgs,
    value: impl FnOnce(&mut Books) -> Result<T, AppError>,
) -> Result<String, AppError> {
    let lang = language(&out.lang)?;
    if let Some(path) = &out.out {
        write_report(books, &request, path, lang)?;
    }
    Ok(match format {
        Format::Json => render::json_or(format, &value(books)?, |_| String::new()),
        Format::Csv => {
            String::from_utf8(sheet_csv(&books.report_sheet(&request, lang)?)).expect("CSV we wrote is UTF-8")
        }
        Format::Table => sheet_table(&books.report_sheet(&request, lang)?),
    })
}

pub fn write_report(
    books: &mut Books,
    request: &ReportRequest,
    path: &Path,
    lang: DocLanguage,
) -> Result<(), AppError> {
    let format = SheetFormat::from_path(path).ok_or_else(|| {
        AppError::rule(
            Some("out".into()),
            format!("{}: name the file .xlsx, .csv or .pdf", path.display()),
            format!("{}：文件名请以 .xlsx、.csv 或 .pdf 结尾", path.display()),
        )
    })?;
    let (_, bytes) = books.export_report(request, format, lang)?;
    std::fs::write(path, bytes).map_err(|e| AppError::File { path: path.display().to_string(), message: e.to_string() })
}

pub fn evidence(
    books: &mut Books,
    format: Format,
    code: String,
    out: &Path,
    receivables: Vec<String>,
) -> Result<String, AppError> {
    let manifest = books.evidence_pack(&EvidenceRequest { customer_code: code, receivables }, out)?;
    let digest = manifest_digest(out)?;
    Ok(render::json_or(
        format,
        &serde_json::json!({ "pack": out.display().to_string(), "manifest_sha256": digest, "manifest": manifest }),
        |_| {
            let mut text = format!(
            "evidence pack for {} {} written to {}\n{} document(s), {} open receivable(s), {} open\nmanifest.json SHA-256 {digest} (note it down: it proves the manifest itself)\n",
            manifest.customer_code,
            manifest.customer_name,
            out.display(),
            manifest.documents.len(),
            manifest.receivables.len(),
            manifest.open_total
        );
            for d in &manifest.documents {
                text.push_str(&format!("  {}  {}\n", d.sha256, d.file));
            }
            text
        },
    ))
}

/// Prints the check; an error (exit code 1) unless the pack is intact.
pub fn verify(format: Format, pack: &Path) -> Result<String, AppError> {
    let check: PackCheck = verify_pack(pack)?;
    let text = render::json_or(format, &check, |c| {
        let mut text = String::new();
        for f in &c.files {
            text.push_str(&format!("{:<9} {}\n", f.status, f.file));
        }
        text.push_str(if c.intact { "the pack is intact\n" } else { "THE PACK HAS BEEN CHANGED\n" });
        text
    });
    if check.intact {
        Ok(text)
    } else {
        let bad: Vec<String> =
            check.files.iter().filter(|f| f.status != "ok").map(|f| format!("{} {}", f.status, f.file)).collect();
        print!("{text}");
        Err(AppError::rule(
            None,
            format!("the evidence pack does not match its manifest: {}", bad.join(", ")),
            format!("证据包与清单不符：{}", bad.join("，")),
        ))
    }
}
