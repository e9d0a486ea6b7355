//! Delivery notes and listings on every paper, read back with poppler as a reader's viewer
//! would: the continuation pages say whose note they are, the signature block shares a page
//! with the last line, figures stay whole, wide listings turn landscape.

use std::process::Command;

use huikuan_docs::{
    delivery_note_pdf, listing_pdf, signed_pdf, Align, DeliveryNoteDoc, Letterhead, ListingColumn, ListingDoc, Paper,
    SignatureMark,
};
use huikuan_domain::{DocLanguage, Money, PaperKind};

const PAPERS: [Paper; 3] = [Paper::A4, Paper::A5, Paper::Continuous241x140];

fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let mut command = Command::new(name);
    command.args(args).arg(&file);
    if name == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().unwrap_or_else(|e| panic!("{name} (poppler-utils) must be installed: {e}"));
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn pages(pdf: &[u8]) -> usize {
    let info = tool("pdfinfo", &[], pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

fn page_text(pdf: &[u8], page: usize) -> String {
    let p = page.to_string();
    tool("pdftotext", &["-layout", "-f", &p, "-l", &p], pdf)
}

/// Page size in millimetres, from pdfinfo's points.
fn page_mm(pdf: &[u8]) -> (f32, f32) {
    let info = tool("pdfinfo", &[], pdf);
    let line = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap();
    let numbers: Vec<f32> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0] * 25.4 / 72.0, numbers[1] * 25.4 / 72.0)
}

/// The sample note with a line whose figures are wide: ¥3,950.00 a unit, ¥674,562.83 in all.
fn note(lines: usize, paper: Paper, language: DocLanguage) -> DeliveryNoteDoc {
    let mut doc = huikuan_docs::sample::delivery_note(lines);
    doc.paper = paper;
    doc.language = language;
    if let Some(line) = doc.lines.get_mut(1) {
        line.item = "不锈钢合页 4寸 last".into();
        line.quantity = "170.7754".into();
        line.unit_price = "3950".into();
        line.amount = Money::from_cents(67_456_283);
    }
    if let Some(line) = doc.lines.last_mut().filter(|_| lines > 2) {
        line.item = "最后一行 LAST".into();
        line.unit_price = "12.2".into();
    }
    doc.total = doc.lines.iter().map(|l| l.amount).sum();
    doc
}

#[test]
fn a_note_on_every_paper_keeps_figures_whole_heads_its_continuation_pages_and_signs_by_the_last_line() {
    for paper in PAPERS {
        for language in [DocLanguage::Zh, DocLanguage::En] {
            for lines in [1, 2, 45] {
                let doc = note(lines, paper, language);
                let rendered = delivery_note_pdf(&doc).unwrap();
                let pdf = &rendered.pdf;
                let what = format!("{paper:?} {language:?} {lines} lines");
                let (w, h) = page_mm(pdf);
                let (pw, ph) = paper.size();
                assert!((w - pw).abs() < 0.5 && (h - ph).abs() < 0.5, "{what}: page {w}x{h} mm");

                let all = tool("pdftotext", &["-layout"], pdf);
                let mut figures = vec![doc.total.yuan(), "¥412.35".to_string()];
                if lines >= 2 {
                    figures.extend(["¥674,562.83".to_string(), "¥3,950.00".to_string()]);
                }
                if lines > 2 {
                    figures.push("¥12.20".into());
                }
                for figure in &figures {
                    assert!(all.contains(figure.as_str()), "{what}: {figure} is not whole in:\n{all}");
                }
                assert!(!all.contains("¥3950") && !all.contains("¥12.2 "), "{what}: prices as money");

                let count = pages(pdf);
                let last_item = doc.lines.last().unwrap().item.as_str();
                let sign = if language == DocLanguage::Zh { "客户签收" } else { "Received by (customer)" };
                let total = if language == DocLanguage::Zh { "合计" } else { "Total" };
                for page in 1..=count {
                    let text = page_text(pdf, page);
                    if page > 1 {
                        // The head: what stands above the table's header row (one line, or two
                        // when the customer's name is long for the paper).
                        let item = if language == DocLanguage::Zh { "品名" } else { "Item" };
                        let head: String = text.lines().take_while(|l| !l.contains(item)).collect::<Vec<_>>().join(" ");
                        for part in [doc.number.as_str(), doc.customer_name.as_str(), "2026-10-09"] {
                            assert!(head.contains(part), "{what}: page {page}'s head lacks {part}: {head}");
                        }
                        // The footer numbers the page; the head does not say it again.
                        assert!(!head.contains("Page") && !head.contains("页"), "{what}: {head}");
                    }
                    // The footer in the paper's own language, once (spaces aside: pdftotext
                    // reads the narrow ones beside CJK as none).
                    let bare: String = text.split_whitespace().collect();
                    let (own, other) = if language == DocLanguage::Zh {
                        (format!("第{page}页/共{count}页"), "Page")
                    } else {
                        (format!("Page{page}of{count}"), "页/共")
                    };
                    assert_eq!(bare.matches(own.as_str()).count(), 1, "{what}: footer {own:?} on page {page}:\n{text}");
                    assert!(!bare.contains(other), "{what}: page {page} speaks the other language:\n{text}");
                    let signs_here = text.contains(sign);
                    assert_eq!(signs_here, page == count, "{what}: the signature block on page {page} of {count}");
                    if signs_here {
                        assert!(text.contains(last_item), "{what}: the last line shares the signing page:\n{text}");
                        assert!(text.contains(total), "{what}: the total is on the signing page");
                    }
                }
                assert_eq!(rendered.slot.page, count, "{what}: the slot is on the signing page");
                let (_, height) = paper.size();
                assert!(rendered.slot.caption.y < height - 10.0, "{what}: the caption above the footer");
                if lines <= 2 {
                    assert_eq!(count, 1, "{what}: a short note is one page, header row and signature with its lines");
                }
                if paper == Paper::Continuous241x140 && lines == 45 {
                    assert!(count >= 3, "{what}: a 45-line note runs over the short form's pages ({count})");
                }
            }
        }
    }
}

