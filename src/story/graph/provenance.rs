//! How well each fact is sourced (articles vs independent origins); the publication
//! days the explorer steps through. The as-of narrowing itself is in `asof.rs`.

use std::collections::BTreeSet;

use crate::story::graph::source_tally::{SourceTally, sources_via};
use crate::story::graph::{RecordRef, Story};
use crate::story::model::Citation;
use crate::story::model::date::DayNumber;

/// A statement that carries its own citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactRef {
    /// A record that is one fact: an entity, relation, event or metric.
    Record(RecordRef),
    /// A candidacy's stage: (candidacy, stage index).
    Stage(usize, usize),
    /// A dispute's version: (dispute, variant index).
    Variant(usize, usize),
    /// An event's later status: (event, change index).
    StatusChange(usize, usize),
    /// How a dispute was settled.
    Resolution(usize),
}

/// Where a fact sits in the file, for messages: `events[3]`, `candidates[0].stages[1]`.
pub(crate) fn fact_path(fact: FactRef) -> String {
    match fact {
        FactRef::Record(record) => crate::story::graph::record_path(record),
        FactRef::Stage(c, s) => format!("candidates[{c}].stages[{s}]"),
        FactRef::Variant(d, v) => format!("disputes[{d}].variants[{v}]"),
        FactRef::StatusChange(e, c) => format!("events[{e}].status_changes[{c}]"),
        FactRef::Resolution(d) => format!("disputes[{d}].resolution"),
    }
}

/// "N articles · M independent origins (who)" for one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// Distinct sources cited.
    pub sources: usize,
    /// Distinct independent origins, after following each citation's `via` chain.
    pub origins: usize,
    /// Every source cited is an article (then the label says "articles").
    pub all_articles: bool,
    /// The origins by outlet ("The Information; CARMA"), from `Story::origin_names`.
    pub origin_names: String,
}

impl Provenance {
    /// "2 articles · 1 independent origin (The Information)"; "sources" unless every
    /// source cited is an article.
    pub fn label(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let (one, many) = if self.all_articles {
            ("article", "articles")
        } else {
            ("source", "sources")
        };
        let mut label = format!(
            "{} · {}",
            plural(self.sources, one, many),
            plural(self.origins, "independent origin", "independent origins")
        );
        if !self.origin_names.is_empty() {
            label.push_str(&format!(" ({})", self.origin_names));
        }
        label
    }
}

/// The rule printed wherever an as-of date is shown.
pub(crate) const AS_OF_RULE: &str =
    "sources count once certainly published; undated sources are left out";

impl Story {
    /// Distinct sources cited, and distinct origins after following each citation's
    /// `via` chain (see `origin.rs`).
    pub fn provenance(&self, cite: &[Citation]) -> Provenance {
        let sources: BTreeSet<usize> = cite.iter().map(|c| self.cited_source(c)).collect();
        let origins = self.fact_origins(cite);
        let all_articles = sources.iter().all(|&s| {
            self.file.sources[s].kind.known() == Some(crate::story::model::KnownSource::Article)
        });
        Provenance {
            sources: sources.len(),
            origins: origins.len(),
            all_articles,
            origin_names: self.origin_names(&origins),
        }
    }

    /// Sourcing of a record that is one fact (entity, event, metric, relation).
    pub(crate) fn record_provenance(&self, record: RecordRef) -> Option<Provenance> {
        let file = &self.file;
        let cite = match record {
            RecordRef::Entity(i) => &file.entities[i].cite[..],
            RecordRef::Event(i) => &file.events[i].cite,
            RecordRef::Metric(i) => &file.metrics[i].cite,
            RecordRef::Relation(i) => &file.relations[i].cite,
            _ => return None,
        };
        Some(self.provenance(cite))
    }

    /// Every fact in the story with its citations, in file order.
    pub fn facts(&self) -> Vec<(FactRef, &[Citation])> {
        self.each_fact().collect()
    }

