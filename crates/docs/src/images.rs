//! Reading the pictures documents carry (logo, seal, signatures, scans) before they are
//! kept: their size, and a drawn signature trimmed to the ink.

use crate::jpeg;

/// Largest side accepted, in pixels: a phone photo fits, a decompression bomb does not.
pub const MAX_SIDE: u32 = 12_000;

/// Width and height of a PNG whose whole image decodes; None otherwise.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().ok()?;
    let (w, h) = (reader.info().width, reader.info().height);
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return None;
    }
    let mut pixels = vec![0; reader.output_buffer_size()?];
    reader.next_frame(&mut pixels).ok()?;
    Some((w, h))
}

pub fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let info = jpeg::info(bytes)?;
    let (w, h) = (info.width as u32, info.height as u32);
    (w <= MAX_SIDE && h <= MAX_SIDE).then_some((w, h))
}

/// The drawn signature cropped to its ink (plus a small margin), so it fills the space it
/// is printed in whatever part of the pad it was drawn on. A PNG that is not 8-bit RGBA, or
/// holds no ink, comes back as it was.
pub fn trim_png(bytes: &[u8]) -> Vec<u8> {
    trimmed(bytes).unwrap_or_else(|| bytes.to_vec())
}

fn trimmed(bytes: &[u8]) -> Option<Vec<u8>> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return None;
    }
    let (w, h) = (frame.width as usize, frame.height as usize);
    let ink = |x: usize, y: usize| pixels[(y * w + x) * 4 + 3] > 0;
    let rows: Vec<usize> = (0..h).filter(|&y| (0..w).any(|x| ink(x, y))).collect();
    let cols: Vec<usize> = (0..w).filter(|&x| (0..h).any(|y| ink(x, y))).collect();
    let (top, bottom) = (*rows.first()?, *rows.last()?);
    let (left, right) = (*cols.first()?, *cols.last()?);
    let margin = 4;
    let (x0, y0) = (left.saturating_sub(margin), top.saturating_sub(margin));
    let (x1, y1) = ((right + margin).min(w - 1), (bottom + margin).min(h - 1));
    let (cw, ch) = (x1 - x0 + 1, y1 - y0 + 1);
    let mut out = Vec::with_capacity(cw * ch * 4);
    for y in y0..=y1 {
        out.extend_from_slice(&pixels[(y * w + x0) * 4..(y * w + x1 + 1) * 4]);
    }
    let mut png_bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut png_bytes, cw as u32, ch as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&out).ok()?;
    drop(writer);
    Some(png_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_is_cropped_to_its_ink_and_stays_a_png() {
        let drawn = crate::sample::signature_png(3);
        assert_eq!(png_size(&drawn), Some((420, 150)));
        let trimmed = trim_png(&drawn);
        let (w, h) = png_size(&trimmed).unwrap();
        assert!(w < 420 && h < 150 && w > 300 && h > 40, "{w}×{h}");
    }

    #[test]
    fn what_is_not_a_picture_has_no_size() {
        assert_eq!(png_size(b"\x89PNG\r\n\x1a\nnot really"), None);
        assert_eq!(jpeg_size(b"GIF89a"), None);
        assert_eq!(trim_png(b"plain text"), b"plain text".to_vec());
    }
}
