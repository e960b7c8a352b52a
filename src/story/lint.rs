//! `storyscope lint`: weak sourcing and loose ends a story author should look at.
//! A file that does not load is the loader's business; this checks valid stories.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::date::DayNumber;
use super::graph::Story;
use super::provenance::FactRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Not a problem, only counted: the author's own additions (`◇`).
    Note,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Short machine-readable name of the check.
    pub check: &'static str,
    /// Path into the file, like `events[3]`.
    pub location: String,
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
        "authored",
        "a place the author adds to the sources (◇; counted as a note, not a problem)",
    ),
    (
        "near-miss-kind",
        "a relation, source, stage or basis kind one letter from a known one (a typo?)",
    ),
];

/// `severity`, after checking in debug builds (every test) that `check` is listed.
pub(crate) fn debug_checked(check: &str, severity: Severity) -> Severity {
    debug_assert!(
        CHECKS.iter().any(|(name, _)| *name == check),
        "lint check `{check}` is missing from CHECKS"
    );
    severity
}

/// Runs every check; `reference_day` decides which expectations are past due.
pub fn lint(story: &Story, reference_day: DayNumber) -> Vec<Finding> {
    let mut findings = Vec::new();
    let warn = |check, location: String, message: String| Finding {
        // Every check is in CHECKS, so `--only` / `--skip` and the help can name it.
        severity: debug_checked(check, Severity::Warning),
        check,
        location,
        message,
        group: None,
    };
    for (fact, cite) in story.facts() {
        let location = fact_path(fact);
        let provenance = story.provenance(cite);
        // A dispute's version is one outlet's claim by nature: one origin is the point.
        let is_version = matches!(fact, FactRef::Variant(..));
        if provenance.origins == 1 && !is_version {
            let root = story.citation_origin(&cite[0]);
            findings.push(Finding {
                group: Some(super::lint_checks::source_chain(story, root, cite)),
                ..warn(
                    "single-origin",
                    location.clone(),
                    format!(
                        "{} rests on one origin ({})",
                        story.fact_title(fact),
                        story.file.sources[root].outlet
                    ),
                )
            });
        }
        for (c, citation) in cite.iter().enumerate() {
            if citation.para.is_none() {
                findings.push(warn(
                    "no-locator",
                    format!("{location}.cite[{c}]"),
                    "citation without a paragraph".to_owned(),
                ));
            }
        }
    }
    for (i, event) in story.file.events.iter().enumerate() {
        if story.event_status(i).timing.is_expectation() && event.date.latest() < reference_day {
            findings.push(warn(
                "past-due",
                format!("events[{i}]"),
                format!(
                    "“{}” was expected by {} and no source confirms it",
                    event.title,
                    event.date.human()
                ),
            ));
        }
    }
    let mut disputed_ids: BTreeSet<&str> = BTreeSet::new();
    for dispute in &story.file.disputes {
        disputed_ids.extend(dispute.about.iter().map(String::as_str));
    }
    for (i, entity) in story.file.entities.iter().enumerate() {
        let links = story.links(i);
        let unused = links.relations.is_empty()
            && links.events.is_empty()
            && links.metrics.is_empty()
            && links.candidacies.is_empty()
            && !disputed_ids.contains(entity.id.as_str());
        if unused {
            findings.push(warn(
                "unreferenced-entity",
                format!("entities[{i}]"),
                format!("nothing refers to {}", entity.name),
            ));
        }
    }
    for (i, metric) in story.file.metrics.iter().enumerate() {
        if metric.period.is_none() && metric.period_note.is_none() {
            findings.push(warn(
                "metric-without-period",
                format!("metrics[{i}]"),
                format!("“{}” has no period or date", metric.label),
            ));
        }
    }
    let mut cited: BTreeSet<&str> = BTreeSet::new();
    for (_, cite) in story.facts() {
        cited.extend(cite.iter().map(|c| c.source.as_str()));
    }
    let mut relied_on: BTreeSet<&str> = story
        .file
        .sources
        .iter()
        .filter_map(|s| s.via.as_deref())
        .collect();
    // A citation's own `via` relies on a source as much as a source's `via` does.
    for (_, cite) in story.facts() {
        relied_on.extend(cite.iter().filter_map(|c| c.via.as_deref()));
    }
    for (i, source) in story.file.sources.iter().enumerate() {
        if !cited.contains(source.id.as_str()) && !relied_on.contains(source.id.as_str()) {
            findings.push(warn(
                "uncited-source",
                format!("sources[{i}]"),
                format!("nothing cites “{}”", source.title),
            ));
        }
    }
    findings.extend(super::lint_checks::dated_after_sources(story));
    findings.extend(super::lint_checks::stage_order(story));
    findings.extend(shared_names(story));
    findings.extend(super::consistency::dispute_kind_findings(story));
    findings.extend(authored_findings(story));
    findings.extend(super::kind_lint::near_miss_kinds(story));
    findings
}

/// One note per place the author added something no source says: counted, so the
/// author can see how much of the story is theirs.
fn authored_findings(story: &Story) -> Vec<Finding> {
    story
        .all_notes()
        .into_iter()
        .map(|(location, note)| Finding {
            severity: debug_checked("authored", Severity::Note),
            check: "authored",
            // Counted, not problems: one line unless --verbose.
            group: Some("the author's own".to_owned()),
            location: match &note.field {
                Some(field) => format!("{location}.{field}"),
                None => location,
            },
            message: super::authored::note_text(note),
        })
        .collect()
}

/// Two entities answering to the same name or alias make search and links ambiguous.
fn shared_names(story: &Story) -> Vec<Finding> {
    let mut owners: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for (i, entity) in story.file.entities.iter().enumerate() {
        let mut names: BTreeSet<String> = BTreeSet::new();
        names.insert(entity.name.to_lowercase());
        for (a, alias) in entity.aliases.iter().enumerate() {
            if names.insert(alias.to_lowercase()) {
                owners
                    .entry(alias.to_lowercase())
                    .or_default()
                    .push((i, format!("entities[{i}].aliases[{a}]")));
            }
        }
        owners
            .entry(entity.name.to_lowercase())
            .or_default()
            .push((i, format!("entities[{i}].name")));
    }
    let mut findings: Vec<Finding> = owners
        .into_iter()
        .filter(|(_, users)| users.len() > 1)
        .map(|(name, users)| {
            let who: Vec<&str> = users
                .iter()
                .map(|(i, _)| story.file.entities[*i].name.as_str())
                .collect();
            Finding {
                severity: debug_checked("shared-alias", Severity::Error),
                check: "shared-alias",
                location: users[1].1.clone(),
                message: format!("“{name}” names more than one entity: {}", who.join(", ")),
                group: None,
            }
        })
        .collect();
    findings.sort_by(|a, b| a.location.cmp(&b.location));
    findings
}

pub fn fact_path(fact: FactRef) -> String {
    match fact {
        FactRef::Record(record) => super::graph::record_path(record),
        FactRef::Stage(c, s) => format!("candidates[{c}].stages[{s}]"),
        FactRef::Variant(d, v) => format!("disputes[{d}].variants[{v}]"),
        FactRef::StatusChange(e, c) => format!("events[{e}].status_changes[{c}]"),
        FactRef::Resolution(d) => format!("disputes[{d}].resolution"),
    }
}
