//! The papers Huikuan prints: rendered by huikuan-docs, frozen with their SHA-256 when
//! issued, signed on the pad or on paper scanned back, and verified against their hashes.

mod delivery_note;
mod freeze;
mod letterhead;
mod papers;
mod sign_document;
mod signature_image;
mod verify_document;

pub use papers::{CustomerPapers, PaperStatus, PaperView, SignatureView};
pub use sign_document::SignForm;
pub use verify_document::{Check, Verification};

pub(crate) use delivery_note::freeze_delivery_note;
pub(crate) use freeze::paper_of;
pub(crate) use signature_image::decode as decode_picture;
