//! The signed version of an issued document: every issued page as it was, with the
//! signature, the signer, the time and a short hash of the issued PDF printed in its
//! signature box; when the customer signed on paper, the scan follows as a last page.

use huikuan_domain::{DocLanguage, PaperKind};

use crate::canvas::{Align, Paper};
use crate::error::DocError;
use crate::fonts::fonts;
use crate::jpeg::is_jpeg;
use crate::merge::{append, load, print_over};
use crate::pdf::{save, PdfBuilder};
use crate::slot::SignatureSlot;

/// The signed paper, as scanned or photographed: PNG or JPEG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    pub image: Vec<u8>,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureMark {
    pub language: DocLanguage,
    /// What is signed: a delivery is signed for, a statement confirmed, a letter received.
    pub kind: PaperKind,
    pub number: String,
    pub signer: String,
    pub signer_role: String,
    /// As printed, in the signer's local time: "2026-12-01 20:15 (UTC+08:00)".
    pub signed_at: String,
    /// The signing date for the date blank.
    pub signed_on: String,
    /// The SHA-256 of the issued PDF that was signed.
    pub issued_sha256: String,
    /// The signature drawn on the pad (PNG with transparency).
    pub drawn: Option<Vec<u8>>,
    pub scan: Option<Scan>,
    /// Ticks the slot's box (a statement's 确认无误).
    pub confirms: bool,
}

/// How much of a hash is printed: enough to match a document by eye.
pub fn short_hash(sha256: &str) -> &str {
    &sha256[..sha256.len().min(16)]
}

pub fn signed_pdf(
    issued: &[u8],
    paper: Paper,
    slot: &SignatureSlot,
    mark: &SignatureMark,
    date: chrono::NaiveDate,
) -> Result<Vec<u8>, DocError> {
    let id = format!("{}-signed", mark.number);
    let mut base = load(issued)?;
    // Each part its own id: the font subsets of the parts must not share a name.
    print_over(&mut base, slot.page, layer(paper, slot, mark, &format!("{}-signature", mark.number), date)?)?;
    if let Some(scan) = &mark.scan {
        append(&mut base, scan_page(paper, mark, scan, &format!("{}-scan", mark.number), date)?)?;
    }
    save(base, &id)
}

fn layer(
    paper: Paper,
    slot: &SignatureSlot,
    mark: &SignatureMark,
    id: &str,
    date: chrono::NaiveDate,
) -> Result<lopdf::Document, DocError> {
    let zh = mark.language == DocLanguage::Zh;
    let mut pdf = PdfBuilder::new(fonts()?, paper, id, id, date).overlay();
    if let Some(png) = &mark.drawn {
        let (image, pixels) = pdf.add_png(png)?;
        let area = slot.image;
        let ratio = pixels.0.max(1) as f32 / pixels.1.max(1) as f32;
        let (w, h) = if area.w / area.h > ratio { (area.h * ratio, area.h) } else { (area.w, area.w / ratio) };
        pdf.page().image(&image, pixels, area.x, area.y + area.h - h, w);
    }
    let name = match role_words(mark.signer_role.trim(), zh) {
        "" => mark.signer.clone(),
        role => format!("{} ({role})", mark.signer),
    };
    pdf.y = slot.name.y;
    pdf.text(slot.name.x, 9.5, true, Align::Left, &name)?;
    pdf.y = slot.date.y;
    pdf.text(slot.date.x, 9.5, false, Align::Left, &mark.signed_on)?;
    if let (Some(tick), true) = (slot.tick, mark.confirms) {
        let page = pdf.page();
        page.line(tick.x + tick.w * 0.18, tick.y + tick.h * 0.55, tick.x + tick.w * 0.42, tick.y + tick.h * 0.82, 1.4);
        page.line(tick.x + tick.w * 0.42, tick.y + tick.h * 0.82, tick.x + tick.w * 0.9, tick.y + tick.h * 0.15, 1.4);
    }
    let hash = short_hash(&mark.issued_sha256);
    let at = &mark.signed_at;
    let caption = match (&mark.scan, zh) {
        (None, true) => format!("{}：{name} 于 {at} 在屏幕上签字；所签原件 SHA-256 {hash}", act_zh(mark.kind)),
        (None, false) => format!("{} on screen by {name} at {at}; signed original SHA-256 {hash}", act_en(mark.kind)),
        (Some(_), true) => format!("客户签字的纸质单据扫描件见附页（{at}）；原件 SHA-256 {hash}"),
        (Some(_), false) => {
            format!("The customer's signed paper is scanned on the last page ({at}); original SHA-256 {hash}")
        }
    };
    pdf.y = slot.caption.y - 3.0;
    pdf.paragraph(slot.caption.x, slot.caption_width, 6.5, false, &caption)?;
    pdf.finish_document()
}

/// The signer's role in the paper's language: the usual Chinese roles have English
/// words, so an English note does not call its signer "(收货人)".
fn role_words(role: &str, zh: bool) -> &str {
    if zh {
        return role;
    }
    match role {
        "收货人" | "收货" | "签收人" => "Receiver",
        "采购" | "采购员" => "Purchaser",
        "财务" | "会计" | "出纳" => "Finance",
        "经理" | "总经理" | "负责人" => "Manager",
        "法定代表人" | "法人" => "Legal representative",
        other => other,
    }
}

fn act_zh(kind: PaperKind) -> &'static str {
    match kind {
        PaperKind::DeliveryNote => "电子签收",
        PaperKind::Statement => "电子确认",
        PaperKind::Letter => "电子签收回执",
        PaperKind::Plan => "电子签署",
    }
}

fn act_en(kind: PaperKind) -> &'static str {
    match kind {
        PaperKind::DeliveryNote => "Signed for",
        PaperKind::Statement => "Confirmed",
        PaperKind::Letter => "Receipt signed",
        PaperKind::Plan => "Signed",
    }
}

fn scan_page(
    paper: Paper,
    mark: &SignatureMark,
    scan: &Scan,
    id: &str,
    date: chrono::NaiveDate,
) -> Result<lopdf::Document, DocError> {
    let zh = mark.language == DocLanguage::Zh;
    let mut pdf = PdfBuilder::new(fonts()?, paper, id, id, date).overlay();
    let left = pdf.margin;
    pdf.y += 6.0;
    let title =
        if zh { "附页：客户签字的纸质单据扫描件" } else { "Attachment: scan of the signed paper" };
    pdf.text(left, 12.0, true, Align::Left, title)?;
    pdf.y += 5.5;
    let about = if zh {
        format!("单据 {} · 签收人 {} · {} · 扫描件 SHA-256 {}", mark.number, mark.signer, mark.signed_at, scan.sha256)
    } else {
        format!(
            "Document {} · signed by {} · {} · scan SHA-256 {}",
            mark.number, mark.signer, mark.signed_at, scan.sha256
        )
    };
    pdf.paragraph(left, pdf.width(), 7.5, false, &about)?;
    pdf.y += 4.0;
    let (image, pixels) = if is_jpeg(&scan.image) { pdf.add_jpeg(&scan.image)? } else { pdf.add_png(&scan.image)? };
    let (room_w, room_h) = (pdf.width(), pdf.bottom() - pdf.y);
    let ratio = pixels.0.max(1) as f32 / pixels.1.max(1) as f32;
    let w = if room_w / room_h > ratio { room_h * ratio } else { room_w };
    let y = pdf.y;
    pdf.page().image(&image, pixels, left + (room_w - w) / 2.0, y, w);
    pdf.finish_document()
}
