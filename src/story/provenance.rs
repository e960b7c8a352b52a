//! How well each fact is sourced (articles vs independent origins), and the story as it
//! was known on a given date.
//!
//! As-of rule: a source counts once every day its publication date can mean has passed
//! (a source dated only "2025-02" counts from 28 Feb 2025); an undated source never
//! counts under an as-of date, since nothing says it was known by then.

use std::collections::BTreeSet;

use super::date::DayNumber;
use super::graph::{RecordRef, Story};
use super::model::{Citation, StoryFile};

/// A statement that carries its own citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactRef {
    Record(RecordRef),
    /// A candidacy's stage: (candidacy, stage index).
    Stage(usize, usize),
    /// A dispute's version: (dispute, variant index).
    Variant(usize, usize),
}

/// "N articles · M independent origins" for one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provenance {
    pub sources: usize,
    pub origins: usize,
    /// Every source cited is an article (then the label says "articles").
    pub all_articles: bool,
}

impl Provenance {
    pub fn label(self) -> String {
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
        format!(
            "{} · {}",
            plural(self.sources, one, many),
            plural(self.origins, "independent origin", "independent origins")
        )
    }
}

/// The rule printed wherever an as-of date is shown.
pub const AS_OF_RULE: &str = "sources count once certainly published; undated sources are left out";

impl Story {
    /// Distinct sources cited, and distinct origins after following `via` chains.
    pub fn provenance(&self, cite: &[Citation]) -> Provenance {
        let sources: BTreeSet<usize> = cite.iter().map(|c| self.source_index(&c.source)).collect();
        let origins: BTreeSet<usize> = sources.iter().map(|&s| self.source_root(s)).collect();
        let all_articles = sources
            .iter()
            .all(|&s| self.file.sources[s].kind == super::model::SourceKind::Article);
        Provenance {
            sources: sources.len(),
            origins: origins.len(),
            all_articles,
        }
    }

    /// Sourcing of a record that is one fact (entity, event, metric, relation).
    pub fn record_provenance(&self, record: RecordRef) -> Option<Provenance> {
        let file = &self.file;
        let cite = match record {
            RecordRef::Entity(i) => &file.entities[i].cite,
            RecordRef::Event(i) => &file.events[i].cite,
            RecordRef::Metric(i) => &file.metrics[i].cite,
            RecordRef::Relation(i) => &file.relations[i].cite,
            _ => return None,
        };
        Some(self.provenance(cite))
    }

    /// Every fact in the story with its citations, in file order.
    pub fn facts(&self) -> Vec<(FactRef, &[Citation])> {
        let file = &self.file;
        let mut facts: Vec<(FactRef, &[Citation])> = Vec::new();
        let record = |r: RecordRef| FactRef::Record(r);
        facts.extend(
            file.entities
                .iter()
                .enumerate()
                .map(|(i, e)| (record(RecordRef::Entity(i)), e.cite.as_slice())),
        );
        facts.extend(
            file.relations
                .iter()
                .enumerate()
                .map(|(i, r)| (record(RecordRef::Relation(i)), r.cite.as_slice())),
        );
        facts.extend(
            file.events
                .iter()
                .enumerate()
                .map(|(i, e)| (record(RecordRef::Event(i)), e.cite.as_slice())),
        );
        for (c, candidacy) in file.candidates.iter().enumerate() {
            facts.extend(
                candidacy
                    .stages
                    .iter()
                    .enumerate()
                    .map(|(s, stage)| (FactRef::Stage(c, s), stage.cite.as_slice())),
            );
        }
        facts.extend(
            file.metrics
                .iter()
                .enumerate()
                .map(|(i, m)| (record(RecordRef::Metric(i)), m.cite.as_slice())),
        );
        for (d, dispute) in file.disputes.iter().enumerate() {
            facts.extend(
                dispute
                    .variants
                    .iter()
                    .enumerate()
                    .map(|(v, variant)| (FactRef::Variant(d, v), variant.cite.as_slice())),
            );
        }
        facts
    }

