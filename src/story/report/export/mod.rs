//! View rows → Markdown. `storyscope export` and the explorer's `e` both call this, so
//! a file written from the screen matches the command line exactly.

use std::io::{self, Write};

mod histories;
mod parallel;
mod prefetch;
mod records;
mod sections;
mod sources_view;
mod timeline;

use crate::story::graph::provenance::AS_OF_RULE;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::date::DateSpec;
use crate::story::query::views::{Clock, ViewFilter};
use crate::story::report::markdown::{Footnotes, escape, escape_block, escape_into};

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
    let mut doc = Doc::new(story, options, clock, None);
    doc.write_view(view);
    doc.out
}

/// Writes a view to `sink` as it is made, in pieces of about 64 KiB: the
/// whole document is never held, so exporting a big story costs little more memory
/// than loading it. The bytes are those of [`export_markdown`].
pub fn write_markdown(
    story: &Story,
    view: ExportView,
    options: &ExportOptions,
    clock: Clock,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let mut doc = Doc::new(story, options, clock, Some(sink));
    doc.write_view(view);
    doc.spill(0);
    match doc.failed {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// How much Markdown [`write_markdown`] gathers before handing it to its sink.
const SPILL_BYTES: usize = 64 * 1024;

struct Doc<'a> {
    story: &'a Story,
    options: &'a ExportOptions,
    clock: Clock,
    /// The Markdown not yet handed to `sink` (all of it when there is no sink).
    out: String,
    sink: Option<&'a mut dyn Write>,
    /// The sink's first error; nothing more is written after it.
    failed: Option<io::Error>,
    notes: Footnotes,
    /// Heading level of sections: 2, or 3 when nested inside an entity's section.
    level: usize,
    /// How the rows of big tables are shared among threads.
    rows: parallel::RowPlan,
}

impl<'a> Doc<'a> {
    fn new(
        story: &'a Story,
        options: &'a ExportOptions,
        clock: Clock,
        sink: Option<&'a mut dyn Write>,
    ) -> Self {
        let capacity = if sink.is_some() { 2 * SPILL_BYTES } else { 0 };
        Doc {
            story,
            options,
            clock,
            out: String::with_capacity(capacity),
            sink,
            failed: None,
            notes: Footnotes::default(),
            level: 2,
            rows: parallel::RowPlan::for_this_machine(),
        }
    }

    fn write_view(&mut self, view: ExportView) {
        let story = self.story;
        self.heading();
        self.provenance_line(view);
        if let Some(end) = story.told_later() {
            self.out.push_str(&format!(
                "_The story's title and summary are written as of {}, its last source, so they are not shown as of an earlier date: they would tell what was not known yet._\n\n",
                DateSpec::from_day_number(end).human()
            ));
        }
        match view {
            ExportView::Timeline => self.timeline(),
            ExportView::Candidates => self.candidates(),
            ExportView::Metrics => self.metrics(self.options.chart),
            ExportView::Disputes => self.disputes(),
            ExportView::Sources => self.sources(),
            ExportView::Entity(entity) => self.entity(entity),
            // The record's own document, as Detail and `y` show it, footnotes included.
            ExportView::Record(record) => {
                self.out
                    .push_str(&crate::story::report::document::to_markdown(
                        &crate::story::report::document::build(story, record, self.clock, &[]),
                    ))
            }
            ExportView::Report => {
                if story.told_later().is_none() {
                    self.out
                        .push_str(&format!("{}\n\n", escape_block(&story.file.story.summary)));
                }
                self.timeline();
                self.candidates();
                self.metrics(true);
                self.disputes();
                self.entities();
                self.relations();
                self.sources();
            }
        }
        if !self.notes.is_empty() {
            self.spill(SPILL_BYTES);
            self.notes.definitions_into(&mut self.out, story);
        }
    }

    /// The export's heading: the story's title, or, under a date before the story's
    /// last source, the date itself (the title is written for the end of the story).
    fn heading(&mut self) {
        let story = self.story;
        match (story.told_later(), story.as_of_day()) {
            (Some(_), Some(day)) => self.out.push_str(&format!(
                "# The story as of {}\n\n",
                DateSpec::from_day_number(day).human()
            )),
            _ => {
                self.out.push_str("# ");
                escape_into(&mut self.out, &story.file.story.title);
                self.out.push_str("\n\n");
            }
        }
    }

    /// Hands the Markdown gathered so far to the sink once there is more than `keep`
    /// of it; without a sink everything stays in `out`.
    fn spill(&mut self, keep: usize) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        if self.out.len() <= keep {
            return;
        }
        if self.failed.is_none()
            && let Err(err) = sink.write_all(self.out.as_bytes())
        {
            self.failed = Some(err);
        }
        self.out.clear();
    }
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
        Self::push_badges(&mut badges, disputed, overdue);
        badges
    }

    fn push_badges(out: &mut String, disputed: bool, overdue: bool) {
        if disputed {
            out.push_str(" · **disputed**");
        }
        if overdue {
            out.push_str(" · **overdue**");
        }
    }
}
