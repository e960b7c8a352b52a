//! The lint check `drafted`: records `storyscope draft` wrote that no person has checked
//! yet (they still carry an `authored` note of kind `drafted`). One finding per record,
//! grouped by list, so a fresh draft reads as "40 drafted entities not yet reviewed"
//! rather than 40 lines; deleting the note is how a person marks a record checked.

use super::finding::{Finding, Severity, debug_checked};
use crate::story::graph::Story;
use crate::story::model::{AuthorNote, AuthorNoteKind};

/// Whether any of `notes` says the record was drafted and not yet checked.
fn is_drafted(notes: &[AuthorNote]) -> bool {
    notes
        .iter()
        .any(|note| note.kind == AuthorNoteKind::Drafted)
}

/// The rule named by the record-wide drafted note (the first one when there are several).
fn rule_of(notes: &[AuthorNote]) -> &str {
    notes
        .iter()
        .find(|note| note.kind == AuthorNoteKind::Drafted && note.field.is_none())
        .or_else(|| {
            notes
                .iter()
                .find(|note| note.kind == AuthorNoteKind::Drafted)
        })
        .map_or("", |note| note.reason.as_str())
}

fn finding(list: &str, index: usize, what: &str, notes: &[AuthorNote]) -> Finding {
    Finding {
        severity: debug_checked("drafted", Severity::Warning),
        check: "drafted",
        location: format!("{list}[{index}]"),
        message: format!("drafted {what}, not yet reviewed ({})", rule_of(notes)),
        group: Some(list.to_owned()),
    }
}

/// `drafted`: every record (or candidacy stage) still marked as drafted, list by list.
pub(crate) fn drafted_records(story: &Story) -> Vec<Finding> {
    let file = &story.file;
    let mut findings = Vec::new();
    for (i, source) in file.sources.iter().enumerate() {
        if is_drafted(&source.authored) {
            let what = format!("source “{}”", source.title);
            findings.push(finding("sources", i, &what, &source.authored));
        }
    }
    for (i, entity) in file.entities.iter().enumerate() {
        if is_drafted(&entity.authored) {
            let what = format!("entity “{}”", entity.name);
            findings.push(finding("entities", i, &what, &entity.authored));
        }
    }
    for (i, relation) in file.relations.iter().enumerate() {
        if is_drafted(&relation.authored) {
            let what = format!("relation {} → {}", relation.from, relation.to);
            findings.push(finding("relations", i, &what, &relation.authored));
        }
    }
    for (i, event) in file.events.iter().enumerate() {
        if is_drafted(&event.authored) {
            let what = format!("event “{}”", event.title());
            findings.push(finding("events", i, &what, &event.authored));
        }
    }
    for (i, candidacy) in file.candidates.iter().enumerate() {
        if let Some(stage) = candidacy.stages.iter().find(|s| is_drafted(&s.authored)) {
            let what = format!("candidacy {} for {}", candidacy.candidate, candidacy.seeker);
            findings.push(finding("candidates", i, &what, &stage.authored));
        }
    }
    for (i, metric) in file.metrics.iter().enumerate() {
        if is_drafted(&metric.authored) {
            let what = format!("metric “{}”", metric.label);
            findings.push(finding("metrics", i, &what, &metric.authored));
        }
    }
    findings
}
