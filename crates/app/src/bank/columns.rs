//! A statement no preset reads, read by the columns the user chose. The choice is kept for the
//! heading row's layout (its headings, folded), so the next download from the same bank is
//! read without asking; a preset always comes first.

use huikuan_domain::bank::{heading_guess, read_mapped, ColumnMap, Refused, Statement};
use huikuan_store::tables::settings;
use huikuan_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::statement_file::{refusal, GridRows};
use crate::error::AppError;
use crate::sheets::layout_of;
use crate::Books;

/// How many of a file's first rows the column form shows (a heading is looked for in as many).
const SHOWN: usize = 40;
/// A cell is cut to this many characters in the form: it only has to be recognised.
const CELL_CHARS: usize = 40;

/// The user's columns, and the row of the file their headings are on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatementColumns {
    pub heading_row: u64,
    pub columns: ColumnMap,
}

/// One of a file's first rows, as the column form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SheetRow {
    pub row: u64,
    pub cells: Vec<String>,
}

/// What the column form needs: the file's first rows, the heading row and its headings, and
/// the columns remembered for that heading (else a proposal from the headings' words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatementSheet {
    pub format: String,
    pub encoding: Option<String>,
    pub rows: Vec<SheetRow>,
    /// None when no row looks like a heading: the user picks one.
    pub heading_row: Option<u64>,
    pub headings: Vec<String>,
    pub columns: ColumnMap,
    /// True when `columns` is what the user chose for this heading before.
    pub remembered: bool,
}

impl StatementSheet {
    /// The column the user means: its number counted from 1, or its heading as the file
    /// writes it (spaces aside).
    pub fn column(&self, said: &str) -> Option<u32> {
        let width = self.headings.len() as u32;
        if let Ok(n) = said.trim().parse::<u32>() {
            return (1..=width).contains(&n).then(|| n - 1);
        }
        let plain = |text: &str| text.split_whitespace().collect::<String>();
        self.headings.iter().position(|h| plain(h) == plain(said)).map(|i| i as u32)
    }
}

fn setting_key(headings: &[String]) -> String {
    format!("bank_columns.{}", layout_of(headings))
}

/// The columns remembered for any of the file's first rows, with that row.
pub(super) fn remembered(tx: &Transaction, rows: &GridRows) -> Result<Option<StatementColumns>, AppError> {
    for (row, cells) in rows.iter().take(SHOWN) {
        if let Some(columns) = settings::get::<ColumnMap>(tx, &setting_key(cells))? {
            return Ok(Some(StatementColumns { heading_row: *row, columns }));
        }
    }
    Ok(None)
}

/// Reads the statement by `chosen`; refusals name the field of the form or the bad rows.
pub(super) fn read_by(rows: &GridRows, chosen: &StatementColumns) -> Result<Statement, AppError> {
    read_mapped(rows, chosen.heading_row, &chosen.columns).map_err(|refused| match refused {
        Refused::Mapping(problems) => AppError::Fields(
            problems
                .into_iter()
                .map(|p| crate::error::Refusal { field: Some(format!("columns.{}", p.field)), en: p.en, zh: p.zh })
                .collect(),
        ),
        other => refusal(other),
    })
}

/// Keeps `chosen` for its heading row's layout (in the import's own transaction).
pub(super) fn remember(tx: &Transaction, rows: &GridRows, chosen: &StatementColumns) -> Result<(), AppError> {
    if let Some((_, headings)) = rows.iter().find(|(row, _)| *row == chosen.heading_row) {
        settings::put(tx, &setting_key(headings), &chosen.columns)?;
    }
    Ok(())
}

fn shown(cells: &[String]) -> Vec<String> {
    cells
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(CELL_CHARS).collect())
        .collect()
}

impl Books {
    /// The column form for a statement file: its first rows, the heading row (`heading_row`
    /// when the user chose one, else a remembered one, else the likeliest) and its columns.
    pub fn statement_sheet(&mut self, bytes: &[u8], heading_row: Option<u64>) -> Result<StatementSheet, AppError> {
        let (format, encoding, rows) = crate::sheets::read_grid(bytes)?;
        let kept = self.store.read(|tx| remembered(tx, &rows))?;
        let at = heading_row.or(kept.as_ref().map(|k| k.heading_row)).or_else(|| heading_guess(&rows));
        let headings = at.and_then(|at| rows.iter().find(|(row, _)| *row == at)).map(|(_, cells)| cells.clone());
        let kept = kept.filter(|k| Some(k.heading_row) == at);
        let headings = headings.unwrap_or_default();
        Ok(StatementSheet {
            format: format.to_string(),
            encoding: encoding.map(str::to_string),
            rows: rows.iter().take(SHOWN).map(|(row, cells)| SheetRow { row: *row, cells: shown(cells) }).collect(),
            heading_row: at,
            columns: kept.as_ref().map_or_else(|| ColumnMap::proposed(&headings), |k| k.columns.clone()),
            remembered: kept.is_some(),
            headings: shown(&headings),
        })
    }
}
