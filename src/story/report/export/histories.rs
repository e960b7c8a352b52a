//! Export pieces about time: status histories under the timeline, a dispute's
//! settlement, "named, not yet described" entities, and the new/changed marks of an
//! export made after stepping through dates.

use crate::story::graph::status_history::StatusStep;
use crate::story::graph::{RecordRef, Story};
use crate::story::report::export::{Doc, SPILL_BYTES};
use crate::story::report::markdown::{Footnotes, cell, escape, escape_into, table_head};

/// " · **new**" or " · **changed**" for a record, when the export carries marks.
pub(crate) fn mark(
    marks: Option<&crate::story::time::diff::NewMarks>,
    record: RecordRef,
) -> &'static str {
    match marks.and_then(|m| m.diff.mark(record)) {
        Some('+') => " · **new**",
        Some(_) => " · **changed**",
        None => "",
    }
}

impl Doc<'_> {
    /// The "Status over time" table for the events given that changed status, a row
    /// at a time; nothing when none did.
    pub(super) fn status_histories(&mut self, events: &[usize]) {
        let story = self.story;
        // Only an event whose status changed has a history to show: most have none,
        // and building one (its cited outlets named and dated) for each of them was an
        // eighth of `export timeline`. Which ones changed is read in file order, straight
        // through the records: asking each event in date order was a cache miss each.
        let changed: Vec<bool> = (story.file.events.iter())
            .map(|event| !event.status_changes.is_empty())
            .collect();
        if !changed.contains(&true) {
            return;
        }
        let mut started = false;
        for &e in events {
            if !changed[e] {
                continue;
            }
            let history: Vec<StatusStep> = story.status_history(e);
            if !started {
                started = true;
                self.subsection("Status over time");
                table_head(
                    &mut self.out,
                    &["Event", "Status", "When", "Per", "Why", "Sources"],
                );
            }
            let title = &story.file.events[e].title();
            for (n, step) in history.iter().enumerate() {
                self.status_step_row(title, n == 0, step);
            }
            self.spill(SPILL_BYTES);
        }
        if started {
            self.out.push('\n');
        }
    }

    /// One step of an event's status history; the first names the event.
    fn status_step_row(&mut self, title: &str, first: bool, step: &StatusStep) {
        let (out, notes) = (&mut self.out, &mut self.notes);
        out.push('|');
        cell(out, |out| {
            if first {
                out.push_str("**");
                escape_into(out, title);
                out.push_str("**");
            } else {
                out.push('″');
            }
        });
        cell(out, |out| escape_into(out, &step.status));
        cell(out, |out| {
            escape_into(out, step.date.as_deref().unwrap_or("—"))
        });
        cell(out, |out| {
            if first {
                out.push_str("as first reported");
            } else {
                escape_into(out, &step.per);
            }
        });
        cell(out, |out| {
            escape_into(out, step.reason.as_deref().unwrap_or("—"))
        });
        cell(out, |out| notes.refs_into(out, &step.cite));
        out.push('\n');
    }
}

/// "Settled: …" under a dispute's versions.
pub(crate) fn resolution(story: &Story, dispute: usize, notes: &mut Footnotes, out: &mut String) {
    if let Some(resolution) = &story.file.disputes[dispute].resolution {
        let when = resolution
            .date
            .map_or_else(String::new, |d| format!(" ({})", d.human()));
        out.push_str(&format!(
            "Settled{when}: {} {}\n\n",
            escape(&resolution.summary),
            notes.refs(&resolution.cite)
        ));
    }
}

/// The "Described as" and "Sourcing" cells of an entity: marked when it is only named.
pub(crate) fn entity_cells(story: &Story, entity: usize) -> (String, String) {
    let record = &story.file.entities[entity];
    if story.is_undescribed(entity) {
        return (
            "_named, not yet described_".to_owned(),
            "no source that counts describes it yet".to_owned(),
        );
    }
    (
        escape(record.summary.as_deref().unwrap_or("")),
        escape(&story.provenance(&record.cite).label()),
    )
}

/// A candidate's name, marked when it is named but not yet described.
pub(crate) fn candidate_label(row: &crate::story::query::views::CandidateRow) -> String {
    if row.undescribed {
        format!("{} (not yet described)", row.name)
    } else {
        row.name.clone()
    }
}

/// The provenance line's note on marks: "marked new or changed since 12 Feb 2025".
pub(crate) fn marks_note(marks: Option<&crate::story::time::diff::NewMarks>) -> Option<String> {
    marks.map(|m| format!("marked new or changed since {}", m.since.human()))
}
