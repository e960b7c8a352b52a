//! Statuses that change over time: an event's later statuses (`status_changes`) and a
//! dispute's settlement (`resolution`), each cited, so the story as of a date shows the
//! status known then and Detail and exports show which source gave each one.
//!
//! A candidacy's standing already changes this way: its stages are the history and the
//! last stage known is where it stands.

use crate::story::graph::Story;
use crate::story::model::{Citation, Status, Timing};

/// One status in an event's history, for Detail and exports.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusStep {
    /// "reported · happened", "announced · expected if regulators approve".
    pub status: String,
    /// When the change happened, as shown; None for the first status and for a
    /// change the sources do not date.
    pub date: Option<String>,
    /// Why it changed, as the sources tell it; None for the first status and when
    /// they give no reason.
    pub reason: Option<String>,
    /// The citations it rests on: the event's own for the first status.
    pub cite: Vec<Citation>,
    /// "MARKETING-INTERACTIVE, 12 Feb 2025": the sources it rests on, earliest first.
    pub per: String,
}

/// The words for a status: "reported · happened", "reported · expected if …".
pub fn status_text(status: Status, condition: Option<&str>) -> String {
    let mut out = String::new();
    status_text_into(&mut out, status, condition);
    out
}

/// `status_text`, appended to `out`.
pub(crate) fn status_text_into(out: &mut String, status: Status, condition: Option<&str>) {
    out.push_str(status.sourcing.label());
    out.push_str(" · ");
    match (status.timing, condition) {
        (Timing::Conditional, Some(condition)) => {
            out.push_str("expected ");
            out.push_str(condition);
        }
        _ => out.push_str(status.timing.label()),
    }
}

impl Story {
    /// Where an event stands: its last status change, else the status first reported.
    /// In a story narrowed to a date, changes not yet known are gone, so this is the
    /// status known then.
    pub fn event_status(&self, event: usize) -> Status {
        let event = &self.file.events[event];
        event
            .status_changes
            .last()
            .map_or(event.status, |c| c.status)
    }

    /// Every status the event has had, oldest first; the last is `event_status`.
    pub fn status_history(&self, event: usize) -> Vec<StatusStep> {
        let record = &self.file.events[event];
        let condition = record.condition();
        let first = StatusStep {
            status: status_text(record.status, condition),
            date: None,
            reason: None,
            cite: record.cite.to_vec(),
            per: self.cited_outlets(&record.cite),
        };
        std::iter::once(first)
            .chain(record.status_changes.iter().map(|change| StatusStep {
                status: status_text(change.status, condition),
                date: change.date.map(|d| d.human()),
                reason: change.reason.clone(),
                cite: change.cite.clone(),
                per: self.cited_outlets(&change.cite),
            }))
            .collect()
    }

    /// "Outlet, 12 Feb 2025; Other outlet, undated": each source cited once, earliest
    /// first (undated last).
    pub fn cited_outlets(&self, cite: &[Citation]) -> String {
        let mut sources: Vec<usize> = cite.iter().map(|c| self.cited_source(c)).collect();
        sources.sort_by_key(|&s| {
            let published = self.file.sources[s].published;
            (published.is_none(), published, s)
        });
        sources.dedup();
        sources
            .iter()
            .map(|&s| {
                let source = &self.file.sources[s];
                let date = (source.published).map_or_else(|| "undated".to_owned(), |d| d.human());
                // The name tells two reports of one outlet apart; the date is added
                // unless the name already ends with it.
                let name = self.source_name(s);
                let dated = format!("{}, {date}", source.outlet.trim());
                if name == dated || name == source.outlet.trim() {
                    dated
                } else {
                    format!("{name}, {date}")
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}
