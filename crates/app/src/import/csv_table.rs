//! Reading a CSV file into rows addressed by column name, each with its line number.

use std::collections::HashMap;

use super::Rejections;
use crate::error::AppError;
use crate::messages::field_zh;

/// Longer cells are refused: no real customer name or address is this long, and a
/// runaway cell usually means a broken quote.
const MAX_CELL_CHARS: usize = 10_000;

pub(crate) struct CsvRow {
    pub line: u64,
    cells: Vec<String>,
    index: std::rc::Rc<HashMap<String, usize>>,
}

impl CsvRow {
    /// The trimmed cell of a column that the header was checked to have. The apostrophe a
    /// spreadsheet export puts before text that would read as a formula (`'=1+2`, ours
    /// included) is taken off again: the text is what follows it.
    pub fn get(&self, column: &str) -> &str {
        let i = self.index[column];
        let cell = self.cells[i].trim();
        match cell.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => cell,
        }
    }
}

/// Parses `bytes` (UTF-8, optional BOM, header row) whose header must name every column
/// of `expected` (in any order; extra columns are ignored). Rows with the wrong number of
/// cells, invalid UTF-8, NUL characters or oversized cells are rejected into `rejections`.
pub(crate) fn read(bytes: &[u8], expected: &[&str], rejections: &mut Rejections) -> Result<Vec<CsvRow>, AppError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => {
            return Err(rejected(
                1,
                "the file is empty; expected a header row".into(),
                "文件是空的：第一行应为表头".into(),
            ))
        }
        Some(Err(e)) => {
            return Err(rejected(1, format!("unreadable header: {e}"), "无法读取表头：CSV 格式有误".into()))
        }
        Some(Ok(record)) => record,
    };
    let names: Vec<String> =
        header.iter().map(|cell| String::from_utf8_lossy(cell).trim().to_ascii_lowercase()).collect();
    let missing: Vec<&str> = expected.iter().copied().filter(|c| !names.iter().any(|n| n == c)).collect();
    if !missing.is_empty() {
        return Err(rejected(
            1,
            format!("missing column(s): {} (expected: {})", missing.join(", "), expected.join(",")),
            format!("缺少列：{}（表头应有：“{}”）", columns_zh(&missing), expected.join(",")),
        ));
    }
    let twice: Vec<&str> = expected.iter().copied().filter(|c| names.iter().filter(|n| n == c).count() > 1).collect();
    if !twice.is_empty() {
        return Err(rejected(
            1,
            format!("column(s) named twice: {} (which one holds the data is unclear)", twice.join(", ")),
            format!("列名重复：{}（不清楚哪一列是数据）", columns_zh(&twice)),
        ));
    }
    let index: std::rc::Rc<HashMap<String, usize>> = std::rc::Rc::new(
        expected.iter().map(|c| (c.to_string(), names.iter().position(|n| n == c).expect("checked above"))).collect(),
    );
    let mut lines = LineCounter::new(bytes);
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                rejections.add(line, format!("unreadable row: {e}"), "无法读取此行：CSV 格式有误（如引号不成对）");
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|cell| cell.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != names.len() {
            let (expected, found) = (names.len(), record.len());
            rejections.add(
                line,
                format!("expected {expected} columns, found {found}"),
                format!("应有 {expected} 列，实有 {found} 列"),
            );
            continue;
        }
        let mut cells = Vec::with_capacity(record.len());
        let mut ok = true;
        for (column, cell) in names.iter().zip(record.iter()) {
            match std::str::from_utf8(cell) {
                Err(_) => {
                    rejections.add(
                        line,
                        format!("{column}: not UTF-8 text (save the file as UTF-8)"),
                        format!("{}：不是 UTF-8 文本（请将文件另存为 UTF-8）", field_zh(column)),
                    );
                    ok = false;
                }
                Ok(text) if text.chars().count() > MAX_CELL_CHARS => {
                    rejections.add(
                        line,
                        format!("{column}: longer than {MAX_CELL_CHARS} characters"),
                        format!("{}：超过 {MAX_CELL_CHARS} 个字符", field_zh(column)),
                    );
                    ok = false;
                }
                // A NUL is never part of what a person typed: a file with one is damaged or
                // not a spreadsheet export, and is refused rather than guessed at.
                Ok(text) if text.contains('\0') => {
                    rejections.add(
                        line,
                        format!("{column}: contains a NUL character (the file is damaged or not text)"),
                        format!("{}：含有空字符（NUL），文件已损坏或不是文本", field_zh(column)),
                    );
                    ok = false;
                }
                Ok(text) => cells.push(text.to_string()),
            }
        }
        if ok {
            rows.push(CsvRow { line, cells, index: index.clone() });
        }
    }
    if rows.is_empty() && rejections.is_empty() {
        return Err(rejected(2, "the file has no rows below its header".into(), "表头下面没有数据行".into()));
    }
    Ok(rows)
}

/// The 1-based line on which a record starting at a byte offset begins. The csv crate's own
/// line count is off by one for CRLF files and after blank lines, so we count ourselves;
/// offsets only grow, so the count is incremental.
pub(crate) struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        LineCounter { bytes, counted_to: 0, newlines: 0 }
    }

    pub(crate) fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = (offset as usize).min(self.bytes.len());
        // A record's recorded start may sit on the line ending that precedes it.
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.counted_to {
            self.newlines += self.bytes[self.counted_to..start].iter().filter(|b| **b == b'\n').count() as u64;
            self.counted_to = start;
        }
        self.newlines + 1
    }
}

fn rejected(line: u64, en: String, zh: String) -> AppError {
    AppError::ImportRejected(vec![crate::error::RowError::new(line, en, zh)])
}

/// Column names in Chinese words.
fn columns_zh(columns: &[&str]) -> String {
    columns.iter().map(|c| field_zh(c)).collect::<Vec<_>>().join("、")
}

/// Reads a file for import, naming it in the error.
pub(crate) fn read_file(path: &std::path::Path) -> Result<Vec<u8>, AppError> {
    std::fs::read(path).map_err(|e| AppError::File { path: path.display().to_string(), message: e.to_string() })
}
