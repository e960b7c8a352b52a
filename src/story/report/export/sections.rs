//! The story's list views as Markdown sections: timeline, candidates, metrics (with
//! their chart tables) and disputes.

use crate::story::graph::RecordRef;
use crate::story::query::views::MetricRow;
use crate::story::query::views::TimelineRow;
use crate::story::report::export::Doc;
use crate::story::report::export::SPILL_BYTES;
use crate::story::report::export::histories::{self, candidate_label};
use crate::story::report::markdown::{cell, escape_into, table_head};
use crate::story::report::markdown::{escape, table};
use crate::story::report::markdown::{sourcing_cell, sourcing_cell_into};

const TIMELINE_HEADER: &[&str] = &[
    "When",
    "Event",
    "What happened",
    "Status",
    "Involved",
    "Sourcing",
    "Sources",
];

impl Doc<'_> {
    /// The timeline table, a row at a time, then the status histories.
    pub(super) fn timeline(&mut self) {
        self.section("Timeline");
        let story = self.story;
        let events = story.timeline_events(self.options.filter);
        if events.is_empty() {
            self.out.push_str("_None._\n\n");
        } else {
            table_head(&mut self.out, TIMELINE_HEADER);
            for &index in &events {
                self.timeline_table_row(&story.timeline_row(index, self.clock));
                self.spill(SPILL_BYTES);
            }
            self.out.push('\n');
        }
        self.status_histories(&events);
    }

    fn timeline_table_row(&mut self, row: &TimelineRow) {
        let event = &self.story.file.events[row.event];
        let mark = self.mark(RecordRef::Event(row.event));
        let (out, notes) = (&mut self.out, &mut self.notes);
        out.push('|');
        cell(out, |out| escape_into(out, &row.date));
        cell(out, |out| {
            out.push_str("**");
            escape_into(out, &row.title);
            out.push_str("**");
        });
        cell(out, |out| escape_into(out, &event.summary));
        cell(out, |out| {
            escape_into(out, &row.status);
            Self::push_badges(out, row.disputed, row.overdue);
            out.push_str(mark);
        });
        cell(out, |out| escape_into(out, &row.entities.join(", ")));
        cell(out, |out| {
            sourcing_cell_into(out, &row.provenance.label(), &event.authored)
        });
        cell(out, |out| notes.refs_into(out, &event.cite));
        out.push('\n');
    }

    pub(super) fn candidates(&mut self) {
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

    pub(super) fn metric_cells(&mut self, row: &MetricRow) -> Vec<String> {
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

    pub(super) fn metrics(&mut self, chart: bool) {
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

    pub(super) fn disputes(&mut self) {
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

    pub(super) fn dispute_list(&mut self, disputes: Vec<crate::story::query::views::DisputeRow>) {
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
            histories::resolution(self.story, row.dispute, &mut self.notes, &mut self.out);
        }
    }
}
