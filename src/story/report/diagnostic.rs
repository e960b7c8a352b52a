//! Loader problems and lint findings as one kind of diagnostic, for `check` and `lint`
//! to print as lines or, with `--format json`, as JSON for editors and CI.
//!
//! The JSON follows Ruff's `--output-format json` (an array of objects with `code`,
//! `filename`, `location: {row, column}`, `end_location`, `message`, `fix`, `url`,
//! `severity`), so tools that read Ruff's output read this; storyscope adds `path`
//! (the record path), `id` (the record's own id) and `hint` (what would fix it).

use serde::Serialize;

use crate::story::graph::{RecordRef, Story};
use crate::story::lint::{Finding, Severity};
use crate::story::load::place::Locator;
use crate::story::problem::{Location, Place, Problem};

/// One problem or finding, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnostic {
    /// Always an error for a loader problem; a lint finding keeps its own.
    pub(crate) severity: Severity,
    /// Short machine-readable name: a lint check, or the loader's class of problem.
    pub(crate) code: &'static str,
    /// The file as named on the command line, or "embedded story".
    pub(crate) file: String,
    /// A record path like `events[3].date`; empty for the file as a whole.
    pub(crate) path: String,
    /// The line and column in the file, when the file could be read as JSON.
    pub(crate) place: Option<Place>,
    /// What is wrong, in a sentence.
    pub(crate) message: String,
    /// What would fix it, when there is a suggestion.
    pub(crate) hint: Option<String>,
}

impl Diagnostic {
    /// A loader problem; `file` names the story.
    pub(crate) fn from_problem(file: &str, problem: &Problem) -> Diagnostic {
        let (path, place) = match &problem.location {
            Location::File => (String::new(), None),
            Location::LineColumn { line, column } => (
                String::new(),
                Some(Place {
                    id: None,
                    line: *line,
                    column: *column,
                }),
            ),
            Location::Path(path) => (path.clone(), problem.place.clone()),
        };
        Diagnostic {
            severity: Severity::Error,
            code: problem_code(problem),
            file: file.to_owned(),
            path,
            place,
            message: problem.message.clone(),
            hint: problem.hint.clone(),
        }
    }

    /// Lint findings of `story`, placed in `text`, the file it was loaded from. The
    /// story may be narrowed (`--as-of`), so a finding's record is found by its id.
    pub(crate) fn from_findings(
        file: &str,
        text: &str,
        story: &Story,
        findings: &[Finding],
    ) -> Vec<Diagnostic> {
        if findings.is_empty() {
            return Vec::new();
        }
        let locator = Locator::new(text);
        findings
            .iter()
            .map(|finding| {
                let place = in_file_path(story, &finding.location, &locator)
                    .and_then(|path| locator.place(&path));
                Diagnostic {
                    severity: finding.severity,
                    code: finding.check,
                    file: file.to_owned(),
                    path: finding.location.clone(),
                    place,
                    message: finding.message.clone(),
                    hint: None,
                }
            })
            .collect()
    }

    /// The Ruff-shaped JSON object.
    pub(crate) fn json(&self) -> impl Serialize + '_ {
        let location = self.place.as_ref().map(|place| RowColumn {
            row: place.line,
            column: place.column,
        });
        RuffDiagnostic {
            code: self.code,
            filename: &self.file,
            location,
            end_location: location,
            message: &self.message,
            fix: None,
            url: None,
            severity: match self.severity {
                Severity::Note => "note",
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
            path: &self.path,
            id: self.place.as_ref().and_then(|place| place.id.as_deref()),
            hint: self.hint.as_deref(),
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
struct RowColumn {
    row: usize,
    column: usize,
}

#[derive(Serialize)]
struct RuffDiagnostic<'a> {
    code: &'static str,
    filename: &'a str,
    location: Option<RowColumn>,
    /// storyscope points at where a value starts, so the range is empty.
    end_location: Option<RowColumn>,
    message: &'a str,
    fix: Option<()>,
    url: Option<&'a str>,
    severity: &'static str,
    path: &'a str,
    id: Option<&'a str>,
    hint: Option<&'a str>,
}

/// `events[3].cite[1]` in a (maybe narrowed) story → the same place in the file,
/// through the record's id.
fn in_file_path(story: &Story, path: &str, locator: &Locator<'_>) -> Option<String> {
    let Some(close) = path.find(']') else {
        return Some(path.to_owned());
    };
    let (record, rest) = path.split_at(close + 1);
    let (list, index) = record.trim_end_matches(']').split_once('[')?;
    let index: usize = index.parse().ok()?;
    let file = &story.file;
    let in_range = |len: usize| (index < len).then_some(index);
    let record = match list {
        "sources" => RecordRef::Source(in_range(file.sources.len())?),
        "entities" => RecordRef::Entity(in_range(file.entities.len())?),
        "relations" => RecordRef::Relation(in_range(file.relations.len())?),
        "events" => RecordRef::Event(in_range(file.events.len())?),
        "candidates" => RecordRef::Candidacy(in_range(file.candidates.len())?),
        "metrics" => RecordRef::Metric(in_range(file.metrics.len())?),
        "disputes" => RecordRef::Dispute(in_range(file.disputes.len())?),
        _ => return Some(path.to_owned()),
    };
    let (list, index) = locator.record_of(story.record_id(record))?;
    Some(format!("{list}[{index}]{rest}"))
}

/// The loader's class of problem, from what it says: a stable name for tools.
pub fn problem_code(problem: &Problem) -> &'static str {
    let message = problem.message.as_str();
    let path = match &problem.location {
        Location::LineColumn { .. } => return "syntax",
        Location::File if message.starts_with('…') => return "more-problems",
        Location::File => return "file",
        Location::Path(path) => path.as_str(),
    };
    const BY_MESSAGE: &[(&str, &str)] = &[
        ("unknown field", "unknown-field"),
        ("is not an allowed value", "not-allowed"),
        ("is not a valid date", "invalid-date"),
        ("is not a kind", "invalid-kind"),
        ("must not be null", "null"),
        ("missing field", "missing-field"),
        ("is given twice", "duplicate-field"),
        ("duplicate id", "duplicate-id"),
        ("empty id", "empty-id"),
        ("a dispute is about facts", "dispute-about-non-fact"),
        ("unknown ", "unknown-reference"),
        ("must not be empty", "blank"),
        ("a fact without a citation", "no-citation"),
        ("paragraphs count from 1", "paragraph-zero"),
        ("an event must involve", "event-without-entity"),
        ("a candidacy needs", "candidacy-without-stage"),
        ("a dispute needs", "one-sided-dispute"),
        ("chain loops", "via-loop"),
        ("must be a finite number", "not-finite"),
        ("must be finite numbers", "not-finite"),
        ("a metric needs a `value`", "metric-amount"),
        ("give only one of `value`", "metric-amount"),
        ("range runs from low to high", "metric-range"),
        ("ends of the range are the same", "metric-range"),
        ("words have no number", "metric-words"),
        ("the words already say", "metric-words"),
        ("is not a currency code", "currency"),
        ("not one this build reads", "format"),
        ("invalid type", "wrong-type"),
        ("must be a list", "wrong-type"),
        ("must be a JSON object", "wrong-type"),
        ("must be the number", "format"),
        ("invalid value", "out-of-range"),
        ("number out of range", "out-of-range"),
        (", not a", "wrong-record-kind"),
        ("missing", "missing-field"),
    ];
    BY_MESSAGE
        .iter()
        .find(|(words, _)| message.contains(words))
        .map_or(
            if path == "format" {
                "format"
            } else {
                "invalid"
            },
            |(_, code)| code,
        )
}
