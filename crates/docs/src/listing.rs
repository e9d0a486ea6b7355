//! A listing: any report or list printed as a table under the letterhead (the aging report,
//! collection performance, write-offs, a contact log, an evidence pack's manifest).

use chrono::NaiveDate;
use huikuan_domain::DocLanguage;

use crate::canvas::MM_PER_PT;
use crate::canvas::{Align, Paper};
use crate::error::DocError;
use crate::fonts::{fonts, Fonts};
use crate::pdf::{Letterhead, PdfBuilder};
use crate::table::{cell_width, is_figure, two_line_width, Column, Table};

#[derive(Debug, Clone, PartialEq)]
pub struct ListingColumn {
    pub title: String,
    /// Share of the page's width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListingDoc {
    pub letterhead: Letterhead,
    /// The paper's language: its page numbers are said in it.
    pub language: DocLanguage,
    pub title: String,
    /// Lines under the title: what the listing covers, as of when, in which basis.
    pub subtitle: Vec<String>,
    /// Names the document: its PDF ID and font tags come from it.
    pub id: String,
    pub date: NaiveDate,
    pub columns: Vec<ListingColumn>,
    pub rows: Vec<Vec<String>>,
    /// Printed after the rows, in bold type (totals); may be empty.
    pub footer_rows: Vec<Vec<String>>,
    /// Further tables, each under its own heading, after the first.
    pub more: Vec<ListingTable>,
    /// Paragraphs after the tables (notes, what the figures mean).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListingTable {
    pub heading: String,
    pub columns: Vec<ListingColumn>,
    pub rows: Vec<Vec<String>>,
    /// Printed after the rows, in bold type (totals); may be empty.
    pub totals: Vec<Vec<String>>,
    /// Paragraphs directly under this table (its basis, what it means), kept on a page
    /// with the table's last row.
    pub notes: Vec<String>,
}

/// Type shrinks as columns are added so a wide report still fits an A4 page.
fn type_size(columns: usize) -> f32 {
    match columns {
        0..=5 => 9.0,
        6..=8 => 8.0,
        _ => 7.5,
    }
}

/// The smallest type a listing is set in before its columns are squeezed.
const LEAST_SIZE: f32 = 6.0;
/// The widest word without spaces kept whole (wider ones, such as long names, wrap).
const WORD_MAX: f32 = 32.0;
/// Headings up to this wide are never broken.
const HEADING_WHOLE: f32 = 16.0;
/// The widest Latin word (a file name, a document number, half a hash) kept whole: a break
/// inside "SD-2026-001154.pdf" makes two names of one.
const TOKEN_MAX: f32 = 80.0;
/// How wide a text column grows before its cells wrap.
const TEXT_MAX: f32 = 55.0;

/// What one column needs at `size` points: `least` holds every figure on one line and
/// the heading in at most two lines (or its longest word); `wish` holds every cell and
/// the heading unbroken.
fn needs(fonts: &Fonts, title: &str, cells: &[&str], size: f32) -> (f32, f32) {
    let mut least: f32 = 0.0;
    let mut widest: f32 = 0.0;
    for cell in cells.iter().flat_map(|c| c.split('\n')) {
        let w = cell_width(fonts, cell, size, true);
        widest = widest.max(w);
        // Figures, and short words without a space (a document number, a code, a bucket
        // such as 逾期365天以上), are never broken: "SD-2025-0004 / 45" reads as two.
        if is_figure(cell) || !cell.trim().contains(' ') && w <= WORD_MAX {
            least = least.max(w);
        }
        // Nor is a Latin word within the line (a file name, a number, a hash's half).
        for word in cell.split(' ').filter(|w| w.is_ascii()) {
            let w = cell_width(fonts, word, size, true);
            if w <= TOKEN_MAX {
                least = least.max(w);
            }
        }
    }
    let heading = cell_width(fonts, title, size, true);
    let longest_word = title.split(' ').map(|word| cell_width(fonts, word, size, true)).fold(0.0, f32::max);
    let is_cjk_heading = !title.is_ascii();
    // A short heading stays whole; a long one may take two lines.
    let pad = cell_width(fonts, "", size, true);
    let heading_least = if heading <= HEADING_WHOLE {
        heading
    } else if let Some(two) = two_line_width(fonts, title, size).filter(|_| is_cjk_heading) {
        // Two lines broken between its words ("签收 / 回复 /" "送达"), never inside one.
        two * MM_PER_PT + pad
    } else if is_cjk_heading {
        heading / 2.0 + 2.0
    } else {
        longest_word
    };
    // Text columns may wrap, but not to a sliver.
    let text_least = if widest > least { widest.min(18.0) } else { 0.0 };
    least = least.max(heading_least).max(text_least);
    let wish = least.max(heading).max(widest.min(TEXT_MAX));
    (least, wish)
}

