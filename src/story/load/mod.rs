//! Loading: bytes → `StoryFile` → validated `Story`, reporting every problem at once,
//! each placed at its line and column. Parsing help (where values sit in the JSON text,
//! serde's messages in an author's words) lives in this folder too.
//!
//! The fast path deserialises the whole file straight into typed records. Only when
//! that fails does the slow path cut the text into its records (`json_spans`) and
//! deserialise each on its own, so one bad event does not hide the problems of the next.
//! serde's wording is made readable in `serde_messages`.

pub(crate) mod json_spans;
mod parallel_parse;
mod partial_check;
pub(crate) mod place;
mod progress;
pub(crate) mod serde_messages;
mod title_peek;

use std::path::Path;

use serde::de::{DeserializeOwned, IgnoredAny};

use crate::story::graph::{Sort, Story};

use self::partial_check::{Kept, Partial};
use crate::story::load::serde_messages::{ReadError, record_problem, syntax_problem};
use crate::story::model::{FORMAT_VERSION, StoryFile};
use crate::story::problem::CappedProblems;
pub use crate::story::problem::{LoadError, Location, Problem};
use crate::story::safe_text::did_you_mean;
pub use progress::{Progress, ProgressSnapshot, Stage, load_path_with_progress};
pub use title_peek::{TITLE_PEEK_BYTES, peek_title, peek_title_of_file};

/// Reads and validates a story file from disk.
///
/// A well-formed file is read once into memory that is given back as the parse passes
/// it, so the text is never held whole beside its records, and its big record lists are
/// parsed on every core (`parallel_parse`). Anything that path refuses (bad JSON, a
/// byte-order mark, a wrong record, an I/O error) is read again whole by the path that
/// explains it, so messages are the same as ever.
///
/// For a story to be checked, linted or searched; `load_path_to_show` for one to be
/// shown or exported.
pub fn load_path(path: &Path) -> Result<Story, LoadError> {
    progress::load_path_sorted(path, &Progress::new(), Sort::OnFirstUse)
}

/// As `load_path`, for a story to be shown or exported: a big story's timeline order
/// is made beside its check (`Sort::WhileChecking`).
pub fn load_path_to_show(path: &Path) -> Result<Story, LoadError> {
    load_path_with_progress(path, &Progress::new())
}

fn describe_io_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: the file cannot be read".to_owned()
        }
        _ => format!("cannot be read: {err}"),
    }
}

/// Validates a story held in memory; `origin` names it in messages.
pub fn load_bytes(bytes: &[u8], origin: &str) -> Result<Story, LoadError> {
    let file = parse_bytes(bytes, origin)?;
    Story::build(file, origin).map_err(|mut problems| {
        // parse_bytes has checked the text already.
        if let Ok(text) = std::str::from_utf8(bytes) {
            place::locate_problems(without_bom(text), &mut problems);
        }
        LoadError {
            origin: origin.to_owned(),
            problems,
        }
    })
}

/// Some editors start UTF-8 files with a byte-order mark; JSON parsers reject it.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The records of a story's bytes, not yet validated; problems placed in the text.
fn parse_bytes(bytes: &[u8], origin: &str) -> Result<StoryFile, LoadError> {
    let fail = |problems: Vec<Problem>| LoadError {
        origin: origin.to_owned(),
        problems,
    };
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        fail(vec![
            Problem::file(format!(
                "not UTF-8 text: invalid byte at offset {offset} (line {line})"
            ))
            .with_hint("story files are JSON in UTF-8"),
        ])
    })?;
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err(fail(vec![Problem::file("the file is empty").with_hint(
            "a story file is a JSON object; see docs/story-format.md",
        )]));
    }
    parse(text).map_err(|mut problems| {
        place::locate_problems(text, &mut problems);
        fail(problems)
    })
}

fn parse(text: &str) -> Result<StoryFile, Vec<Problem>> {
    match serde_json::from_str::<StoryFile>(text) {
        Ok(file) if file.format == FORMAT_VERSION => Ok(file),
        Ok(file) => Err(vec![wrong_format(&file.format.to_string())]),
        Err(err) if err.is_syntax() || err.is_eof() => Err(vec![syntax_problem(&err)]),
        Err(_) => Err(collect_record_problems(text)),
    }
}

/// `found` is the format as written in the file.
fn wrong_format(found: &str) -> Problem {
    Problem::at(
        "format",
        format!("format {found} is not one this build reads"),
    )
    .with_hint(format!("this build reads format {FORMAT_VERSION}"))
}

/// `$schema`, `format`, `story`, then the record lists (one list of them, kept by
/// `json_spans`).
const TOP_LEVEL_FIELDS: [&str; 3 + json_spans::RECORD_LISTS.len()] = {
    let mut fields = [""; 3 + json_spans::RECORD_LISTS.len()];
    fields[0] = "$schema";
    fields[1] = "format";
    fields[2] = "story";
    let mut i = 0;
    while i < json_spans::RECORD_LISTS.len() {
        fields[3 + i] = json_spans::RECORD_LISTS[i];
        i += 1;
    }
    fields
};

