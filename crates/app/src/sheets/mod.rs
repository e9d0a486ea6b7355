//! Spreadsheets in and out: any list or report as a [`Sheet`], written as XLSX, CSV or PDF;
//! imports read from text in any office encoding and from .xlsx, .xls and .ods, the table
//! found inside the file, its columns mapped (and the mapping remembered
//! for the file's layout), rehearsed row by row before anything is written.

mod csv_out;
mod import_file;
mod mapping;
mod pdf_out;
mod readings;
mod sheet;
mod table_in;
mod xlsx_out;

pub use csv_out::{escape_formula, sheet_csv};
pub use import_file::{ImportForm, ImportKind, ImportPreview, PreviewRow};
pub(crate) use mapping::layout_of;
pub use mapping::{ColumnChoice, Mapping};
pub use pdf_out::sheet_pdf;
pub use readings::{read_rows, CellReading, RowReading};
pub use sheet::{Cell, Sheet, SheetColumn, SheetFormat};
pub(crate) use table_in::{read_grid, GridRows};
pub use table_in::{read_table, SourceTable};
pub use xlsx_out::sheet_xlsx;