/// Column widths that fill `width`: every column gets what it needs at least, then the
/// room left goes first to what they wish for, then by the columns' weights.
fn widths(columns: &[ListingColumn], need: &[(f32, f32)], width: f32) -> Option<Vec<f32>> {
    let least: f32 = need.iter().map(|n| n.0).sum();
    if least > width {
        return None;
    }
    let wish: f32 = need.iter().map(|n| n.1).sum();
    if wish >= width {
        let share = (width - least) / (wish - least).max(f32::EPSILON);
        return Some(need.iter().map(|(l, w)| l + (w - l) * share).collect());
    }
    let weights: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(f32::EPSILON);
    Some(need.iter().zip(columns).map(|((_, w), c)| w + (width - wish) * c.weight / weights).collect())
}

/// A table sized from what it holds: the widest figure of each column fits on one line,
/// the type stepping down half a point at a time until the columns fit `width`.
fn table_of(fonts: &Fonts, columns: &[ListingColumn], rows: &[&Vec<String>], width: f32) -> Option<Table> {
    let mut size = type_size(columns.len());
    while size >= LEAST_SIZE {
        let need: Vec<(f32, f32)> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cells: Vec<&str> = rows.iter().filter_map(|r| r.get(i)).map(String::as_str).collect();
                needs(fonts, &c.title, &cells, size)
            })
            .collect();
        if let Some(ws) = widths(columns, &need, width) {
            let columns = columns
                .iter()
                .zip(ws)
                .map(|(c, width)| Column { title: c.title.clone(), width, align: c.align })
                .collect();
            return Some(Table { columns, size });
        }
        size -= 0.5;
    }
    None
}

/// The last resort for a table too wide even in the smallest type: shares by weight.
fn squeezed(columns: &[ListingColumn], width: f32) -> Table {
    let total: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(f32::EPSILON);
    Table {
        columns: columns
            .iter()
            .map(|c| Column { title: c.title.clone(), width: width * c.weight / total, align: c.align })
            .collect(),
        size: LEAST_SIZE,
    }
}

/// What a table wishes for in its first type size, with a little air.
fn snug_width(fonts: &Fonts, columns: &[ListingColumn], rows: &[&Vec<String>]) -> f32 {
    let size = type_size(columns.len());
    let wish: f32 = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells: Vec<&str> = rows.iter().filter_map(|r| r.get(i)).map(String::as_str).collect();
            needs(fonts, &c.title, &cells, size).1
        })
        .sum();
    wish * 1.5 + 10.0
}

/// How tall a note under a table is printed `width` mm wide (as `PdfBuilder::paragraph`).
fn note_height(fonts: &Fonts, note: &str, width: f32) -> f32 {
    1.5 + crate::wrap::wrap(fonts, note, width / MM_PER_PT, 8.5, false).len() as f32 * 8.5 * MM_PER_PT * 1.45
}

/// Portrait when every table fits its width in readable type, else landscape.
fn needs_landscape(fonts: &Fonts, doc: &ListingDoc, portrait_width: f32) -> bool {
    let first: Vec<&Vec<String>> = doc.rows.iter().chain(&doc.footer_rows).collect();
    // A heading broken inside a word, or bucket headings broken three ways, want the width.
    let fits = |columns: &[ListingColumn], rows: &[&Vec<String>]| {
        table_of(fonts, columns, rows, portrait_width)
            .is_some_and(|t| t.size >= type_size(columns.len()) && !t.breaks_a_heading(fonts))
    };
    !(fits(&doc.columns, &first)
        && doc.more.iter().all(|m| fits(&m.columns, &m.rows.iter().chain(&m.totals).collect::<Vec<_>>())))
}

