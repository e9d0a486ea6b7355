//! A text file's bytes as text, whatever a Chinese office saved it as: UTF-8 (with or without
//! BOM), UTF-16 (Excel's "Unicode text"), or GBK/GB18030 (Excel's "CSV" on a Chinese Windows).
//! A file that is none of them cleanly, or mixes two, is refused, saying why. (Big5, the
//! traditional-character encoding, is not told apart from GBK: both are byte pairs in the
//! same range; offices on the mainland do not write it.)

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// The file's text and the name of the encoding it was read as (shown in the preview).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a file is not text, in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText {
    pub en: String,
    pub zh: String,
}

pub fn decode_text(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(body, "UTF-8 (BOM)");
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(body, UTF_16LE, "UTF-16LE");
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(body, UTF_16BE, "UTF-16BE");
    }
    if let Some(little) = utf16_without_bom(bytes) {
        let (encoding, name) = if little { (UTF_16LE, "UTF-16LE") } else { (UTF_16BE, "UTF-16BE") };
        if let Ok(decoded) = utf16(bytes, encoding, name) {
            return Ok(decoded);
        }
    }
    match std::str::from_utf8(bytes) {
        // A few GBK pairs happen to be valid UTF-8 too (通顺 is "ͨ˳"): UTF-8 text from a
        // Chinese office holds CJK, so text with none that reads as Chinese in GBK is GBK.
        Ok(text) if !has_cjk(text) && legacy_chinese(bytes).is_ok_and(|d| has_cjk(&d.text)) => legacy_chinese(bytes),
        // NULs in UTF-8 text stay: the import names the row they are on.
        Ok(text) => Ok(Decoded { text: text.to_string(), encoding: "UTF-8" }),
        Err(e) if utf8_chinese(&bytes[..e.valid_up_to()]) => Err(mixed(bytes, e.valid_up_to())),
        Err(_) => legacy_chinese(bytes),
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'))
}

/// True when the valid UTF-8 before the first bad byte already holds Chinese: the file is
/// UTF-8 with some other encoding pasted in, and no one reading of it is right. (A GBK pair
/// may pass for a 2-byte UTF-8 letter, never for a 3-byte CJK one followed by more.)
fn utf8_chinese(valid: &[u8]) -> bool {
    std::str::from_utf8(valid).is_ok_and(|t| t.chars().filter(|c| has_cjk(&c.to_string())).count() >= 2)
}

fn mixed(bytes: &[u8], at: usize) -> NotText {
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    NotText {
        en: format!(
            "line {line}: the file is UTF-8 up to here but this line is in another encoding (GBK?): two encodings \
             are mixed; save the whole file again as CSV UTF-8"
        ),
        zh: format!("第 {line} 行：此前是 UTF-8，此行却是另一种编码（GBK？）：文件混用了两种编码；请将整个文件重新另存为“CSV UTF-8”"),
    }
}

fn utf8(body: &[u8], name: &'static str) -> Result<Decoded, NotText> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded { text: text.to_string(), encoding: name }),
        Err(e) => Err(NotText {
            en: format!(
                "the file starts as UTF-8 but its byte {} is not UTF-8: it is damaged or two encodings are mixed",
                e.valid_up_to() + 4
            ),
            zh: format!("文件标明为 UTF-8，但第 {} 个字节不是 UTF-8：文件已损坏或混用了两种编码", e.valid_up_to() + 4),
        }),
    }
}

fn utf16(body: &[u8], encoding: &'static Encoding, name: &'static str) -> Result<Decoded, NotText> {
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) if !text.contains('\0') => Ok(Decoded { text: text.into_owned(), encoding: name }),
        _ => Err(NotText {
            en: format!("the file is marked as {name} text but is not valid {name}: it is damaged"),
            zh: format!("文件标明为 {name} 文本，但内容不是有效的 {name}：文件已损坏"),
        }),
    }
}

/// UTF-16 saved without a BOM: text in it is mostly ASCII, so every other byte is a NUL. True
/// for little-endian (NULs at odd offsets), false for big-endian; None when it does not look so.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let nul_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let nul_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // At least a third of the characters ASCII, and the other half of the pairs never NUL.
    let clearly = |many: usize, few: usize| many * 3 >= pairs && few * 20 <= many;
    if clearly(nul_odd, nul_even) {
        Some(true)
    } else if clearly(nul_even, nul_odd) {
        Some(false)
    } else {
        None
    }
}

