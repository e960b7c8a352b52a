//! What a lint check reports: a finding with its severity, and the list of every
//! check by name (for `--only`, `--skip` and the help).

use serde::Serialize;

/// How much a finding matters; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Not a problem, only counted: the author's own additions (`◇`).
    Note,
    /// Worth a look; `lint --deny warnings` fails on it.
    Warning,
    /// The story misleads as written (two entities under one name); `lint` exits 2.
    Error,
}

/// One thing a check found in a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// Short machine-readable name of the check.
    pub check: &'static str,
    /// Path into the file, like `events[3]`.
    pub location: String,
    /// What is wrong, in a sentence naming the record.
    pub message: String,
    /// Findings of one check with the same group are one line in the report (the
    /// single-origin check groups by the chain of sources a fact rests on); how the
    /// check computes it is its own business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Every check: its name (for `--only` / `--skip`) and what it looks for.
pub const CHECKS: &[(&str, &str)] = &[
    (
        "single-origin",
        "a fact resting on one independent origin (dispute versions excepted)",
    ),
    ("no-locator", "a citation without a paragraph number"),
    (
        "past-due",
        "an expectation whose date has passed with no source confirming it",
    ),
    ("unreferenced-entity", "an entity nothing refers to"),
    ("metric-without-period", "a metric with no period or date"),
    ("uncited-source", "a source nothing cites or relies on"),
    (
        "shared-alias",
        "two entities answering to the same name (an error)",
    ),
    (
        "dated-after-sources",
        "an event told as happened but dated after every source citing it",
    ),
    (
        "stage-order",
        "a candidacy's stages listed out of date order",
    ),
    (
        "dispute-kind",
        "a dispute of the wrong kind (a disagreement vs one source's inconsistency)",
    ),
    (
        "one-origin-dispute",
        "a disagreement whose versions all trace to one origin (a question)",
    ),
    (
        "status-no-history",
        "a cancelled or denied event with no status_changes saying when",
    ),
    (
        "future-prose",
        "a title, summary or claim telling what its sources could not know yet (as-of shows it early)",
    ),
    (
        "unsupported-citation",
        "a cited paragraph naming none of the record's names, figure or date (needs the texts)",
    ),
    (
        "origin-mismatch",
        "a cited paragraph crediting someone other than the citation's origin (needs the texts)",
    ),
    (
        "unmarked-inference",
        "a date or summary no cited paragraph gives, not marked `authored` (needs the texts)",
    ),
    (
        "drafted",
        "a record `storyscope draft` wrote that no person has checked yet (remove its note)",
    ),
    (
        "authored",
        "a place the author adds to the sources (◇; counted as a note, not a problem)",
    ),
    (
        "near-miss-kind",
        "a relation, source, stage or basis kind one letter from a known one (a typo?)",
    ),
];

/// `severity`, after checking in debug builds (every test) that `check` is listed, so
/// `--only` / `--skip` and the help can name every check.
pub(crate) fn debug_checked(check: &str, severity: Severity) -> Severity {
    debug_assert!(
        CHECKS.iter().any(|(name, _)| *name == check),
        "lint check `{check}` is missing from CHECKS"
    );
    severity
}

/// A warning of `check`, not grouped with others.
pub(crate) fn warning(check: &'static str, location: String, message: String) -> Finding {
    Finding {
        severity: debug_checked(check, Severity::Warning),
        check,
        location,
        message,
        group: None,
    }
}
