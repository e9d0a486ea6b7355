//! `--heading-row N --column FIELD=COLUMN …`: the user's columns for a file no layout reads
//! (a bank statement, an invoice list), checked against the file's heading row.

use huikuan_app::bank::StatementSheet;
use huikuan_app::{AppError, Books};

/// The heading row (the one given, else the one the file's first rows show) and each choice
/// given to `set` as (field, column from 0); `set` says whether the field exists.
pub fn chosen(
    books: &mut Books,
    bytes: &[u8],
    heading_row: Option<u64>,
    said: &[String],
    fields: &[&str],
    mut set: impl FnMut(&str, u32) -> bool,
) -> Result<u64, AppError> {
    let sheet: StatementSheet = books.statement_sheet(bytes, heading_row)?;
    let bad = |en: String, zh: String| AppError::rule(Some("column".into()), en, zh);
    let Some(row) = sheet.heading_row else {
        return Err(AppError::rule(
            Some("heading_row".into()),
            "no row of the file looks like a heading: give --heading-row",
            "文件中没有像表头的行：请用 --heading-row 指定",
        ));
    };
    for choice in said {
        let Some((field, column)) = choice.split_once('=') else {
            return Err(bad(
                format!("--column '{choice}': expected FIELD=COLUMN"),
                format!("--column “{choice}”：应为 字段=列"),
            ));
        };
        let Some(at) = sheet.column(column) else {
            let headings = sheet.headings.join(", ");
            return Err(bad(
                format!("--column '{choice}': row {row} has no column '{column}' (its headings: {headings})"),
                format!("--column “{choice}”：第{row}行没有“{column}”列（表头为：{headings}）"),
            ));
        };
        if !set(field.trim(), at) {
            let fields = fields.join(", ");
            return Err(bad(
                format!("--column '{choice}': no field '{field}' (fields: {fields})"),
                format!("--column “{choice}”：没有“{field}”字段（可用字段：{fields}）"),
            ));
        }
    }
    Ok(row)
}
