use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DocError {
    /// Printing it would leave a blank where the character should be.
    #[error("the document font has no glyph for '{ch}' (U+{code:04X}) in \"{text}\"")]
    MissingGlyph { ch: char, code: u32, text: String },
    #[error("the embedded font could not be read: {0}")]
    Font(String),
    #[error("the image could not be read: {0}")]
    Image(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
