//! The cited metrics' rows: each metric's amount read aloud, its subject, period and
//! basis, and how well it is sourced, as the pane, the chart and the exports show it.

use crate::story::graph::provenance::Provenance;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::amount::metric_value_text;

/// One cited metric, its amount read aloud.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    /// The metric's arena index in `StoryFile::metrics`.
    pub metric: usize,
    /// What is measured.
    pub label: String,
    /// The amount with its bound, sign, currency, scale and unit: "over 300,000
    /// enterprises", "up to +3%".
    pub value: String,
    /// Name of the entity the metric is about.
    pub subject: String,
    /// The period as shown, with its note in brackets; "—" when neither is given.
    pub period: String,
    /// What the value is measured against, as a reader sees it: "year on year".
    pub basis: String,
    /// Name of whoever stated the metric, if the story says.
    pub stated_by: Option<String>,
    /// The chart group it is compared within, if any.
    pub group: Option<String>,
    /// A dispute is about this metric.
    pub disputed: bool,
    /// How well the metric's citations source it.
    pub provenance: Provenance,
}

impl Story {
    /// The rows of the metrics at these arena indexes, in their order.
    pub(crate) fn metric_rows_of(&self, indexes: &[usize]) -> Vec<MetricRow> {
        indexes.iter().map(|&i| self.metric_row(i)).collect()
    }

    /// The row of the metric at arena index `index`.
    pub(crate) fn metric_row(&self, index: usize) -> MetricRow {
        let metric = &self.file.metrics[index];
        let period = match (&metric.period, &metric.period_note) {
            (Some(date), Some(note)) => format!("{} ({note})", date.human()),
            (Some(date), None) => date.human(),
            (None, Some(note)) => note.clone(),
            (None, None) => "—".to_owned(),
        };
        MetricRow {
            metric: index,
            label: metric.label.clone(),
            value: metric_value_text(metric),
            subject: self.entity_label(&metric.subject),
            period,
            basis: metric.basis.label().to_owned(),
            stated_by: metric.stated_by.as_ref().map(|id| self.entity_label(id)),
            group: metric.group.clone(),
            disputed: self.is_disputed(RecordRef::Metric(index)),
            provenance: self.provenance(&metric.cite),
        }
    }
}
