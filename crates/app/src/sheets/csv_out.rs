use super::sheet::{Cell, Sheet};

/// A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return before one) gets a leading apostrophe, so it opens as the text it is.
/// Numbers we wrote ourselves (a negative amount) are not text and stay as they are.
pub fn escape_formula(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The sheet as CSV: a BOM (so spreadsheet programs read it as UTF-8), the column keys as
/// the header, then the rows; totals and notes are for people and stay out.
pub fn sheet_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        let header: Vec<&str> = sheet.columns.iter().map(|c| c.key.as_str()).collect();
        writer.write_record(&header).expect("writing to memory");
        for row in &sheet.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(s) => escape_formula(s),
                    other => other.display(),
                })
                .collect();
            writer.write_record(&cells).expect("writing to memory");
        }
        writer.flush().expect("writing to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use huikuan_domain::Money;

    #[test]
    fn formula_like_text_is_escaped_and_numbers_are_not() {
        for text in ["=1+2", "+86 138", "-2+3", "@SUM(A1)", "\t=cmd", "\r=x", "=HYPERLINK(\"http://x\")"] {
            assert_eq!(escape_formula(text), format!("'{text}"), "{text:?}");
        }
        for text in ["建材", "A=1", "", "1-2", "'already"] {
            assert_eq!(escape_formula(text), text);
        }
        let mut sheet = Sheet::new("t", "t", &[("name", "Name".into()), ("amount", "Amount".into())]);
        sheet.rows.push(vec![Cell::text("=cmd|' /C calc'!A0"), Cell::Money(Money::from_cents(-1250))]);
        let text = String::from_utf8(sheet_csv(&sheet)).unwrap();
        assert_eq!(text, "\u{feff}name,amount\r\n'=cmd|' /C calc'!A0,-12.50\r\n");
    }
}
