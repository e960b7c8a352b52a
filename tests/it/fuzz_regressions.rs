//! Every input a fuzz target (fuzz/, see fuzz/README.md) ever failed on, replayed
//! through the same checks the target runs: the checks live in fuzz/src/lib.rs and are
//! compiled in here as a module, so `cargo test` needs neither libFuzzer nor nightly.
//!
//! Inputs are kept as files under tests/fixtures/fuzz/<target>/, named for what they
//! found; a new crash is added by copying libFuzzer's artifact there.

use std::path::{Path, PathBuf};

/// The saved crashing inputs of `target`, then its seeds (fuzz/seeds/<target>/), which
/// pass through the same checks as a smoke test of the checks themselves.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in [
        root.join("tests/fixtures/fuzz").join(target),
        root.join("fuzz/seeds").join(target),
    ] {
        // A target that never failed has no folder of crashes: git keeps no empty ones.
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        paths.sort();
        files.extend(paths);
    }
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("read a saved input");
            (path, bytes)
        })
        .collect()
}

/// Replays each input, naming the file of any that fails.
fn replay(target: &str, check: fn(&[u8])) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no saved inputs for {target}");
    for (path, bytes) in inputs {
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
}

#[test]
fn loader_inputs_that_once_failed() {
    replay("load", crate::fuzz_checks::check_loader);
}

#[test]
fn export_text_inputs_that_once_failed() {
    replay("export_text", crate::fuzz_checks::check_export_text);
}

/// The first find of the export target: a story summary of just "+" began the Report's
/// summary paragraph, which Markdown reads as a list item.
#[test]
fn a_summary_cannot_start_a_list() {
    for text in ["+", "- x", "---", "1. x", "7) x"] {
        crate::fuzz_checks::check_export_text(text.as_bytes());
    }
}
