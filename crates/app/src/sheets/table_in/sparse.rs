//! An .xlsx worksheet read cell by cell, never as one rectangle: a valid 5 KB file with a
//! stray value in cell ZZ200000 would make the rectangle gigabytes (an allocation failure
//! ends the process; nothing can catch it). Only the cells that hold something are kept,
//! and a sheet beyond what an office list can be is refused.

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use calamine::{Data, Xlsx};

use super::grid::GridRow;

/// More cells with something in them than any customer list or ledger export holds.
const MOST_CELLS: usize = 2_000_000;
/// The rectangle the rows are laid out in (rows with something × the widest row).
const MOST_SPAN: u64 = 20_000_000;

/// Why a worksheet was not read, in English and Chinese.
pub struct TooBig {
    pub en: String,
    pub zh: String,
}

pub fn xlsx_rows<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    sheet: &str,
    text: impl Fn(&Data) -> String,
) -> Result<Result<Vec<GridRow>, TooBig>, calamine::XlsxError> {
    let mut reader = book.worksheet_cells_reader(sheet)?;
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let mut count = 0usize;
    while let Some(cell) = reader.next_cell()? {
        let value = text(&Data::from(cell.get_value().clone()));
        if value.is_empty() {
            continue;
        }
        count += 1;
        if count > MOST_CELLS {
            return Ok(Err(too_big(sheet)));
        }
        let (row, column) = cell.get_position();
        rows.entry(row).or_default().push((column, value));
    }
    let width = rows.values().flat_map(|cells| cells.iter().map(|(c, _)| *c + 1)).max().unwrap_or(0);
    let first = rows.values().flat_map(|cells| cells.iter().map(|(c, _)| *c)).min().unwrap_or(0);
    if rows.len() as u64 * u64::from(width - first) > MOST_SPAN {
        return Ok(Err(too_big(sheet)));
    }
    Ok(Ok(rows
        .into_iter()
        .map(|(row, cells)| {
            let mut line = vec![String::new(); (width - first) as usize];
            for (column, value) in cells {
                line[(column - first) as usize] = value;
            }
            GridRow { line: u64::from(row) + 1, cells: line }
        })
        .collect()))
}

fn too_big(sheet: &str) -> TooBig {
    TooBig {
        en: format!(
            "the worksheet \"{sheet}\" holds far more than a list (over {MOST_CELLS} cells, or cells as far apart as \
             a stray value in a distant corner): delete what is outside the table, or copy the table into a new sheet"
        ),
        zh: format!("工作表“{sheet}”的内容远超一张清单（超过 {MOST_CELLS} 个单元格，或有远离表格的零散内容）：请删除表格以外的内容，或将表格复制到新工作表"),
    }
}
