//! A file to import, read as a header and rows of text whatever it was saved as: CSV text in
//! UTF-8, UTF-16 or GBK/GB18030 (separated by `,` `;` or TAB), or a workbook (.xlsx, .xls,
//! .ods). The table inside is found below any title rows; blank and total rows are left out.

mod decode;
mod grid;
mod heading;
mod sparse;

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Sheets, Xls, Xlsx};

use self::grid::{csv_rows, separator_of, GridRow};
use self::heading::{heading_index, is_total_word, TotalRows};
use super::import_file::ImportKind;
use crate::error::{AppError, RowError};
use crate::import::SkippedRow;

pub use self::decode::{decode_text, Decoded, NotText};

/// ZIP's signature: .xlsx and .ods workbooks are ZIP archives.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// OLE2's signature: an Excel 97-2003 .xls workbook.
const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// An OpenDocument archive names its kind in its first, uncompressed entry.
const ODS_MIMETYPE: &[u8] = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Csv,
    Xlsx,
    Xls,
    Ods,
}

impl SourceFormat {
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Csv => "csv",
            SourceFormat::Xlsx => "xlsx",
            SourceFormat::Xls => "xls",
            SourceFormat::Ods => "ods",
        }
    }

    /// The workbook format of a file by its first bytes (not its name); None: read as text.
    fn of_workbook(bytes: &[u8]) -> Option<SourceFormat> {
        if bytes.starts_with(OLE2_MAGIC) {
            Some(SourceFormat::Xls)
        } else if bytes.starts_with(ZIP_MAGIC) {
            let head = &bytes[..bytes.len().min(128)];
            let ods = head.windows(ODS_MIMETYPE.len()).any(|w| w == ODS_MIMETYPE);
            Some(if ods { SourceFormat::Ods } else { SourceFormat::Xlsx })
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTable {
    pub format: SourceFormat,
    /// The text encoding a CSV file was read as ("UTF-8", "GBK", "UTF-16LE"...); None for a workbook.
    pub encoding: Option<&'static str>,
    /// The worksheet read, and every worksheet of the workbook (none for CSV).
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    /// The row of the user's file the heading was found on.
    pub heading_row: u64,
    /// The heading's cells, as written (a heading broken over lines is read as one line).
    pub header: Vec<String>,
    /// The table as UTF-8 CSV written by us: the heading, then every data row (titles, blank
    /// and total rows left out).
    pub csv: Vec<u8>,
    /// The row in the user's file of each CSV line (index = CSV line - 1), so every problem
    /// names the row the user sees in their file.
    pub row_of_line: Vec<u64>,
    /// Up to `SAMPLE` data rows, for the preview of the mapping.
    pub sample: Vec<Vec<String>>,
    /// Total rows left out, with their row in the file.
    pub skipped: Vec<SkippedRow>,
}

const SAMPLE: usize = 5;

fn rejected(en: String, zh: String) -> AppError {
    AppError::ImportRejected(vec![RowError::new(1, en, zh)])
}

/// Reads an import file for `kind`: a workbook by its content (not its name), its worksheet
/// `sheet` or else the first with something in it; anything else as text.
pub fn read_table(bytes: &[u8], kind: ImportKind, sheet: Option<&str>) -> Result<SourceTable, AppError> {
    match SourceFormat::of_workbook(bytes) {
        // The workbook reader can panic on a damaged file (a length the file states, used
        // unchecked): such a file is refused like any unreadable one, and the app goes on.
        Some(format) => std::panic::catch_unwind(|| read_workbook(bytes, format, kind, sheet)).unwrap_or_else(|_| {
            Err(rejected(
                format!("the workbook (.{}) is damaged: it cannot be read", format.name()),
                format!("工作簿（.{}）已损坏，无法读取", format.name()),
            ))
        }),
        None if sheet.is_some() => Err(rejected(
            "the file is text (CSV), not a workbook: it has no worksheets to choose from".into(),
            "文件是文本（CSV），不是工作簿：没有可选的工作表".into(),
        )),
        None => {
            let Decoded { text, encoding } = decode_text(bytes).map_err(|NotText { en, zh }| rejected(en, zh))?;
            let rows = csv_rows(&text, separator_of(&text));
            let mut table = table_of(kind, rows, SourceFormat::Csv)?;
            table.encoding = Some(encoding);
            Ok(table)
        }
    }
}

/// A file's rows, each with its number in the user's file and its cells.
pub(crate) type GridRows = Vec<(u64, Vec<String>)>;

/// Every non-blank row of a file, no heading looked for (a bank statement is told by its own
/// headings, below a preamble of its own): the format's name, the encoding a text file was
/// read as, and each row with its number in the user's file. A workbook is read from its
/// first worksheet with something in it.
pub(crate) fn read_grid(bytes: &[u8]) -> Result<(&'static str, Option<&'static str>, GridRows), AppError> {
    let (format, encoding, rows) = match SourceFormat::of_workbook(bytes) {
        None => {
            let Decoded { text, encoding } = decode_text(bytes).map_err(|NotText { en, zh }| rejected(en, zh))?;
            (SourceFormat::Csv, Some(encoding), csv_rows(&text, separator_of(&text)))
        }
        Some(format) => {
            let name = format.name();
            let damaged = || {
                rejected(
                    format!("the workbook (.{name}) is damaged or not a workbook: it cannot be read"),
                    format!("工作簿（.{name}）已损坏或不是工作簿，无法读取"),
                )
            };
            let first_sheet = || {
                let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| damaged())?;
                for sheet in book.sheet_names() {
                    let rows = rows_of(&mut book, &sheet, &|_| damaged())?;
                    if !rows.is_empty() {
                        return Ok(rows);
                    }
                }
                Ok(Vec::new())
            };
            // As in `read_table`: a damaged workbook may panic the reader; it is refused instead.
            (format, None, std::panic::catch_unwind(first_sheet).unwrap_or_else(|_| Err(damaged()))?)
        }
    };
    if rows.is_empty() {
        return Err(rejected("the file is empty".into(), "文件是空的".into()));
    }
    Ok((format.name(), encoding, rows.into_iter().map(|r| (r.line, r.cells)).collect()))
}

/// The table inside `rows` (blank rows already left out): the heading, then the data rows.
fn table_of(kind: ImportKind, rows: Vec<GridRow>, format: SourceFormat) -> Result<SourceTable, AppError> {
    if rows.is_empty() {
        return Err(rejected(
            "the file is empty; expected a heading row and rows below it".into(),
            "文件是空的：应有表头行及其下面的数据行".into(),
        ));
    }
    let at = heading_index(kind, &rows);
    let heading_row = rows[at].line;
    // A heading is a label: its line breaks and runs of spaces are one space.
    let header: Vec<String> =
        rows[at].cells.iter().map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let totals = TotalRows::new(kind, &header);
    let mut csv = Vec::new();
    write_line(&mut csv, header.iter().map(String::as_bytes));
    let mut row_of_line = vec![heading_row];
    let mut sample = Vec::new();
    let mut skipped = Vec::new();
    for row in rows.into_iter().skip(at + 1) {
        if totals.is_total(&row.cells) {
            let word = row.cells.iter().find(|c| is_total_word(c)).cloned().unwrap_or_default();
            skipped.push(SkippedRow {
                line: row.line,
                reason: format!("a total row (\"{word}\"): not imported"),
                reason_zh: format!("合计行（“{word}”）：不导入"),
            });
            continue;
        }
        let before = csv.len();
        write_line(&mut csv, row.cells.iter().map(String::as_bytes));
        // A cell holding line breaks spans several CSV lines; each maps to this row.
        let lines = csv[before..].iter().filter(|b| **b == b'\n').count();
        row_of_line.extend(std::iter::repeat_n(row.line, lines));
        if sample.len() < SAMPLE {
            sample.push(row.cells);
        }
    }
    Ok(SourceTable {
        format,
        encoding: None,
        sheet: None,
        sheets: Vec::new(),
        heading_row,
        header,
        csv,
        row_of_line,
        sample,
        skipped,
    })
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

/// A worksheet's rows with something in them, each with its row number in the sheet.
fn sheet_rows(range: &Range<Data>) -> Vec<GridRow> {
    let first_row = range.start().map_or(0, |(row, _)| row);
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| GridRow {
            line: u64::from(first_row) + i as u64 + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .filter(|row| !row.is_blank())
        .collect()
}

/// A worksheet's rows with something in them: an .xlsx cell by cell (see `sparse`), the older
/// formats as the rectangle calamine reads them in.
fn rows_of(
    book: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
    unreadable: &dyn Fn(String) -> AppError,
) -> Result<Vec<GridRow>, AppError> {
    match book {
        Sheets::Xlsx(xlsx) => match sparse::xlsx_rows(xlsx, sheet, cell_text) {
            Ok(Ok(rows)) => Ok(rows),
            Ok(Err(too_big)) => Err(rejected(too_big.en, too_big.zh)),
            Err(e) => Err(unreadable(e.to_string())),
        },
        _ => Ok(sheet_rows(&book.worksheet_range(sheet).map_err(|e| unreadable(e.to_string()))?)),
    }
}

fn read_workbook(
    bytes: &[u8],
    format: SourceFormat,
    kind: ImportKind,
    chosen: Option<&str>,
) -> Result<SourceTable, AppError> {
    let name = format.name();
    let (what, what_zh) = match format {
        SourceFormat::Ods => ("OpenDocument spreadsheet", "OpenDocument 电子表格"),
        _ => ("Excel workbook", "Excel 工作簿"),
    };
    let unreadable = |e: String| {
        rejected(
            format!("not a readable {what} (.{name}): {e}"),
            format!("无法读取此{what_zh}（.{name}）：文件已损坏或不是该格式的文件"),
        )
    };
    let cursor = Cursor::new(bytes);
    let mut book: Sheets<Cursor<&[u8]>> = match format {
        SourceFormat::Xls => Sheets::Xls(Xls::new(cursor).map_err(|e| unreadable(e.to_string()))?),
        SourceFormat::Ods => Sheets::Ods(Ods::new(cursor).map_err(|e| unreadable(e.to_string()))?),
        _ => Sheets::Xlsx(Xlsx::new(cursor).map_err(|e| unreadable(e.to_string()))?),
    };
    let sheets = book.sheet_names();
    let (sheet, rows) = match chosen {
        Some(wanted) => {
            if !sheets.iter().any(|s| s == wanted) {
                return Err(rejected(
                    format!("the workbook has no worksheet \"{wanted}\" (it has: {})", sheets.join(", ")),
                    format!("工作簿中没有名为“{wanted}”的工作表（现有：{}）", sheets.join("、")),
                ));
            }
            (wanted.to_string(), rows_of(&mut book, wanted, &unreadable)?)
        }
        None => {
            let mut found = None;
            for s in &sheets {
                let rows = rows_of(&mut book, s, &unreadable)?;
                if !rows.is_empty() {
                    found = Some((s.clone(), rows));
                    break;
                }
            }
            found.ok_or_else(|| {
                rejected("every worksheet of the workbook is empty".into(), "工作簿中的工作表都是空的".into())
            })?
        }
    };
    if rows.is_empty() {
        return Err(rejected(format!("the worksheet \"{sheet}\" is empty"), format!("工作表“{sheet}”是空的")));
    }
    let mut table = table_of(kind, rows, format)?;
    table.sheet = Some(sheet);
    table.sheets = sheets;
    Ok(table)
}

impl SourceTable {
    /// The row a problem reported on CSV line `line` is on in the user's file.
    /// A line past the last (the import's "no rows below the heading") is the last row read.
    pub fn row_of(&self, line: u64) -> u64 {
        let rows = &self.row_of_line;
        rows.get((line as usize).saturating_sub(1)).or(rows.last()).copied().unwrap_or(self.heading_row)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(table: &SourceTable) -> String {
        String::from_utf8(table.csv.clone()).unwrap()
    }

    #[test]
    fn a_stray_value_in_a_far_corner_is_read_as_one_more_row_not_a_rectangle_of_gigabytes() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["code", "name", "payment_terms"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        sheet.write_row(1, 0, ["C1", "华联", "cod"]).unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        let table = read_table(&book.save_to_buffer().unwrap(), ImportKind::Customers, None).unwrap();
        assert_eq!(table.header[..3], ["code", "name", "payment_terms"]);
        assert_eq!(table.row_of_line, [1, 2, 1_048_576], "the far cell's row, as the sheet numbers it");
    }

    #[test]
    fn a_gbk_file_is_read_below_its_title_without_its_total_row() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("应收余额表\r\n\r\n客户编号,日期,金额\r\nC1,2024-01-01,5\r\n合计,,5\r\n");
        let table = read_table(&bytes, ImportKind::OpeningBalances, None).unwrap();
        assert_eq!((table.format, table.encoding, table.heading_row), (SourceFormat::Csv, Some("GBK"), 3));
        assert_eq!(table.header, ["客户编号", "日期", "金额"]);
        assert_eq!(lines(&table), "客户编号,日期,金额\nC1,2024-01-01,5\n");
        assert_eq!((table.row_of(1), table.row_of(2)), (3, 4));
        let skipped: Vec<(u64, bool)> = table.skipped.iter().map(|s| (s.line, s.reason_zh.contains("合计"))).collect();
        assert_eq!(skipped, [(5, true)]);
    }

    #[test]
    fn a_cell_with_a_line_break_keeps_every_later_row_on_its_number() {
        let table = read_table(b"code,name\r\nC1,\"a\r\nb\"\r\n\r\nC2,c\r\n", ImportKind::Customers, None).unwrap();
        assert_eq!(table.row_of_line, [1, 2, 2, 5]);
        // Past the last line (the import's "no rows below"), the last row read.
        assert_eq!(table.row_of(9), 5);
    }

    #[test]
    fn a_tab_separated_utf16_file_is_read_by_its_tabs() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "收款单号\t客户编号\t金额\r\nSK1\tC1\t1,234.50\r\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let table = read_table(&bytes, ImportKind::Payments, None).unwrap();
        assert_eq!(table.encoding, Some("UTF-16LE"));
        assert_eq!(table.sample, [["SK1", "C1", "1,234.50"]]);
    }

    #[test]
    fn workbooks_are_told_by_their_content_and_a_broken_one_is_refused_naming_its_kind() {
        let refusal = |bytes: &[u8]| match read_table(bytes, ImportKind::Customers, None) {
            Err(AppError::ImportRejected(rows)) => rows[0].reason.clone(),
            other => panic!("{other:?}"),
        };
        assert!(refusal(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 broken").contains("Excel workbook (.xls)"));
        let mut ods = b"PK\x03\x04".to_vec();
        ods.extend([0; 26]);
        ods.extend(ODS_MIMETYPE);
        assert!(refusal(&ods).contains("OpenDocument spreadsheet (.ods)"));
        assert!(refusal(b"PK\x03\x04 broken").contains("Excel workbook (.xlsx)"));
        assert!(refusal(b"").contains("empty"));
    }
}
