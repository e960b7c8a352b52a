//! The lint check `near-miss-kind`: an open-vocabulary kind the program does not know
//! that is one edit from one it does (`partner_with`, `selcted`) is most likely a typo,
//! which the loader cannot refuse because any lowercase kind is allowed.

use crate::story::graph::Story;
use crate::story::lint::finding::{Finding, Severity, debug_checked};

/// One warning per unknown kind one edit from a known one.
pub(crate) fn near_miss_kinds(story: &Story) -> Vec<Finding> {
    let file = &story.file;
    let mut findings = Vec::new();
    let mut note = |location: String, written: &str, what: &str, near: &str| {
        findings.push(Finding {
            severity: debug_checked("near-miss-kind", Severity::Warning),
            check: "near-miss-kind",
            group: None,
            location,
            message: format!(
                "{what} `{written}` is not one storyscope knows, but `{near}` is: a typo? (any other kind is fine and shown as written)"
            ),
        });
    };
    for (i, source) in file.sources.iter().enumerate() {
        if let Some(near) = source.kind.near_miss() {
            note(
                format!("sources[{i}].kind"),
                source.kind.key(),
                "source kind",
                near,
            );
        }
    }
    for (i, relation) in file.relations.iter().enumerate() {
        if let Some(near) = relation.kind.near_miss() {
            let kind = relation.kind.key();
            note(format!("relations[{i}].kind"), kind, "relation kind", near);
        }
    }
    for (i, candidacy) in file.candidates.iter().enumerate() {
        for (s, stage) in candidacy.stages.iter().enumerate() {
            if let Some(near) = stage.stage.near_miss() {
                let path = format!("candidates[{i}].stages[{s}].stage");
                note(path, stage.stage.key(), "stage", near);
            }
        }
    }
    for (i, metric) in file.metrics.iter().enumerate() {
        if let Some(near) = metric.basis.near_miss() {
            note(
                format!("metrics[{i}].basis"),
                metric.basis.key(),
                "basis",
                near,
            );
        }
    }
    findings
}
