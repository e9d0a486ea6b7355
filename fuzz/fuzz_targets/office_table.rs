//! Any bytes as an import file picked in the import screen (any encoding, any separator, a
//! workbook or not): read or refused, never a panic, and every row it names (the heading, a
//! skipped total, a bad row) is a row of the file. libFuzzer aborts on any panic, even one
//! the import catches (calamine's .xls reader on a damaged file): such a crash is calamine's,
//! and the app refuses that file as damaged.
#![no_main]

#[path = "common/book.rs"]
mod common_book;
use common_book::book;

use std::cell::RefCell;

use base64::Engine;
use huikuan_app::sheets::{read_table, ImportForm, ImportKind};
use huikuan_app::{AppError, Books};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static BOOKS: RefCell<Books> = RefCell::new(book());
}

const KINDS: [ImportKind; 4] =
    [ImportKind::Customers, ImportKind::OpeningBalances, ImportKind::Deliveries, ImportKind::Payments];

/// The most rows the file can have: a text file has at most one per line break byte (a UTF-16
/// or GBK file's line breaks are such bytes too), plus one; a worksheet its row count.
fn rows_in(bytes: &[u8]) -> u64 {
    let workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    if workbook {
        u64::from(u32::MAX) + 1
    } else {
        bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() as u64 + 1
    }
}

fn within(what: &str, line: u64, rows: u64) {
    assert!((1..=rows).contains(&line), "{what} names row {line}, the file has {rows}");
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    let kind = KINDS[usize::from(which) % 4];
    let rows = rows_in(bytes);
    match read_table(bytes, kind, None) {
        Ok(table) => {
            within("the heading", table.heading_row, rows);
            table.skipped.iter().for_each(|s| within("a skipped row", s.line, rows));
            table.row_of_line.iter().for_each(|l| within("a data row", *l, rows));
        }
        Err(AppError::ImportRejected(refused)) => refused.iter().for_each(|r| within("a refusal", r.line, rows)),
        Err(_) => {}
    }
    let form = ImportForm {
        kind,
        file_name: "fuzz".into(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        mapping: None,
        override_reason: Some("fuzz".into()),
        sheet: None,
    };
    BOOKS.with(|books| match books.borrow_mut().import_preview(&form) {
        Ok(preview) => {
            preview.bad_rows.iter().for_each(|r| within("a bad row", r.line, rows));
            preview.skipped.iter().for_each(|s| within("a skipped row", s.line, rows));
        }
        Err(AppError::ImportRejected(refused)) => refused.iter().for_each(|r| within("a refusal", r.line, rows)),
        Err(_) => {}
    });
});
