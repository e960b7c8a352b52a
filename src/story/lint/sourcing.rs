//! Lint checks on how facts are sourced: a fact resting on one independent origin, a
//! citation without a paragraph, a source nothing cites.

use std::collections::BTreeSet;

use super::finding::{Finding, warning};
use crate::story::graph::Story;
use crate::story::model::Citation;
use crate::story::provenance::{FactRef, fact_path};

/// `single-origin` and `no-locator`, fact by fact in file order.
pub(crate) fn fact_sourcing(story: &Story) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (fact, cite) in story.facts() {
        let location = fact_path(fact);
        let provenance = story.provenance(cite);
        // A dispute's version is one outlet's claim by nature: one origin is the point.
        let is_version = matches!(fact, FactRef::Variant(..));
        if provenance.origins == 1 && !is_version {
            let root = story.citation_origin(&cite[0]);
            findings.push(Finding {
                group: Some(source_chain(story, root, cite)),
                ..warning(
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
                findings.push(warning(
                    "no-locator",
                    format!("{location}.cite[{c}]"),
                    "citation without a paragraph".to_owned(),
                ));
            }
        }
    }
    findings
}

/// How the sources of a single-origin fact lead to its origin, as one label:
/// "The Information (via MARKETING-INTERACTIVE and Reuters)", or "Example Wire,
/// cited directly". Facts with the same label are one line in the lint report.
fn source_chain(story: &Story, root: usize, cite: &[Citation]) -> String {
    let sources = &story.file.sources;
    let mut cited: Vec<usize> = cite.iter().map(|c| story.source_index(&c.source)).collect();
    cited.sort_unstable();
    cited.dedup();
    let root_cited = cited.contains(&root);
    let via: Vec<&str> = cited
        .iter()
        .filter(|&&s| s != root)
        .map(|&s| sources[s].outlet.as_str())
        .collect();
    let root_name = &sources[root].outlet;
    match (via.as_slice(), root_cited) {
        ([], _) => format!("{root_name}, cited directly"),
        (via, false) => format!("{root_name} (via {})", and_list(via)),
        (via, true) => format!("{root_name} (directly and via {})", and_list(via)),
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `uncited-source`: a source no citation names, directly or as its `via`.
pub(crate) fn uncited_sources(story: &Story) -> Vec<Finding> {
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
    let mut findings = Vec::new();
    for (i, source) in story.file.sources.iter().enumerate() {
        if !cited.contains(source.id.as_str()) && !relied_on.contains(source.id.as_str()) {
            findings.push(warning(
                "uncited-source",
                format!("sources[{i}]"),
                format!("nothing cites “{}”", source.title),
            ));
        }
    }
    findings
}
