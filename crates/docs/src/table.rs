//! Tables that break across pages with their header row repeated.

use crate::canvas::{Align, MM_PER_PT};
use crate::error::DocError;
use crate::fonts::Fonts;
use crate::pdf::PdfBuilder;
use crate::wrap::wrap;

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Millimetres.
    pub width: f32,
    pub align: Align,
}

pub struct Table {
    pub columns: Vec<Column>,
    pub size: f32,
}

/// Cell padding at 9 pt; smaller type gets a little less.
const PAD: f32 = 1.5;

/// A figure (an amount, a count, a date, a percentage): drawn on one line, never wrapped,
/// since "674,562.8 / 3" reads as two numbers.
pub fn is_figure(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || ",.-+%¥$€()/: ".contains(c))
}

/// The lines of one cell: figures stay whole, text wraps within the column.
fn cell_lines(fonts: &Fonts, text: &str, width_pt: f32, size: f32, bold: bool) -> Vec<String> {
    if is_figure(text) {
        vec![text.trim().to_string()]
    } else {
        wrap(fonts, text, width_pt, size, bold)
    }
}

impl Table {
    fn pad(&self) -> f32 {
        (PAD * self.size / 9.0).clamp(0.8, PAD)
    }

    fn line_height(&self) -> f32 {
        self.size * MM_PER_PT * 1.4
    }

    /// Each heading's lines: a heading wraps within its column instead of running into
    /// the next one.
    fn header_lines(&self, fonts: &Fonts) -> Vec<Vec<String>> {
        self.columns
            .iter()
            .map(|c| heading_lines(fonts, &c.title, (c.width - 2.0 * self.pad()) / MM_PER_PT, self.size))
            .collect()
    }

    /// How tall the table is drawn with `rows` and `totals`, its header once (on one page).
    pub fn height(&self, fonts: &Fonts, rows: &[Vec<String>], totals: &[Vec<String>]) -> f32 {
        self.header_height(fonts)
            + rows.iter().map(|r| self.row_height(fonts, r, false)).sum::<f32>()
            + totals.iter().map(|r| self.row_height(fonts, r, true)).sum::<f32>()
    }

    /// True when some heading would be broken inside a word (not at a space, nor between
    /// its words and its figures), or a heading holding a figure would be broken at all:
    /// "逾期31–60 / 天" beside "逾期 / 61–90天" reads as carelessness.
    pub fn breaks_a_heading(&self, fonts: &Fonts) -> bool {
        self.columns.iter().any(|c| {
            let width = (c.width - 2.0 * self.pad()) / MM_PER_PT;
            match heading_words(fonts, &c.title, width, self.size) {
                // Chinese may break between any two characters; a Latin word may not.
                None => heading_parts(&c.title).iter().any(|(p, _)| {
                    p.chars().any(|ch| ch.is_ascii_alphanumeric()) && fonts.width(p, self.size, true) > width
                }),
                Some(lines) => lines.len() > 1 && c.title.chars().any(|ch| ch.is_ascii_digit()) && !c.title.is_ascii(),
            }
        })
    }

    /// How tall a row is drawn: its tallest cell.
    fn row_height(&self, fonts: &Fonts, row: &[String], bold: bool) -> f32 {
        let lines = self
            .columns
            .iter()
            .zip(row)
            .map(|(c, text)| cell_lines(fonts, text, (c.width - 2.0 * self.pad()) / MM_PER_PT, self.size, bold).len())
            .max()
            .unwrap_or(1)
            .max(1);
        lines as f32 * self.line_height() + 2.0 * self.pad()
    }

    fn header_height(&self, fonts: &Fonts) -> f32 {
        let lines = self.header_lines(fonts).iter().map(Vec::len).max().unwrap_or(1).max(1);
        lines as f32 * self.line_height() + 2.0 * self.pad()
    }

    fn header(&self, pdf: &mut PdfBuilder) -> Result<(), DocError> {
        let h = self.header_height(pdf.fonts);
        let (x0, y) = (pdf.margin, pdf.y);
        let total: f32 = self.columns.iter().map(|c| c.width).sum();
        pdf.page().rect(x0, y, total, h, Some(0.9));
        let mut x = x0;
        for (c, lines) in self.columns.iter().zip(self.header_lines(pdf.fonts)) {
            for (i, line) in lines.iter().enumerate() {
                pdf.y = y + self.pad() + self.size * MM_PER_PT * 1.05 + i as f32 * self.line_height();
                pdf.text(anchor(x, c, self.pad()), self.size, true, c.align, line)?;
            }
            x += c.width;
        }
        pdf.y = y + h;
        Ok(())
    }

    /// Draws the header, then each row (cells wrap within their column), starting a new
    /// page with the header again whenever a row would not fit.
    pub fn draw(&self, pdf: &mut PdfBuilder, rows: &[Vec<String>]) -> Result<(), DocError> {
        self.draw_with(pdf, rows, &[], 0.0)
    }

