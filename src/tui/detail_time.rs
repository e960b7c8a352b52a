//! Detail's lines about time: the status known as of the date and which source gave
//! it, the status history, a candidacy's standing and its source, a dispute's
//! settlement, "named, not yet described" entities, sources listed before they count,
//! and whether the record is new or changed since the previous date.

use ratatui::text::{Line, Span};

use crate::story::RecordRef;
use crate::story::date::DateSpec;

use super::Builder;
use crate::tui::app::App;

/// "New since 12 Feb 2025" or "Changed since 12 Feb 2025" under the heading.
pub(super) fn new_mark(b: &mut Builder<'_>, app: &App, record: RecordRef) {
    let Some(since) = app.new_since.as_ref().and_then(|n| n.since) else {
        return;
    };
    let text = match app.row_mark(record) {
        Some('+') => format!("+ new since {}", since.human()),
        Some(_) => format!("* changed since {}", since.human()),
        None => return,
    };
    b.doc
        .lines
        .push(Line::from(Span::styled(text, b.theme.info())));
}

/// The event's status as known now, with where it came from, then its history when
/// it changed.
pub(super) fn event_status(b: &mut Builder<'_>, status: &str, event: usize) {
    let story = b.story;
    let history = story.status_history(event);
    let current = history.last().map(|s| s.per.clone()).unwrap_or_default();
    if history.len() > 1 {
        b.field("Status", &format!("{status} (per {current})"));
    } else {
        b.field("Status", status);
    }
    if history.len() < 2 {
        return;
    }
    b.heading("Status over time");
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
        b.text(&text);
    }
}

/// "Where it stands: selected (per …)": the last stage known and its sources.
pub(super) fn standing(b: &mut Builder<'_>, candidacy: usize) {
    let story = b.story;
    let Some(last) = story.file.candidates[candidacy].stages.last() else {
        return;
    };
    b.field(
        "Where it stands",
        &format!(
            "{} (per {})",
            last.stage.label(),
            story.cited_outlets(&last.cite)
        ),
    );
}

/// A dispute's settlement, when a counted source gives one.
pub(super) fn resolution(b: &mut Builder<'_>, dispute: usize) {
    let story = b.story;
    let Some(resolution) = &story.file.disputes[dispute].resolution else {
        return;
    };
    b.heading("Settled");
    let mut text = resolution.summary.clone();
    if let Some(date) = resolution.date {
        text.push_str(&format!(" ({})", date.human()));
    }
    b.text(&text);
    b.citations(&resolution.cite);
}

/// For an entity named but not yet described: says so, in place of its sourcing.
/// True when it was.
pub(super) fn undescribed(b: &mut Builder<'_>, entity: usize) -> bool {
    let story = b.story;
    if !story.is_undescribed(entity) {
        return false;
    }
    let day = story
        .as_of_day()
        .map_or_else(String::new, |d| DateSpec::from_day_number(d).human());
    b.blank();
    b.field(
        "Described",
        &format!(
            "not yet: a known record names it, but no source that counts by {day} describes it"
        ),
    );
    true
}

/// For a source listed before it counts (a counted source relies on it).
pub(super) fn source_counting(b: &mut Builder<'_>, source: usize) {
    let story = b.story;
    if story.source_counts(source) {
        return;
    }
    let record = &story.file.sources[source];
    let from = record.published.map_or_else(
        || "never under a date (undated)".to_owned(),
        |d| format!("from {}", DateSpec::from_day_number(d.latest()).human()),
    );
    b.field(
        "Counts",
        &format!("{from}; listed because a source that counts relies on it"),
    );
}
