//! Writes a sample delivery note, and its signed version beside it:
//! `cargo run -p huikuan-docs --example delivery_note -- OUT.pdf [LINES]` writes OUT.pdf and
//! OUT-signed.pdf (signed on the pad by the sample customer).

use huikuan_docs::{delivery_note_pdf, sample, signed_pdf, SignatureMark};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "delivery-note.pdf".into());
    let lines: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    let doc = sample::delivery_note(lines);
    let started = std::time::Instant::now();
    let issued = delivery_note_pdf(&doc).expect("the sample renders");
    println!("{out}: {} bytes in {:?}", issued.pdf.len(), started.elapsed());
    std::fs::write(&out, &issued.pdf).expect("the file is written");

    let mark = SignatureMark {
        language: doc.language,
        kind: huikuan_domain::PaperKind::DeliveryNote,
        number: doc.number.clone(),
        signer: "王建国".into(),
        signer_role: "仓库主管".into(),
        signed_at: "2026-10-09 15:42 (UTC+08:00)".into(),
        signed_on: "2026-10-09".into(),
        issued_sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".into(),
        drawn: Some(sample::signature_png(1)),
        scan: None,
        confirms: false,
    };
    let started = std::time::Instant::now();
    let signed = signed_pdf(&issued.pdf, doc.paper, &issued.slot, &mark, doc.date).expect("signs");
    let signed_out = out.trim_end_matches(".pdf").to_string() + "-signed.pdf";
    println!("{signed_out}: {} bytes in {:?}", signed.len(), started.elapsed());
    std::fs::write(&signed_out, signed).expect("the file is written");
}