/// Not UTF-8: read as GB18030 (which GBK is a part of), refused if any sequence is not
/// GB18030 or the text holds control characters no one types (a binary file).
fn legacy_chinese(bytes: &[u8]) -> Result<Decoded, NotText> {
    let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) else {
        return Err(NotText {
            en: "the file is not text in UTF-8, UTF-16 or GBK/GB18030 (is it a spreadsheet saved as \
                 another kind of file, or not a spreadsheet?); save it as CSV UTF-8 or as an Excel workbook"
                .into(),
            zh: "文件不是 UTF-8、UTF-16 或 GBK/GB18030 编码的文本（是否为其他类型的文件？）；\
                 请另存为“CSV UTF-8”或 Excel 工作簿"
                .into(),
        });
    };
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        return Err(NotText {
            en: "the file holds binary data (NUL or control characters): it is not a text file".into(),
            zh: "文件含有二进制数据（空字符或控制字符）：不是文本文件".into(),
        });
    }
    // GBK is what Excel writes on a Chinese Windows; name it so when it is exactly that.
    let (again, _, unmappable) = GBK.encode(&text);
    let name = if !unmappable && again.as_ref() == bytes { "GBK" } else { "GB18030" };
    Ok(Decoded { text: text.into_owned(), encoding: name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utf16_bytes(text: &str, little: bool, bom: bool) -> Vec<u8> {
        let mut out = match (bom, little) {
            (false, _) => Vec::new(),
            (true, true) => vec![0xFF, 0xFE],
            (true, false) => vec![0xFE, 0xFF],
        };
        for unit in text.encode_utf16() {
            out.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    }

    #[test]
    fn a_gbk_file_whose_chinese_also_passes_for_utf8_is_read_as_gbk() {
        let (bytes, _, _) = GBK.encode("code,name\nC1,通顺\n");
        assert!(std::str::from_utf8(&bytes).is_ok(), "通顺 in GBK is valid UTF-8 too");
        let read = decode_text(&bytes).unwrap();
        assert_eq!((read.encoding, read.text.as_str()), ("GBK", "code,name\nC1,通顺\n"));
        let (bytes, _, _) = GBK.encode("code,name\nC1,通顺\nC2,华联\n");
        assert_eq!(decode_text(&bytes).unwrap().text, "code,name\nC1,通顺\nC2,华联\n");
    }

    #[test]
    fn a_utf8_file_with_a_gbk_line_pasted_in_is_refused_naming_the_line() {
        let mut bytes = "编号,名称\nC1,华联超市\n".as_bytes().to_vec();
        bytes.extend(GBK.encode("C2,安心药房\n").0.iter());
        let refused = decode_text(&bytes).unwrap_err();
        assert!(refused.en.starts_with("line 3:") && refused.en.contains("two encodings"), "{}", refused.en);
        assert!(refused.zh.starts_with("第 3 行"), "{}", refused.zh);
    }

    #[test]
    fn utf8_with_and_without_bom_is_read_and_named() {
        let plain = decode_text("编号,名称\nC001,华联\n".as_bytes()).unwrap();
        assert_eq!((plain.encoding, plain.text.as_str()), ("UTF-8", "编号,名称\nC001,华联\n"));
        let bom = decode_text("\u{feff}编号,名称\n".as_bytes()).unwrap();
        assert_eq!((bom.encoding, bom.text.as_str()), ("UTF-8 (BOM)", "编号,名称\n"));
    }

    #[test]
    fn gbk_as_chinese_excel_saves_csv_is_read_and_named_gbk() {
        let (bytes, _, _) = GBK.encode("客户编号,客户名称\nC001,华联超市\n");
        let decoded = decode_text(&bytes).unwrap();
        assert_eq!((decoded.encoding, decoded.text.as_str()), ("GBK", "客户编号,客户名称\nC001,华联超市\n"));
    }

    #[test]
    fn text_beyond_gbk_is_named_gb18030() {
        // U+20000 (𠀀) has only a four-byte GB18030 sequence.
        let (bytes, _, _) = GB18030.encode("名称\n𠀀记\n");
        let decoded = decode_text(&bytes).unwrap();
        assert_eq!((decoded.encoding, decoded.text.as_str()), ("GB18030", "名称\n𠀀记\n"));
    }

    #[test]
    fn utf16_with_bom_and_without_is_read() {
        let text = "客户编号\t金额\r\nC001\t100\r\n";
        for (little, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            for bom in [true, false] {
                let decoded = decode_text(&utf16_bytes(text, little, bom)).unwrap();
                assert_eq!((decoded.encoding, decoded.text.as_str()), (name, text), "bom {bom}");
            }
        }
    }

    #[test]
    fn binary_and_broken_files_are_refused_saying_why() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xd8";
        let refused = decode_text(png).unwrap_err();
        assert!(refused.en.contains("not text") && refused.zh.contains("不是"), "{refused:?}");
        let gbk_with_nul = decode_text(b"\xbf\xcd\xbb\xa7\0\x01,a\n").unwrap_err();
        assert!(gbk_with_nul.en.contains("binary"), "{gbk_with_nul:?}");
        let broken_bom = decode_text(b"\xEF\xBB\xBFok,\xff\n").unwrap_err();
        assert!(broken_bom.en.contains("byte 7"), "{broken_bom:?}");
        // An odd byte count after a UTF-16 BOM cannot be UTF-16.
        assert!(decode_text(b"\xFF\xFEa\0b").is_err());
    }

    #[test]
    fn utf8_with_a_stray_nul_stays_text_for_the_import_to_name_its_row() {
        let decoded = decode_text(b"code,name\nC1,a\0b\n").unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains('\0'));
    }

    fn typed_text() -> impl Strategy<Value = String> {
        // What people type in a sheet: Chinese, ASCII, punctuation, tabs and line breaks.
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('\u{4e00}', '\u{9fa5}'),
                proptest::char::range(' ', '~'),
                Just('\t'),
                Just('\n'),
                Just('，'),
                Just('￥'),
            ],
            1..200,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn any_typed_text_round_trips_through_utf8_gbk_and_utf16(text in typed_text()) {
            prop_assert_eq!(decode_text(text.as_bytes()).unwrap().text, text.clone());
            let (gbk, _, unmappable) = GBK.encode(&text);
            prop_assert!(!unmappable);
            // Even when its Chinese also passes for UTF-8 letters (通顺).
            prop_assert_eq!(decode_text(&gbk).unwrap().text, text.clone());
            for little in [true, false] {
                prop_assert_eq!(decode_text(&utf16_bytes(&text, little, true)).unwrap().text, text.clone());
            }
        }
    }
}
