//! The explorer before its story is there: the file being loaded on another thread,
//! the title read off the file's start, how far the load has come, and (when the file
//! does not load) its problems. What the loading screen draws; no story needed.

use std::sync::Arc;

use crate::story::load::{Progress, ProgressSnapshot, Stage};
use crate::tui::app::broken_file::BrokenFile;

/// The loading screen's state.
#[derive(Debug)]
pub struct Loading {
    /// The story file, as named on the command line.
    pub file: String,
    /// The story's title, when the start of the file says it for certain.
    pub title: Option<String>,
    /// Written by the loading thread.
    pub progress: Arc<Progress>,
    /// Why the file does not load, once the load has failed.
    pub broken: Option<LoadFailure>,
    /// Whether a save of the file loads it again after a failure (the file is
    /// watched); the screen only promises it then.
    pub reloads_on_save: bool,
}

/// Why the story did not load: the panel's problems, and the loader's whole message,
/// said on the terminal after the explorer has left it.
#[derive(Debug)]
pub struct LoadFailure {
    /// What the broken-file panel shows.
    pub panel: BrokenFile,
    /// The loader's message, every problem in it.
    pub message: String,
}

impl LoadFailure {
    /// A failure that is one message (no place in the file).
    pub fn said(message: String) -> LoadFailure {
        LoadFailure {
            panel: BrokenFile::unreadable(&message),
            message,
        }
    }
}

impl Loading {
    /// A load of `file` just started.
    pub fn new(file: String, title: Option<String>, progress: Arc<Progress>) -> Loading {
        Loading {
            file,
            title,
            progress,
            broken: None,
            reloads_on_save: false,
        }
    }
}

/// "parsing 12.3 of 48.4 MB · 61,234 records": what the load is doing, in the loader's
/// own figures.
pub fn progress_words(seen: &ProgressSnapshot) -> String {
    let records = format!("{} records", thousands(seen.records));
    match seen.stage {
        Stage::Reading => format!(
            "reading {} of {}",
            megabytes(seen.read),
            megabytes(seen.total)
        ),
        Stage::Parsing => format!(
            "parsing {} of {} · {records}",
            megabytes(seen.parsed),
            megabytes(seen.total)
        ),
        Stage::Checking => format!("checking and indexing {records}"),
    }
}

/// Bytes in megabytes (10⁶), one decimal: "48.4 MB".
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// 1234567 → "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_each_stage() {
        let mut seen = ProgressSnapshot {
            stage: Stage::Reading,
            total: 48_442_573,
            read: 12_300_000,
            parsed: 0,
            records: 0,
        };
        assert_eq!(progress_words(&seen), "reading 12.3 MB of 48.4 MB");
        seen.stage = Stage::Parsing;
        seen.parsed = 30_100_000;
        seen.records = 1_061_234;
        assert_eq!(
            progress_words(&seen),
            "parsing 30.1 MB of 48.4 MB · 1,061,234 records"
        );
        seen.stage = Stage::Checking;
        assert_eq!(
            progress_words(&seen),
            "checking and indexing 1,061,234 records"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456, "123,456"),
        ] {
            assert_eq!(thousands(n), text);
        }
    }
}
