//! View rows → Markdown. `storyscope export` and the explorer's `e` both call this, so
//! a file written from the screen matches the command line exactly.

mod histories;
mod records;
mod sections;
mod sources_view;

use crate::story::graph::provenance::AS_OF_RULE;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::date::DateSpec;
use crate::story::query::views::{Clock, ViewFilter};
use crate::story::report::markdown::{Footnotes, escape, escape_block};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportView {
    /// Every event in date order, with status histories under the table.
    Timeline,
    /// Each candidacy and where it stands.
    Candidates,
    /// The cited metrics, optionally with chart tables.
    Metrics,
    /// Each dispute with its versions and how it was settled.
    Disputes,
    /// Every source: what it relies on and how many facts rest on it.
    Sources,
    /// One entity and everything linked to it (arena index).
    Entity(usize),
    /// One record of any kind, as the explorer's Detail pane shows it.
    Record(RecordRef),
    /// Every view in one document.
    Report,
}

impl ExportView {
    /// The view's name as `export` takes it and the provenance line shows it.
    pub fn name(self) -> &'static str {
        match self {
            ExportView::Timeline => "timeline",
            ExportView::Candidates => "candidates",
            ExportView::Metrics => "metrics",
            ExportView::Disputes => "disputes",
            ExportView::Sources => "sources",
            ExportView::Entity(_) => "entity",
            ExportView::Record(_) => "record",
            ExportView::Report => "report",
        }
    }
}

/// Everything besides the view that shapes the output, recorded in its provenance line.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Only rows involving this entity (`--filter`, the explorer's `f`).
    pub filter: ViewFilter,
    /// The date the story was narrowed to, for the provenance line.
    pub as_of: Option<DateSpec>,
    /// The record selected on screen, if exported from the explorer.
    pub selected: Option<String>,
    /// Include the chart data tables with the metrics.
    pub chart: bool,
    /// Mark what is new or changed since an earlier date (the explorer's step).
    pub new_since: Option<crate::story::time::diff::NewMarks>,
}

/// Renders a view of a story (already narrowed to its as-of date) as Markdown.
pub fn export_markdown(
    story: &Story,
    view: ExportView,
    options: &ExportOptions,
    clock: Clock,
) -> String {
    let mut doc = Doc {
        story,
        options,
        clock,
        out: String::new(),
        notes: Footnotes::default(),
        level: 2,
    };
    doc.out
        .push_str(&format!("# {}\n\n", escape(&story.file.story.title)));
    doc.provenance_line(view);
    match view {
        ExportView::Timeline => doc.timeline(),
        ExportView::Candidates => doc.candidates(),
        ExportView::Metrics => doc.metrics(options.chart),
        ExportView::Disputes => doc.disputes(),
        ExportView::Sources => doc.sources(),
        ExportView::Entity(entity) => doc.entity(entity),
        // The record's own document, as Detail and `y` show it, footnotes included.
        ExportView::Record(record) => {
            doc.out
                .push_str(&crate::story::report::document::to_markdown(
                    &crate::story::report::document::build(story, record, clock, &[]),
                ))
        }
        ExportView::Report => {
            doc.out
                .push_str(&format!("{}\n\n", escape_block(&story.file.story.summary)));
            doc.timeline();
            doc.candidates();
            doc.metrics(true);
            doc.disputes();
            doc.entities();
            doc.relations();
            doc.sources();
        }
    }
    if !doc.notes.is_empty() {
        doc.out.push_str(&doc.notes.definitions(story));
    }
    doc.out
}

struct Doc<'a> {
    story: &'a Story,
    options: &'a ExportOptions,
    clock: Clock,
    out: String,
    notes: Footnotes,
    /// Heading level of sections: 2, or 3 when nested inside an entity's section.
    level: usize,
}

impl Doc<'_> {
    fn provenance_line(&mut self, view: ExportView) {
        let story = self.story;
        let mut parts = vec![format!("View: {}", view.name())];
        if let ExportView::Entity(entity) = view {
            parts.push(format!(
                "entity {}",
                escape(&story.file.entities[entity].name)
            ));
        }
        if let ExportView::Record(record) = view {
            parts.push(format!(
                "{} {}",
                record.kind_label(),
                escape(story.record_id(record))
            ));
        }
        if let Some(entity) = self.options.filter.entity {
            parts.push(format!(
                "filtered to {}",
                escape(&story.file.entities[entity].name)
            ));
        }
        match self.options.as_of {
            Some(date) => parts.push(format!("as of {} ({AS_OF_RULE})", date.human())),
            None => parts.push("all sources".to_owned()),
        }
        parts.extend(histories::marks_note(self.options.new_since.as_ref()));
        if let Some(selected) = &self.options.selected {
            parts.push(format!("selected: {}", escape(selected)));
        }
        parts.push(format!("story: {}", escape(&story.origin)));
        self.out.push_str(&format!("_{}_\n\n", parts.join(" · ")));
    }

    /// " · **new**" / " · **changed**" when the export carries marks.
    fn mark(&self, record: RecordRef) -> &'static str {
        histories::mark(self.options.new_since.as_ref(), record)
    }

    fn section(&mut self, title: &str) {
        self.out
            .push_str(&format!("{} {title}\n\n", "#".repeat(self.level)));
    }

    /// A heading one level below the current sections.
    fn subsection(&mut self, title: &str) {
        self.out
            .push_str(&format!("{} {title}\n\n", "#".repeat(self.level + 1)));
    }

    fn badges(disputed: bool, overdue: bool) -> String {
        let mut badges = String::new();
        if disputed {
            badges.push_str(" · **disputed**");
        }
        if overdue {
            badges.push_str(" · **overdue**");
        }
        badges
    }
}
