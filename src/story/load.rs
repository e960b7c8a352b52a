//! Bytes → `StoryFile` → validated `Story`, reporting every problem at once.
//!
//! The fast path deserialises the whole file straight into typed records. Only when
//! that fails does the slow path re-read it as a `serde_json::Value` and deserialise
//! each record on its own, so one bad event does not hide the problems of the next.

use std::fmt;
use std::path::Path;

use serde::de::{DeserializeOwned, IgnoredAny};

use super::graph::Story;
use super::model::{FORMAT_VERSION, StoryFile};
use super::text::{did_you_mean, escape_controls};

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (empty, unreadable, not UTF-8 …).
    File,
    /// 1-based line and column, for syntax errors.
    LineColumn { line: usize, column: usize },
    /// A path into the document, like `events[3].entities[1]`.
    Path(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str("file"),
            Location::LineColumn { line, column } => write!(f, "line {line}, column {column}"),
            Location::Path(path) if path.is_empty() => f.write_str("top level"),
            Location::Path(path) => f.write_str(path),
        }
    }
}

/// One thing wrong with a story file, and what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            location: Location::Path(path.into()),
            message: message.into(),
            hint: None,
        }
    }

    pub fn file(message: impl Into<String>) -> Problem {
        Problem {
            location: Location::File,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote ids and values from the file, which may hold escape sequences.
        let location = escape_controls(&self.location.to_string());
        write!(f, "{location}: {}", escape_controls(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, " ({})", escape_controls(hint))?;
        }
        Ok(())
    }
}

/// A story file that could not be loaded, with every problem found in it.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// How the file was named on the command line, or "embedded story".
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        writeln!(
            f,
            "{}: {count} {noun}, the story was not loaded:",
            self.origin
        )?;
        for problem in &self.problems {
            writeln!(f, "  {}: {problem}", escape_controls(&self.origin))?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Problems beyond this many are summarised, so a file of junk cannot flood a terminal.
const MAX_PROBLEMS: usize = 200;

/// Reads and validates a story file from disk.
pub fn load_path(path: &Path) -> Result<Story, LoadError> {
    let origin = path.display().to_string();
    let fail = |message: String| LoadError {
        origin: origin.clone(),
        problems: vec![Problem::file(message)],
    };
    let metadata = std::fs::metadata(path).map_err(|err| fail(describe_io_error(&err)))?;
    if metadata.is_dir() {
        return Err(fail("this is a folder, not a story file".to_owned()));
    }
    let bytes = std::fs::read(path).map_err(|err| fail(describe_io_error(&err)))?;
    load_bytes(&bytes, &origin)
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
    // Some editors start UTF-8 files with a byte-order mark; JSON parsers reject it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(fail(vec![Problem::file("the file is empty").with_hint(
            "a story file is a JSON object; see docs/story-format.md",
        )]));
    }
    let file = parse(text).map_err(fail)?;
    Story::build(file, origin).map_err(fail)
}

fn parse(text: &str) -> Result<StoryFile, Vec<Problem>> {
    match serde_json::from_str::<StoryFile>(text) {
        Ok(file) if file.format == FORMAT_VERSION => Ok(file),
        Ok(file) => Err(vec![wrong_format(&file.format.to_string())]),
        Err(err) if err.is_syntax() || err.is_eof() => Err(vec![syntax_problem(&err)]),
        Err(_) => Err(collect_record_problems(text)),
    }
}

fn syntax_problem(err: &serde_json::Error) -> Problem {
    let message = without_position(&err.to_string()).to_owned();
    let hint = if err.is_eof() {
        "the file ends too early; was it cut off?"
    } else if message == "number out of range" {
        "the number is too large to read; numbers go up to about 1.8e308"
    } else {
        "the file is not valid JSON"
    };
    Problem {
        location: Location::LineColumn {
            line: err.line(),
            column: err.column(),
        },
        message,
        hint: Some(hint.to_owned()),
    }
}

