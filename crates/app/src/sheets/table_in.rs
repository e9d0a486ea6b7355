//! A file to import, read as a header and rows of text whatever it was saved as: CSV
//! (UTF-8) or an Excel workbook (its first worksheet).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::error::{AppError, RowError};

/// ZIP's signature: an XLSX workbook is a ZIP archive.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTable {
    pub format: SourceFormat,
    /// The header's cells, as written.
    pub header: Vec<String>,
    /// The file as CSV: a CSV file's own bytes, or the worksheet written as CSV.
    pub csv: Vec<u8>,
    /// For a worksheet: the worksheet row of each CSV line (index = CSV line - 1), so every
    /// problem names the row the user sees in the spreadsheet program.
    pub row_of_line: Option<Vec<u64>>,
    /// Up to `SAMPLE` data rows, for the preview of the mapping.
    pub sample: Vec<Vec<String>>,
}

const SAMPLE: usize = 5;

fn rejected(en: String, zh: String) -> AppError {
    AppError::ImportRejected(vec![RowError::new(1, en, zh)])
}

/// Reads an import file: a workbook by its content (not its name), anything else as CSV.
pub fn read_table(bytes: &[u8]) -> Result<SourceTable, AppError> {
    if bytes.starts_with(ZIP_MAGIC) {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

fn read_csv(bytes: &[u8]) -> Result<SourceTable, AppError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(record)) => record.iter().map(|c| String::from_utf8_lossy(c).trim().to_string()).collect(),
        _ => Vec::new(),
    };
    let sample = records
        .filter_map(Result::ok)
        .take(SAMPLE)
        .map(|r| r.iter().map(|c| String::from_utf8_lossy(c).trim().to_string()).collect())
        .collect();
    Ok(SourceTable { format: SourceFormat::Csv, header, csv: bytes.to_vec(), row_of_line: None, sample })
}

/// A cell as the text someone would have typed: whole numbers without ".0", amounts
/// without binary noise (0.30000000000000004 is 0.3), dates as YYYY-MM-DD.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => {
            let fixed = format!("{f:.6}");
            fixed.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        // The spreadsheet's own error (#DIV/0!): kept, so the row is refused with it named.
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<SourceTable, AppError> {
    let unreadable = |e: String| {
        rejected(
            format!("not a readable Excel workbook (.xlsx): {e}"),
            "无法读取此 Excel 工作簿（.xlsx）：文件已损坏或不是 Excel 文件".into(),
        )
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let range = match book.worksheet_range_at(0) {
        None => return Err(rejected("the workbook has no worksheet".into(), "工作簿中没有工作表".into())),
        Some(r) => r.map_err(|e| unreadable(e.to_string()))?,
    };
    let first_row = range.start().map_or(0, |(row, _)| row);
    let mut out = Vec::new();
    let mut row_of_line = Vec::new();
    let mut header = Vec::new();
    let mut sample = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let texts: Vec<String> = cells.iter().map(cell_text).collect();
        let sheet_row = u64::from(first_row) + i as u64 + 1;
        let before = out.len();
        write_line(&mut out, texts.iter().map(String::as_bytes));
        // A cell holding line breaks spans several CSV lines; each maps to this row.
        let lines = out[before..].iter().filter(|b| **b == b'\n').count();
        row_of_line.extend(std::iter::repeat_n(sheet_row, lines));
        if i == 0 {
            header = texts;
        } else if sample.len() < SAMPLE && texts.iter().any(|t| !t.is_empty()) {
            sample.push(texts);
        }
    }
    if header.iter().all(String::is_empty) {
        return Err(rejected(
            "the first worksheet is empty; expected a header row".into(),
            "第一个工作表是空的：第一行应为表头".into(),
        ));
    }
    Ok(SourceTable { format: SourceFormat::Xlsx, header, csv: out, row_of_line: Some(row_of_line), sample })
}

impl SourceTable {
    /// The row a problem reported on CSV line `line` is on in the user's file.
    pub fn row_of(&self, line: u64) -> u64 {
        match &self.row_of_line {
            None => line,
            Some(rows) => rows.get((line as usize).saturating_sub(1)).copied().unwrap_or(line),
        }
    }

    /// The CSV with its header replaced by `names` (one per source column) and `extra`
    /// columns added, empty in every row: every record still starts on the line it started
    /// on, so every line number still holds.
    pub fn normalized(&self, names: &[String], extra: &[&str]) -> Vec<u8> {
        let body = self.csv.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.csv);
        let rest_at = header_end(body);
        let mut out = Vec::with_capacity(body.len() + 64);
        let mut header: Vec<String> = names.to_vec();
        header.extend(extra.iter().map(|e| e.to_string()));
        write_line(&mut out, header.iter().map(String::as_bytes));
        // A heading with a line break in it spans lines: keep the rows on theirs.
        let header_lines = body[..rest_at].iter().filter(|b| **b == b'\n').count().max(1);
        out.extend(std::iter::repeat_n(b'\n', header_lines - 1));
        if extra.is_empty() {
            out.extend_from_slice(&body[rest_at..]);
            return out;
        }
        let mut lines = crate::import::csv_table::LineCounter::new(body);
        let mut next_line = header_lines as u64 + 1;
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&body[rest_at..]);
        for record in reader.byte_records() {
            // An unreadable record is left for the import to report: it stops here too.
            let Ok(record) = record else { break };
            let start = record.position().map_or(next_line, |p| lines.line_at(p.byte() + rest_at as u64));
            while next_line < start {
                out.push(b'\n');
                next_line += 1;
            }
            let before = out.len();
            write_line(&mut out, record.iter().chain(extra.iter().map(|_| &b""[..])));
            next_line += out[before..].iter().filter(|b| **b == b'\n').count() as u64;
        }
        out
    }
}

fn write_line<'a>(out: &mut Vec<u8>, cells: impl Iterator<Item = &'a [u8]>) {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
    writer.write_record(cells).expect("writing to memory");
    writer.flush().expect("writing to memory");
}

/// Where the header record ends: after the first line break outside quotes (LF, CRLF, or
/// a lone CR as old Mac files have).
fn header_end(body: &[u8]) -> usize {
    let mut quoted = false;
    for (i, b) in body.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return i + 1,
            b'\r' if !quoted && body.get(i + 1) != Some(&b'\n') => return i + 1,
            _ => {}
        }
    }
    body.len()
}

/// True when the file at `path` is a workbook (by its first bytes, not its name).
pub fn is_workbook(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && head == ZIP_MAGIC
}
