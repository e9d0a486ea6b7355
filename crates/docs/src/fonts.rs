//! The embedded faces: parsed once per process, measured for layout, checked for every
//! character before it is printed.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::DocError;

static REGULAR: &[u8] = include_bytes!("../fonts/NotoSansCJKsc-Regular.otf");
static BOLD: &[u8] = include_bytes!("../fonts/NotoSansCJKsc-Bold.otf");

pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

static FONTS: OnceLock<Result<Fonts, DocError>> = OnceLock::new();

fn parse(bytes: &[u8], name: &str) -> Result<ParsedFont, DocError> {
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or_else(|| DocError::Font(name.to_string()))
}

/// The faces, parsed on first use (about 0.1 s) and shared from then on.
pub fn fonts() -> Result<&'static Fonts, DocError> {
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                regular: parse(REGULAR, "Noto Sans CJK SC Regular")?,
                bold: parse(BOLD, "Noto Sans CJK SC Bold")?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Fonts {
    pub fn face(&self, bold: bool) -> &ParsedFont {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Width of `text` in points at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        let upm = f32::from(face.font_metrics.units_per_em.max(1));
        let units: u32 = text
            .chars()
            .map(|c| face.lookup_glyph_index(c as u32).map_or(0, |g| u32::from(face.get_horizontal_advance(g))))
            .sum();
        units as f32 * size / upm
    }

    /// Refuses text with a character the faces cannot draw, naming it.
    pub fn check(&self, text: &str) -> Result<(), DocError> {
        for face in [&self.regular, &self.bold] {
            if let Some(ch) = text.chars().find(|&c| !c.is_control() && face.lookup_glyph_index(c as u32).is_none()) {
                return Err(DocError::MissingGlyph { ch, code: ch as u32, text: text.to_string() });
            }
        }
        Ok(())
    }
}
