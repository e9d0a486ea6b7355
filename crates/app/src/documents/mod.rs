//! The papers Huikuan prints: rendered by huikuan-docs, frozen with their SHA-256 when
//! issued, signed on the pad or on paper scanned back, and verified against their hashes.

mod delivery_note;
mod find_paper;
mod freeze;
pub(crate) mod letterhead;
mod papers;
mod send_paper;
mod sign_document;
mod signature_image;
mod verify_document;

pub use papers::{CustomerPapers, PaperStatus, PaperView, SignatureView};
pub use send_paper::SendForm;
pub use sign_document::SignForm;
pub use verify_document::{Check, Verification};

pub(crate) use delivery_note::freeze_delivery_note;
pub(crate) use find_paper::unknown as unknown_paper;
pub(crate) use find_paper::{kinds_en, kinds_zh};
pub(crate) use freeze::{freeze, paper_of};
pub(crate) use letterhead::letterhead;
pub(crate) use papers::signature_view;
pub(crate) use sign_document::{check as check_signature, sign_in_tx};
pub(crate) use signature_image::decode as decode_picture;
