//! `huikuan-cli bank`: statements imported, their lines listed with suggestions, accepted as
//! payments or ignored.

use huikuan_app::bank::{BankLineView, StatementColumns, StatementImport, StatementSheet};
use huikuan_app::{AppError, Books};
use huikuan_domain::bank::{ColumnMap, Layout};

use crate::args::{BankCommand, Format};
use crate::render;
use crate::run::{allocation, file_error};

pub fn bank(books: &mut Books, format: Format, command: BankCommand) -> Result<String, AppError> {
    match command {
        BankCommand::Import { file, preview, layout, heading_row, columns } => {
            let bytes = std::fs::read(&file).map_err(|e| file_error(&file, e))?;
            let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let done = if columns.is_empty() {
                let layout = layout.map(|l| layout_named(&l)).transpose()?;
                books.import_statement(&name, &bytes, layout, preview).map_err(with_columns_hint)?
            } else {
                let chosen = chosen_columns(books, &bytes, heading_row, &columns)?;
                books.import_statement_by(&name, &bytes, &chosen, preview)?
            };
            Ok(render::json_or(format, &done, imported))
        }
        BankCommand::Columns { file, heading_row } => {
            let bytes = std::fs::read(&file).map_err(|e| file_error(&file, e))?;
            let sheet = books.statement_sheet(&bytes, heading_row)?;
            Ok(render::json_or(format, &sheet, sheet_text))
        }
        BankCommand::Lines { status } => {
            let lines = books.bank_lines(status.map(|s| s.name()))?;
            Ok(render::json_or(format, &lines, |l| table(l)))
        }
        BankCommand::Accept { id, customer, allocations } => {
            let allocations = if allocations.is_empty() {
                None
            } else {
                Some(allocations.iter().map(|a| allocation(a)).collect::<Result<Vec<_>, _>>()?)
            };
            let receipt = books.accept_bank_line(id, customer.as_deref(), allocations)?;
            let text = format!("line #{id} recorded as payment {}", receipt.entry.number);
            Ok(render::json_or(format, &receipt, |_| format!("{text}\n")))
        }
        BankCommand::Ignore { id, reason } => {
            books.ignore_bank_line(id, &reason)?;
            Ok(render::message(format, &format!("line #{id} ignored: {reason}")))
        }
    }
}

/// The user's `FIELD=COLUMN` choices against the file's heading row.
fn chosen_columns(
    books: &mut Books,
    bytes: &[u8],
    heading_row: Option<u64>,
    said: &[String],
) -> Result<StatementColumns, AppError> {
    let mut columns = ColumnMap::default();
    let heading_row =
        crate::columns::chosen(books, bytes, heading_row, said, &ColumnMap::FIELDS, |f, c| columns.set(f, c))?;
    Ok(StatementColumns { heading_row, columns })
}

/// A file no layout reads can still be read by its columns: say how.
fn with_columns_hint(error: AppError) -> AppError {
    match error {
        AppError::NotAStatement(mut row) => {
            row.reason.push_str(
                "; to read it by its columns, see `bank columns FILE`, then `bank import FILE --column FIELD=COLUMN …`",
            );
            row.reason_zh
                .push_str("；如需按列读取，请先运行 `bank columns 文件`，再运行 `bank import 文件 --column 字段=列 …`");
            AppError::NotAStatement(row)
        }
        other => other,
    }
}

fn sheet_text(sheet: &StatementSheet) -> String {
    let mut text = String::new();
    for row in &sheet.rows {
        let mark = if Some(row.row) == sheet.heading_row { "*" } else { " " };
        text.push_str(&format!("{mark}{:>4} | {}\n", row.row, row.cells.join(" | ")));
    }
    let Some(heading_row) = sheet.heading_row else {
        text.push_str("no heading row found: give --heading-row\n");
        return text;
    };
    let kept = if sheet.remembered { "remembered" } else { "proposed" };
    text.push_str(&format!("heading row {heading_row}; columns {kept}:\n"));
    let chosen = sheet.columns.chosen();
    for field in ColumnMap::FIELDS {
        let said: Vec<String> = chosen
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, c)| format!("{} ({})", c + 1, sheet.headings.get(*c as usize).map_or("", String::as_str)))
            .collect();
        text.push_str(&format!("  {field:<14} {}\n", if said.is_empty() { "-".into() } else { said.join(", ") }));
    }
    text
}

fn layout_named(name: &str) -> Result<Layout, AppError> {
    Layout::from_name(name).ok_or_else(|| {
        AppError::Rule(format!("unknown layout '{name}': expected icbc, cmb, ccb, wechat, alipay or generic").into())
    })
}

fn imported(done: &StatementImport) -> String {
    let what = if done.preview { "would keep" } else { "kept" };
    let mut text = format!(
        "{} statement: {what} {} new lines, {} already known, {} ignored\n",
        done.layout, done.new, done.known, done.ignored
    );
    for row in &done.skipped {
        text.push_str(&format!("  row {}: {}\n", row.line, row.reason));
    }
    text
}

fn table(lines: &[BankLineView]) -> String {
    let mut text = String::new();
    for l in lines {
        let suggestion = l.suggestion.as_ref().map_or_else(
            || "-".to_string(),
            |s| format!("{} ({}): {}", s.customer_code, s.confidence, s.reasons.join("; ")),
        );
        text.push_str(&format!(
            "#{:<5} {} {:>14} {:<9} {:<8} {} | {} | {}\n",
            l.id,
            l.date,
            l.amount.yuan(),
            l.status,
            l.source,
            l.payer,
            l.memo,
            suggestion
        ));
    }
    if lines.is_empty() {
        text.push_str("no lines\n");
    }
    text
}
