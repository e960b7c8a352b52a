//! Lint checks on loose ends: an expectation past its date, an entity nothing refers
//! to, a metric with no period.

use std::collections::BTreeSet;

use crate::story::graph::Story;
use crate::story::lint::finding::{Finding, warning};
use crate::story::model::date::DayNumber;

/// `past-due`: an expected event whose latest possible day is before `reference_day`.
pub(crate) fn past_due(story: &Story, reference_day: DayNumber) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, event) in story.file.events.iter().enumerate() {
        if story.event_status(i).timing.is_expectation() && event.date.latest() < reference_day {
            findings.push(warning(
                "past-due",
                format!("events[{i}]"),
                format!(
                    "“{}” was expected by {} and no source confirms it",
                    event.title(),
                    event.date.human()
                ),
            ));
        }
    }
    findings
}

/// `unreferenced-entity`: an entity in no relation, event, metric, candidacy or dispute.
pub(crate) fn unreferenced_entities(story: &Story) -> Vec<Finding> {
    let mut disputed_ids: BTreeSet<&str> = BTreeSet::new();
    for dispute in &story.file.disputes {
        disputed_ids.extend(dispute.about.iter().map(String::as_str));
    }
    let mut findings = Vec::new();
    for (i, entity) in story.file.entities.iter().enumerate() {
        let links = story.links(i);
        let unused = links.relations.is_empty()
            && links.events.is_empty()
            && links.metrics.is_empty()
            && links.candidacies.is_empty()
            && !disputed_ids.contains(entity.id.as_str());
        if unused {
            findings.push(warning(
                "unreferenced-entity",
                format!("entities[{i}]"),
                format!("nothing refers to {}", entity.name),
            ));
        }
    }
    findings
}

/// `metric-without-period`: a figure that says neither when nor over what time.
pub(crate) fn metrics_without_period(story: &Story) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, metric) in story.file.metrics.iter().enumerate() {
        if metric.period.is_none() && metric.period_note.is_none() {
            findings.push(warning(
                "metric-without-period",
                format!("metrics[{i}]"),
                format!("“{}” has no period or date", metric.label),
            ));
        }
    }
    findings
}
