//! Tidy test: the community clock (`src/time.rs`) is the only place that reads the system clock
//! for a record or converts between time zones. A second rule has drifted before (the machine's
//! zone in one module, a fixed UTC+8 in another); this test fails the day one comes back.

use std::path::{Path, PathBuf};

/// What may appear only in the clock module: SQL that converts with the machine's zone or a
/// literal offset, and reads of the machine's clock or zone.
const FORBIDDEN: &[&str] = &[
    "'localtime'",
    "hours')",
    "hours\")",
    "Local::now",
    "Utc::now",
    "chrono::Local",
    "TimeDelta::hours(8)",
    "FixedOffset::east",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "sql") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_clock_module_reads_the_clock_or_converts_zones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shell = root.join("..").join("src");
    let mut files = Vec::new();
    for dir in [root.join("src"), root.join("benches"), shell] {
        rust_files(&dir, &mut files);
    }
    assert!(files.len() > 50, "the source tree was not found: {} files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let allowed = file.ends_with("src/time.rs");
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for pattern in FORBIDDEN {
                if line.contains(pattern) && !allowed {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "use yishi_core::time (the community clock) instead:\n{}", found.join("\n"));
}
