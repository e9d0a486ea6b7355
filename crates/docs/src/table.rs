//! Tables that break across pages with their header row repeated.

use crate::canvas::{Align, MM_PER_PT};
use crate::error::DocError;
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

const PAD: f32 = 1.5;

impl Table {
    fn line_height(&self) -> f32 {
        self.size * MM_PER_PT * 1.4
    }

    fn header(&self, pdf: &mut PdfBuilder) -> Result<(), DocError> {
        let h = self.line_height() + 2.0 * PAD;
        let (x0, y) = (pdf.margin, pdf.y);
        let total: f32 = self.columns.iter().map(|c| c.width).sum();
        pdf.page().rect(x0, y, total, h, Some(0.9));
        pdf.y += PAD + self.size * MM_PER_PT * 1.05;
        let mut x = x0;
        for c in &self.columns {
            pdf.text(anchor(x, c), self.size, true, c.align, &c.title)?;
            x += c.width;
        }
        pdf.y = y + h;
        Ok(())
    }

    /// Draws the header, then each row (cells wrap within their column), starting a new
    /// page with the header again whenever a row would not fit.
    pub fn draw(&self, pdf: &mut PdfBuilder, rows: &[Vec<String>]) -> Result<(), DocError> {
        let lh = self.line_height();
        pdf.ensure(3.0 * lh + 2.0 * PAD);
        self.header(pdf)?;
        for row in rows {
            let cells: Vec<Vec<String>> = self
                .columns
                .iter()
                .zip(row)
                .map(|(c, text)| wrap(pdf.fonts, text, (c.width - 2.0 * PAD) / MM_PER_PT, self.size, false))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f32 * lh + 2.0 * PAD;
            if pdf.ensure(h) {
                self.header(pdf)?;
            }
            let top = pdf.y;
            let mut x = pdf.margin;
            for (c, cell) in self.columns.iter().zip(&cells) {
                for (i, line) in cell.iter().enumerate() {
                    pdf.y = top + PAD + self.size * MM_PER_PT * 1.05 + i as f32 * lh;
                    pdf.text(anchor(x, c), self.size, false, c.align, line)?;
                }
                x += c.width;
            }
            pdf.y = top + h;
            let (left, right, y) = (pdf.margin, x, pdf.y);
            pdf.page().line(left, y, right, y, 0.3);
        }
        Ok(())
    }
}

fn anchor(x: f32, c: &Column) -> f32 {
    match c.align {
        Align::Left => x + PAD,
        Align::Center => x + c.width / 2.0,
        Align::Right => x + c.width - PAD,
    }
}