/// serde_json ends its messages with " at line L column C"; locations are shown apart.
fn without_position(message: &str) -> &str {
    let Some(cut) = message.rfind(" at line ") else {
        return message;
    };
    let position = &message[cut + " at line ".len()..];
    let is_position = position
        .split_once(" column ")
        .is_some_and(|(line, column)| {
            [line, column]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
    if is_position {
        &message[..cut]
    } else {
        message
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

const TOP_LEVEL_FIELDS: [&str; 9] = [
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

/// Problems up to `MAX_PROBLEMS`, and a count of the ones past it: a file of junk can
/// hold millions, and each would cost memory and time to describe.
#[derive(Default)]
struct Found {
    problems: Vec<Problem>,
    more: usize,
}

impl Found {
    fn is_full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    /// Keeps the problem `describe` gives, or only counts it once the list is full.
    fn add(&mut self, describe: impl FnOnce() -> Problem) {
        if self.is_full() {
            self.more += 1;
        } else {
            self.problems.push(describe());
        }
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.problems.push(more_problems(self.more));
        }
        self.problems
    }
}

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
    let start = json_spans::skip_space(text, 0);
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
    let mut found = Found::default();
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
        match field {
            "format" => check_format(value, &mut found),
            "story" => check_one::<super::model::StoryMeta>(value, "story", &mut found),
            "sources" => check_list::<super::model::Source>(value, field, &mut found),
            "entities" => check_list::<super::model::Entity>(value, field, &mut found),
            "relations" => check_list::<super::model::Relation>(value, field, &mut found),
            "events" => check_list::<super::model::Event>(value, field, &mut found),
            "candidates" => check_list::<super::model::Candidacy>(value, field, &mut found),
            "metrics" => check_list::<super::model::Metric>(value, field, &mut found),
            _ => check_list::<super::model::Dispute>(value, field, &mut found),
        }
    }
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
    if found.problems.is_empty() {
        // Every part passed alone, so the whole should too; keep the message honest if not.
        found.add(|| Problem::file("the story could not be read, although each part is valid"));
    }
    found.finish()
}

/// `format` must be the number this build reads.
fn check_format(value: &str, found: &mut Found) {
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

fn check_one<T: DeserializeOwned>(value: &str, key: &str, found: &mut Found) {
    if let Err(err) = read_at::<T>(value) {
        found.add(|| record_problem(key, value, &err));
    }
}

fn check_list<T: DeserializeOwned>(value: &str, key: &str, found: &mut Found) {
    let Some(items) = json_spans::items(value, 0) else {
        found.add(|| {
            Problem::at(
                key,
                format!("must be a list, not {}", json_spans::kind(value)),
            )
        });
        return;
    };
    for (index, item) in items.enumerate() {
        if found.is_full() {
            // Past the cap an item is only counted: a record is an object (or, as serde
            // allows, an array of its fields), so anything else is wrong without reading.
            let record_like = item.starts_with(['{', '[']);
            if !record_like || serde_json::from_str::<T>(item).is_err() {
                found.more += 1;
            }
        } else if let Err(err) = read_at::<T>(item) {
            found.add(|| record_problem(&format!("{key}[{index}]"), item, &err));
        }
    }
}

type ReadError = serde_path_to_error::Error<serde_json::Error>;

/// Reads one record from its own text, keeping the path of the first error in it.
fn read_at<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer)
}

/// The problem with the record at `prefix`, whose text is `record`.
fn record_problem(prefix: &str, record: &str, err: &ReadError) -> Problem {
    if record.starts_with('[') {
        // serde also reads a record from a list of its fields in order, so its errors
        // would talk of "struct Event with 8 elements"; story files use objects.
        return Problem::at(prefix, "invalid type: a list, expected an object");
    }
    let inner = err.path().to_string();
    let path = match inner.as_str() {
        "." => prefix.to_owned(),
        _ if inner.starts_with('[') => format!("{prefix}{inner}"),
        _ => format!("{prefix}.{inner}"),
    };
    let raw = err.inner().to_string();
    let (message, mut hint) = explain_serde_message(without_position(&raw));
    if hint.is_none() && message == "number out of range" {
        hint = Some("the number is too large to read; numbers go up to about 1.8e308".to_owned());
    }
    Problem {
        location: Location::Path(path),
        message,
        hint,
    }
}

/// Turns serde's wording into a message plus a hint a story author can act on.
fn explain_serde_message(raw: &str) -> (String, Option<String>) {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, expected ") {
            let allowed: Vec<&str> = expected
                .trim_start_matches("one of ")
                .split(", ")
                .map(|name| name.trim_matches('`'))
                .collect();
            let hint = match did_you_mean(field, allowed.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("allowed here: {}", allowed.join(", ")),
            };
            return (format!("unknown field `{field}`"), Some(hint));
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        if let Some((variant, expected)) = rest.split_once("`, expected ") {
            let allowed: Vec<&str> = expected
                .trim_start_matches("one of ")
                .split(", ")
                .map(|name| name.trim_matches('`'))
                .collect();
            let hint = super::closed_values::hint(variant, &allowed);
            return (format!("`{variant}` is not an allowed value"), Some(hint));
        }
    }
    if let Some(field) = raw
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return (
            format!("missing field `{field}`"),
            Some(format!("add `{field}`")),
        );
    }
    if let Some(expected) = raw.strip_prefix("invalid type: null, expected ") {
        return (
            "must not be null".to_owned(),
            Some(format!(
                "leave an optional field out when there is nothing to say; a required one needs {}",
                plain_expected(expected)
            )),
        );
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = raw
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            let found = match found {
                "sequence" => "a list",
                "map" => "an object",
                other => other,
            };
            let wanted = plain_expected(expected);
            let hint = (found.starts_with("string ") && wanted.contains("number"))
                .then(|| "write the number without quotes".to_owned());
            return (format!("{prefix}{found}, expected {wanted}"), hint);
        }
    }
    (raw.to_owned(), None)
}

