//! What each cell of a file's first rows is read as, for the preview: `2026/5/1 → 2026-05-01`,
//! `月结30天 → 月结 30 天`. The same readers the import uses, so the preview never promises a
//! reading the import would not make.

use huikuan_domain::line::{parse_quantity, parse_unit_price};
use huikuan_domain::typed::{parse_date_with_year, parse_kind_typed, parse_method_typed};
use huikuan_domain::{parse_amount_typed, parse_terms_typed, DocLanguage};
use serde::Serialize;
use ts_rs::TS;

use super::mapping::Mapping;

/// One cell and what it was read as, in English and in Chinese. `read` is None when the
/// cell could not be read (the row's problem is listed with the bad rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CellReading {
    pub field: String,
    pub text: String,
    pub read: Option<String>,
    pub read_zh: Option<String>,
}

/// A row of the file as the import reads it: its row in the user's file, each mapped cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowReading {
    pub line: u64,
    pub cells: Vec<CellReading>,
}

/// The reading of `text` as `field`, in both languages: None when it cannot be read.
/// Text fields are read as written.
fn read_as(field: &str, text: &str) -> Option<(String, String)> {
    let same = |s: String| Some((s.clone(), s));
    let worded = |en: String, zh: String| Some((en, zh));
    if text.is_empty() {
        return same(String::new());
    }
    match field {
        "date" | "due_date" => parse_date_with_year(text).ok().and_then(|d| same(d.to_string())),
        "amount" | "credit_limit" => parse_amount_typed(text).ok().and_then(|m| same(m.to_string())),
        "unit_price" => parse_unit_price(text).ok().and_then(|p| same(p.normalize().to_string())),
        "quantity" => parse_quantity(text).ok().and_then(|q| same(q.normalize().to_string())),
        "payment_terms" => {
            parse_terms_typed(text).ok().and_then(|t| worded(t.in_words(DocLanguage::En), t.in_words(DocLanguage::Zh)))
        }
        "kind" => parse_kind_typed(text)
            .ok()
            .and_then(|k| worded(k.words(DocLanguage::En).into(), k.words(DocLanguage::Zh).into())),
        "method" => parse_method_typed(text)
            .ok()
            .and_then(|m| worded(m.words(DocLanguage::En).into(), m.words(DocLanguage::Zh).into())),
        _ => same(text.to_string()),
    }
}

/// Each row's mapped cells and their readings, in the order of the import's fields.
pub fn read_rows<'a>(
    fields: &[&str],
    mapping: &Mapping,
    rows: impl IntoIterator<Item = (u64, &'a [String])>,
) -> Vec<RowReading> {
    rows.into_iter()
        .map(|(line, cells)| RowReading {
            line,
            cells: fields
                .iter()
                .filter_map(|field| {
                    let text = cells.get(mapping.source_of(field)? as usize)?.trim().to_string();
                    let reading = read_as(field, &text);
                    Some(CellReading {
                        field: field.to_string(),
                        read: reading.as_ref().map(|r| r.0.clone()),
                        read_zh: reading.map(|r| r.1),
                        text,
                    })
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheets::mapping::ColumnChoice;

    fn mapping(fields: &[&str]) -> Mapping {
        Mapping {
            choices: fields
                .iter()
                .enumerate()
                .map(|(i, f)| ColumnChoice { field: f.to_string(), source: Some(i as u32) })
                .collect(),
        }
    }

    fn read_one(fields: &[&str], cells: &[&str]) -> Vec<(String, Option<String>, Option<String>)> {
        let row: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        let read = read_rows(fields, &mapping(fields), [(7, row.as_slice())]);
        assert_eq!(read[0].line, 7, "the row keeps its row in the file");
        read[0].cells.iter().map(|c| (c.text.clone(), c.read.clone(), c.read_zh.clone())).collect()
    }

    fn pair(text: &str, en: &str, zh: &str) -> (String, Option<String>, Option<String>) {
        (text.into(), Some(en.into()), Some(zh.into()))
    }

    #[test]
    fn typed_dates_amounts_and_terms_are_shown_as_the_import_reads_them() {
        let cells = read_one(&["date", "amount", "payment_terms"], &["2026/5/1", "¥1,234.50", "月结30天"]);
        assert_eq!(
            cells,
            [
                pair("2026/5/1", "2026-05-01", "2026-05-01"),
                pair("¥1,234.50", "1234.50", "1234.50"),
                pair("月结30天", "end of month + 30 days", "月结 30 天"),
            ]
        );
    }

    #[test]
    fn kinds_and_methods_are_shown_in_words_and_an_unreadable_cell_as_none() {
        let cells = read_one(&["kind", "method", "due_date"], &["单店", "转账", "01/05/2026"]);
        assert_eq!(cells[0], pair("单店", "shop", "门店"));
        assert_eq!(cells[1], pair("转账", "bank transfer", "银行转账"));
        assert_eq!(cells[2], ("01/05/2026".into(), None, None), "an ambiguous date is never guessed");
    }

    #[test]
    fn unmapped_fields_and_missing_cells_are_left_out() {
        let m = Mapping {
            choices: vec![
                ColumnChoice { field: "name".into(), source: Some(0) },
                ColumnChoice { field: "phone".into(), source: None },
                ColumnChoice { field: "address".into(), source: Some(5) },
            ],
        };
        let row = vec!["  王记五金  ".to_string()];
        let read = read_rows(&["name", "phone", "address"], &m, [(2, row.as_slice())]);
        assert_eq!(read[0].cells.len(), 1);
        assert_eq!(read[0].cells[0].read.as_deref(), Some("王记五金"));
    }
}
