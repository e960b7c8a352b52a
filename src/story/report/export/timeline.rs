//! The timeline table as Markdown, a row at a time, each cell written straight from the
//! event: what every row shares (entity labels, source names, which sources are
//! articles) is escaped once per story, not once per row.

use crate::story::graph::RecordRef;
use crate::story::graph::Story;
use crate::story::graph::event_entities::EventEntities;
use crate::story::graph::origin::NAMED_ORIGINS;
use crate::story::graph::status_history::status_text_into;
use crate::story::model::{Citation, Id, KnownSource};
use crate::story::query::views::Clock;
use crate::story::report::export::{Doc, histories, prefetch};
use crate::story::report::markdown::{
    Cited, NumberingInTurn, RefNumbers, author_notes_into, cell, escape, escape_into,
    joins_cleanly, table_head,
};

const TIMELINE_HEADER: &[&str] = &[
    "When",
    "Event",
    "What happened",
    "Status",
    "Involved",
    "Sourcing",
    "Sources",
];

/// Story text escaped once, and whether it can be joined to others without escaping
/// the joined text again (`joins_cleanly`).
struct Escaped {
    text: String,
    joins: bool,
}

impl Escaped {
    fn of(text: &str) -> Escaped {
        Escaped {
            text: escape(text),
            joins: joins_cleanly(text),
        }
    }
}

/// What the rows of one story's timeline share, worked out once.
pub(super) struct TimelineCells<'s> {
    story: &'s Story,
    /// Each event's entities as indexes, made here (once per story) before any row.
    event_entities: &'s EventEntities,
    /// Each entity's label as the Involved cell shows it ("(not yet described)" after
    /// one kept only by name), escaped.
    entity_labels: Vec<Escaped>,
    /// Each source's name as sourcing labels give it, escaped.
    source_names: Vec<Escaped>,
    /// Each source is an article (labels then say "articles", not "sources").
    articles: Vec<bool>,
}

impl<'s> TimelineCells<'s> {
    pub(super) fn new(story: &'s Story) -> Self {
        let file = &story.file;
        let entity_labels = (file.entities.iter())
            .map(|entity| Escaped::of(&story.entity_label(&entity.id)))
            .collect();
        let source_names = (0..file.sources.len())
            .map(|source| Escaped::of(story.source_name(source)))
            .collect();
        let articles = (file.sources.iter())
            .map(|source| source.kind.known() == Some(KnownSource::Article))
            .collect();
        TimelineCells {
            story,
            event_entities: story.event_entities(),
            entity_labels,
            source_names,
            articles,
        }
    }

    /// One row of the table, for the event at arena index `index`, its footnotes'
    /// numbers (`refs`) found already.
    pub(super) fn row_into(
        &self,
        out: &mut String,
        refs: (&RefNumbers, usize),
        index: usize,
        clock: Clock,
        mark: &str,
    ) {
        let story = self.story;
        let event = &story.file.events[index];
        let status = story.event_status(index);
        let expected = status.timing.is_expectation();
        out.push('|');
        cell(out, |out| {
            with_scratch(|date| {
                event.date.human_into(date);
                if expected {
                    date.push_str(" · expected");
                }
                escape_into(out, date);
            });
        });
        cell(out, |out| {
            out.push_str("**");
            escape_into(out, event.title());
            out.push_str("**");
        });
        cell(out, |out| escape_into(out, event.summary()));
        cell(out, |out| {
            with_scratch(|text| {
                status_text_into(text, status, event.condition());
                escape_into(out, text);
            });
            let overdue = expected && event.date.latest() < clock.reference_day;
            Doc::push_badges(out, story.is_disputed(RecordRef::Event(index)), overdue);
            out.push_str(mark);
        });
        cell(out, |out| self.entities_into(out, index, &event.entities));
        cell(out, |out| {
            self.sourcing_into(out, &event.cite);
            author_notes_into(out, &event.authored);
        });
        cell(out, |out| refs.0.write_refs(out, refs.1));
        out.push('\n');
    }