#[test]
fn an_english_note_signed_by_a_receiver_calls_the_signer_receiver() {
    let doc = note(2, Paper::A5, DocLanguage::En);
    let issued = delivery_note_pdf(&doc).unwrap();
    let mark = SignatureMark {
        language: DocLanguage::En,
        kind: PaperKind::DeliveryNote,
        number: doc.number.clone(),
        signer: "Anna Berg".into(),
        signer_role: "收货人".into(),
        signed_at: "2026-10-09 15:42 (UTC+08:00)".into(),
        signed_on: "2026-10-09".into(),
        issued_sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".into(),
        drawn: Some(huikuan_docs::sample::signature_png(1)),
        scan: None,
        confirms: false,
    };
    let signed = signed_pdf(&issued.pdf, doc.paper, &issued.slot, &mark, doc.date).unwrap();
    let text = tool("pdftotext", &["-layout"], &signed);
    assert!(text.contains("Anna Berg (Receiver)"), "{text}");
    assert!(!text.contains("收货人"), "{text}");
}

fn aging(rows: usize) -> ListingDoc {
    let mut columns = vec![
        ListingColumn { title: "客户编号".into(), weight: 1.4, align: Align::Left },
        ListingColumn { title: "客户名称".into(), weight: 1.4, align: Align::Left },
    ];
    for title in
        ["未到期", "逾期1–30天", "逾期31–60天", "逾期61–90天", "逾期91–180天", "逾期181–365天", "逾期365天以上"]
    {
        columns.push(ListingColumn { title: title.into(), weight: 1.0, align: Align::Right });
    }
    columns.push(ListingColumn { title: "预收/贷方余额".into(), weight: 1.0, align: Align::Right });
    columns.push(ListingColumn { title: "余额".into(), weight: 1.0, align: Align::Right });
    let row = |i: usize| {
        let mut r = vec![format!("C{i:03}"), "杭州星河酒店管理有限公司".to_string()];
        r.extend(std::iter::repeat_n("674,562.83".to_string(), 9));
        r
    };
    let mut total = vec!["合计".to_string(), String::new()];
    total.extend(std::iter::repeat_n("4,210,321.19".to_string(), 9));
    ListingDoc {
        letterhead: Letterhead { name: "测试公司".into(), ..Letterhead::default() },
        language: DocLanguage::Zh,
        title: "应收账款账龄分析表".into(),
        subtitle: vec!["截至 2026-11-30".into()],
        id: "aging-2026-11-30".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        columns,
        rows: (0..rows).map(row).collect(),
        footer_rows: vec![total],
        more: Vec::new(),
        notes: Vec::new(),
    }
}

#[test]
fn an_eleven_column_aging_turns_landscape_with_whole_figures_separate_headings_and_its_total() {
    let pdf = listing_pdf(&aging(60)).unwrap();
    let (w, h) = page_mm(&pdf);
    assert!(w > h, "landscape: {w} x {h} mm");
    let text = tool("pdftotext", &["-layout"], &pdf);
    assert!(!text.contains("逾期61–90天逾期91–180天"), "headings run together:\n{text}");
    let whole = text.matches("674,562.83").count();
    assert_eq!(whole, 60 * 9, "every amount on one line");
    assert!(text.contains("4,210,321.19") && text.contains("合计"), "the total row");
    let count = pages(&pdf);
    assert!(count >= 2);
    for page in 2..=count {
        let head = page_text(&pdf, page);
        // A Chinese listing numbers its pages in Chinese (pdftotext drops the narrow spaces).
        let numbered = head.replace(' ', "").contains(&format!("第{page}页/共{count}页"));
        assert!(head.contains("应收账款账龄分析表") && numbered, "{head}");
    }
}

#[test]
fn a_narrow_listing_stays_portrait() {
    let mut doc = aging(3);
    doc.columns.truncate(3);
    for row in doc.rows.iter_mut().chain(doc.footer_rows.iter_mut()) {
        row.truncate(3);
    }
    let (w, h) = page_mm(&listing_pdf(&doc).unwrap());
    assert!(w < h, "portrait: {w} x {h} mm");
}

#[test]
fn no_paper_claims_to_be_pdf_x_and_its_bytes_stay_the_same() {
    for language in [DocLanguage::Zh, DocLanguage::En] {
        let doc = note(2, Paper::A4, language);
        let pdf = delivery_note_pdf(&doc).unwrap().pdf;
        assert!(!pdf.windows(8).any(|w| w == b"GTS_PDFX"), "{language:?}: a PDF/X key in the bytes");
        let info = tool("pdfinfo", &[], &pdf);
        assert!(!info.contains("PDF/X") && !info.contains("PDF subtype"), "{language:?}:\n{info}");
        assert!(info.contains("Producer:") && info.contains("Huikuan"), "the rest of the info stays:\n{info}");
        assert_eq!(delivery_note_pdf(&doc).unwrap().pdf, pdf, "the same note gives the same bytes");
    }
}
