//! Render times and sizes of each document type (`cargo bench -p huikuan-docs`); prints
//! figures against the goal of <= 20 ms and <= 100 KiB for a one-page document. Not a
//! timed test: it never fails on speed. `-- --quick` renders each only a few times.

use std::time::{Duration, Instant};

use huikuan_docs::{delivery_note_pdf, fonts, sample, signed_pdf, Scan, SignatureMark};

const PHOTO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/papers/signed-paper-photo.jpg");

fn measure(name: &str, runs: usize, mut render: impl FnMut() -> Vec<u8>) {
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = render().len();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{name}: median {:.1} ms, best {:.1} ms, {:.1} KiB (goal for one page: <= 20 ms, <= 100 KiB)",
        ms(times[times.len() / 2]),
        ms(times[0]),
        size as f64 / 1024.0
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 3 } else { 30 };
    let started = Instant::now();
    fonts().expect("the embedded fonts parse");
    println!("fonts parsed once in {:.1} ms", ms(started.elapsed()));
    for (name, lines) in [("delivery note, 1 page (3 lines)", 3), ("delivery note, 120 lines", 120)] {
        let doc = sample::delivery_note(lines);
        measure(name, runs, || delivery_note_pdf(&doc).expect("renders").pdf);
    }
    let doc = sample::delivery_note(3);
    let issued = delivery_note_pdf(&doc).expect("renders");
    let mut mark = SignatureMark {
        language: doc.language,
        kind: huikuan_domain::PaperKind::DeliveryNote,
        number: doc.number.clone(),
        signer: "王建国".into(),
        signer_role: "仓库主管".into(),
        signed_at: "2026-10-09 15:42 (UTC+08:00)".into(),
        signed_on: "2026-10-09".into(),
        issued_sha256: "0".repeat(64),
        drawn: Some(sample::signature_png(1)),
        scan: None,
        confirms: false,
    };
    measure("signed delivery note, signature drawn on the pad", runs, || {
        signed_pdf(&issued.pdf, doc.paper, &issued.slot, &mark, doc.date).expect("signs")
    });
    mark.drawn = None;
    mark.scan = Some(Scan { image: std::fs::read(PHOTO).expect("the sample photo"), sha256: "0".repeat(64) });
    measure("signed delivery note, paper photo (56 KiB JPEG) appended", runs, || {
        signed_pdf(&issued.pdf, doc.paper, &issued.slot, &mark, doc.date).expect("signs")
    });
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