    /// `facts` one at a time, without collecting them: a pass over the citations of a
    /// big story need not first build a list of every fact.
    pub fn each_fact(&self) -> impl Iterator<Item = (FactRef, &[Citation])> + '_ {
        let file = &*self.file;
        let record = |r: RecordRef| FactRef::Record(r);
        let entities = (file.entities.iter().enumerate())
            .map(move |(i, e)| (record(RecordRef::Entity(i)), e.cite.as_slice()));
        let relations = (file.relations.iter().enumerate())
            .map(move |(i, r)| (record(RecordRef::Relation(i)), r.cite.as_slice()));
        let events = file.events.iter().enumerate().flat_map(move |(i, event)| {
            let changes = (event.status_changes.iter().enumerate())
                .map(move |(c, change)| (FactRef::StatusChange(i, c), change.cite.as_slice()));
            std::iter::once((record(RecordRef::Event(i)), &event.cite[..])).chain(changes)
        });
        let stages = file
            .candidates
            .iter()
            .enumerate()
            .flat_map(|(c, candidacy)| {
                (candidacy.stages.iter().enumerate())
                    .map(move |(s, stage)| (FactRef::Stage(c, s), stage.cite.as_slice()))
            });
        let metrics = (file.metrics.iter().enumerate())
            .map(move |(i, m)| (record(RecordRef::Metric(i)), m.cite.as_slice()));
        let disputes = file.disputes.iter().enumerate().flat_map(|(d, dispute)| {
            let variants = (dispute.variants.iter().enumerate())
                .map(move |(v, variant)| (FactRef::Variant(d, v), variant.cite.as_slice()));
            let resolution = (dispute.resolution.iter())
                .map(move |resolution| (FactRef::Resolution(d), resolution.cite.as_slice()));
            variants.chain(resolution)
        });
        entities
            .chain(relations)
            .chain(events)
            .chain(stages)
            .chain(metrics)
            .chain(disputes)
    }

    /// One line naming a fact, for lists of facts.
    pub(crate) fn fact_title(&self, fact: FactRef) -> String {
        match fact {
            FactRef::Record(record) => {
                format!("{}: {}", record.kind_label(), self.record_title(record))
            }
            FactRef::Stage(c, s) => {
                // The whole candidacy, not just the name: one person can be weighed
                // by two choosers for two roles.
                format!(
                    "stage: {} — {}",
                    self.file.candidates[c].stages[s].stage.label(),
                    self.record_title(RecordRef::Candidacy(c))
                )
            }
            FactRef::Variant(d, v) => {
                format!(
                    "version of “{}”: {}",
                    self.file.disputes[d].point, self.file.disputes[d].variants[v].claim
                )
            }
            FactRef::StatusChange(e, c) => {
                let event = &self.file.events[e];
                format!(
                    "status of “{}”: {}",
                    event.title(),
                    crate::story::graph::status_history::status_text(
                        event.status_changes[c].status,
                        event.condition()
                    )
                )
            }
            FactRef::Resolution(d) => {
                format!("settlement of “{}”", self.file.disputes[d].point)
            }
        }
    }

    /// The record a fact belongs to, for jumping to it.
    pub(crate) fn fact_record(&self, fact: FactRef) -> RecordRef {
        match fact {
            FactRef::Record(record) => record,
            FactRef::Stage(c, _) => RecordRef::Candidacy(c),
            FactRef::Variant(d, _) | FactRef::Resolution(d) => RecordRef::Dispute(d),
            FactRef::StatusChange(e, _) => RecordRef::Event(e),
        }
    }

    /// Facts every citation of which traces to this source: cites it, or cites a source
    /// relying on it. For an upstream report that is everything resting on it alone.
    pub(crate) fn facts_resting_on(&self, source: usize) -> Vec<FactRef> {
        self.each_fact()
            .filter(|(_, cite)| {
                !cite.is_empty() && cite.iter().all(|c| self.citation_traces_to(c, source))
            })
            .map(|(fact, _)| fact)
            .collect()
    }

    /// For every source: (facts with a citation tracing to it, facts every citation of
    /// which traces to it). Tallied by `build`, which reads every citation anyway.
    pub fn source_fact_counts(&self) -> &[(usize, usize)] {
        &self.indexes.source_fact_counts
    }

    /// `source_fact_counts` over some of the facts only (those about one entity, say):
    /// this story's own citations, whose indexes `build` recorded.
    pub(crate) fn source_fact_counts_of<'a>(
        &self,
        facts: impl Iterator<Item = &'a [Citation]>,
    ) -> Vec<(usize, usize)> {
        let via = sources_via(&self.file, &self.indexes.ids);
        let mut tally = SourceTally::new(&via);
        facts.for_each(|cite| tally.fact(cite));
        tally.counts()
    }

    /// Days on which a source was (certainly) published, ascending: the stops of `<`/`>`.
    pub(crate) fn publication_days(&self) -> Vec<DayNumber> {
        let days: BTreeSet<DayNumber> = self
            .file
            .sources
            .iter()
            .filter_map(|s| s.published.map(|d| d.latest()))
            .collect();
        days.into_iter().collect()
    }

    /// Records the fact is disputed in, through its record.
    pub fn is_disputed(&self, record: RecordRef) -> bool {
        self.disputes_about(record)
            .iter()
            .any(|&d| self.is_disagreement(d))
    }
}
