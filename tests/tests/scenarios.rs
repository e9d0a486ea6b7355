//! Runs every script in tests/scenarios/: each line states the result it expects.

use std::fs;
use std::path::Path;

#[test]
fn every_scenario_script_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut scripts: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    scripts.sort();
    assert!(scripts.len() >= 5, "the scenarios are there");
    let mut failures = Vec::new();
    for script in &scripts {
        let text = fs::read_to_string(script).unwrap();
        let mut books = huikuan_tests::books_on("2026-11-23");
        for failure in huikuan_tests::scenario::run(&mut books, &text) {
            failures.push(format!("{}: {failure}", script.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
