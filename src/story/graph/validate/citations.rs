//! Citations as validation reads them: each one's source and `via` looked up (and
//! kept, in the order visited, for `resolve.rs`), and how many there are, so the list
//! kept is made at its full size at once.

use super::{Checker, Expect};
use crate::story::graph::RecordRef;
use crate::story::model::{Citation, ResolvedCitation, StoryFile};
use crate::story::problem::Problem;

/// How many citations the checker visits: the list of their sources is made at its
/// full size at once (grown as it filled, its last doubling copied it at the load's
/// peak).
pub(in crate::story::graph) fn citation_count(file: &StoryFile) -> usize {
    let cites = |cite: &[Citation]| cite.len();
    let entities: usize = file.entities.iter().map(|e| cites(&e.cite)).sum();
    let relations: usize = file.relations.iter().map(|r| cites(&r.cite)).sum();
    let events: usize = file.events.iter().map(super::events::event_citations).sum();
    let stages: usize = (file.candidates.iter())
        .flat_map(|c| &c.stages)
        .map(|s| cites(&s.cite))
        .sum();
    let metrics: usize = file.metrics.iter().map(|m| cites(&m.cite)).sum();
    let disputes: usize = (file.disputes.iter())
        .map(|d| {
            let variants: usize = d.variants.iter().map(|v| cites(&v.cite)).sum();
            variants + d.resolution.as_ref().map_or(0, |r| cites(&r.cite))
        })
        .sum();
    entities + relations + events + stages + metrics + disputes
}

impl Checker<'_> {
    /// A fact's citations: at least one, each source and `via` a source, paragraphs
    /// counted from 1.
    pub(super) fn citations(&mut self, path: impl Fn() -> String, cite: &[Citation]) {
        if cite.is_empty() {
            self.problems.push(
                Problem::at(format!("{}.cite", path()), "a fact without a citation")
                    .with_hint("add {\"source\": \"<source id>\", \"para\": N}"),
            );
        }
        for (c, citation) in cite.iter().enumerate() {
            let source = self.reference(
                || format!("{}.cite[{c}].source", path()),
                &citation.source,
                Expect::Source,
            );
            let via = citation.via().and_then(|via| {
                self.reference(|| format!("{}.cite[{c}].via", path()), via, Expect::Source)
            });
            let index = |record| match record {
                Some(RecordRef::Source(index)) => Some(index),
                _ => None,
            };
            (self.cited).push(ResolvedCitation::new(index(source), index(via)));
            self.quotes += usize::from(citation.quote().is_some());
            if citation.para == Some(0) {
                self.problems.push(
                    Problem::at(
                        format!("{}.cite[{c}].para", path()),
                        "paragraphs count from 1",
                    )
                    .with_hint("use 1 for the first paragraph after the headline"),
                );
            }
        }
    }
}
