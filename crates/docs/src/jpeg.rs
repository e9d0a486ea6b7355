//! Just enough of a JPEG's header to embed it in a PDF as it is: its size in pixels and
//! its colour components, read from the start-of-frame marker.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpegInfo {
    pub width: usize,
    pub height: usize,
    pub components: u8,
}

pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// None when the bytes are not a JPEG this reader understands (or a progressive one with
/// arithmetic coding, which PDF readers do not all support).
pub fn info(bytes: &[u8]) -> Option<JpegInfo> {
    if !is_jpeg(bytes) {
        return None;
    }
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        // Baseline, extended and progressive Huffman frames.
        if matches!(marker, 0xC0..=0xC2) {
            let frame = bytes.get(at + 4..at + 2 + length)?;
            let height = usize::from(u16::from_be_bytes([*frame.get(1)?, *frame.get(2)?]));
            let width = usize::from(u16::from_be_bytes([*frame.get(3)?, *frame.get(4)?]));
            let components = *frame.get(5)?;
            return (width > 0 && height > 0).then_some(JpegInfo { width, height, components });
        }
        if marker == 0xD9 || marker == 0xDA || length < 2 {
            return None; // end of image or scan data before any frame
        }
        at += 2 + length;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JPEG's skeleton: SOI, an APP0 segment, then a baseline frame of 640×480, 3 components.
    fn skeleton() -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46];
        b.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03]);
        b.extend([0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
        b.extend([0xFF, 0xD9]);
        b
    }

    #[test]
    fn reads_the_size_and_components_from_the_frame_header() {
        assert_eq!(info(&skeleton()), Some(JpegInfo { width: 640, height: 480, components: 3 }));
    }

    #[test]
    fn refuses_what_is_not_a_jpeg_or_has_no_frame() {
        assert_eq!(info(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(info(&[0xFF, 0xD8, 0xFF, 0xD9]), None);
        let mut cut = skeleton();
        cut.truncate(14);
        assert_eq!(info(&cut), None);
    }
}
