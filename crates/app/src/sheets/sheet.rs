use chrono::NaiveDate;
use huikuan_domain::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A value as a spreadsheet holds it: amounts and counts stay numbers, dates stay dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Money(Money),
    Int(i64),
    /// A ratio or a number of days, shown with its decimals.
    Decimal(Decimal),
    Date(NaiveDate),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// What a reader sees in a CSV or on paper.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Money(m) => m.to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::Decimal(d) => d.normalize().to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Money(_) | Cell::Int(_) | Cell::Decimal(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetColumn {
    /// The machine name: the CSV header, and what an import of the sheet expects.
    pub key: String,
    /// The heading people read (in the user's language) for XLSX and PDF.
    pub title: String,
}

/// A list or report ready to be written out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Names the file and the PDF (aging-2026-11-30).
    pub name: String,
    pub title: String,
    /// What the figures cover: as of, basis, period.
    pub subtitle: Vec<String>,
    pub columns: Vec<SheetColumn>,
    pub rows: Vec<Vec<Cell>>,
    /// Totals, after the rows (not in the CSV, whose rows are data only).
    pub totals: Vec<Vec<Cell>>,
    pub notes: Vec<String>,
}

impl Sheet {
    pub fn new(name: impl Into<String>, title: impl Into<String>, columns: &[(&str, String)]) -> Sheet {
        Sheet {
            name: name.into(),
            title: title.into(),
            subtitle: Vec::new(),
            columns: columns.iter().map(|(k, t)| SheetColumn { key: k.to_string(), title: t.clone() }).collect(),
            rows: Vec::new(),
            totals: Vec::new(),
            notes: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SheetFormat {
    Xlsx,
    Csv,
    Pdf,
}

impl SheetFormat {
    pub fn extension(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Csv => "csv",
            SheetFormat::Pdf => "pdf",
        }
    }

    pub fn from_path(path: &std::path::Path) -> Option<SheetFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(SheetFormat::Xlsx),
            "csv" => Some(SheetFormat::Csv),
            "pdf" => Some(SheetFormat::Pdf),
            _ => None,
        }
    }
}
