//! Writes a sample delivery note: `cargo run -p huikuan-docs --example delivery_note -- OUT.pdf [LINES]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "delivery-note.pdf".into());
    let lines: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    let doc = huikuan_docs::sample::delivery_note(lines);
    let started = std::time::Instant::now();
    let bytes = huikuan_docs::delivery_note_pdf(&doc).expect("the sample renders");
    println!("{out}: {} bytes in {:?}", bytes.len(), started.elapsed());
    std::fs::write(&out, bytes).expect("the file is written");
}
