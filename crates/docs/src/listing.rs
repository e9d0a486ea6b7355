//! A listing: any report or list printed as a table under the letterhead (the aging report,
//! collection performance, write-offs, a contact log, an evidence pack's manifest).

use chrono::NaiveDate;

use crate::canvas::{Align, Paper};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::pdf::{Letterhead, PdfBuilder};
use crate::table::{Column, Table};

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
}

/// Type shrinks as columns are added so a wide report still fits an A4 page.
fn type_size(columns: usize) -> f32 {
    match columns {
        0..=5 => 9.0,
        6..=8 => 8.0,
        _ => 7.0,
    }
}

/// Columns share the page's width by their weights.
fn table_of(columns: &[ListingColumn], width: f32) -> Table {
    let total: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(f32::EPSILON);
    Table {
        columns: columns
            .iter()
            .map(|c| Column { title: c.title.clone(), width: width * c.weight / total, align: c.align })
            .collect(),
        size: type_size(columns.len()),
    }
}

pub fn listing_pdf(doc: &ListingDoc) -> Result<Vec<u8>, DocError> {
    let mut pdf = PdfBuilder::new(fonts()?, Paper::A4, &doc.title, &doc.id, doc.date);
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
    let mut rows = doc.rows.clone();
    rows.extend(doc.footer_rows.iter().cloned());
    table_of(&doc.columns, width).draw(&mut pdf, &rows)?;
    for more in &doc.more {
        pdf.y += 6.0;
        pdf.ensure(20.0);
        pdf.text(left, 10.5, true, Align::Left, &more.heading)?;
        pdf.y += 2.5;
        table_of(&more.columns, width).draw(&mut pdf, &more.rows)?;
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
