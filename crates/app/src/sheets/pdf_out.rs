use chrono::NaiveDate;
use huikuan_docs::{listing_pdf, Align, Letterhead, ListingColumn, ListingDoc};
use huikuan_domain::DocLanguage;

use super::sheet::{Cell, Sheet};
use crate::error::AppError;

/// The sheet printed under the letterhead; columns of numbers right-aligned, text columns
/// given more of the width.
pub fn sheet_pdf(
    sheet: &Sheet,
    letterhead: Letterhead,
    date: NaiveDate,
    language: DocLanguage,
) -> Result<Vec<u8>, AppError> {
    let numeric: Vec<bool> = (0..sheet.columns.len())
        .map(|i| sheet.rows.iter().chain(&sheet.totals).filter_map(|r| r.get(i)).any(Cell::is_number))
        .collect();
    let columns = sheet
        .columns
        .iter()
        .zip(&numeric)
        .map(|(c, &number)| ListingColumn {
            title: c.title.clone(),
            weight: if number { 1.0 } else { 1.4 },
            align: if number { Align::Right } else { Align::Left },
        })
        .collect();
    let printed = |rows: &[Vec<Cell>]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Cell::Money(m) => m.yuan().replace('¥', ""),
                        other => other.display(),
                    })
                    .collect()
            })
            .collect()
    };
    let doc = ListingDoc {
        letterhead,
        language,
        title: sheet.title.clone(),
        subtitle: sheet.subtitle.clone(),
        id: sheet.name.clone(),
        date,
        columns,
        rows: printed(&sheet.rows),
        footer_rows: printed(&sheet.totals),
        more: Vec::new(),
        notes: sheet.notes.clone(),
    };
    Ok(listing_pdf(&doc)?)
}