    /// The Involved cell: what `escape(labels.join(", "))` writes, from the labels
    /// escaped once and the event's entity indexes (found once for the story).
    fn entities_into(&self, out: &mut String, event: usize, ids: &[Id]) {
        let found = self.event_entities.of_event(event);
        let label = |&at: &u32| Some(self.entity_labels.get(at as usize)?).filter(|l| l.joins);
        if found.len() == ids.len() && found.iter().all(|at| label(at).is_some()) {
            for (n, label) in found.iter().filter_map(label).enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                out.push_str(&label.text);
            }
        } else {
            // A label that does not join cleanly (or an entity not found): escaped
            // whole, as before.
            let labels: Vec<String> = ids.iter().map(|id| self.story.entity_label(id)).collect();
            escape_into(out, &labels.join(", "));
        }
    }

    /// The sourcing label, escaped: what `escape(&story.provenance(cite).label())`
    /// writes, from the source names escaped once and with no allocation for a fact of
    /// a few citations.
    fn sourcing_into(&self, out: &mut String, cite: &[Citation]) {
        let story = self.story;
        let (mut sources, mut origins, mut names) = (Few::new(), Few::new(), Few::new());
        // The story's own citations: the indexes `build` recorded are read as they are.
        for citation in cite {
            sources.push_distinct(story.own_cited_source(citation));
            origins.push_distinct(story.own_citation_origin(citation));
        }
        for &origin in origins.items() {
            let name = story.source_name(origin);
            if !names
                .items()
                .iter()
                .any(|&known| story.source_name(known) == name)
            {
                names.push_distinct(origin);
            }
        }
        let names = names.items();
        let shown = &names[..names.len().min(NAMED_ORIGINS)];
        if cite.len() > FEW
            || names.is_empty()
            || shown.iter().any(|&s| !self.source_names[s].joins)
        {
            escape_into(out, &story.provenance(cite).label());
            return;
        }
        let (one, many) = if sources.items().iter().all(|&s| self.articles[s]) {
            ("article", "articles")
        } else {
            ("source", "sources")
        };
        push_count(out, sources.items().len(), one, many);
        out.push_str(" · ");
        let origins = origins.items().len();
        push_count(out, origins, "independent origin", "independent origins");
        out.push_str(" (");
        for (n, &source) in shown.iter().enumerate() {
            if n > 0 {
                out.push_str("; ");
            }
            out.push_str(&self.source_names[source].text);
        }
        if names.len() > shown.len() {
            use std::fmt::Write as _;
            let _ = write!(out, "; {} more", names.len() - shown.len());
        }
        out.push(')');
    }
}

thread_local! {
    /// A cell's words before they are escaped, kept from row to row by each thread that
    /// writes rows (one allocation per thread, not two per row).
    static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Runs `write` on this thread's scratch text, emptied first.
fn with_scratch(write: impl FnOnce(&mut String)) {
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.clear();
        write(scratch);
    });
}

/// Citations of one fact that `Few` holds without allocating; a fact with more is
/// labelled the general way.
const FEW: usize = 8;

/// Up to `FEW` distinct source indexes, in order of first push; the rest are dropped
/// (the caller then takes the general path).
struct Few {
    items: [usize; FEW],
    len: usize,
}

impl Few {
    fn new() -> Few {
        Few {
            items: [0; FEW],
            len: 0,
        }
    }

    fn push_distinct(&mut self, item: usize) {
        if self.len < FEW && !self.items().contains(&item) {
            self.items[self.len] = item;
            self.len += 1;
        }
    }

    fn items(&self) -> &[usize] {
        &self.items[..self.len]
    }
}

/// "1 article", "3 articles".
fn push_count(out: &mut String, n: usize, one: &str, many: &str) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n} {}", if n == 1 { one } else { many });
}

impl Doc<'_> {
    /// The timeline table, its rows formatted on several threads (`write_rows`), then
    /// the status histories.
    pub(super) fn timeline(&mut self) {
        self.section("Timeline");
        let story = self.story;
        let events = story.timeline_events(self.options.filter);
        if events.is_empty() {
            self.out.push_str("_None._\n\n");
        } else {
            table_head(&mut self.out, TIMELINE_HEADER);
            // Footnotes are numbered by first use: each chunk of rows, in order, just
            // before its rows may be made, so threads only read the numbers (and find
            // the citations still in cache). The events are the story's own: the source
            // indexes `build` recorded in them are sure.
            let mut notes = std::mem::take(&mut self.notes);
            let mut in_turn = NumberingInTurn::default();
            let cite_of = |&index: &usize| &story.file.events[index].cite[..];
            let source_of = |citation: &Citation| Some(story.own_cited_source(citation));
            let citations_ahead = |upcoming: &[usize]| prefetch::citations_ahead(story, upcoming);
            let mut number_chunk = |chunk: &[usize]| {
                let cited = Cited {
                    items: chunk,
                    cite_of: &cite_of,
                    source_of: &source_of,
                    ahead: &citations_ahead,
                };
                in_turn.number(&mut notes, &cited)
            };
            let cells = TimelineCells::new(story);
            let (clock, marks) = (self.clock, self.options.new_since.as_ref());
            let row = |out: &mut String, refs: &RefNumbers, place: usize, &index: &usize| {
                let mark = histories::mark(marks, RecordRef::Event(index));
                cells.row_into(out, (refs, place), index, clock, mark);
            };
            let rows_ahead = |upcoming: &[usize]| prefetch::timeline_rows_ahead(story, upcoming);
            self.write_rows(&events, &mut number_chunk, &row, &rows_ahead);
            self.notes = notes;
            self.out.push('\n');
        }
        self.status_histories(&events);
    }
}

#[cfg(test)]
mod tests;
