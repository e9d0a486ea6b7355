use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::sheet::{Cell, Sheet};
use crate::error::AppError;

/// Characters a worksheet's name may not hold, and its longest length.
const NOT_IN_NAME: &[char] = &['[', ']', ':', '*', '?', '/', '\\'];
const NAME_CHARS: usize = 31;

fn sheet_name(title: &str) -> String {
    let name: String = title.chars().filter(|c| !NOT_IN_NAME.contains(c)).take(NAME_CHARS).collect();
    if name.trim().is_empty() {
        "Sheet1".into()
    } else {
        name
    }
}

struct Formats {
    header: Format,
    money: Format,
    date: Format,
    decimal: Format,
    bold_money: Format,
    bold: Format,
}

fn write_cell(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats, bold: bool) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        // Always a string cell: text that looks like a formula is never run as one.
        Cell::Text(s) if bold => {
            ws.write_string_with_format(row, col, s, &f.bold)?;
        }
        Cell::Text(s) => {
            ws.write_string(row, col, s)?;
        }
        Cell::Money(m) => {
            let value = m.cents() as f64 / 100.0;
            ws.write_number_with_format(row, col, value, if bold { &f.bold_money } else { &f.money })?;
        }
        Cell::Int(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        Cell::Decimal(d) => {
            let value: f64 = d.to_string().parse().unwrap_or(0.0);
            ws.write_number_with_format(row, col, value, &f.decimal)?;
        }
        Cell::Date(d) => {
            use chrono::Datelike;
            let day = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, col, &day, &f.date)?;
        }
    }
    Ok(())
}

fn build(sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let f = Formats {
        header: Format::new().set_bold().set_background_color("#E6E6E6"),
        money: Format::new().set_num_format("#,##0.00"),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        decimal: Format::new().set_num_format("0.0"),
        bold_money: Format::new().set_num_format("#,##0.00").set_bold(),
        bold: Format::new().set_bold(),
    };
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&sheet.title))?;
    for (col, column) in sheet.columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, &column.title, &f.header)?;
        let widest = sheet
            .rows
            .iter()
            .filter_map(|r| r.get(col as usize))
            .map(|c| c.display().chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum::<usize>())
            .chain(std::iter::once(column.title.chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum()))
            .max()
            .unwrap_or(8);
        ws.set_column_width(col, (widest.clamp(6, 48) + 2) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for cells in &sheet.rows {
        for (col, cell) in cells.iter().enumerate() {
            write_cell(ws, row, col as u16, cell, &f, false)?;
        }
        row += 1;
    }
    if !sheet.totals.is_empty() {
        row += 1;
        for cells in &sheet.totals {
            for (col, cell) in cells.iter().enumerate() {
                write_cell(ws, row, col as u16, cell, &f, true)?;
            }
            row += 1;
        }
    }
    // What the figures are (title, as of, notes) on a sheet of its own, so the first stays
    // a plain table that can be sorted, filtered, or imported again.
    let about = book.add_worksheet();
    about.set_name("About 说明")?;
    about.set_column_width(0, 100)?;
    let lines = std::iter::once(&sheet.title).chain(&sheet.subtitle).chain(&sheet.notes);
    for (i, line) in lines.enumerate() {
        if i == 0 {
            about.write_string_with_format(0, 0, line, &f.bold)?;
        } else {
            about.write_string(i as u32, 0, line)?;
        }
    }
    book.save_to_buffer()
}

/// The sheet as an XLSX workbook: the table on the first worksheet (headings frozen,
/// amounts as numbers with two decimals, dates as dates, totals in bold after a blank row)
/// and what it covers on a second.
pub fn sheet_xlsx(sheet: &Sheet) -> Result<Vec<u8>, AppError> {
    build(sheet)
        .map_err(|e| AppError::rule(None, format!("cannot write the workbook: {e}"), format!("无法生成工作簿：{e}")))
}
