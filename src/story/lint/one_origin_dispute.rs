//! The lint check `one-origin-dispute`: a disagreement whose versions, told by
//! different sources, all trace back to one origin. Two outlets retelling one report
//! in different words is usually one account paraphrased twice, not a disagreement;
//! the check asks rather than accuses.

use std::collections::BTreeSet;

use super::finding::{Finding, warning};
use crate::story::graph::Story;
use crate::story::model::DisputeKind;

/// One question per disagreement whose every version traces to the same single
/// origin. Versions all cited to one source are `dispute-kind`'s business, and a
/// source contradicting itself (`inconsistency`) has one origin by nature.
pub(crate) fn one_origin_disputes(story: &Story) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (d, dispute) in story.file.disputes.iter().enumerate() {
        if dispute.kind == DisputeKind::Inconsistency {
            continue;
        }
        let citations = dispute.variants.iter().flat_map(|v| &v.cite);
        let sources: BTreeSet<usize> = citations.clone().map(|c| story.cited_source(c)).collect();
        let origins: BTreeSet<usize> = citations.map(|c| story.citation_origin(c)).collect();
        if sources.len() < 2 || origins.len() != 1 {
            continue;
        }
        let origin = &story.file.sources[*origins.first().unwrap_or(&0)].outlet;
        findings.push(Finding {
            group: Some("disputes resting on one origin".to_owned()),
            ..warning(
            "one-origin-dispute",
            format!("disputes[{d}]"),
            format!(
                "every version of “{}” traces to {origin}: two retellings of one report rather than a disagreement? If they can both be true, record the point as a fact citing both",
                dispute.point
            ),
        )
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOARD: &str = include_str!("../../../tests/fixtures/boardroom.json");

    fn story(text: &str) -> Story {
        crate::story::load::load_bytes(text.as_bytes(), "t").unwrap_or_else(|err| panic!("{err}"))
    }

    #[test]
    fn versions_from_independent_origins_are_a_real_disagreement() {
        assert!(one_origin_disputes(&story(BOARD)).is_empty());
    }

    #[test]
    fn versions_retold_from_one_report_are_questioned() {
        // The Ledger relies on the wire: the second version, moved to the Ledger,
        // traces to the same origin as the first.
        let retold = BOARD.replacen(
            "\"source\": \"floor-notes\", \"para\": 4",
            "\"source\": \"ledger\", \"para\": 4",
            1,
        );
        assert_ne!(retold, BOARD);
        let findings = one_origin_disputes(&story(&retold));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].location, "disputes[0]");
        assert!(
            findings[0].message.contains("Northern Wire"),
            "{}",
            findings[0].message
        );
        // One source telling both versions is dispute-kind's finding, not this one.
        let same_source = BOARD.replacen(
            "\"source\": \"floor-notes\", \"para\": 4",
            "\"source\": \"wire\", \"para\": 4",
            1,
        );
        assert!(one_origin_disputes(&story(&same_source)).is_empty());
    }
}
