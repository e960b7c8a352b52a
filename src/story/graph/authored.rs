//! The story author's own contributions, marked: a record or one of its fields that
//! no source states (an inferred date, a ticker known from outside, a description)
//! carries an `authored` note with a reason. The views show each with `◇`, so it is
//! never taken for something a source said; nothing is left out because of it.

use crate::story::graph::provenance::FactRef;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::{AuthorNote, AuthorNoteKind};

/// The marker shown next to anything the author added, as `◆` marks disputes.
pub(crate) const AUTHOR_MARK: &str = "◇";

impl AuthorNoteKind {
    /// How the kind reads in a note: "author's inference", "from outside the sources".
    pub fn label(self) -> &'static str {
        match self {
            AuthorNoteKind::Inference => "author's inference",
            AuthorNoteKind::Outside => "from outside the sources",
        }
    }
}

/// "◇ author's inference (date): dated from the publication day".
pub(crate) fn note_text(note: &AuthorNote) -> String {
    match &note.field {
        Some(field) => format!(
            "{AUTHOR_MARK} {} ({field}): {}",
            note.kind.label(),
            note.reason
        ),
        None => format!("{AUTHOR_MARK} {}: {}", note.kind.label(), note.reason),
    }
}

impl Story {
    /// The author's notes on one fact (entity, relation, event, stage, figure).
    pub(crate) fn fact_notes(&self, fact: FactRef) -> &[AuthorNote] {
        let file = &self.file;
        match fact {
            FactRef::Record(record) => self.record_notes(record),
            FactRef::Stage(c, s) => &file.candidates[c].stages[s].authored,
            FactRef::Variant(..) | FactRef::StatusChange(..) | FactRef::Resolution(_) => &[],
        }
    }

    /// The author's notes on a record itself (a candidacy's are on its stages).
    pub(crate) fn record_notes(&self, record: RecordRef) -> &[AuthorNote] {
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
        for (fact, _) in self.each_fact() {
            let here = self.fact_notes(fact);
            // Paths are formatted only where there are notes: a big story has few.
            if !here.is_empty() {
                let path = crate::story::graph::provenance::fact_path(fact);
                notes.extend(here.iter().map(|n| (path.clone(), n)));
            }
        }
        notes
    }
}

/// The notes in Markdown-ready words for a table cell: "◇ author's inference (date):
/// …; ◇ …", empty when there are none.
pub(crate) fn notes_cell(notes: &[AuthorNote]) -> String {
    notes.iter().map(note_text).collect::<Vec<_>>().join("; ")
}
