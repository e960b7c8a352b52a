//! Lint checks on dates and order: an event dated after its own sources, candidacy
//! stages out of order.

use crate::story::graph::Story;
use crate::story::lint::finding::{Finding, warning};
use crate::story::model::date::DateSpec;
use crate::story::model::{Stage, Timing};

/// An event told as having happened (or going on) that starts after every source
/// citing it was published: either the date or the timing is wrong. Only judged when
/// every citing source has a publication date, and only when it is certain (the
/// event's earliest possible day is after the last source's latest possible day).
pub(crate) fn dated_after_sources(story: &Story) -> Vec<Finding> {
    let sources = &story.file.sources;
    let mut findings = Vec::new();
    for (i, event) in story.file.events.iter().enumerate() {
        if !matches!(event.status.timing, Timing::Happened | Timing::Ongoing) {
            continue;
        }
        let published: Option<Vec<_>> = event
            .cite
            .iter()
            .map(|c| sources[story.cited_source(c)].published)
            .collect();
        let Some(last) = published
            .unwrap_or_default()
            .into_iter()
            .max_by_key(|date| date.latest())
        else {
            continue;
        };
        if event.date.earliest() > last.latest() {
            findings.push(warning(
                "dated-after-sources",
                format!("events[{i}]"),
                format!(
                    "“{}” is told as {} on {}, after every source citing it (the last published {}): is it expected, or is the date wrong?",
                    event.title(),
                    event.status.timing.label(),
                    event.date.human(),
                    last.human()
                ),
            ));
        }
    }
    findings
}

/// Stages are a history, listed in the order they happened: a dated stage that
/// certainly comes before the dated stage listed above it is out of order.
pub(crate) fn stage_order(story: &Story) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (c, candidacy) in story.file.candidates.iter().enumerate() {
        let name = story.entity_name(&candidacy.candidate);
        // The dated stage listed so far that starts latest: a stage certainly before it
        // is out of place, whatever came in between.
        let mut latest: Option<(&Stage, DateSpec)> = None;
        for (s, stage) in candidacy.stages.iter().enumerate() {
            let Some(date) = stage.date else {
                continue;
            };
            match latest {
                Some((earlier, earlier_date)) if earlier_date.earliest() > date.latest() => {
                    findings.push(warning(
                        "stage-order",
                        format!("candidates[{c}].stages[{s}]"),
                        format!(
                            "{name} {} ({}) is listed after {name} {} ({}), which came later: list stages in the order they happened",
                            stage.stage.label(),
                            date.human(),
                            earlier.stage.label(),
                            earlier_date.human()
                        ),
                    ));
                }
                Some((_, earlier_date)) if earlier_date.earliest() >= date.earliest() => {}
                _ => latest = Some((stage, date)),
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../../../tests/fixtures/small.json");

    fn story(text: &str) -> Story {
        crate::story::load::load_bytes(text.as_bytes(), "t").unwrap_or_else(|err| panic!("{err}"))
    }

    fn with_choice_date(date: &str) -> String {
        SMALL.replacen(
            "\"title\": \"Apple chooses Alibaba\",\n      \"date\": \"2025-02\",",
            &format!("\"title\": \"Apple chooses Alibaba\",\n      \"date\": \"{date}\","),
            1,
        )
    }

    #[test]
    fn an_event_is_after_its_sources_only_when_certainly_so() {
        // The sources: the wire (Feb 2025, day unknown) and the daily (12 Feb 2025).
        assert_eq!(
            dated_after_sources(&story(&with_choice_date("2025-03-01"))).len(),
            1
        );
        // Could be any day up to 28 Feb, when the wire may have been published.
        assert!(dated_after_sources(&story(&with_choice_date("2025-02-20"))).is_empty());
        assert!(dated_after_sources(&story(&with_choice_date("2025-02"))).is_empty());
        // An expected event may well lie after its sources.
        let expected = with_choice_date("2025-06").replacen(
            "\"sourcing\": \"reported\", \"timing\": \"happened\"",
            "\"sourcing\": \"reported\", \"timing\": \"expected\"",
            1,
        );
        assert!(dated_after_sources(&story(&expected)).is_empty());
        // With an undated source citing it, nothing is certain.
        let undated =
            with_choice_date("2025-03-01").replacen("\"published\": \"2025-02\",\n", "", 1);
        assert!(dated_after_sources(&story(&undated)).is_empty());
    }

    #[test]
    fn a_stage_before_any_stage_listed_above_it_is_out_of_order() {
        let considered = "\"stage\": \"considered\",\n          \"date\": \"2024\",";
        assert!(SMALL.contains(considered));
        assert!(stage_order(&story(SMALL)).is_empty());
        // 2025-02 then 2025-01: out of order.
        let late = SMALL.replacen(
            considered,
            "\"stage\": \"considered\",\n          \"date\": \"2025-02\",",
            1,
        );
        assert_eq!(stage_order(&story(&late)).len(), 1);
        // A year and a month inside it may be either way round: not flagged.
        let overlapping = SMALL.replacen(
            considered,
            "\"stage\": \"considered\",\n          \"date\": \"2025\",",
            1,
        );
        assert!(stage_order(&story(&overlapping)).is_empty());
    }
}