    /// Like [`Table::draw`], then `totals` in bold type; the last row is kept on one page
    /// with the `tail` mm that follow the table (a signature block, a total line), so that
    /// block never stands alone on a page without lines of the table above it.
    pub fn draw_with(
        &self,
        pdf: &mut PdfBuilder,
        rows: &[Vec<String>],
        totals: &[Vec<String>],
        tail: f32,
    ) -> Result<(), DocError> {
        let lh = self.line_height();
        let all: Vec<(&Vec<String>, bool)> =
            rows.iter().map(|r| (r, false)).chain(totals.iter().map(|r| (r, true))).collect();
        let last = all.len().saturating_sub(1);
        // The header row never stands alone at the foot of a page: it needs its first row
        // (and, when that is the last, what follows the table).
        let first = all.first().map_or(lh + 2.0 * self.pad(), |(row, bold)| self.row_height(pdf.fonts, row, *bold));
        pdf.ensure(self.header_height(pdf.fonts) + first + if last == 0 { tail } else { 0.0 });
        self.header(pdf)?;
        for (n, (row, bold)) in all.into_iter().enumerate() {
            let cells: Vec<Vec<String>> = self
                .columns
                .iter()
                .zip(row)
                .map(|(c, text)| cell_lines(pdf.fonts, text, (c.width - 2.0 * self.pad()) / MM_PER_PT, self.size, bold))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f32 * lh + 2.0 * self.pad();
            let keep = if n == last { tail } else { 0.0 };
            if pdf.ensure(h + keep) {
                self.header(pdf)?;
            }
            let top = pdf.y;
            let mut x = pdf.margin;
            for (c, cell) in self.columns.iter().zip(&cells) {
                for (i, line) in cell.iter().enumerate() {
                    pdf.y = top + self.pad() + self.size * MM_PER_PT * 1.05 + i as f32 * lh;
                    // A figure wider than its column is set a little smaller, never broken.
                    let room = (c.width - 2.0 * self.pad()) / MM_PER_PT;
                    let wide = pdf.fonts.width(line, self.size, bold);
                    let size = if wide > room { (self.size * room / wide).max(4.0) } else { self.size };
                    pdf.text(anchor(x, c, self.pad()), size, bold, c.align, line)?;
                }
                x += c.width;
            }
            pdf.y = top + h;
            let (left, right, y) = (pdf.margin, x, pdf.y);
            pdf.page().line(left, y, right, y, if bold { 0.6 } else { 0.3 });
        }
        Ok(())
    }
}

/// A heading's words, each with whether a space goes before it: split at spaces, and a
/// Chinese heading also between its words and its figures ("逾期" "61–90天"), so that it
/// breaks there and nowhere else.
fn heading_parts(title: &str) -> Vec<(String, bool)> {
    let mut parts = Vec::new();
    for word in title.split(' ').filter(|w| !w.is_empty()) {
        let spaced = !parts.is_empty();
        // A lone mark ("/", "·") stays at the end of the word before it.
        if spaced && !word.chars().any(char::is_alphanumeric) {
            if let Some((last, _)) = parts.last_mut() {
                *last = format!("{last} {word}");
                continue;
            }
        }
        match word.find(|c: char| c.is_ascii_digit()) {
            Some(at) if at > 0 && !word[..at].is_ascii() => {
                parts.push((word[..at].to_string(), spaced));
                parts.push((word[at..].to_string(), false));
            }
            _ => parts.push((word.to_string(), spaced)),
        }
    }
    parts
}

/// A heading's lines in `width` points: whole when it fits, else broken between its words
/// (see [`heading_parts`]) as few times as it takes; only a word wider than the column is
/// wrapped inside (None then: the heading cannot be kept to its words).
fn heading_words(fonts: &Fonts, title: &str, width: f32, size: f32) -> Option<Vec<String>> {
    if fonts.width(title, size, true) <= width {
        return Some(vec![title.to_string()]);
    }
    let parts = heading_parts(title);
    if title.contains('\n') || parts.iter().any(|(p, _)| fonts.width(p, size, true) > width) {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (part, spaced) in parts {
        let next = if line.is_empty() {
            part.clone()
        } else if spaced {
            format!("{line} {part}")
        } else {
            format!("{line}{part}")
        };
        if line.is_empty() || fonts.width(&next, size, true) <= width {
            line = next;
        } else {
            lines.push(std::mem::take(&mut line));
            line = part;
        }
    }
    lines.push(line);
    Some(lines)
}

/// The width in points of the wider line when `title` is broken once between its words,
/// at the break that makes it narrowest; None for a heading of one word.
pub(crate) fn two_line_width(fonts: &Fonts, title: &str, size: f32) -> Option<f32> {
    let parts = heading_parts(title);
    let line = |parts: &[(String, bool)]| {
        let text: String = parts
            .iter()
            .enumerate()
            .map(|(i, (p, spaced))| if i > 0 && *spaced { format!(" {p}") } else { p.clone() })
            .collect();
        fonts.width(&text, size, true)
    };
    (1..parts.len()).map(|i| line(&parts[..i]).max(line(&parts[i..]))).reduce(f32::min)
}

/// A heading's lines in `width` points: at its words when they fit (see [`heading_words`]),
/// else wrapped as any text.
pub fn heading_lines(fonts: &Fonts, title: &str, width: f32, size: f32) -> Vec<String> {
    heading_words(fonts, title, width, size).unwrap_or_else(|| wrap(fonts, title, width, size, true))
}

/// Width in millimetres `text` takes at `size` points, with a cell's padding.
pub fn cell_width(fonts: &Fonts, text: &str, size: f32, bold: bool) -> f32 {
    fonts.width(text, size, bold) * MM_PER_PT + 2.0 * (PAD * size / 9.0).clamp(0.8, PAD)
}

fn anchor(x: f32, c: &Column, pad: f32) -> f32 {
    match c.align {
        Align::Left => x + pad,
        Align::Center => x + c.width / 2.0,
        Align::Right => x + c.width - pad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_amounts_counts_dates_and_percentages_not_words() {
        for figure in ["674,562.83", "¥3,950.00", "-12", "2026-11-30", "45%", "(1,200.00)"] {
            assert!(is_figure(figure), "{figure}");
        }
        for text in ["C001", "逾期61–90天", "", "Total", "DN-2026-0001"] {
            assert!(!is_figure(text), "{text}");
        }
    }
}
