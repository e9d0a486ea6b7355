//! An import from a file the user picked: read (text in any office encoding, or a workbook),
//! its columns mapped, rehearsed
//! in a transaction that is rolled back to show every row's fate, then, once confirmed,
//! imported for real (all rows or none) and its mapping remembered for its layout.

use std::collections::BTreeMap;

use base64::Engine;
use huikuan_store::tables::settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::mapping::{compact, guess, layout_of, setting_key, Mapping};
use super::readings::{read_rows, RowReading};
use super::table_in::{read_table, SourceTable};
use crate::error::{AppError, RowError};
use crate::import::{ImportSummary, SkippedRow};
use crate::messages::field_zh;
use crate::Books;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Customers,
    OpeningBalances,
    Deliveries,
    Payments,
}

impl ImportKind {
    pub fn name(self) -> &'static str {
        match self {
            ImportKind::Customers => "customers",
            ImportKind::OpeningBalances => "opening_balances",
            ImportKind::Deliveries => "deliveries",
            ImportKind::Payments => "payments",
        }
    }

    /// Fields a file may leave out: they are read as empty.
    pub fn optional(self) -> &'static [&'static str] {
        match self {
            ImportKind::Customers => &["kind", "phone", "address", "credit_limit", "salesperson"],
            ImportKind::OpeningBalances | ImportKind::Deliveries => &["due_date"],
            ImportKind::Payments => &["reference"],
        }
    }

    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ImportKind::Customers => crate::import::CUSTOMER_COLUMNS,
            ImportKind::OpeningBalances => crate::import::OPENING_BALANCE_COLUMNS,
            ImportKind::Deliveries => crate::import::DELIVERY_COLUMNS,
            ImportKind::Payments => crate::import::PAYMENT_COLUMNS,
        }
    }
}

/// What the window sends: the file's bytes (read by the page from the file the user
/// picked), and the mapping if the user changed the one proposed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportForm {
    pub kind: ImportKind,
    pub file_name: String,
    pub content_base64: String,
    #[serde(default)]
    pub mapping: Option<Mapping>,
    /// Deliveries only: issue rows the credit check blocks, for this written reason.
    #[serde(default)]
    pub override_reason: Option<String>,
    /// A workbook's worksheet to read, by name; None: the first with something in it.
    #[serde(default)]
    pub sheet: Option<String>,
}

/// A row of the preview with problems: its row in the file and what is wrong with it, in
/// English and in Chinese (the same problems, in the same order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct PreviewRow {
    pub line: u64,
    pub problems: Vec<String>,
    pub problems_zh: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub file_name: String,
    /// "csv", "xlsx", "xls" or "ods" (by the file's content, not its name).
    pub format: String,
    /// The text encoding a CSV file was read as ("UTF-8", "UTF-8 (BOM)", "GBK", "GB18030",
    /// "UTF-16LE", "UTF-16BE"); None for a workbook.
    pub encoding: Option<String>,
    /// The worksheet read (None for CSV), and every worksheet of the workbook, in order.
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    /// The row of the file the heading was found on (below any title rows).
    pub heading_row: u64,
    pub layout: String,
    /// The file's headings, in order.
    pub columns: Vec<String>,
    /// Its first rows, to check the mapping against.
    pub sample: Vec<Vec<String>>,
    pub mapping: Mapping,
    /// True when the mapping is the one remembered for this layout.
    pub remembered: bool,
    /// Fields the import needs that no column is mapped to (optional ones are left empty).
    pub unmapped: Vec<String>,
    /// Data rows in the file (blank rows not counted).
    pub rows: u32,
    /// The rows with problems (every one of them), in file order.
    pub bad_rows: Vec<PreviewRow>,
    /// What the import would write when no row has a problem.
    pub would_create: Option<u32>,
    /// Rows left out (total rows), with their row in the file and why.
    pub skipped: Vec<SkippedRow>,
    /// The first data rows as the import reads them: each mapped cell and what it became.
    pub readings: Vec<RowReading>,
    /// What the import would write, as the import's own summary names it (the same figure
    /// as `would_create`; the CLI's CSV previews have always said `created`).
    pub created: Option<u32>,
}

/// The rows of a file with something in them (the header not counted).
fn data_rows(table: &SourceTable) -> u32 {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(&table.csv[..]);
    reader.byte_records().filter_map(Result::ok).filter(|r| r.iter().any(|c| !c.trim_ascii().is_empty())).count() as u32
}

fn decode(form: &ImportForm) -> Result<Vec<u8>, AppError> {
    base64::engine::general_purpose::STANDARD.decode(form.content_base64.as_bytes()).map_err(|e| {
        AppError::rule(
            Some("file".into()),
            format!("the file did not arrive whole: {e}"),
            format!("文件未完整传到：{e}"),
        )
    })
}

