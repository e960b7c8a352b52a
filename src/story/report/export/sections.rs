//! The story's list views as Markdown sections: candidates, metrics (with
//! their chart tables) and disputes.

use crate::story::graph::RecordRef;
use crate::story::query::metric_rows::MetricRow;
use crate::story::report::export::Doc;
use crate::story::report::export::histories::{self, candidate_label};
use crate::story::report::markdown::sourcing_cell;
use crate::story::report::markdown::{escape, table};

impl Doc<'_> {
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
