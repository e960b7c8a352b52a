//! The lint check `status-no-history`: an event whose status says something changed
//! (called off, denied) with no `status_changes` saying when, while its sources were
//! published on different days — so the story as of the earlier day shows the later
//! status before anyone knew it.

use super::finding::{Finding, warning};
use crate::story::graph::Story;
use crate::story::model::{Sourcing, Status, Timing};

/// True for a status that is the end of a change: an event called off, a report
/// denied. Such a status is rarely the first thing said about an event.
fn is_changed_status(status: Status) -> bool {
    status.timing == Timing::Cancelled || status.sourcing == Sourcing::Denied
}

/// One warning per event with a changed status, no history, and citing sources that
/// count from different days. When every source counts from the same day the status
/// was known from the start, and as-of shows it truly; that is not flagged.
pub(crate) fn status_without_history(story: &Story) -> Vec<Finding> {
    let sources = &story.file.sources;
    let mut findings = Vec::new();
    for (i, event) in story.file.events.iter().enumerate() {
        if !is_changed_status(event.status) || !event.status_changes.is_empty() {
            continue;
        }
        let mut days: Vec<_> = (event.cite.iter())
            .filter_map(|c| sources[story.cited_source(c)].published)
            .collect();
        days.sort_by_key(|d| d.latest());
        let (Some(first), Some(last)) = (days.first(), days.last()) else {
            continue;
        };
        if first.latest() == last.latest() {
            continue;
        }
        findings.push(warning(
            "status-no-history",
            format!("events[{i}]"),
            format!(
                "“{}” is {} with no status_changes, so as of {} (its first source) it already shows {}: give the status first reported in `status`, and the change in `status_changes` with the source that reports it ({})",
                event.title(),
                crate::story::graph::status_history::status_text(event.status, event.condition()),
                first.human(),
                event.status.timing.label(),
                last.human()
            ),
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHANGES: &str = include_str!("../../../tests/fixtures/status_changes.json");

    fn story(text: &str) -> Story {
        crate::story::load::load_bytes(text.as_bytes(), "t").unwrap_or_else(|err| panic!("{err}"))
    }

    #[test]
    fn a_cancelled_event_with_its_change_recorded_is_not_flagged() {
        assert!(status_without_history(&story(CHANGES)).is_empty());
    }

    /// The choir's concert with its call-off folded into `status` and no history;
    /// cited to the announcement and the call-off, or to the call-off alone.
    fn folded(with_announcement: bool) -> String {
        let mut value: serde_json::Value = serde_json::from_str(CHANGES).unwrap();
        let events = value["events"].as_array_mut().unwrap();
        let event = (events.iter_mut())
            .find(|e| e["status_changes"].is_array())
            .unwrap();
        let change = event["status_changes"][0].clone();
        event["status"] = change["status"].clone();
        let mut cite = change["cite"].as_array().unwrap().clone();
        if with_announcement {
            cite.extend(event["cite"].as_array().unwrap().iter().cloned());
        }
        event["cite"] = serde_json::Value::Array(cite);
        event.as_object_mut().unwrap().remove("status_changes");
        serde_json::to_string(&value).unwrap()
    }

    #[test]
    fn a_cancelled_event_without_history_citing_two_days_is_flagged() {
        let findings = status_without_history(&story(&folded(true)));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(findings[0].message.contains("status_changes"));
        // Cited only to the source that reports the call-off: known as cancelled from
        // its first day, so as-of tells it truly.
        assert!(status_without_history(&story(&folded(false))).is_empty());
    }
}