impl Books {
    fn remembered_mapping(&mut self, kind: ImportKind, layout: &str) -> Result<Option<Mapping>, AppError> {
        let key = setting_key(kind, layout);
        self.store.read(|tx| Ok(settings::get::<Mapping>(tx, &key)?))
    }

    /// The mapping to use: the form's, else the one remembered for the layout, else a guess.
    fn mapping_for(&mut self, form: &ImportForm, table: &SourceTable) -> Result<(Mapping, bool), AppError> {
        if let Some(m) = &form.mapping {
            return Ok((m.clone(), false));
        }
        let layout = layout_of(&table.header);
        Ok(match self.remembered_mapping(form.kind, &layout)? {
            Some(m) => (m, true),
            None => (guess(form.kind, &table.header), false),
        })
    }

    /// Runs the import of `csv` (already in the import's own columns).
    fn run_import(
        &mut self,
        kind: ImportKind,
        csv: &[u8],
        override_reason: Option<&str>,
    ) -> Result<ImportSummary, AppError> {
        match kind {
            ImportKind::Customers => self.import_customers_csv(csv),
            ImportKind::OpeningBalances => self.import_opening_balances_csv(csv),
            ImportKind::Deliveries => self.import_deliveries_csv(csv, override_reason),
            ImportKind::Payments => self.import_payments_csv(csv),
        }
    }

    /// Runs `f` with every write rolled back, whatever it returns, and even if it panics:
    /// the books never stay in rehearsal (where every save would silently vanish).
    pub(crate) fn rehearsed<T>(&mut self, f: impl FnOnce(&mut Books) -> Result<T, AppError>) -> Result<T, AppError> {
        let before = self.store.set_rehearsing(true);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        self.store.set_rehearsing(before);
        result.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }

    /// The import as it would go, every write rolled back: row by row, nothing changed.
    fn rehearse(
        &mut self,
        form: &ImportForm,
        table: &SourceTable,
        mapping: &Mapping,
    ) -> Result<ImportSummary, AppError> {
        let csv = checked_csv(form.kind, table, mapping)?;
        self.rehearsed(|books| books.run_import(form.kind, &csv, form.override_reason.as_deref()))
            .map_err(|e| on_rows(e, table))
    }

    /// Reads the file and rehearses its import: what would be written, or every bad row.
    pub fn import_preview(&mut self, form: &ImportForm) -> Result<ImportPreview, AppError> {
        let table = read_table(&decode(form)?, form.kind, form.sheet.as_deref())?;
        refuse_doubled(form.kind, &table)?;
        let (mapping, remembered) = self.mapping_for(form, &table)?;
        let unmapped: Vec<String> = mapping
            .choices
            .iter()
            .filter(|c| c.source.is_none() && !form.kind.optional().contains(&c.field.as_str()))
            .map(|c| c.field.clone())
            .collect();
        let (bad_rows, would_create) = if unmapped.is_empty() {
            match self.rehearse(form, &table, &mapping) {
                Ok(summary) => (Vec::new(), Some(summary.created as u32)),
                Err(AppError::ImportRejected(rows)) => (grouped(rows), None),
                Err(other) => return Err(other),
            }
        } else {
            (Vec::new(), None)
        };
        let readings = readings(form.kind, &table, &mapping);
        Ok(ImportPreview {
            kind: form.kind,
            file_name: form.file_name.clone(),
            format: table.format.name().into(),
            encoding: table.encoding.map(str::to_string),
            sheet: table.sheet.clone(),
            sheets: table.sheets.clone(),
            heading_row: table.heading_row,
            layout: layout_of(&table.header),
            columns: table.header.clone(),
            sample: table.sample.clone(),
            mapping,
            remembered,
            unmapped,
            rows: data_rows(&table),
            bad_rows,
            would_create,
            skipped: table.skipped.clone(),
            readings,
            created: would_create,
        })
    }

    /// Imports the file for real, all rows or none, and remembers its mapping.
    pub fn import_file(&mut self, form: &ImportForm) -> Result<ImportSummary, AppError> {
        let table = read_table(&decode(form)?, form.kind, form.sheet.as_deref())?;
        refuse_doubled(form.kind, &table)?;
        let (mapping, _) = self.mapping_for(form, &table)?;
        let csv = checked_csv(form.kind, &table, &mapping)?;
        let mut summary =
            self.run_import(form.kind, &csv, form.override_reason.as_deref()).map_err(|e| on_rows(e, &table))?;
        summary.skipped = table.skipped.clone();
        let key = setting_key(form.kind, &layout_of(&table.header));
        self.store.write(|tx| Ok::<_, AppError>(settings::put(tx, &key, &mapping)?))?;
        Ok(summary)
    }
}

