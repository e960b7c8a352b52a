//! Lint checks on how facts are sourced: a fact resting on one independent origin, a
//! citation without a paragraph, a source nothing cites.

use crate::story::graph::Story;
use crate::story::graph::provenance::{FactRef, fact_path};
use crate::story::lint::finding::{Finding, warning};
use crate::story::model::Citation;

/// `single-origin` and `no-locator`, fact by fact in file order.
pub(crate) fn fact_sourcing(story: &Story) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (fact, cite) in story.each_fact() {
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
                        story.source_name(root)
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
    let mut cited: Vec<usize> = cite.iter().map(|c| story.cited_source(c)).collect();
    cited.sort_unstable();
    cited.dedup();
    let root_cited = cited.contains(&root);
    let via: Vec<&str> = cited
        .iter()
        .filter(|&&s| s != root)
        .map(|&s| story.source_name(s))
        .collect();
    let root_name = story.source_name(root);
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
    let sources = &story.file.sources;
    // By index, not id: a big story has far more citations than sources.
    let mut named = vec![false; sources.len()];
    for source in sources {
        if let Some(via) = source.via.as_deref() {
            named[story.source_index(via)] = true;
        }
    }
    for citation in story.each_fact().flat_map(|(_, cite)| cite) {
        named[story.cited_source(citation)] = true;
        // A citation's own `via` relies on a source as much as a source's `via` does.
        if citation.via().is_some() {
            if let Some(upstream) = story.citation_upstream(citation) {
                named[upstream] = true;
            }
        }
    }
    let mut findings = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        if !named[i] {
            findings.push(warning(
                "uncited-source",
                format!("sources[{i}]"),
                format!("nothing cites “{}”", source.title),
            ));
        }
    }
    findings
}
