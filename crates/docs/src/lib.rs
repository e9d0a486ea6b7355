//! Huikuan's documents: a small layout engine over printpdf's op-based API with the Noto
//! Sans CJK SC faces embedded (subset per document), and the papers built on it.
//!
//! Every document is deterministic: the same inputs give the same bytes (fixed font and
//! image ids, the creation date taken from the document's own date, a trailer ID derived
//! from its number), so a SHA-256 identifies a document.

mod canvas;
mod delivery_note;
mod error;
mod fonts;
mod images;
mod jpeg;
mod letter;
mod listing;
pub mod merge;
mod pdf;
mod plan;
pub mod sample;
mod signature;
mod slot;
mod statement;
mod table;
mod wrap;

pub use canvas::{Align, Canvas, Paper};
pub use delivery_note::{delivery_note_pdf, DeliveryNoteDoc, DeliveryNoteLine};
pub use error::DocError;
pub use fonts::{fonts, Fonts};
pub use images::{jpeg_size, png_size, trim_png};
pub use jpeg::is_jpeg;
pub use letter::{letter_pdf, BodyPart, LetterDoc, LetterItem, Recipient};
pub use listing::{listing_pdf, ListingColumn, ListingDoc, ListingTable};
pub use pdf::{save, Letterhead, PdfBuilder};
pub use plan::{plan_pdf, PlanDoc, PlanNote};
pub use signature::{short_hash, signed_pdf, Scan, SignatureMark};
pub use slot::{Area, Rendered, SignatureSlot, Spot};
pub use statement::{bucket_words, statement_pdf, ExpectedPayment, StatementDoc, StatementLine};
pub use table::{Column, Table};
pub use wrap::wrap;
