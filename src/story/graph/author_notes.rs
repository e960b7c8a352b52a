//! The loader's check of the story author's `authored` notes: each names a field its
//! record has (with an index inside a list) and gives a reason.

use crate::story::model::{AuthorNote, StoryFile};
use crate::story::problem::Problem;
use crate::story::safe_text::did_you_mean;

/// The fields an `authored` note may name, for each kind of record.
const SOURCE_FIELDS: &[&str] = &["kind", "outlet", "title", "published", "url", "via", "note"];
const ENTITY_FIELDS: &[&str] = &["kind", "name", "aliases", "summary", "cite"];
const RELATION_FIELDS: &[&str] = &["kind", "from", "to", "summary", "date", "status", "cite"];
const EVENT_FIELDS: &[&str] = &[
    "title",
    "date",
    "summary",
    "entities",
    "status",
    "condition",
    "cite",
];
const STAGE_FIELDS: &[&str] = &["stage", "date", "reason", "cite"];
const METRIC_FIELDS: &[&str] = &[
    "subject",
    "label",
    "value",
    "unit",
    "bound",
    "direction",
    "period",
    "period_note",
    "basis",
    "stated_by",
    "group",
    "cite",
];

/// Checks every `authored` note: a known field (with an index inside its list), and
/// a reason.
pub(crate) fn check_notes(file: &StoryFile, problems: &mut Vec<Problem>) {
    let mut check = NoteCheck { problems };
    for (i, s) in file.sources.iter().enumerate() {
        check.record(
            || format!("sources[{i}]"),
            &s.authored,
            SOURCE_FIELDS,
            |_| None,
        );
    }
    for (i, e) in file.entities.iter().enumerate() {
        let lists = |name: &str| match name {
            "aliases" => Some(e.aliases.len()),
            "cite" => Some(e.cite.len()),
            _ => None,
        };
        check.record(
            || format!("entities[{i}]"),
            &e.authored,
            ENTITY_FIELDS,
            lists,
        );
    }
    for (i, r) in file.relations.iter().enumerate() {
        let lists = |name: &str| (name == "cite").then_some(r.cite.len());
        check.record(
            || format!("relations[{i}]"),
            &r.authored,
            RELATION_FIELDS,
            lists,
        );
    }
    check_dated_notes(file, &mut check);
}

/// The notes of events, candidacy stages and metrics.
fn check_dated_notes(file: &StoryFile, check: &mut NoteCheck<'_>) {
    for (i, e) in file.events.iter().enumerate() {
        let lists = |name: &str| match name {
            "entities" => Some(e.entities.len()),
            "cite" => Some(e.cite.len()),
            _ => None,
        };
        check.record(|| format!("events[{i}]"), &e.authored, EVENT_FIELDS, lists);
    }
    for (i, c) in file.candidates.iter().enumerate() {
        for (s, stage) in c.stages.iter().enumerate() {
            let lists = |name: &str| (name == "cite").then_some(stage.cite.len());
            let path = || format!("candidates[{i}].stages[{s}]");
            check.record(path, &stage.authored, STAGE_FIELDS, lists);
        }
    }
    for (i, m) in file.metrics.iter().enumerate() {
        let lists = |name: &str| (name == "cite").then_some(m.cite.len());
        check.record(
            || format!("metrics[{i}]"),
            &m.authored,
            METRIC_FIELDS,
            lists,
        );
    }
}

/// Where the problems of the notes go.
struct NoteCheck<'p> {
    problems: &'p mut Vec<Problem>,
}

impl NoteCheck<'_> {
    /// The notes of one record. Its path is only written out when it has notes: most
    /// records have none, and a path per record was a twentieth of loading a large
    /// story.
    fn record(
        &mut self,
        path: impl FnOnce() -> String,
        notes: &[AuthorNote],
        fields: &[&str],
        lists: impl Fn(&str) -> Option<usize>,
    ) {
        if !notes.is_empty() {
            check_record_notes(&path(), notes, fields, &lists, self.problems);
        }
    }
}

/// Checks the notes of the record at `path`: each has a reason, and names one of
/// `fields` (`lists` says how long each list field is, for indexes inside it).
fn check_record_notes(
    path: &str,
    notes: &[AuthorNote],
    fields: &[&str],
    lists: &dyn Fn(&str) -> Option<usize>,
    problems: &mut Vec<Problem>,
) {
    for (n, note) in notes.iter().enumerate() {
        let at = format!("{path}.authored[{n}]");
        if note.reason.trim().is_empty() {
            problems.push(
                Problem::at(format!("{at}.reason"), "must not be empty or only spaces")
                    .with_hint("say in a few words why, e.g. \"dated from the publication day\""),
            );
        }
        if let Some(field) = &note.field {
            if let Some(problem) = check_field(field, fields, lists) {
                problems.push(Problem::at(format!("{at}.field"), problem.0).with_hint(problem.1));
            }
        }
    }
}

/// Whether `field` ("date", "aliases[1]", "cite[0].via") names something in a record
/// with these fields; a message and a hint when not.
fn check_field(
    field: &str,
    fields: &[&str],
    lists: &dyn Fn(&str) -> Option<usize>,
) -> Option<(String, String)> {
    let head = field.split('.').next().unwrap_or(field);
    let (name, index) = match head.split_once('[') {
        Some((name, rest)) => (name, Some(rest.trim_end_matches(']'))),
        None => (head, None),
    };
    if !fields.contains(&name) {
        let hint = match did_you_mean(name, fields.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("one of: {}", fields.join(", ")),
        };
        return Some((format!("`{name}` is not a field of this record"), hint));
    }
    let index = index?;
    let Some(len) = lists(name) else {
        return Some((
            format!("`{name}` is not a list"),
            format!("write `{name}` without an index"),
        ));
    };
    match index.parse::<usize>() {
        Ok(i) if i < len => None,
        _ => Some((
            format!("`{name}` has no item [{index}]"),
            format!("it has {len}, counted from 0"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_checked_with_their_indexes() {
        let lists = |name: &str| (name == "aliases").then_some(2);
        assert!(check_field("aliases[1]", ENTITY_FIELDS, &lists).is_none());
        assert!(check_field("summary", ENTITY_FIELDS, &lists).is_none());
        let (message, _) = check_field("aliases[2]", ENTITY_FIELDS, &lists).unwrap();
        assert!(message.contains("no item [2]"), "{message}");
        let (message, hint) = check_field("sumary", ENTITY_FIELDS, &lists).unwrap();
        assert!(message.contains("`sumary`"), "{message}");
        assert!(hint.contains("`summary`"), "{hint}");
        let (message, _) = check_field("summary[0]", ENTITY_FIELDS, &lists).unwrap();
        assert!(message.contains("not a list"), "{message}");
    }
}
