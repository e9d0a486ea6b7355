//! `huikuan-cli bank`: statements imported, their lines listed with suggestions, accepted as
//! payments or ignored.

use huikuan_app::bank::{BankLineView, StatementImport};
use huikuan_app::{AppError, Books};
use huikuan_domain::bank::Layout;

use crate::args::{BankCommand, Format};
use crate::render;
use crate::run::{allocation, file_error};

pub fn bank(books: &mut Books, format: Format, command: BankCommand) -> Result<String, AppError> {
    match command {
        BankCommand::Import { file, preview, layout } => {
            let layout = layout.map(|l| layout_named(&l)).transpose()?;
            let bytes = std::fs::read(&file).map_err(|e| file_error(&file, e))?;
            let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let done = books.import_statement(&name, &bytes, layout, preview)?;
            Ok(render::json_or(format, &done, imported))
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
