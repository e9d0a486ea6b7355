//! Where the table inside a file starts and which of its rows are not data: the heading row
//! is found below titles, notes and blank rows by the field names in it; total rows (合计,
//! Total) are recognised so they can be left out and listed.

use super::super::import_file::ImportKind;
use super::super::mapping::{aliases, compact, guess};
use super::grid::GridRow;

/// Rows looked at for the heading: a title block is never this long.
const HEADING_WITHIN: usize = 30;

/// The fields of `kind` a row's cells name, by their own names or their aliases.
fn fields_named(kind: ImportKind, cells: &[String]) -> usize {
    let folded: Vec<String> = cells.iter().map(|c| compact(c)).filter(|c| !c.is_empty()).collect();
    kind.columns()
        .iter()
        .filter(|field| {
            std::iter::once(**field)
                .chain(aliases(field).iter().copied())
                .any(|name| folded.iter().any(|c| *c == compact(name)))
        })
        .count()
}

/// The index (in `rows`, which holds no blank rows) of the heading: of the first rows, the
/// one naming the most of the kind's fields (two at least; the earliest of equals), so a
/// criteria line above it ("日期, 2024-05, 方式, 全部") is not taken for it; else the first
/// row, for the user to map by hand.
pub fn heading_index(kind: ImportKind, rows: &[GridRow]) -> usize {
    let named = rows.iter().take(HEADING_WITHIN).map(|r| fields_named(kind, &r.cells));
    let (best, most) =
        named.enumerate().fold((0, 0), |(best, most), (i, n)| if n > most { (i, n) } else { (best, most) });
    if most >= 2 {
        best
    } else {
        0
    }
}

/// The field a data row cannot be without: a total row leaves it empty.
fn key_field(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Customers => "code",
        ImportKind::OpeningBalances | ImportKind::Payments => "customer_code",
        ImportKind::Deliveries => "number",
    }
}

/// A cell saying the row is a total: 合计, 总 计, Grand total, "小计：", case and spaces aside.
pub fn is_total_word(cell: &str) -> bool {
    let word = compact(cell);
    let word = word.trim_end_matches([':', '：']);
    matches!(word, "合计" | "总计" | "小计" | "共计" | "total" | "grandtotal" | "subtotal" | "sum" | "totals")
}

/// A field every data row has and a total row never does: a customer's name, an entry's date.
fn named_field(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Customers => "name",
        _ => "date",
    }
}

/// Which rows under `header` are totals: a cell says so and the key field's cell is empty, or
/// the key itself says so and the row has no name or date (a customer coded TOTAL, or named
/// "Total" with a code, is data). With no column for the key field, the row's first cell must
/// say so.
pub struct TotalRows {
    key: Option<usize>,
    named: Option<usize>,
}

impl TotalRows {
    pub fn new(kind: ImportKind, header: &[String]) -> Self {
        let mapping = guess(kind, header);
        let column = |field| mapping.source_of(field).map(|i| i as usize);
        TotalRows { key: column(key_field(kind)), named: column(named_field(kind)) }
    }

    pub fn is_total(&self, cells: &[String]) -> bool {
        let cell = |i: usize| cells.get(i).map_or("", String::as_str);
        match self.key {
            Some(k) if cell(k).is_empty() => cells.iter().any(|c| is_total_word(c)),
            Some(k) => is_total_word(cell(k)) && self.named.is_none_or(|n| cell(n).is_empty()),
            None => cells.iter().find(|c| !c.is_empty()).is_some_and(|c| is_total_word(c)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64, cells: &[&str]) -> GridRow {
        GridRow { line, cells: cells.iter().map(|c| c.to_string()).collect() }
    }

    fn texts(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_heading_is_found_below_a_title_and_notes() {
        let rows = [
            row(1, &["2023年末期初应收余额表"]),
            row(2, &["单位：元", "", "制表：张三"]),
            row(4, &["客户编号", "客户名称", "期初应收", "日期"]),
            row(5, &["C001", "华联", "100", "2023-12-31"]),
        ];
        assert_eq!(heading_index(ImportKind::OpeningBalances, &rows), 2);
    }

    #[test]
    fn a_criteria_line_above_the_heading_is_not_taken_for_it() {
        let rows = [
            row(1, &["收款明细"]),
            row(2, &["日期", "2024-05-01 至 2024-05-31", "方式", "全部"]),
            row(3, &["单号", "客户编号", "日期", "金额", "方式"]),
            row(4, &["P1", "C001", "2024-05-02", "10", "现金"]),
        ];
        assert_eq!(heading_index(ImportKind::Payments, &rows), 2);
    }

    #[test]
    fn a_heading_broken_over_lines_or_spaced_still_names_its_fields() {
        let rows = [row(1, &["说明"]), row(2, &["客户\n编号", "Customer  Name", "CODE"])];
        assert_eq!(heading_index(ImportKind::Customers, &rows), 1);
    }

    #[test]
    fn without_a_recognisable_heading_the_first_row_is_it() {
        let rows = [row(3, &["甲", "乙"]), row(4, &["C1", "x"])];
        assert_eq!(heading_index(ImportKind::Payments, &rows), 0);
        // One field's name is not enough: a note naming 日期 is not the heading.
        let rows = [row(1, &["日期：2024-01-01"]), row(2, &["日期"]), row(3, &["单号", "日期"])];
        assert_eq!(heading_index(ImportKind::Payments, &rows), 2);
    }

    #[test]
    fn total_words_in_both_languages_case_and_spaces_aside() {
        for word in ["合计", "合 计", "总计", "小计：", "Total", "GRAND TOTAL", "Sub-total", "sum"] {
            assert!(is_total_word(word), "{word}");
        }
        for word in ["合计金额", "C001", "", "Totally Fresh Ltd"] {
            assert!(!is_total_word(word), "{word}");
        }
    }

    #[test]
    fn a_total_row_has_no_key_but_a_customer_named_total_is_data() {
        let totals = TotalRows::new(ImportKind::Customers, &texts(&["code", "name", "credit_limit"]));
        assert!(totals.is_total(&texts(&["", "合计", "5000"])));
        assert!(totals.is_total(&texts(&["合 计", "", "5000"])));
        assert!(!totals.is_total(&texts(&["C009", "Total", "5000"])));
        assert!(!totals.is_total(&texts(&["TOTAL", "Total Fresh Foods", "5000"])), "a customer coded TOTAL");
        assert!(!totals.is_total(&texts(&["", "华联", "5000"])));
        let unknown = TotalRows::new(ImportKind::Payments, &texts(&["甲", "乙"]));
        assert!(unknown.is_total(&texts(&["", "Total", "9"])));
        assert!(!unknown.is_total(&texts(&["x", "Total"])));
    }
}
