//! The lint check `dispute-kind`: a "disagreement" whose versions all come from one
//! source, or an "inconsistency" no one source tells every version of.

use crate::story::graph::Story;
use crate::story::lint::finding::{Finding, Severity, debug_checked};
use crate::story::model::DisputeKind;

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
            severity: debug_checked("dispute-kind", Severity::Warning),
            check: "dispute-kind",
            location: format!("disputes[{d}]"),
            message,
            group: None,
        });
    }
    findings
}
