//! A record document's parts about time: the status known as of the date and which
//! source gave it, the status history, a candidacy's standing and its source, a
//! dispute's settlement, "named, not yet described" entities, and sources listed
//! before they count.

use crate::story::model::date::DateSpec;

use super::Doc;
use crate::story::report::document::Block;

/// The event's status as known now, with where it came from, then its history when
/// it changed.
pub(super) fn event_status(doc: &mut Doc<'_>, status: &str, event: usize) {
    let story = doc.story;
    let history = story.status_history(event);
    if history.len() < 2 {
        doc.field("Status", status);
        return;
    }
    let current = history.last().map(|s| s.per.clone()).unwrap_or_default();
    doc.field("Status", &format!("{status} (per {current})"));
    doc.heading("Status over time");
    for (n, step) in history.iter().enumerate() {
        let mut text = format!("• {}", step.status);
        if let Some(date) = &step.date {
            text.push_str(&format!(", {date}"));
        }
        if n == 0 {
            text.push_str(" — as first reported");
        } else {
            text.push_str(&format!(" — per {}", step.per));
        }
        if let Some(reason) = &step.reason {
            text.push_str(&format!(": {reason}"));
        }
        doc.text(&text);
    }
}

/// "Where it stands: selected (per …)": the last stage known and its sources.
pub(super) fn standing(doc: &mut Doc<'_>, candidacy: usize) {
    let story = doc.story;
    let Some(last) = story.file.candidates[candidacy].stages.last() else {
        return;
    };
    let per = story.cited_outlets(&last.cite);
    doc.field(
        "Where it stands",
        &format!("{} (per {per})", last.stage.label()),
    );
}

/// A dispute's settlement, when a counted source gives one.
pub(super) fn resolution(doc: &mut Doc<'_>, dispute: usize) {
    let story = doc.story;
    let Some(resolution) = &story.file.disputes[dispute].resolution else {
        return;
    };
    doc.heading("Settled");
    let mut text = resolution.summary.clone();
    if let Some(date) = resolution.date {
        text.push_str(&format!(" ({})", date.human()));
    }
    doc.text(&text);
    doc.citations(&resolution.cite);
}

/// For an entity named but not yet described: says so, in place of its sourcing.
/// True when it was.
pub(super) fn undescribed(doc: &mut Doc<'_>, entity: usize) -> bool {
    let story = doc.story;
    if !story.is_undescribed(entity) {
        return false;
    }
    let day = story
        .as_of_day()
        .map_or_else(String::new, |d| DateSpec::from_day_number(d).human());
    doc.push(Block::Break);
    doc.field(
        "Described",
        &format!(
            "not yet: a known record names it, but no source that counts by {day} describes it"
        ),
    );
    true
}

/// " · not yet described" after an entity's link, when it is only named.
pub(super) fn link_marker(doc: &Doc<'_>, entity: usize) -> &'static str {
    if doc.story.is_undescribed(entity) {
        " · not yet described"
    } else {
        ""
    }
}

/// For a source listed before it counts (a counted source relies on it).
pub(super) fn source_counting(doc: &mut Doc<'_>, source: usize) {
    let story = doc.story;
    if story.source_counts(source) {
        return;
    }
    let from = story.file.sources[source].published.map_or_else(
        || "never under a date (undated)".to_owned(),
        |d| format!("from {}", DateSpec::from_day_number(d.latest()).human()),
    );
    doc.field(
        "Counts",
        &format!("{from}; listed because a source that counts relies on it"),
    );
}
