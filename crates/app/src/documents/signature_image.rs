//! Checking what the signature pad and the scanner send before anything is kept.

use base64::Engine;
use huikuan_docs::is_jpeg;

use crate::error::AppError;

pub const MAX_DRAWN_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_STROKES_BYTES: usize = 1024 * 1024;
pub const MAX_SCAN_BYTES: usize = 20 * 1024 * 1024;
const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

fn refuse(field: &str, en: &str, zh: &str) -> AppError {
    AppError::rule(Some(field.to_string()), en, zh)
}

/// The payload of a base64 text or a data URL (`data:image/png;base64,…`).
pub fn decode(field: &str, text: &str, max_bytes: usize) -> Result<Vec<u8>, AppError> {
    let payload = text.trim();
    let payload = payload.split_once("base64,").map_or(payload, |(_, rest)| rest);
    if payload.len() > max_bytes / 3 * 4 + 8 {
        return Err(refuse(
            field,
            &format!("the file is larger than {} MB", max_bytes >> 20),
            &format!("文件超过 {} MB", max_bytes >> 20),
        ));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .map_err(|_| refuse(field, "the file could not be read", "无法读取该文件"))?;
    if bytes.is_empty() {
        return Err(refuse(field, "the file is empty", "文件为空"));
    }
    Ok(bytes)
}

/// The drawn signature: a PNG that really decodes, not blank.
pub fn drawn_png(bytes: &[u8]) -> Result<(), AppError> {
    if !bytes.starts_with(PNG_MAGIC) || huikuan_docs::png_size(bytes).is_none() {
        return Err(refuse("signature", "the signature is not a PNG image", "签名不是 PNG 图片"));
    }
    Ok(())
}

/// The signature pad's strokes: a list of point groups with at least two points in all,
/// stored as given (compact JSON).
pub fn strokes(text: &str) -> Result<String, AppError> {
    let blank =
        || refuse("signature", "nothing was signed: draw the signature on the pad", "尚未签字：请在签字板上签名");
    if text.len() > MAX_STROKES_BYTES {
        return Err(refuse("signature", "the signature is too large", "签名数据过大"));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| blank())?;
    let groups = value.as_array().ok_or_else(blank)?;
    let mut points = 0usize;
    for group in groups {
        let list = group.get("points").and_then(|p| p.as_array()).ok_or_else(blank)?;
        for point in list {
            let ok = point.get("x").is_some_and(|v| v.is_number()) && point.get("y").is_some_and(|v| v.is_number());
            if !ok {
                return Err(blank());
            }
        }
        points += list.len();
    }
    if points < 2 {
        return Err(blank());
    }
    Ok(value.to_string())
}

/// The scan of the signed paper: a PNG or JPEG that decodes.
pub fn scan(bytes: &[u8]) -> Result<(), AppError> {
    let readable = if is_jpeg(bytes) {
        huikuan_docs::jpeg_size(bytes).is_some()
    } else {
        bytes.starts_with(PNG_MAGIC) && huikuan_docs::png_size(bytes).is_some()
    };
    if !readable {
        return Err(refuse(
            "scan",
            "the scan must be a PNG or JPEG image (a photo of the signed paper)",
            "扫描件须为 PNG 或 JPEG 图片（签字纸质单据的照片）",
        ));
    }
    Ok(())
}