pub fn listing_pdf(doc: &ListingDoc) -> Result<Vec<u8>, DocError> {
    let fonts = fonts()?;
    let mut pdf = PdfBuilder::new(fonts, Paper::A4, &doc.title, &doc.id, doc.date);
    if needs_landscape(fonts, doc, pdf.width()) {
        pdf = pdf.landscape();
    }
    pdf.set_language(doc.language);
    pdf.set_running_head(&format!("{} · {}", doc.title, doc.subtitle.join(" · ")));
    pdf.letterhead(&doc.letterhead)?;
    let (left, right) = (pdf.margin, pdf.margin + pdf.width());
    pdf.y += 8.0;
    pdf.text((left + right) / 2.0, 14.0, true, Align::Center, &doc.title)?;
    for line in &doc.subtitle {
        pdf.y += 5.0;
        pdf.text((left + right) / 2.0, 9.0, false, Align::Center, line)?;
    }
    pdf.y += 4.0;
    let width = pdf.width();
    let sized = |columns: &[ListingColumn], rows: &[&Vec<String>]| {
        table_of(fonts, columns, rows, width).unwrap_or_else(|| squeezed(columns, width))
    };
    let first: Vec<&Vec<String>> = doc.rows.iter().chain(&doc.footer_rows).collect();
    sized(&doc.columns, &first).draw_with(&mut pdf, &doc.rows, &doc.footer_rows, 0.0)?;
    for more in &doc.more {
        pdf.y += 2.0;
        let cells: Vec<&Vec<String>> = more.rows.iter().chain(&more.totals).collect();
        // A narrow table under a wide one is set to its own width, not stretched across.
        let snug = snug_width(fonts, &more.columns, &cells).min(width);
        let table = table_of(fonts, &more.columns, &cells, snug).unwrap_or_else(|| sized(&more.columns, &cells));
        let notes: f32 = more.notes.iter().map(|n| note_height(fonts, n, width)).sum();
        // A table and its notes that fit on one page are kept on one; a longer one starts
        // with its header and a row, and its last row stays with its notes.
        let whole = 8.5 + table.height(fonts, &more.rows, &more.totals) + notes;
        pdf.ensure(if whole <= pdf.bottom() - pdf.margin - 20.0 { whole } else { 20.0 });
        // The heading's baseline below the top of its room (a new page's running head).
        pdf.y += 4.5;
        pdf.text(left, 10.5, true, Align::Left, &more.heading)?;
        pdf.y += 2.5;
        table.draw_with(&mut pdf, &more.rows, &more.totals, notes)?;
        for note in &more.notes {
            pdf.y += 1.5;
            pdf.paragraph(left, width, 8.5, false, note)?;
        }
    }
    for note in &doc.notes {
        pdf.y += 3.0;
        pdf.ensure(10.0);
        pdf.paragraph(left, width, 8.5, false, note)?;
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rows: usize) -> ListingDoc {
        ListingDoc {
            letterhead: Letterhead { name: "测试公司".into(), ..Letterhead::default() },
            language: DocLanguage::Zh,
            title: "账龄分析 Aging".into(),
            subtitle: vec!["截至 2026-11-30".into()],
            id: "aging-2026-11-30".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            columns: vec![
                ListingColumn { title: "客户".into(), weight: 3.0, align: Align::Left },
                ListingColumn { title: "余额".into(), weight: 2.0, align: Align::Right },
            ],
            rows: (0..rows).map(|i| vec![format!("客户 {i}"), format!("{i}.00")]).collect(),
            footer_rows: vec![vec!["合计".into(), "1.00".into()]],
            more: vec![ListingTable {
                heading: "说明".into(),
                columns: vec![ListingColumn { title: "项目".into(), weight: 1.0, align: Align::Left }],
                rows: vec![vec!["一".into()]],
                totals: Vec::new(),
                notes: Vec::new(),
            }],
            notes: vec!["按到期日计算。".into()],
        }
    }

    #[test]
    fn a_listing_is_the_same_bytes_every_time_and_breaks_onto_new_pages() {
        let one = listing_pdf(&doc(3)).unwrap();
        assert_eq!(one, listing_pdf(&doc(3)).unwrap());
        assert!(one.starts_with(b"%PDF"));
        let long = listing_pdf(&doc(200)).unwrap();
        let pages = lopdf::Document::load_mem(&long).unwrap().get_pages().len();
        assert!(pages >= 3, "200 rows over {pages} pages");
    }
}
