//! Any source as a grid: rows of text cells, each row with its number in the user's file (the
//! line of a CSV file, the row of a worksheet), so every problem names the row they see.

/// A row of the file: its number in the user's file (1-based) and its cells, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub line: u64,
    pub cells: Vec<String>,
}

impl GridRow {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }
}

/// The separators a CSV file may use: `,` (most), `;` (where the decimal mark is a comma),
/// TAB (Excel's "Unicode text"). The first wins a tie.
const SEPARATORS: [u8; 3] = [b',', b'\t', b';'];

/// Lines looked at to choose the separator: enough to get past titles and notes.
const SNIFF_LINES: usize = 30;

/// The separator of a CSV text: the one found (outside quotes) on the most of its first
/// non-blank lines, then the one found most often.
pub fn separator_of(text: &str) -> u8 {
    let mut lines_with = [0usize; 3];
    let mut total = [0usize; 3];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut seen = 0;
    let mut blank = true;
    let mut end_line = |counts: &mut [usize; 3], blank: bool| {
        if !blank {
            for i in 0..3 {
                lines_with[i] += usize::from(counts[i] > 0);
                total[i] += counts[i];
            }
        }
        *counts = [0; 3];
    };
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                end_line(&mut counts, blank);
                seen += usize::from(!blank);
                blank = true;
                if seen >= SNIFF_LINES {
                    break;
                }
                continue;
            }
            _ => {}
        }
        if !quoted {
            if let Some(i) = SEPARATORS.iter().position(|s| *s == b) {
                counts[i] += 1;
            }
        }
        blank &= b.is_ascii_whitespace();
    }
    end_line(&mut counts, blank);
    let best = (0..3).max_by_key(|&i| (lines_with[i], total[i], std::cmp::Reverse(i))).unwrap_or(0);
    if lines_with[best] == 0 {
        b','
    } else {
        SEPARATORS[best]
    }
}

/// Where each line of `text` starts, a line break being CRLF, LF or a lone CR (old Macs).
fn line_starts(text: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, b) in text.iter().enumerate() {
        match b {
            b'\n' => starts.push(i + 1),
            b'\r' if text.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
            _ => {}
        }
    }
    starts
}

/// The rows of a CSV text (quoted cells, any line break, cells trimmed), blank lines left out.
pub fn csv_rows(text: &str, separator: u8) -> Vec<GridRow> {
    let bytes = text.as_bytes();
    let starts = line_starts(bytes);
    let line_at = |offset: u64| {
        let mut at = (offset as usize).min(bytes.len());
        // A record's recorded start may sit on the line break before it.
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        starts.partition_point(|s| *s <= at) as u64
    };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        // From text, with uneven rows allowed, a record cannot fail; should one, the rest of
        // the file is not guessed at.
        let Ok(record) = record else { break };
        let line = record.position().map_or(1, |p| line_at(p.byte()));
        let row = GridRow { line, cells: record.iter().map(|c| c.trim().to_string()).collect() };
        if !row.is_blank() {
            rows.push(row);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[GridRow]) -> Vec<(u64, Vec<&str>)> {
        rows.iter().map(|r| (r.line, r.cells.iter().map(String::as_str).collect())).collect()
    }

    #[test]
    fn the_separator_is_the_one_on_most_lines() {
        assert_eq!(separator_of("code,name\nC1,a\n"), b',');
        assert_eq!(separator_of("code\tname\r\nC1\t\"1,234.50\"\r\n"), b'\t');
        // A semicolon file with decimal commas: commas only on the data lines.
        assert_eq!(separator_of("客户编号;金额\nC1;1234,50\nC2;7\n"), b';');
        // A quoted cell's separators do not count, nor a title above the table.
        assert_eq!(separator_of("余额表\n\"a;b;c\",x\n\"d;e\",y\n"), b',');
        assert_eq!(separator_of("just one column\n"), b',');
    }

    #[test]
    fn rows_keep_their_line_in_the_file_whatever_the_line_breaks() {
        let text = "title\r\n\r\ncode,name\r\nC1,\"two\nlines\"\r\nC2 , b \r\n";
        assert_eq!(
            cells(&csv_rows(text, b',')),
            [(1, vec!["title"]), (3, vec!["code", "name"]), (4, vec!["C1", "two\nlines"]), (6, vec!["C2", "b"]),]
        );
        let old_mac = "code,name\r\rC1,a\rC2,b";
        assert_eq!(cells(&csv_rows(old_mac, b','))[1..], [(3, vec!["C1", "a"]), (4, vec!["C2", "b"])]);
    }

    #[test]
    fn blank_rows_and_cells_of_spaces_are_left_out() {
        let rows = csv_rows("a;b\n ; \t\n\n1;2\n", b';');
        assert_eq!(cells(&rows), [(1, vec!["a", "b"]), (4, vec!["1", "2"])]);
    }
}
