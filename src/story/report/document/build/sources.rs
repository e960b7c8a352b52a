//! A source as a document: what it is, what it relies on, and the facts that rest
//! on it.

use crate::story::query::views::SourceRow;

use crate::story::RecordRef;

use super::{Doc, MAX_LISTED_FACTS, time_parts};

impl Doc<'_> {
    pub(super) fn source(&mut self, i: usize, source_rows: &[SourceRow]) {
        let story = self.story;
        let source = &story.file.sources[i];
        // The explorer already holds every source's row; recounting would walk all facts.
        let row = match source_rows.iter().find(|r| r.source == i) {
            Some(row) => row.clone(),
            None => story.source_row(i),
        };
        self.title(&source.title);
        self.field("Kind", source.kind.label());
        self.field("Outlet", &source.outlet);
        self.field("Published", &row.published);
        time_parts::source_counting(self, i);
        if let Some(url) = &source.url {
            self.field("Address", url);
        }
        if let Some(note) = &source.note {
            self.field("Note", note);
        }
        if let Some(via) = &source.via {
            self.heading("Relies on");
            let up = story.source_index(via);
            let upstream = &story.file.sources[up];
            let label = format!("{} — {}", upstream.outlet, upstream.title);
            self.link(RecordRef::Source(up), label);
        }
        let root = story.source_root(i);
        if root != i {
            let origin = story.source_name(root);
            self.field(
                "Independent origin",
                &format!("{origin} (unless a citation names another)"),
            );
        }
        self.notes(&source.authored);
        self.field("Facts citing it", &row.facts.to_string());
        self.source_facts(i);
    }

    /// The facts resting on a source alone, and the disputes it takes a side in: the
    /// way from Sources to the side-by-side versions.
    fn source_facts(&mut self, i: usize) {
        let story = self.story;
        let alone = story.facts_resting_on(i);
        self.heading(&format!("Facts resting on it alone ({})", alone.len()));
        // An upstream report can carry every fact of a big story: list the first ones.
        for &fact in alone.iter().take(MAX_LISTED_FACTS) {
            self.link(story.fact_record(fact), story.fact_title(fact));
        }
        if alone.len() > MAX_LISTED_FACTS {
            self.text(&format!("… and {} more", alone.len() - MAX_LISTED_FACTS));
        }
        let id = &story.file.sources[i].id;
        let disputes: Vec<usize> = (0..story.file.disputes.len())
            .filter(|&d| {
                story.file.disputes[d]
                    .variants
                    .iter()
                    .any(|v| v.cite.iter().any(|c| c.source == id.as_str()))
            })
            .collect();
        if !disputes.is_empty() {
            self.heading(&format!("Disputes it takes a side in ({})", disputes.len()));
            for d in disputes {
                self.link(RecordRef::Dispute(d), story.file.disputes[d].point.clone());
            }
        }
    }
}
