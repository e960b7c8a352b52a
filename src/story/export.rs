//! View rows → Markdown. `storyscope export` and the explorer's `e` both call this, so
//! a file written from the screen matches the command line exactly.

use super::authored::{sourcing_cell, with_notes};
use super::date::DateSpec;
use super::export_time::{self, candidate_label};
use super::graph::{RecordRef, Story};
use super::markdown::{Footnotes, escape, escape_block, table};
use super::provenance::AS_OF_RULE;
use super::views::{Clock, MetricRow, ViewFilter};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportView {
    Timeline,
    Candidates,
    Metrics,
    Disputes,
    Sources,
    /// One entity and everything linked to it (arena index).
    Entity(usize),
    /// One record of any kind, as the explorer's Detail pane shows it.
    Record(RecordRef),
    /// Every view in one document.
    Report,
}

impl ExportView {
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
    pub filter: ViewFilter,
    pub as_of: Option<DateSpec>,
    /// The record selected on screen, if exported from the explorer.
    pub selected: Option<String>,
    /// Include the chart data tables with the metrics.
    pub chart: bool,
    /// Mark what is new or changed since an earlier date (the explorer's step).
    pub new_since: Option<super::diff::NewMarks>,
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
                .push_str(&super::document::to_markdown(&super::document::build(
                    story,
                    record,
                    clock,
                    &[],
                )))
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

const ENTITY_HEADER: &[&str] = &[
    "Name",
    "Kind",
    "Also called",
    "Described as",
    "Sourcing",
    "Sources",
];

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
        parts.extend(export_time::marks_note(self.options.new_since.as_ref()));
        if let Some(selected) = &self.options.selected {
            parts.push(format!("selected: {}", escape(selected)));
        }
        parts.push(format!("story: {}", escape(&story.origin)));
        self.out.push_str(&format!("_{}_\n\n", parts.join(" · ")));
    }

    /// " · **new**" / " · **changed**" when the export carries marks.
    fn mark(&self, record: RecordRef) -> &'static str {
        export_time::mark(self.options.new_since.as_ref(), record)
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

    fn timeline(&mut self) {
        self.section("Timeline");
        let story = self.story;
        let rows: Vec<Vec<String>> = story
            .timeline_rows(self.options.filter, self.clock)
            .into_iter()
            .map(|row| {
                let event = &story.file.events[row.event];
                vec![
                    escape(&row.date),
                    format!("**{}**", escape(&row.title)),
                    escape(&event.summary),
                    format!(
                        "{}{}{}",
                        escape(&row.status),
                        Self::badges(row.disputed, row.overdue),
                        self.mark(RecordRef::Event(row.event))
                    ),
                    escape(&row.entities.join(", ")),
                    sourcing_cell(&row.provenance.label(), &event.authored),
                    self.notes.refs(&event.cite),
                ]
            })
            .collect();
        table(
            &mut self.out,
            &[
                "When",
                "Event",
                "What happened",
                "Status",
                "Involved",
                "Sourcing",
                "Sources",
            ],
            &rows,
        );
        let events = story.timeline_events(self.options.filter);
        let heading = "#".repeat(self.level + 1);
        export_time::status_histories(story, &events, &mut self.notes, &heading, &mut self.out);
    }

    fn candidates(&mut self) {
        let title = escape(self.story.candidates_title());
        self.section(&title);
        let candidates = self.story.candidate_rows(self.options.filter);
        let summary: Vec<Vec<String>> = candidates
            .iter()
            .map(|row| {
                vec![
                    format!("**{}**", escape(&candidate_label(row))),
                    escape(&row.role),
                    escape(&row.seeker),
                    format!(
                        "{}{}{}",
                        row.current.label(),
                        Self::badges(row.disputed, false),
                        self.mark(RecordRef::Candidacy(row.candidacy))
                    ),
                ]
            })
            .collect();
        table(
            &mut self.out,
            &["Candidate", "For", "Chooser", "Where it stands"],
            &summary,
        );
        let mut stages: Vec<Vec<String>> = Vec::new();
        for row in &candidates {
            let records = &self.story.file.candidates[row.candidacy].stages;
            for (stage, record) in row.stages.iter().zip(records) {
                stages.push(vec![
                    escape(&candidate_label(row)),
                    escape(&row.chooser_and_role()),
                    stage.stage.label().to_owned(),
                    escape(stage.date.as_deref().unwrap_or("—")),
                    escape(stage.reason.as_deref().unwrap_or("—")),
                    sourcing_cell(&stage.provenance.label(), &record.authored),
                    self.notes.refs(&stage.cite),
                ]);
            }
        }
        self.subsection("History of stages");
        table(
            &mut self.out,
            &[
                "Candidate",
                "Chooser: role",
                "Stage",
                "When",
                "Reason given",
                "Sourcing",
                "Sources",
            ],
            &stages,
        );
    }

    fn metric_cells(&mut self, row: &MetricRow) -> Vec<String> {
        let metric = &self.story.file.metrics[row.metric];
        vec![
            escape(&row.label),
            format!(
                "**{}**{}{}",
                escape(&row.value),
                Self::badges(row.disputed, false),
                self.mark(RecordRef::Metric(row.metric))
            ),
            escape(&row.subject),
            escape(&row.period),
            escape(&row.basis),
            escape(row.stated_by.as_deref().unwrap_or("—")),
            sourcing_cell(&row.provenance.label(), &metric.authored),
            self.notes.refs(&metric.cite),
        ]
    }

    fn metrics(&mut self, chart: bool) {
        self.section("Cited metrics");
        let rows: Vec<Vec<String>> = self
            .story
            .metric_rows(self.options.filter)
            .iter()
            .map(|row| self.metric_cells(row))
            .collect();
        table(
            &mut self.out,
            &[
                "Metric",
                "Value",
                "Subject",
                "Period",
                "Basis",
                "Stated by",
                "Sourcing",
                "Sources",
            ],
            &rows,
        );
        if chart {
            for (group, rows) in self.story.metric_groups(self.options.filter) {
                self.subsection(&format!("Chart: {}", escape(&group)));
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|row| vec![escape(&row.label), escape(&row.value), escape(&row.period)])
                    .collect();
                table(&mut self.out, &["Metric", "Value", "Period"], &cells);
            }
        }
    }

    fn disputes(&mut self) {
        let (disagreements, inconsistencies): (Vec<_>, Vec<_>) = self
            .story
            .dispute_rows(self.options.filter)
            .into_iter()
            .partition(|row| self.story.is_disagreement(row.dispute));
        self.section("Where the sources disagree");
        self.dispute_list(disagreements);
        if !inconsistencies.is_empty() {
            self.section("Where a source contradicts itself");
            self.dispute_list(inconsistencies);
        }
    }

    fn dispute_list(&mut self, disputes: Vec<super::views::DisputeRow>) {
        if disputes.is_empty() {
            self.out.push_str("_None._\n\n");
        }
        for row in disputes {
            self.subsection(&escape(&row.point));
            if !row.about.is_empty() {
                self.out
                    .push_str(&format!("About: {}\n\n", escape(&row.about.join("; "))));
            }
            let cells: Vec<Vec<String>> = row
                .variants
                .iter()
                .map(|variant| {
                    vec![
                        escape(&variant.claim),
                        escape(&variant.outlets.join(", ")),
                        escape(&variant.provenance.label()),
                        self.notes.refs(&variant.cite),
                    ]
                })
                .collect();
            table(
                &mut self.out,
                &["Version", "Told by", "Sourcing", "Sources"],
                &cells,
            );
            export_time::resolution(self.story, row.dispute, &mut self.notes, &mut self.out);
        }
    }

    fn sources(&mut self) {
        self.section("Sources");
        let (summary, rows) =
            super::sources_view::sources_table(self.story, self.options.filter.entity);
        self.out.push_str(&format!("{summary}\n\n"));
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|(source, mut cells)| {
                cells[0].push_str(self.mark(RecordRef::Source(source)));
                // What the source is, known kind or the story's own (`blog`).
                let kind = self.story.file.sources[source].kind.label();
                cells.insert(1, escape(kind));
                cells
            })
            .collect();
        table(
            &mut self.out,
            &[
                "Title",
                "Kind",
                "Outlet",
                "Published",
                "Relies on",
                "Facts resting on it",
                "Facts on it alone",
                "Address",
            ],
            &rows,
        );
    }

    fn entity_rows(&mut self, entities: impl Iterator<Item = usize>) -> Vec<Vec<String>> {
        let story = self.story;
        entities
            .map(|i| {
                let entity = &story.file.entities[i];
                let (described, sourcing) = export_time::entity_cells(story, i);
                vec![
                    format!(
                        "**{}**{}",
                        escape(&entity.name),
                        self.mark(RecordRef::Entity(i))
                    ),
                    entity.kind.label().to_owned(),
                    escape(&entity.aliases.join(", ")),
                    described,
                    with_notes(sourcing, &entity.authored),
                    self.notes.refs(&entity.cite),
                ]
            })
            .collect()
    }

    fn entities(&mut self) {
        self.section("Who and what");
        let shown = super::sources_view::entities_in_view(self.story, self.options.filter.entity);
        let rows = self.entity_rows(shown.into_iter());
        table(&mut self.out, ENTITY_HEADER, &rows);
    }

    fn relation_rows(&mut self, relations: &[usize]) -> Vec<Vec<String>> {
        let story = self.story;
        relations
            .iter()
            .map(|&i| {
                let relation = &story.file.relations[i];
                let status = relation.status.map_or(String::new(), |s| {
                    format!("{} · {}", s.sourcing.label(), s.timing.label())
                });
                vec![
                    escape(story.entity_name(&relation.from)),
                    relation.kind.label().to_owned(),
                    escape(story.entity_name(&relation.to)),
                    escape(relation.summary.as_deref().unwrap_or("")),
                    format!(
                        "{}{}",
                        status,
                        Self::badges(story.is_disputed(RecordRef::Relation(i)), false)
                    ),
                    sourcing_cell(
                        &story.provenance(&relation.cite).label(),
                        &relation.authored,
                    ),
                    self.notes.refs(&relation.cite),
                ]
            })
            .collect()
    }

    fn relations(&mut self) {
        self.section("Relations");
        let shown: Vec<usize> = match self.options.filter.entity {
            Some(entity) => self.story.links(entity).relations.clone(),
            None => (0..self.story.file.relations.len()).collect(),
        };
        let rows = self.relation_rows(&shown);
        table(
            &mut self.out,
            &[
                "From", "Relation", "To", "Details", "Status", "Sourcing", "Sources",
            ],
            &rows,
        );
    }

    fn entity(&mut self, entity: usize) {
        let story = self.story;
        let record = &story.file.entities[entity];
        self.section(&format!(
            "{} ({})",
            escape(&record.name),
            record.kind.label()
        ));
        let rows = self.entity_rows(std::iter::once(entity));
        table(&mut self.out, ENTITY_HEADER, &rows);
        let focused = ExportOptions {
            filter: ViewFilter {
                entity: Some(entity),
            },
            ..self.options.clone()
        };
        let links = story.links(entity).relations.clone();
        self.subsection("Relations");
        let rows = self.relation_rows(&links);
        table(
            &mut self.out,
            &[
                "From", "Relation", "To", "Details", "Status", "Sourcing", "Sources",
            ],
            &rows,
        );
        let mut sub = Doc {
            story,
            options: &focused,
            clock: self.clock,
            out: String::new(),
            notes: std::mem::take(&mut self.notes),
            level: 3,
        };
        sub.timeline();
        sub.candidates();
        sub.metrics(false);
        sub.disputes();
        self.out.push_str(&sub.out);
        self.notes = sub.notes;
    }
}
