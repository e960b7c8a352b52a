//! The loader's fast path: the file read once into memory that is given back to the
//! system as the parse passes it, the record lists parsed straight from that text, the
//! big ones on every core. It only says yes or no: whatever it refuses (bad JSON, a
//! wrong record or format, a file that changed while it was read) goes to the path that
//! reads the whole text again and explains the problem with a line and column.

mod list;
mod split;
mod text;
mod top;

#[cfg(test)]
mod tests;

use std::path::Path;

use serde::de::DeserializeOwned;

use super::progress::Progress;
use crate::story::model::{FORMAT_VERSION, StoryFile};
use text::Text;

/// What every part of the parse shares: the text, where to report, how many threads.
pub(super) struct Context<'a> {
    text: &'a Text,
    progress: &'a Progress,
    threads: usize,
    tuning: &'a Tuning,
}

/// The sizes the fast path works by: the loader's own below; tests make them small so
/// that a small story goes through the mapping, the hand-backs and the threads.
#[derive(Debug, Clone)]
pub(super) struct Tuning {
    /// Files at least this long are read into a mapping given back as the parse passes
    /// it; below, into an ordinary buffer kept to the end (a few megabytes do not show
    /// in the peak).
    pub(super) mapped_from: usize,
    /// How much text a parsing thread passes between two hand-backs (one system call).
    pub(super) release_step: usize,
    /// Lists with less text than this after their start are parsed on one thread.
    pub(super) parallel_from: usize,
}

impl Tuning {
    /// The sizes the loader uses.
    pub(super) const LOADER: Tuning = Tuning {
        mapped_from: 4 << 20,
        release_step: 1 << 20,
        parallel_from: 4 << 20,
    };
}

/// The records of the story file at `path` and how many bytes they were read from; None
/// when the file cannot be read or is not a story this build reads without a word.
/// `threads` is how many threads may parse a big list at once.
pub(super) fn read_records(
    path: &Path,
    progress: &Progress,
    threads: usize,
    tuning: &Tuning,
) -> Option<(StoryFile, usize)> {
    let file = std::fs::File::open(path).ok()?;
    let length = usize::try_from(file.metadata().ok()?.len()).ok()?;
    let threads = threads.max(1);
    let read_to = |read| progress.read_to(read);
    let text = Text::read(file, length, tuning, threads, read_to).ok()??;
    progress.start_parsing();
    let context = Context {
        text: &text,
        progress,
        threads,
        tuning,
    };
    let story = top::story_file(&context)?;
    (story.format == FORMAT_VERSION).then_some((story, length))
}

/// How many threads a load may use: the machine's cores, up to eight.
pub(super) fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// One JSON value at `at` (whitespace before it allowed), deserialised: the value and
/// where the text after it starts. Read from the text as a `str`, checked as UTF-8 once
/// when it was read, so serde_json does not check each string again.
fn one<T: DeserializeOwned>(text: &Text, at: usize) -> Option<(T, usize)> {
    let mut stream = serde_json::Deserializer::from_str(text.str_from(at)?).into_iter::<T>();
    let value = stream.next()?.ok()?;
    Some((value, at + stream.byte_offset()))
}

impl Context<'_> {
    /// A counter of this thread's records, reported in batches.
    fn tally(&self) -> Tally<'_> {
        Tally {
            progress: self.progress,
            bytes: 0,
            records: 0,
        }
    }
}

/// Records parsed by one thread and not yet reported: the threads share the progress
/// figures, and one report per record would have them fight over one cache line.
struct Tally<'a> {
    progress: &'a Progress,
    bytes: u64,
    records: u64,
}

/// Reported once this many bytes of records are parsed.
const TALLY_BYTES: u64 = 64 * 1024;

impl Tally<'_> {
    fn record(&mut self, bytes: usize) {
        self.bytes += bytes as u64;
        self.records += 1;
        if self.bytes >= TALLY_BYTES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.progress.parsed_records(self.bytes, self.records);
        (self.bytes, self.records) = (0, 0);
    }
}

impl Drop for Tally<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}
