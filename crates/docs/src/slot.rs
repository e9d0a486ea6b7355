//! Where on an issued document the customer signs, as the renderer drew the blanks: the
//! signature is later printed exactly there, over the issued pages.

use serde::{Deserialize, Serialize};

/// Millimetres from the page's top-left corner; `y` of a text position is its baseline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SignatureSlot {
    /// From 1.
    pub page: usize,
    /// Where the drawn signature goes.
    pub image: Area,
    /// The blank after 签字 / Signature: the signer's name.
    pub name: Spot,
    /// The blank after 日期 / Date.
    pub date: Spot,
    /// A line under the box for the proof: how it was signed and the original's hash.
    pub caption: Spot,
    pub caption_width: f32,
    /// The box to tick when the signature confirms (a statement's 确认无误): its top-left
    /// corner and side.
    #[serde(default)]
    pub tick: Option<Area>,
}

/// A document as rendered: its bytes, and where it is signed.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub slot: SignatureSlot,
}
