//! Loading a story file while saying how far along it is, for the explorer's loading
//! screen: bytes read from disk, bytes of the text parsed, records counted, then the
//! checking. The figures are the loader's own positions, published through atomics
//! that another thread reads; nothing is estimated.
//!
//! The parse (`parallel_parse`) reports the bytes of records it has finished, added up
//! over its threads; on any error the text is parsed again by `parse_bytes`, so
//! messages are `load_path`'s.

use std::path::Path;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

use super::{
    LoadError, Problem, describe_io_error, parallel_parse, parse_bytes, place, without_bom,
};
use crate::story::graph::{Sort, Story};

/// What the loader is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file from disk.
    Reading,
    /// Parsing the text into records.
    Parsing,
    /// Checking the records and building the indexes.
    Checking,
}

/// How far a load has come; written by the loading thread, read by any other.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    total: AtomicU64,
    read: AtomicU64,
    parsed: AtomicU64,
    records: AtomicU64,
}

/// One reading of a `Progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressSnapshot {
    /// What the loader is doing.
    pub stage: Stage,
    /// The file's size in bytes (0 until known).
    pub total: u64,
    /// Bytes read from disk.
    pub read: u64,
    /// Bytes of the text parsed into records.
    pub parsed: u64,
    /// Records parsed, of every kind.
    pub records: u64,
}

impl Progress {
    /// A load not started yet.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// The figures now.
    pub fn snapshot(&self) -> ProgressSnapshot {
        ProgressSnapshot {
            stage: match self.stage.load(Ordering::Relaxed) {
                0 => Stage::Reading,
                1 => Stage::Parsing,
                _ => Stage::Checking,
            },
            total: self.total.load(Ordering::Relaxed),
            read: self.read.load(Ordering::Relaxed),
            parsed: self.parsed.load(Ordering::Relaxed),
            records: self.records.load(Ordering::Relaxed),
        }
    }

    fn enter(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Notes that `bytes` of the file have been read from disk. Several threads read
    /// parts at once, and one may report an older total after another's newer one:
    /// the figure only ever grows.
    pub(super) fn read_to(&self, bytes: usize) {
        self.read.fetch_max(bytes as u64, Ordering::Relaxed);
    }

    /// The file is read; its records are being parsed.
    pub(super) fn start_parsing(&self) {
        self.enter(Stage::Parsing);
    }

    /// Notes `records` more records parsed, from `bytes` more of the text (several
    /// threads add to the same figures).
    pub(super) fn parsed_records(&self, bytes: u64, records: u64) {
        self.parsed.fetch_add(bytes, Ordering::Relaxed);
        self.records.fetch_add(records, Ordering::Relaxed);
    }
}

impl ProgressSnapshot {
    /// The share of the current stage done, 0 to 1 (1 while checking: it has no
    /// position to report).
    pub fn ratio(&self) -> f64 {
        let done = match self.stage {
            Stage::Reading => self.read,
            Stage::Parsing => self.parsed,
            Stage::Checking => return 1.0,
        };
        if self.total == 0 {
            0.0
        } else {
            (done as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }
}

/// As `load_path_to_show`, reporting to `progress` as it goes (the explorer's loading
/// screen).
pub fn load_path_with_progress(path: &Path, progress: &Progress) -> Result<Story, LoadError> {
    load_path_sorted(path, progress, Sort::WhileChecking)
}

/// The story at `path`, its timeline order made when `sort` says.
pub(super) fn load_path_sorted(
    path: &Path,
    progress: &Progress,
    sort: Sort,
) -> Result<Story, LoadError> {
    let origin = path.display().to_string();
    let fail = |message: String| LoadError {
        origin: origin.clone(),
        problems: vec![Problem::file(message)],
    };
    let metadata = std::fs::metadata(path).map_err(|err| fail(describe_io_error(&err)))?;
    if metadata.is_dir() {
        return Err(fail("this is a folder, not a story file".to_owned()));
    }
    progress.total.store(metadata.len(), Ordering::Relaxed);
    // A file too short for any list to be split is parsed on this thread alone, and
    // the cores are not asked about.
    let tuning = &parallel_parse::Tuning::LOADER;
    let threads = if metadata.len() >= tuning.parallel_from as u64 {
        parallel_parse::available_threads()
    } else {
        1
    };
    let (file, length) = match parallel_parse::read_records(path, progress, threads, tuning) {
        Some(read) => read,
        None => {
            // The whole story read and parsed again, for the messages.
            let bytes = std::fs::read(path).map_err(|err| fail(describe_io_error(&err)))?;
            progress.read_to(bytes.len());
            progress.start_parsing();
            (parse_bytes(&bytes, &origin)?, bytes.len())
        }
    };
    progress.parsed.store(length as u64, Ordering::Relaxed);
    progress.enter(Stage::Checking);
    // Validation does not need the text: only problems do, to be placed at a line and
    // column. Then the file is read again, and used only if it is still as long as
    // what was parsed.
    Story::build_with(file, &origin, &[], sort).map_err(|mut problems| {
        if let Ok(again) = std::fs::read(path)
            && again.len() == length
            && let Ok(text) = std::str::from_utf8(&again)
        {
            place::locate_problems(without_bom(text), &mut problems);
        }
        LoadError { origin, problems }
    })
}

#[cfg(test)]
mod tests;