    /// One line naming a fact, for lists of facts.
    pub fn fact_title(&self, fact: FactRef) -> String {
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
        }
    }

    /// The record a fact belongs to, for jumping to it.
    pub fn fact_record(&self, fact: FactRef) -> RecordRef {
        match fact {
            FactRef::Record(record) => record,
            FactRef::Stage(c, _) => RecordRef::Candidacy(c),
            FactRef::Variant(d, _) => RecordRef::Dispute(d),
        }
    }

    /// True when `source` is `ancestor` or relies on it through its `via` chain.
    pub fn traces_to(&self, source: usize, ancestor: usize) -> bool {
        let mut current = source;
        for _ in 0..=self.file.sources.len() {
            if current == ancestor {
                return true;
            }
            match self.file.sources[current].via.as_deref() {
                Some(via) => current = self.source_index(via),
                None => return false,
            }
        }
        false
    }

    /// Facts every citation of which traces to this source: cites it, or cites a source
    /// relying on it. For an upstream report that is everything resting on it alone.
    pub fn facts_resting_on(&self, source: usize) -> Vec<FactRef> {
        self.facts()
            .into_iter()
            .filter(|(_, cite)| {
                !cite.is_empty()
                    && cite
                        .iter()
                        .all(|c| self.traces_to(self.source_index(&c.source), source))
            })
            .map(|(fact, _)| fact)
            .collect()
    }

    /// For every source at once, in one pass over the facts: (facts with a citation
    /// tracing to it, facts every citation of which traces to it).
    pub fn source_fact_counts(&self) -> Vec<(usize, usize)> {
        let chains: Vec<Vec<usize>> = (0..self.file.sources.len())
            .map(|start| {
                let mut chain = vec![start];
                let mut current = start;
                while let Some(via) = self.file.sources[current].via.as_deref() {
                    current = self.source_index(via);
                    if chain.contains(&current) {
                        break;
                    }
                    chain.push(current);
                }
                chain
            })
            .collect();
        let mut counts = vec![(0, 0); self.file.sources.len()];
        let mut any: Vec<usize> = Vec::new();
        for (_, cite) in self.facts() {
            any.clear();
            let mut all: Option<Vec<usize>> = None;
            for citation in cite {
                let chain = &chains[self.source_index(&citation.source)];
                for &s in chain {
                    if !any.contains(&s) {
                        any.push(s);
                    }
                }
                all = Some(match all {
                    None => chain.clone(),
                    Some(common) => common.into_iter().filter(|s| chain.contains(s)).collect(),
                });
            }
            for &s in &any {
                counts[s].0 += 1;
            }
            for s in all.unwrap_or_default() {
                counts[s].1 += 1;
            }
        }
        counts
    }

    /// Days on which a source was (certainly) published, ascending: the stops of `<`/`>`.
    pub fn publication_days(&self) -> Vec<DayNumber> {
        let days: BTreeSet<DayNumber> = self
            .file
            .sources
            .iter()
            .filter_map(|s| s.published.map(|d| d.latest()))
            .collect();
        days.into_iter().collect()
    }

    /// The story as known on `day`: citations of later (or undated) sources removed,
    /// facts left without a citation dropped, disputes left with one version dropped.
    pub fn as_of(&self, day: DayNumber) -> Story {
        let known: BTreeSet<&str> = self
            .file
            .sources
            .iter()
            .filter(|s| s.published.is_some_and(|d| d.certainly_by(day)))
            .map(|s| s.id.as_str())
            .collect();
        let keep = |cite: &mut Vec<Citation>| {
            cite.retain(|c| known.contains(c.source.as_str()));
            !cite.is_empty()
        };
        let mut file: StoryFile = StoryFile::clone(&self.file);
        // Sources not yet published go too, except upstream reports that a known
        // source already relies on (they are how its origin is counted).
        // Each known source's chain is walked upward until it meets a source already
        // listed, so every source is visited once.
        let mut listed: BTreeSet<&str> = BTreeSet::new();
        for source in &self.file.sources {
            let mut current = source;
            if !known.contains(current.id.as_str()) {
                continue;
            }
            while listed.insert(current.id.as_str()) {
                match current.via.as_deref() {
                    Some(via) => current = &self.file.sources[self.source_index(via)],
                    None => break,
                }
            }
        }
        file.sources.retain(|s| listed.contains(s.id.as_str()));
        file.relations.retain_mut(|r| keep(&mut r.cite));
        file.events.retain_mut(|e| keep(&mut e.cite));
        file.metrics.retain_mut(|m| keep(&mut m.cite));
        for candidacy in &mut file.candidates {
            candidacy.stages.retain_mut(|s| keep(&mut s.cite));
        }
        file.candidates.retain(|c| !c.stages.is_empty());
        for dispute in &mut file.disputes {
            dispute.variants.retain_mut(|v| keep(&mut v.cite));
        }
        file.disputes.retain(|d| d.variants.len() >= 2);
        // An entity stays while a surviving citation names it or a surviving fact
        // refers to it, so no reference is left dangling.
        let mut referenced: BTreeSet<String> = BTreeSet::new();
        for r in &file.relations {
            referenced.extend([r.from.clone(), r.to.clone()]);
        }
        for e in &file.events {
            referenced.extend(e.entities.iter().cloned());
        }
        for m in &file.metrics {
            referenced.insert(m.subject.clone());
            referenced.extend(m.stated_by.iter().cloned());
        }
        for c in &file.candidates {
            referenced.extend([c.candidate.clone(), c.seeker.clone()]);
        }
        file.entities.retain_mut(|e| {
            let named = keep(&mut e.cite);
            named || referenced.contains(&e.id)
        });
        let surviving: BTreeSet<String> = file
            .entities
            .iter()
            .map(|e| e.id.clone())
            .chain(file.relations.iter().map(|r| r.id.clone()))
            .chain(file.events.iter().map(|e| e.id.clone()))
            .chain(file.candidates.iter().map(|c| c.id.clone()))
            .chain(file.metrics.iter().map(|m| m.id.clone()))
            .collect();
        for dispute in &mut file.disputes {
            dispute.about.retain(|id| surviving.contains(id));
        }
        // Entities kept only for a reference keep their record but cite nothing known
        // yet; the original citations stand in so the record stays valid.
        for entity in &mut file.entities {
            if entity.cite.is_empty() {
                let original = &self.file.entities[self.entity_index(&entity.id)];
                entity.cite = original.cite.clone();
            }
        }
        Story::build(file, &self.origin).unwrap_or_else(|_| self.clone())
    }

    /// Records the fact is disputed in, through its record.
    pub fn is_disputed(&self, record: RecordRef) -> bool {
        !self.disputes_about(record).is_empty()
    }
}
