//! Loading a story file while saying how far along it is, for the explorer's loading
//! screen: bytes read from disk, bytes of the text parsed, records counted, then the
//! checking. The figures are the loader's own positions, published through atomics
//! that another thread reads; nothing is estimated.
//!
//! The parse is serde_json's over the whole text, as `load_path`'s, driven from a
//! visitor of the top-level object that counts each record as it is deserialised and
//! notes where in the text it is (`spy`: the position of each record's field names,
//! which serde_json lends out of the text). The visitor is only the fast path: on any
//! error the text is parsed again by `parse_bytes`, so messages are `load_path`'s.

use std::fmt;
use std::io::Read;
use std::marker::PhantomData;
use std::path::Path;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::spy::Located;
use super::{LoadError, Problem, describe_io_error, parse_bytes, place, without_bom};
use crate::story::graph::Story;
use crate::story::model::{FORMAT_VERSION, StoryFile, StoryMeta};

/// How much is read from disk between two reports.
const READ_CHUNK: u64 = 1 << 20;

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

    /// Notes that parsing has reached byte `offset` of the text.
    fn parsed_to(&self, offset: u64) {
        self.parsed.store(offset, Ordering::Relaxed);
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

/// As `load_path`, reporting to `progress` as it goes.
pub fn load_path_with_progress(path: &Path, progress: &Progress) -> Result<Story, LoadError> {
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
    let bytes = read_counting(path, metadata.len(), progress)
        .map_err(|err| fail(describe_io_error(&err)))?;
    progress.enter(Stage::Parsing);
    let file = match std::str::from_utf8(&bytes).ok().map(without_bom) {
        Some(text) => parse_counting(text, progress).ok(),
        None => None,
    };
    let file = match file {
        Some(file) if file.format == FORMAT_VERSION => file,
        // The whole story parsed again, for `load_path`'s messages.
        _ => parse_bytes(&bytes, &origin)?,
    };
    progress.parsed_to(bytes.len() as u64);
    progress.enter(Stage::Checking);
    // As `load_path`: the text goes before the indexes are built, and is read again
    // only to place the problems of a story that does not validate.
    let length = bytes.len();
    drop(bytes);
    Story::build(file, &origin).map_err(|mut problems| {
        if let Ok(again) = std::fs::read(path)
            && again.len() == length
            && let Ok(text) = std::str::from_utf8(&again)
        {
            place::locate_problems(without_bom(text), &mut problems);
        }
        LoadError { origin, problems }
    })
}

/// The whole file, read a chunk at a time so the bytes read can be shown.
fn read_counting(path: &Path, expected: u64, progress: &Progress) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    loop {
        let got = (&file).take(READ_CHUNK).read_to_end(&mut bytes)?;
        progress.read.store(bytes.len() as u64, Ordering::Relaxed);
        if got == 0 {
            return Ok(bytes);
        }
    }
}

/// The story's records, counted and located as they are parsed.
fn parse_counting(text: &str, progress: &Progress) -> Result<StoryFile, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let base = text.as_ptr() as usize;
    let file =
        de::Deserializer::deserialize_map(&mut deserializer, FileVisitor { progress, base })?;
    deserializer.end()?;
    Ok(file)
}

const FIELDS: &[&str] = &[
    "$schema",
    "format",
    "story",
    "sources",
    "entities",
    "relations",
    "events",
    "candidates",
    "metrics",
    "disputes",
];

/// The top-level object, read as `StoryFile`'s derived visitor reads it; anything it
/// would refuse is refused here too (and then parsed again for the message).
struct FileVisitor<'p> {
    progress: &'p Progress,
    base: usize,
}

#[derive(Default)]
struct Fields {
    schema: Option<Option<String>>,
    format: Option<u32>,
    story: Option<StoryMeta>,
    sources: Option<Vec<crate::story::model::Source>>,
    entities: Option<Vec<crate::story::model::Entity>>,
    relations: Option<Vec<crate::story::model::Relation>>,
    events: Option<Vec<crate::story::model::Event>>,
    candidates: Option<Vec<crate::story::model::Candidacy>>,
    metrics: Option<Vec<crate::story::model::Metric>>,
    disputes: Option<Vec<crate::story::model::Dispute>>,
}

impl<'de> Visitor<'de> for FileVisitor<'_> {
    type Value = StoryFile;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a story object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StoryFile, A::Error> {
        let mut f = Fields::default();
        while let Some(key) = map.next_key::<&'de str>()? {
            match key {
                "$schema" => once(&mut f.schema, map.next_value()?, "$schema")?,
                "format" => once(&mut f.format, map.next_value()?, "format")?,
                "story" => once(&mut f.story, map.next_value()?, "story")?,
                "sources" => once(&mut f.sources, map.next_value_seed(self.list())?, "sources")?,
                "entities" => once(
                    &mut f.entities,
                    map.next_value_seed(self.list())?,
                    "entities",
                )?,
                "relations" => once(
                    &mut f.relations,
                    map.next_value_seed(self.list())?,
                    "relations",
                )?,
                "events" => once(&mut f.events, map.next_value_seed(self.list())?, "events")?,
                "candidates" => once(
                    &mut f.candidates,
                    map.next_value_seed(self.list())?,
                    "candidates",
                )?,
                "metrics" => once(&mut f.metrics, map.next_value_seed(self.list())?, "metrics")?,
                "disputes" => once(
                    &mut f.disputes,
                    map.next_value_seed(self.list())?,
                    "disputes",
                )?,
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let missing = |name| de::Error::missing_field(name);
        Ok(StoryFile {
            schema: f.schema.flatten(),
            format: f.format.ok_or_else(|| missing("format"))?,
            story: f.story.ok_or_else(|| missing("story"))?,
            sources: f.sources.ok_or_else(|| missing("sources"))?,
            entities: f.entities.ok_or_else(|| missing("entities"))?,
            relations: f.relations.unwrap_or_default(),
            events: f.events.unwrap_or_default(),
            candidates: f.candidates.unwrap_or_default(),
            metrics: f.metrics.unwrap_or_default(),
            disputes: f.disputes.unwrap_or_default(),
        })
    }
}

impl<'p> FileVisitor<'p> {
    fn list<T>(&self) -> CountedList<'p, T> {
        CountedList {
            progress: self.progress,
            base: self.base,
            item: PhantomData,
        }
    }
}

/// A field given twice is refused, as the derived visitor does.
fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

/// A list of records, each counted and located as it is parsed.
struct CountedList<'p, T> {
    progress: &'p Progress,
    base: usize,
    item: PhantomData<T>,
}

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for CountedList<'_, T> {
    type Value = Vec<T>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for CountedList<'_, T> {
    type Value = Vec<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let before = self.progress.records.load(Ordering::Relaxed);
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        let located = || Located::new(&self.progress.parsed, self.base);
        while let Some(item) = seq.next_element_seed(located())? {
            items.push(item);
            // Only this thread writes: a plain store, no read-modify-write.
            let count = before + items.len() as u64;
            self.progress.records.store(count, Ordering::Relaxed);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests;