/// The slow path: every record is read again on its own, so one bad record does not
/// hide the problems of the next.
///
/// The file is first checked as JSON without building anything. Then `json_spans` finds
/// where each top-level field and each list item is in the text, and each item is read
/// into its own type straight from there. No more than one record is held at a time,
/// and junk fails at its first wrong byte, so this costs little memory beyond the text
/// itself, whatever the file holds (a tree of `serde_json::Value`s, as this once built,
/// cost nearly 90 times the size of a file of small junk objects).
fn collect_record_problems(text: &str) -> Vec<Problem> {
    if let Err(err) = serde_json::from_str::<IgnoredAny>(text) {
        return vec![syntax_problem(&err)];
    }
    let start = json_spans::root(text);
    let Some(members) = json_spans::members(text, start) else {
        return vec![
            Problem::at(
                "",
                format!(
                    "the story must be a JSON object, not {}",
                    json_spans::kind(&text[start..])
                ),
            )
            .with_hint("see docs/story-format.md for the layout"),
        ];
    };
    let mut found = CappedProblems::default();
    let mut partial = Partial::default();
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in members {
        // A key is a JSON string, already known to be well formed; one that still does
        // not decode (a lone surrogate escape) is shown as written.
        let key: String =
            serde_json::from_str(key).unwrap_or_else(|_| key.trim_matches('"').to_owned());
        let Some(&field) = TOP_LEVEL_FIELDS.iter().find(|&&field| field == key) else {
            found.add(|| {
                let problem = Problem::at(key.clone(), format!("unknown field `{key}`"));
                match did_you_mean(&key, TOP_LEVEL_FIELDS) {
                    Some(near) => problem.with_hint(format!("did you mean `{near}`?")),
                    None => problem,
                }
            });
            continue;
        };
        if seen.contains(&field) {
            found.add(|| {
                Problem::at(field, format!("`{field}` is given twice"))
                    .with_hint("keep one of them")
            });
            continue;
        }
        seen.push(field);
        check_field(field, value, &mut found, &mut partial);
    }
    missing_fields(&seen, &mut found);
    partial.abandoned |= found.is_full();
    // The records that did read are checked together too (references, ids,
    // citations), so every problem is reported in one run.
    for problem in partial.reference_problems() {
        found.add(|| problem);
    }
    if found.is_empty() {
        // Every part passed alone, so the whole should too; keep the message honest if not.
        found.add(|| Problem::file("the story could not be read, although each part is valid"));
    }
    found.finish()
}

/// Reads one top-level field's value into its type, noting what does not fit and
/// keeping the records that read for the references check.
fn check_field(field: &str, value: &str, found: &mut CappedProblems, partial: &mut Partial) {
    match field {
        "$schema" => drop(check_one::<String>(value, "$schema", found)),
        "format" => check_format(value, found),
        "story" => partial.story = check_one(value, "story", found),
        "sources" => partial.sources = check_list(value, field, found, partial),
        "entities" => partial.entities = check_list(value, field, found, partial),
        _ => read_optional_list(value, field, found, partial),
    }
}

/// The fields a story cannot do without: `format`, `story`, `sources`, `entities`.
fn missing_fields(seen: &[&str], found: &mut CappedProblems) {
    if !seen.contains(&"format") {
        found.add(|| {
            Problem::at("format", "missing").with_hint(format!("add \"format\": {FORMAT_VERSION}"))
        });
    }
    if !seen.contains(&"story") {
        found.add(|| Problem::at("story", "missing"));
    }
    for required in ["sources", "entities"] {
        if !seen.contains(&required) {
            found.add(|| {
                Problem::at(required, "missing").with_hint(format!("add \"{required}\": [ … ]"))
            });
        }
    }
}

/// `format` must be the number this build reads.
fn check_format(value: &str, found: &mut CappedProblems) {
    if !json_spans::kind(value).ends_with("number") {
        found.add(|| {
            Problem::at(
                "format",
                format!(
                    "must be the number {FORMAT_VERSION}, not {}",
                    json_spans::kind(value)
                ),
            )
            .with_hint(format!("this build reads format {FORMAT_VERSION}"))
        });
    } else if value != FORMAT_VERSION.to_string() {
        found.add(|| wrong_format(value));
    }
}

fn check_one<T: DeserializeOwned>(value: &str, key: &str, found: &mut CappedProblems) -> Option<T> {
    read_at::<T>(value)
        .map_err(|err| found.add(|| record_problem(key, value, &err)))
        .ok()
}

/// One of the lists a story may leave out, read into `partial`.
fn read_optional_list(value: &str, field: &str, found: &mut CappedProblems, partial: &mut Partial) {
    let p = partial;
    match field {
        "relations" => p.relations = check_list(value, field, found, p).unwrap_or_default(),
        "events" => p.events = check_list(value, field, found, p).unwrap_or_default(),
        "candidates" => p.candidates = check_list(value, field, found, p).unwrap_or_default(),
        "metrics" => p.metrics = check_list(value, field, found, p).unwrap_or_default(),
        _ => p.disputes = check_list(value, field, found, p).unwrap_or_default(),
    }
}

/// Reads each item of a list on its own: its problem is reported, or it is kept for
/// the check of references among the records that read. None when it is not a list.
fn check_list<T: DeserializeOwned>(
    value: &str,
    key: &str,
    found: &mut CappedProblems,
    partial: &mut Partial,
) -> Option<Kept<T>> {
    let mut kept = Kept::default();
    let Some(items) = json_spans::items(value, 0) else {
        found.add(|| {
            Problem::at(
                key,
                format!("must be a list, not {}", json_spans::kind(value)),
            )
        });
        return None;
    };
    for (index, item) in items.enumerate() {
        if found.is_full() {
            // Past the cap an item is only counted: a record is an object (or, as serde
            // allows, an array of its fields), so anything else is wrong without reading.
            partial.abandoned = true;
            let record_like = item.starts_with(['{', '[']);
            if !record_like || serde_json::from_str::<T>(item).is_err() {
                found.count_one_more();
            }
            continue;
        }
        match read_at::<T>(item) {
            Ok(record) => kept.keep(record, index),
            Err(err) => {
                partial.unread(item);
                found.add(|| record_problem(&format!("{key}[{index}]"), item, &err));
            }
        }
    }
    Some(kept)
}

/// Reads one record from its own text, keeping the path of the first error in it.
fn read_at<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer)
}