/// The first data rows (up to five) read as the import reads them, each with its row in
/// the user's file.
fn readings(kind: ImportKind, table: &SourceTable, mapping: &Mapping) -> Vec<RowReading> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(table.csv.as_slice());
    let rows: Vec<(u64, Vec<String>)> = reader
        .records()
        .filter_map(Result::ok)
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .take(5)
        .map(|r| (table.row_of(r.position().map_or(0, |p| p.line())), r.iter().map(str::to_string).collect()))
        .collect();
    read_rows(kind.columns(), mapping, rows.iter().map(|(line, cells)| (*line, cells.as_slice())))
}

impl ImportPreview {
    /// The refusal the import of this file would give, if it would refuse it: the fields
    /// no column is chosen for, or every bad row.
    pub fn refusal(&self) -> Option<AppError> {
        if !self.unmapped.is_empty() {
            let zh: Vec<&str> = self.unmapped.iter().map(|f| field_zh(f)).collect();
            return Some(AppError::rule(
                Some("mapping".into()),
                format!(
                    "missing column(s): {} (no heading names them; expected: {})",
                    self.unmapped.join(", "),
                    self.kind.columns().join(",")
                ),
                format!("缺少列：{}（没有列名与之对应；表头应有：“{}”）", zh.join("、"), self.kind.columns().join(",")),
            ));
        }
        if self.would_create.is_some() {
            return None;
        }
        let rows = self.bad_rows.iter().flat_map(|r| {
            r.problems.iter().zip(&r.problems_zh).map(|(en, zh)| RowError::new(r.line, en.clone(), zh.clone()))
        });
        Some(AppError::ImportRejected(rows.collect()))
    }
}

/// The file in the import's own columns, refused when a field has no column or a column
/// is given to two fields.
fn checked_csv(kind: ImportKind, table: &SourceTable, mapping: &Mapping) -> Result<Vec<u8>, AppError> {
    let width = table.header.len();
    let mut problems = Vec::new();
    let mut problems_zh = Vec::new();
    let mut absent = Vec::new();
    for field in kind.columns() {
        let name_zh = field_zh(field);
        match mapping.source_of(field) {
            None if kind.optional().contains(field) => absent.push(*field),
            None => {
                problems.push(format!("no column chosen for {field}"));
                problems_zh.push(format!("{name_zh}未选择列"));
            }
            Some(i) if i as usize >= width => {
                problems.push(format!("{field}: the file has no column {}", i + 1));
                problems_zh.push(format!("{name_zh}：文件没有第 {} 列", i + 1));
            }
            Some(_) => {}
        }
    }
    let mut seen = BTreeMap::new();
    for c in mapping.choices.iter().filter(|c| kind.columns().contains(&c.field.as_str())) {
        if let Some(i) = c.source {
            if let Some(other) = seen.insert(i, c.field.clone()) {
                problems.push(format!("column {} is chosen for both {other} and {}", i + 1, c.field));
                problems_zh.push(format!("第 {} 列同时选给了{}和{}", i + 1, field_zh(&other), field_zh(&c.field)));
            }
        }
    }
    if !problems.is_empty() {
        let zh = format!("列的对应不完整：{}", problems_zh.join("；"));
        return Err(AppError::rule(Some("mapping".into()), problems.join("; "), zh));
    }
    Ok(table.normalized(&mapping.header_for(width), &absent))
}

/// A heading that names a field twice leaves unclear which column holds it: refused, as the
/// CSV import refuses it.
fn refuse_doubled(kind: ImportKind, table: &SourceTable) -> Result<(), AppError> {
    let folded: Vec<String> = table.header.iter().map(|h| compact(h)).collect();
    let twice: Vec<&str> =
        kind.columns().iter().copied().filter(|c| folded.iter().filter(|h| **h == compact(c)).count() > 1).collect();
    if twice.is_empty() {
        return Ok(());
    }
    let twice_zh: Vec<&str> = twice.iter().map(|c| field_zh(c)).collect();
    Err(AppError::ImportRejected(vec![RowError::new(
        table.heading_row,
        format!("column(s) named twice: {} (which one holds the data is unclear)", twice.join(", ")),
        format!("列名重复：{}（不清楚哪一列是数据）", twice_zh.join("、")),
    )]))
}

/// Problems named by the row the user sees in the file.
fn on_rows(error: AppError, table: &SourceTable) -> AppError {
    match error {
        AppError::ImportRejected(rows) => {
            AppError::ImportRejected(rows.into_iter().map(|r| RowError { line: table.row_of(r.line), ..r }).collect())
        }
        other => other,
    }
}

fn grouped(rows: Vec<RowError>) -> Vec<PreviewRow> {
    let mut by_line: BTreeMap<u64, PreviewRow> = BTreeMap::new();
    for r in rows {
        let row = by_line.entry(r.line).or_insert_with(|| PreviewRow { line: r.line, ..PreviewRow::default() });
        row.problems.push(r.reason);
        row.problems_zh.push(r.reason_zh);
    }
    by_line.into_values().collect()
}
