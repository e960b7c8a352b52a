//! Bytes → `StoryFile` → validated `Story`, reporting every problem at once.
//!
//! The fast path deserialises the whole file straight into typed records. Only when
//! that fails does the slow path re-read it as a `serde_json::Value` and deserialise
//! each record on its own, so one bad event does not hide the problems of the next.

use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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
        Ok(file) => Err(vec![wrong_format(&Value::from(file.format))]),
        Err(err) if err.is_syntax() || err.is_eof() => Err(vec![syntax_problem(&err)]),
        Err(_) => Err(collect_record_problems(text)),
    }
}

fn syntax_problem(err: &serde_json::Error) -> Problem {
    let mut message = err.to_string();
    // serde_json appends " at line L column C"; the location is shown separately.
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let hint = if err.is_eof() {
        "the file ends too early; was it cut off?"
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

fn wrong_format(found: &Value) -> Problem {
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

/// The slow path: every record is deserialised on its own to find every bad one.
fn collect_record_problems(text: &str) -> Vec<Problem> {
    let root: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => return vec![syntax_problem(&err)],
    };
    let Value::Object(root) = root else {
        return vec![
            Problem::at(
                "",
                format!("the story must be a JSON object, not {}", json_kind(&root)),
            )
            .with_hint("see docs/story-format.md for the layout"),
        ];
    };
    let mut problems = Vec::new();
    for key in root.keys() {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            let mut problem = Problem::at(key.clone(), format!("unknown field `{}`", key));
            if let Some(near) = did_you_mean(key, TOP_LEVEL_FIELDS) {
                problem = problem.with_hint(format!("did you mean `{near}`?"));
            }
            problems.push(problem);
        }
    }
    match root.get("format") {
        None => problems.push(
            Problem::at("format", "missing").with_hint(format!("add \"format\": {FORMAT_VERSION}")),
        ),
        Some(found) if found.as_u64() != Some(u64::from(FORMAT_VERSION)) => {
            problems.push(wrong_format(found))
        }
        Some(_) => {}
    }
    check_one::<super::model::StoryMeta>(&root, "story", &mut problems);
    check_list::<super::model::Source>(&root, "sources", true, &mut problems);
    check_list::<super::model::Entity>(&root, "entities", true, &mut problems);
    check_list::<super::model::Relation>(&root, "relations", false, &mut problems);
    check_list::<super::model::Event>(&root, "events", false, &mut problems);
    check_list::<super::model::Candidacy>(&root, "candidates", false, &mut problems);
    check_list::<super::model::Metric>(&root, "metrics", false, &mut problems);
    check_list::<super::model::Dispute>(&root, "disputes", false, &mut problems);
    if problems.is_empty() {
        // Every part passed alone, so the whole should too; keep the message honest if not.
        problems.push(Problem::file(
            "the story could not be read, although each part is valid",
        ));
    }
    cap_problems(problems)
}

fn check_one<T: DeserializeOwned>(
    root: &Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) {
    match root.get(key) {
        None => problems.push(Problem::at(key, "missing")),
        Some(value) => {
            if let Err(problem) = deserialize_at::<T>(value, key) {
                problems.push(problem);
            }
        }
    }
}

fn check_list<T: DeserializeOwned>(
    root: &Map<String, Value>,
    key: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) {
    match root.get(key) {
        None if required => {
            problems.push(Problem::at(key, "missing").with_hint(format!("add \"{key}\": [ … ]")))
        }
        None => {}
        Some(Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                if problems.len() > MAX_PROBLEMS {
                    return;
                }
                if let Err(problem) = deserialize_at::<T>(item, &format!("{key}[{index}]")) {
                    problems.push(problem);
                }
            }
        }
        Some(other) => problems.push(Problem::at(
            key,
            format!("must be a list, not {}", json_kind(other)),
        )),
    }
}

fn deserialize_at<T: DeserializeOwned>(value: &Value, prefix: &str) -> Result<T, Problem> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let inner = err.path().to_string();
        let path = if inner == "." {
            prefix.to_owned()
        } else {
            format!("{prefix}.{inner}")
        };
        let (message, hint) = explain_serde_message(&err.inner().to_string());
        Problem {
            location: Location::Path(path),
            message,
            hint,
        }
    })
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
            let hint = match did_you_mean(variant, allowed.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("allowed: {}", allowed.join(", ")),
            };
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
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)",
        "a borrowed string" => "a string",
        "a sequence" => "a list",
        other if other.starts_with("struct ") => "an object",
        other => other,
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Keeps at most `MAX_PROBLEMS`, saying how many more there were.
pub(crate) fn cap_problems(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let dropped = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::file(format!(
            "…and {dropped} more problems not shown"
        )));
    }
    problems
}
