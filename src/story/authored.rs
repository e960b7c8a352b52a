//! The story author's own contributions, marked: a record or one of its fields that
//! no source states (an inferred date, a ticker known from outside, a description)
//! carries an `authored` note with a reason. The views show each with `◇`, so it is
//! never taken for something a source said; nothing is left out because of it.

use super::graph::{RecordRef, Story};
use super::load::Problem;
use super::model::{AuthorNote, AuthorNoteKind, StoryFile};
use super::provenance::FactRef;
use super::text::did_you_mean;

/// The marker shown next to anything the author added, as `◆` marks disputes.
pub const AUTHOR_MARK: &str = "◇";

impl AuthorNoteKind {
    pub fn label(self) -> &'static str {
        match self {
            AuthorNoteKind::Inference => "author's inference",
            AuthorNoteKind::Outside => "from outside the sources",
        }
    }
}

/// "◇ author's inference (date): dated from the publication day".
pub fn note_text(note: &AuthorNote) -> String {
    match &note.field {
        Some(field) => format!(
            "{AUTHOR_MARK} {} ({field}): {}",
            note.kind.label(),
            note.reason
        ),
        None => format!("{AUTHOR_MARK} {}: {}", note.kind.label(), note.reason),
    }
}

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
    let mut check = |path: String,
                     notes: &[AuthorNote],
                     fields: &[&str],
                     lists: &dyn Fn(&str) -> Option<usize>| {
        for (n, note) in notes.iter().enumerate() {
            let at = format!("{path}.authored[{n}]");
            if note.reason.trim().is_empty() {
                problems.push(
                    Problem::at(format!("{at}.reason"), "must not be empty or only spaces")
                        .with_hint(
                            "say in a few words why, e.g. \"dated from the publication day\"",
                        ),
                );
            }
            if let Some(field) = &note.field {
                if let Some(problem) = check_field(field, fields, lists) {
                    problems
                        .push(Problem::at(format!("{at}.field"), problem.0).with_hint(problem.1));
                }
            }
        }
    };
    for (i, s) in file.sources.iter().enumerate() {
        check(format!("sources[{i}]"), &s.authored, SOURCE_FIELDS, &|_| {
            None
        });
    }
    for (i, e) in file.entities.iter().enumerate() {
        let lists = |name: &str| match name {
            "aliases" => Some(e.aliases.len()),
            "cite" => Some(e.cite.len()),
            _ => None,
        };
        check(format!("entities[{i}]"), &e.authored, ENTITY_FIELDS, &lists);
    }
    for (i, r) in file.relations.iter().enumerate() {
        let lists = |name: &str| (name == "cite").then_some(r.cite.len());
        check(
            format!("relations[{i}]"),
            &r.authored,
            RELATION_FIELDS,
            &lists,
        );
    }
    for (i, e) in file.events.iter().enumerate() {
        let lists = |name: &str| match name {
            "entities" => Some(e.entities.len()),
            "cite" => Some(e.cite.len()),
            _ => None,
        };
        check(format!("events[{i}]"), &e.authored, EVENT_FIELDS, &lists);
    }
    for (i, c) in file.candidates.iter().enumerate() {
        for (s, stage) in c.stages.iter().enumerate() {
            let lists = |name: &str| (name == "cite").then_some(stage.cite.len());
            check(
                format!("candidates[{i}].stages[{s}]"),
                &stage.authored,
                STAGE_FIELDS,
                &lists,
            );
        }
    }
    for (i, m) in file.metrics.iter().enumerate() {
        let lists = |name: &str| (name == "cite").then_some(m.cite.len());
        check(format!("metrics[{i}]"), &m.authored, METRIC_FIELDS, &lists);
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

impl Story {
    /// The author's notes on one fact (entity, relation, event, stage, figure).
    pub fn fact_notes(&self, fact: FactRef) -> &[AuthorNote] {
        let file = &self.file;
        match fact {
            FactRef::Record(record) => self.record_notes(record),
            FactRef::Stage(c, s) => &file.candidates[c].stages[s].authored,
            FactRef::Variant(..) | FactRef::StatusChange(..) | FactRef::Resolution(_) => &[],
        }
    }

    /// The author's notes on a record itself (a candidacy's are on its stages).
    pub fn record_notes(&self, record: RecordRef) -> &[AuthorNote] {
        let file = &self.file;
        match record {
            RecordRef::Source(i) => &file.sources[i].authored,
            RecordRef::Entity(i) => &file.entities[i].authored,
            RecordRef::Relation(i) => &file.relations[i].authored,
            RecordRef::Event(i) => &file.events[i].authored,
            RecordRef::Metric(i) => &file.metrics[i].authored,
            RecordRef::Candidacy(_) | RecordRef::Dispute(_) => &[],
        }
    }

    /// Every author's note in the story with where it is, in file order.
    pub fn all_notes(&self) -> Vec<(String, &AuthorNote)> {
        let mut notes = Vec::new();
        for (i, source) in self.file.sources.iter().enumerate() {
            notes.extend(source.authored.iter().map(|n| (format!("sources[{i}]"), n)));
        }
        for (fact, _) in self.facts() {
            let here = self.fact_notes(fact);
            // Paths are formatted only where there are notes: a big story has few.
            if !here.is_empty() {
                let path = super::lint::fact_path(fact);
                notes.extend(here.iter().map(|n| (path.clone(), n)));
            }
        }
        notes
    }
}

/// The notes in Markdown-ready words for a table cell: "◇ author's inference (date):
/// …; ◇ …", empty when there are none.
pub fn notes_cell(notes: &[AuthorNote]) -> String {
    notes.iter().map(note_text).collect::<Vec<_>>().join("; ")
}

/// A Markdown table cell: the sourcing label, then the author's notes after `◇`, so
/// a row says which of its parts no source states.
pub fn sourcing_cell(label: &str, notes: &[AuthorNote]) -> String {
    let label = super::markdown::escape(label);
    if notes.is_empty() {
        label
    } else {
        format!("{label} · {}", super::markdown::escape(&notes_cell(notes)))
    }
}

/// An already-escaped sourcing cell with the author's notes after it.
pub fn with_notes(sourcing: String, notes: &[AuthorNote]) -> String {
    if notes.is_empty() {
        sourcing
    } else {
        format!(
            "{sourcing} · {}",
            super::markdown::escape(&notes_cell(notes))
        )
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