/// serde names Rust types ("f64", "struct Status"); a story author thinks in JSON.
fn plain_expected(expected: &str) -> &str {
    match expected {
        "f64" | "f32" => "a number",
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number (0 or more)",
        "a borrowed string" => "a string",
        "a sequence" => "a list",
        other if other.starts_with("struct ") => "an object",
        other => other,
    }
}

/// Keeps at most `MAX_PROBLEMS`, saying how many more there were.
pub(crate) fn cap_problems(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let dropped = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(more_problems(dropped));
    }
    problems
}

fn more_problems(count: usize) -> Problem {
    let noun = if count == 1 { "problem" } else { "problems" };
    Problem::file(format!("…and {count} more {noun} not shown"))
}

/// Where values are in a text already known to be valid JSON: enough to cut a story file
/// into its records without building them.
mod json_spans {
    /// The first byte at or after `at` that is not JSON white space.
    pub fn skip_space(text: &str, mut at: usize) -> usize {
        let bytes = text.as_bytes();
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
            at += 1;
        }
        at
    }

    /// Just past the string that opens at `at`.
    fn string_end(bytes: &[u8], mut at: usize) -> usize {
        at += 1;
        loop {
            match bytes[at] {
                b'\\' => at += 2,
                b'"' => return at + 1,
                _ => at += 1,
            }
        }
    }

    /// Just past the value that starts at `at`.
    pub fn value_end(text: &str, at: usize) -> usize {
        let bytes = text.as_bytes();
        match bytes[at] {
            b'"' => string_end(bytes, at),
            b'{' | b'[' => {
                // Nesting is counted, not recursed into: depth costs nothing.
                let mut depth = 0usize;
                let mut i = at;
                loop {
                    match bytes[i] {
                        b'"' => {
                            i = string_end(bytes, i);
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {
                let mut i = at;
                while i < bytes.len()
                    && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    i += 1;
                }
                i
            }
        }
    }

    /// The items of the array at `at` (`None` if the value there is not an array).
    pub fn items(text: &str, at: usize) -> Option<impl Iterator<Item = &str>> {
        let at = skip_space(text, at);
        (text.as_bytes().get(at) == Some(&b'['))
            .then(|| Entries::new(text, at, false).map(|(_, value)| value))
    }

    /// The (key, value) members of the object at `at`, keys still quoted (`None` if the
    /// value there is not an object).
    pub fn members(text: &str, at: usize) -> Option<impl Iterator<Item = (&str, &str)>> {
        let at = skip_space(text, at);
        (text.as_bytes().get(at) == Some(&b'{'))
            .then(|| Entries::new(text, at, true).map(|(key, value)| (key.unwrap_or(""), value)))
    }

    struct Entries<'a> {
        text: &'a str,
        /// The next entry, or the closing bracket.
        at: usize,
        keyed: bool,
        done: bool,
    }

    impl<'a> Entries<'a> {
        fn new(text: &'a str, open: usize, keyed: bool) -> Entries<'a> {
            Entries {
                text,
                at: skip_space(text, open + 1),
                keyed,
                done: false,
            }
        }
    }

    impl<'a> Iterator for Entries<'a> {
        type Item = (Option<&'a str>, &'a str);

        fn next(&mut self) -> Option<Self::Item> {
            let bytes = self.text.as_bytes();
            if self.done || matches!(bytes[self.at], b']' | b'}') {
                self.done = true;
                return None;
            }
            let mut at = self.at;
            let key = if self.keyed {
                let end = string_end(bytes, at);
                let key = &self.text[at..end];
                // Past the key, the colon and the space around it.
                at = skip_space(self.text, skip_space(self.text, end) + 1);
                Some(key)
            } else {
                None
            };
            let end = value_end(self.text, at);
            let value = &self.text[at..end];
            at = skip_space(self.text, end);
            if bytes[at] == b',' {
                at = skip_space(self.text, at + 1);
            }
            self.at = at;
            Some((key, value))
        }
    }

    /// "an object", "a number" …: what a value is, from its first byte.
    pub fn kind(value: &str) -> &'static str {
        match value.trim_start().bytes().next() {
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        }
    }
}
