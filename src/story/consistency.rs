//! Disagreements between sources versus one source contradicting itself: two kinds of
//! dispute, shown and counted apart, so neither is passed off as the other.

use super::graph::{RecordRef, Story};
use super::lint::{Finding, Severity};
use super::model::DisputeKind;

impl Story {
    /// True when a dispute sets sources against each other (not a source against itself).
    pub fn is_disagreement(&self, dispute: usize) -> bool {
        self.file.disputes[dispute].kind == DisputeKind::Disagreement
    }

    /// True when an inconsistency (one source contradicting itself) is about `record`.
    pub fn is_inconsistent(&self, record: RecordRef) -> bool {
        self.disputes_about(record)
            .iter()
            .any(|&d| !self.is_disagreement(d))
    }

    /// (disagreements, inconsistencies) in the story.
    pub fn dispute_counts(&self) -> (usize, usize) {
        let disagreements = (0..self.file.disputes.len())
            .filter(|&d| self.is_disagreement(d))
            .count();
        (disagreements, self.file.disputes.len() - disagreements)
    }
}

/// Disputes of the wrong kind: a "disagreement" whose versions all come from one
/// source, or an "inconsistency" with no source behind every version.
pub(crate) fn dispute_kind_findings(story: &Story) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (d, dispute) in story.file.disputes.iter().enumerate() {
        let sources: Vec<Vec<&str>> = dispute
            .variants
            .iter()
            .map(|v| v.cite.iter().map(|c| c.source.as_str()).collect())
            .collect();
        let in_every = |id: &str| sources.iter().all(|s| s.contains(&id));
        let shared = sources
            .first()
            .into_iter()
            .flatten()
            .find(|id| in_every(id))
            .copied();
        let message = match (dispute.kind, shared) {
            (DisputeKind::Disagreement, Some(id))
                if sources.iter().all(|s| s.iter().all(|&x| x == id)) =>
            {
                format!(
                    "every version of “{}” comes from `{id}`: a source contradicting itself is \"kind\": \"inconsistency\"",
                    dispute.point
                )
            }
            (DisputeKind::Inconsistency, None) => format!(
                "no one source tells every version of “{}”: sources differing is a disagreement (leave out \"kind\")",
                dispute.point
            ),
            _ => continue,
        };
        findings.push(Finding {
            severity: super::lint::debug_checked("dispute-kind", Severity::Warning),
            check: "dispute-kind",
            location: format!("disputes[{d}]"),
            message,
            group: None,
        });
    }
    findings
}
