//! A statement file imported: every incoming line kept once, in one transaction. A line seen
//! before (an overlapping download, the same file twice) is counted, not kept again.

use std::collections::HashMap;

use huikuan_domain::bank::{read_statement, Layout, Refused, Statement, StatementLine};
use huikuan_store::tables::audit;
use huikuan_store::tables::bank::{self, NewLine};
use huikuan_store::tables::Stamp;
use huikuan_store::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::columns::{read_by, remember, remembered, StatementColumns};
use super::statement_file::{refusal, GridRows};
use crate::error::AppError;
use crate::import::SkippedRow;
use crate::sheets::read_grid;
use crate::Books;

/// What an import found: lines new to the books, lines already kept, rows left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatementImport {
    /// The layout recognised (or chosen): icbc, cmb, ccb, wechat, alipay or generic; mapped
    /// when read by the user's columns.
    pub layout: String,
    pub new: usize,
    pub known: usize,
    pub ignored: usize,
    /// The rows left out and why (outgoing, refunded, totals).
    pub skipped: Vec<SkippedRow>,
    /// Nothing was written: a preview.
    pub preview: bool,
}

/// The lines as kept: the key of a line that appears twice in one file (two equal transfers
/// on one day, with no serial) is told apart by its occurrence, so both are kept once.
fn keyed(lines: &[StatementLine]) -> Vec<(String, &StatementLine)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    lines
        .iter()
        .map(|line| {
            let key = line.key();
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            (if *n == 1 { key } else { format!("{key}#{n}") }, line)
        })
        .collect()
}

fn new_line(key: String, line: &StatementLine) -> NewLine {
    NewLine {
        key,
        source: line.source.name().to_string(),
        date: line.date,
        amount: line.amount,
        payer: line.payer.clone(),
        payer_account: line.payer_account.clone(),
        memo: line.memo.clone(),
        serial: line.serial.clone(),
    }
}

fn keep(
    tx: &Transaction,
    stamp: &Stamp,
    file_name: &str,
    lines: &[StatementLine],
    write: bool,
) -> Result<(usize, usize), AppError> {
    let (mut new, mut known) = (0, 0);
    for (key, line) in keyed(lines) {
        if bank::is_kept(tx, &key)? {
            known += 1;
            continue;
        }
        new += 1;
        if write {
            bank::insert(tx, &new_line(key, line), file_name, stamp)?;
        }
    }
    if write && new > 0 {
        let after = serde_json::json!({ "file": file_name, "new": new, "known": known });
        audit::record(tx, stamp, "import_statement", "bank_lines", None, None, Some(&after))?;
    }
    Ok((new, known))
}

impl Books {
    /// Reads a statement and keeps its incoming lines (or, with `preview`, only counts them).
    /// It is read by a preset (`layout`, else the one its headings show), else by the columns
    /// the user chose for its heading before; else it is refused as no statement.
    pub fn import_statement(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        layout: Option<Layout>,
        preview: bool,
    ) -> Result<StatementImport, AppError> {
        let (_, _, rows) = read_grid(bytes)?;
        let statement = match read_statement(&rows, layout) {
            Ok(statement) => statement,
            Err(Refused::NotAStatement(problem)) if layout.is_none() => {
                match self.store.read(|tx| remembered(tx, &rows))? {
                    Some(kept) => read_by(&rows, &kept)?,
                    None => return Err(refusal(Refused::NotAStatement(problem))),
                }
            }
            Err(other) => return Err(refusal(other)),
        };
        self.keep_statement(file_name, &rows, &statement, None, preview)
    }

    /// Reads a statement by the columns the user chose and keeps its lines; the columns are
    /// remembered for the heading, with the lines, unless `preview`.
    pub fn import_statement_by(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        chosen: &StatementColumns,
        preview: bool,
    ) -> Result<StatementImport, AppError> {
        let (_, _, rows) = read_grid(bytes)?;
        let statement = read_by(&rows, chosen)?;
        self.keep_statement(file_name, &rows, &statement, Some(chosen), preview)
    }

    fn keep_statement(
        &mut self,
        file_name: &str,
        rows: &GridRows,
        statement: &Statement,
        chosen: Option<&StatementColumns>,
        preview: bool,
    ) -> Result<StatementImport, AppError> {
        let stamp = self.stamp();
        let lines = &statement.lines;
        let (new, known) = if preview {
            self.store.read(|tx| keep(tx, &stamp, file_name, lines, false))?
        } else {
            self.store.write(|tx| {
                let counts = keep(tx, &stamp, file_name, lines, true)?;
                chosen.map(|c| remember(tx, rows, c)).transpose()?;
                Ok::<_, AppError>(counts)
            })?
        };
        let skipped: Vec<SkippedRow> = statement
            .skipped
            .iter()
            .map(|s| SkippedRow { line: s.row, reason: s.en.clone(), reason_zh: s.zh.clone() })
            .collect();
        Ok(StatementImport {
            layout: statement.layout.name().to_string(),
            new,
            known,
            ignored: skipped.len(),
            skipped,
            preview,
        })
    }
}
