//! The delivery note as a PDF, read back with poppler's tools as a user's viewer would.

use std::process::Command;

use huikuan_docs::{delivery_note_pdf, DeliveryNoteDoc, DocError};

fn note(lines: usize) -> DeliveryNoteDoc {
    huikuan_docs::sample::delivery_note(lines)
}

fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out =
        Command::new(name).args(args).arg(&file).args(if name == "pdftotext" { vec!["-"] } else { vec![] }).output();
    let out = out.unwrap_or_else(|e| panic!("{name} (poppler-utils) must be installed: {e}"));
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_note_reads_back_with_its_number_names_amounts_and_capitals_in_chinese() {
    let pdf = delivery_note_pdf(&note(2)).unwrap().pdf;
    let text = tool("pdftotext", &["-layout"], &pdf);
    for expected in [
        "杭州明远建材有限公司",
        "送货单",
        "SD-2026-000123",
        "杭州新华超市 (C100)",
        "水泥 P.O 42.5",
        "不锈钢螺丝 M6×30",
        "¥4,123.50",
        "¥11.66",
        "合计 ¥4,135.16",
        "人民币肆仟壹佰叁拾伍元壹角陆分",
        "账期 30 天",
        "2026-11-08",
        "客户签收",
        // pdftotext reads the narrow spaces beside CJK as none.
        "第1页/共1页",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(!text.contains("Page 1 of 1"), "a Chinese note numbers its pages in Chinese:\n{text}");
}

#[test]
fn both_faces_are_embedded_and_subset() {
    let fonts = tool("pdffonts", &[], &delivery_note_pdf(&note(2)).unwrap().pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        // name, type, encoding, emb, sub, uni, object
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains('+'), "a subset font is named TAG+Name: {row}");
        assert_eq!(&cols[cols.len() - 5..cols.len() - 2], &["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn a_one_page_note_is_small_and_the_same_bytes_every_time() {
    let first = delivery_note_pdf(&note(2)).unwrap().pdf;
    let _other = delivery_note_pdf(&note(5)).unwrap().pdf;
    assert_eq!(delivery_note_pdf(&note(2)).unwrap().pdf, first, "same inputs, same bytes");
    assert!(first.len() <= 100 * 1024, "{} bytes", first.len());
    assert_ne!(delivery_note_pdf(&note(3)).unwrap().pdf, first);
}

#[test]
fn a_character_the_font_lacks_is_refused_by_name() {
    let mut bad = note(2);
    bad.customer_name = "笑脸😀超市".into();
    let err = delivery_note_pdf(&bad).unwrap_err();
    assert!(matches!(err, DocError::MissingGlyph { ch: '😀', code: 0x1F600, .. }), "{err:?}");
    assert_eq!(err.to_string(), "the document font has no glyph for '😀' (U+1F600) in \"笑脸😀超市 (C100)\"");
}

#[test]
fn a_120_line_note_breaks_across_pages_with_the_header_row_on_each() {
    let pdf = delivery_note_pdf(&note(120)).unwrap().pdf;
    let info = tool("pdfinfo", &[], &pdf);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 3, "{pages} pages");
    for page in 1..=pages {
        let p = page.to_string();
        let text = tool("pdftotext", &["-layout", "-f", &p, "-l", &p], &pdf);
        assert!(text.contains("品名") && text.contains("金额"), "page {page} has no header row:\n{text}");
        assert!(text.contains(&format!("第{page}页/共{pages}页")), "page {page}");
    }
    let all = tool("pdftotext", &["-layout"], &pdf);
    assert!(all.contains("第120批"), "the last line is there");
    assert!(all.contains("合计 ¥4,253.16"), "4,135.16 + 118 × 1.00");
}

fn mark(drawn: bool) -> huikuan_docs::SignatureMark {
    huikuan_docs::SignatureMark {
        language: huikuan_domain::DocLanguage::Zh,
        kind: huikuan_domain::PaperKind::DeliveryNote,
        number: "SD-2026-000123".into(),
        signer: "王建国".into(),
        signer_role: "仓库主管".into(),
        signed_at: "2026-10-09 15:42 (UTC+08:00)".into(),
        signed_on: "2026-10-09".into(),
        issued_sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".into(),
        drawn: drawn.then(|| huikuan_docs::sample::signature_png(1)),
        scan: None,
        confirms: false,
    }
}

#[test]
fn the_signed_note_is_the_issued_page_with_the_signature_signer_time_and_short_hash_in_its_box() {
    let doc = note(2);
    let issued = delivery_note_pdf(&doc).unwrap();
    let sign = || huikuan_docs::signed_pdf(&issued.pdf, doc.paper, &issued.slot, &mark(true), doc.date).unwrap();
    let signed = sign();
    assert_eq!(signed, sign(), "same signature, same bytes");
    let text = tool("pdftotext", &["-layout"], &signed);
    for expected in [
        "王建国 (仓库主管)",
        "2026-10-09",
        "电子签收",
        "2026-10-09 15:42 (UTC+08:00)",
        "0123456789abcdef",
        "合计 ¥4,135.16",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(!text.contains("0123456789abcdef0"), "only a short hash is printed");
    let fonts = tool("pdffonts", &[], &signed);
    assert!(
        fonts.lines().skip(2).all(|row| row.split_whitespace().next().unwrap().contains('+')),
        "all subset:\n{fonts}"
    );
    let images = tool("pdfimages", &["-list"], &signed);
    let types: Vec<&str> = images.lines().skip(2).filter_map(|l| l.split_whitespace().nth(2)).collect();
    assert_eq!(types, ["image", "smask"], "the signature, with its transparency:\n{images}");
    let info = tool("pdfinfo", &[], &signed);
    assert!(info.lines().any(|l| l.split_whitespace().eq(["Pages:", "1"])), "{info}");
    assert!(signed.len() < 100 * 1024, "{} bytes", signed.len());
}

#[test]
fn the_signature_box_sits_inside_the_page_below_the_lines() {
    for lines in [2, 24, 120] {
        let r = delivery_note_pdf(&note(lines)).unwrap();
        let s = r.slot;
        assert!(s.image.y > 30.0 && s.image.y + s.image.h < s.name.y - 3.0, "{lines} lines: {s:?}");
        assert!(s.date.y < 297.0 - 15.0 - 12.0, "above the footer: {s:?}");
        let pages: usize = tool("pdfinfo", &[], &r.pdf)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert_eq!(s.page, pages, "the customer signs on the last page");
    }
}
