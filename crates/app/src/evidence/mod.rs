//! The evidence pack (证据包): everything a lawyer needs to claim a customer's debt, in one
//! folder, with a manifest (JSON and PDF) naming every document with its SHA-256, and a
//! check that finds any file changed since.

mod account_papers;
mod build_pack;
mod claim_words;
mod invoice_papers;
mod manifest;
mod verify_pack;

pub use build_pack::EvidenceRequest;
pub use manifest::{Manifest, ManifestDocument, ManifestReceivable, MANIFEST_FORMAT};
pub use verify_pack::{manifest_digest, verify_pack, FileCheck, PackCheck};

/// A pack built by the app: where it is, and its manifest.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct EvidenceBuilt {
    pub folder: String,
    pub manifest: Manifest,
}
