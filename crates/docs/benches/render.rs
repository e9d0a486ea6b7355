//! Render times and sizes of each document type (`cargo bench -p huikuan-docs`); prints
//! figures against the goal of <= 20 ms and <= 100 KiB for a one-page document. Not a
//! timed test: it never fails on speed. `-- --quick` renders each only a few times.

use std::time::{Duration, Instant};

use huikuan_docs::{delivery_note_pdf, fonts, sample};

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 3 } else { 30 };
    let started = Instant::now();
    fonts().expect("the embedded fonts parse");
    println!("fonts parsed once in {:.1} ms", ms(started.elapsed()));
    for (name, lines) in [("delivery note, 1 page (3 lines)", 3), ("delivery note, 120 lines", 120)] {
        let doc = sample::delivery_note(lines);
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..runs {
            let t = Instant::now();
            size = delivery_note_pdf(&doc).expect("renders").len();
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
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
