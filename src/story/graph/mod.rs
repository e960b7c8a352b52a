//! The resolved story: records in arenas (the file's own vectors) plus indexes from
//! ids and from each entity to everything that mentions it, built and validated once
//! at load. Beside it, what is read off the graph for every view: provenance and
//! origins, the author's notes, passages, consistency, statuses over time, and what a
//! narrowing kept.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

mod author_notes;
pub(crate) mod authored;
pub(crate) mod consistency;
pub(crate) mod event_entities;
mod id_index;
pub(crate) mod narrowing;
pub(crate) mod origin;
pub(crate) mod passage;
pub(crate) mod provenance;
mod records;
mod resolve;
mod source_names;
pub(crate) mod source_tally;
pub(crate) mod status_history;
mod timeline_order;
mod validate;

use crate::story::model::{Citation, Source, StoryFile};
use crate::story::problem::{Problem, cap_problems};

use id_index::{IdIndex, IdLookup, index_ids};
pub(crate) use records::record_path;
#[cfg(test)]
pub(crate) use timeline_order::SORTED_WHILE_CHECKING_FROM;
pub(crate) use timeline_order::Sort;
use validate::{Checker, resolve_source_roots};

/// A record in the story, by its index in the list of its kind in `StoryFile`
/// (file order). Indexes are only meaningful for the story that made them: a story
/// narrowed to a date has its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordRef {
    /// An index into `sources`.
    Source(usize),
    /// An index into `entities`.
    Entity(usize),
    /// An index into `relations`.
    Relation(usize),
    /// An index into `events`.
    Event(usize),
    /// An index into `candidates`.
    Candidacy(usize),
    /// An index into `metrics`.
    Metric(usize),
    /// An index into `disputes`.
    Dispute(usize),
}

impl RecordRef {
    /// The record's kind as a small number (0–6, in the enum's order) and its index:
    /// how the compact keys of the id index and the search index pack a record.
    pub(crate) fn kind_and_index(self) -> (u8, usize) {
        match self {
            RecordRef::Source(i) => (0, i),
            RecordRef::Entity(i) => (1, i),
            RecordRef::Relation(i) => (2, i),
            RecordRef::Event(i) => (3, i),
            RecordRef::Candidacy(i) => (4, i),
            RecordRef::Metric(i) => (5, i),
            RecordRef::Dispute(i) => (6, i),
        }
    }

    /// The record `kind_and_index` gave `(kind, index)` for (a kind past 6 reads as a
    /// dispute, the last).
    pub(crate) fn from_kind_and_index(kind: u8, index: usize) -> RecordRef {
        match kind {
            0 => RecordRef::Source(index),
            1 => RecordRef::Entity(index),
            2 => RecordRef::Relation(index),
            3 => RecordRef::Event(index),
            4 => RecordRef::Candidacy(index),
            5 => RecordRef::Metric(index),
            _ => RecordRef::Dispute(index),
        }
    }

    pub(crate) fn kind_label(self) -> &'static str {
        match self {
            RecordRef::Source(_) => "source",
            RecordRef::Entity(_) => "entity",
            RecordRef::Relation(_) => "relation",
            RecordRef::Event(_) => "event",
            RecordRef::Candidacy(_) => "candidacy",
            RecordRef::Metric(_) => "metric",
            RecordRef::Dispute(_) => "dispute",
        }
    }
}

/// Everything that points at one entity, each list in file order.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntityLinks {
    /// Relations with the entity at either end.
    pub(crate) relations: Vec<usize>,
    /// Events that list it among their entities (arena indexes: 32 bits hold any
    /// story that fits in memory, and halve the largest of these lists).
    pub(crate) events: Vec<u32>,
    /// Metrics about it or stated by it.
    pub(crate) metrics: Vec<usize>,
    /// Candidacies with it as candidate or seeker.
    pub(crate) candidacies: Vec<usize>,
}

impl EntityLinks {
    /// The events that list the entity, as arena indexes, in file order.
    pub(crate) fn event_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.events.iter().map(|&event| event as usize)
    }

    /// Drops the room the lists grew into while validation linked records: they are
    /// kept for the story's life, and a list grown by doubling is up to half empty.
    fn fit(&mut self) {
        self.relations.shrink_to_fit();
        self.events.shrink_to_fit();
        self.metrics.shrink_to_fit();
        self.candidacies.shrink_to_fit();
    }
}

/// A loaded, validated story. Every id it holds resolves.
///
/// The records and the indexes sit behind `Arc`s: a clone (the explorer keeps the whole
/// story next to its as-of view) costs two reference counts, not a copy of 100k events.
#[derive(Debug, Clone)]
pub struct Story {
    /// The records as in the file; every id in them resolves. Shared, never mutated.
    pub file: Arc<StoryFile>,
    /// Where it came from, for provenance lines: a path or "embedded story".
    pub origin: String,
    indexes: Arc<Indexes>,
    /// Set on a story narrowed to a date (`Story::as_of`): what the narrowing kept.
    pub(crate) narrowing: Option<Arc<crate::story::graph::narrowing::Narrowing>>,
}

#[derive(Debug)]
struct Indexes {
    ids: IdIndex,
    entity_links: Vec<EntityLinks>,
    /// Each event's entities as indexes; made on first use (an export's).
    event_entities: OnceLock<event_entities::EventEntities>,
    /// For each source, the source at the end of its `via` chain.
    source_roots: Vec<usize>,
    /// For each record, the disputes that are about it.
    disputes_about: HashMap<RecordRef, Vec<usize>, foldhash::fast::RandomState>,
    /// Every event, in timeline order; sorted while checking a big story, else on
    /// first use.
    events_by_date: OnceLock<Vec<usize>>,
    /// Each source's name where it is named alone; made on first use.
    source_names: OnceLock<Vec<String>>,
    /// How many citations the story holds, and how many of them carry a quote:
    /// counted by validation, which reads every citation anyway.
    citation_counts: (usize, usize),
    /// For each source, the facts it stands behind: tallied while the citations were
    /// resolved (`source_tally`).
    source_fact_counts: source_tally::SourceCounts,
}

impl Story {
    /// Indexes and validates; returns every problem found.
    pub fn build(file: StoryFile, origin: &str) -> Result<Story, Vec<Problem>> {
        Story::build_with(file, origin, &[], Sort::OnFirstUse)
    }

    /// As `build`, for a story to be shown or exported: a big one's timeline order is
    /// made while it is checked.
    pub fn build_to_show(file: StoryFile, origin: &str) -> Result<Story, Vec<Problem>> {
        Story::build_with(file, origin, &[], Sort::WhileChecking)
    }

    /// As `build`, except that the entities flagged in `uncited` may have no citation
    /// (a story narrowed to a date keeps those as "named, not yet described"), and the
    /// timeline order is made when `sort` says.
    pub(crate) fn build_with(
        mut file: StoryFile,
        origin: &str,
        uncited: &[bool],
        sort: Sort,
    ) -> Result<Story, Vec<Problem>> {
        let mut problems = Vec::new();
        let ids = index_ids(&file, &mut problems);
        let lookup = IdLookup {
            index: &ids,
            file: &file,
        };
        let citations = validate::citation_count(&file);
        let mut checker = Checker::new(lookup, &mut problems, uncited, citations);
        let ((), events_by_date) = timeline_order::check_and_sort(
            &file.events,
            (sort, timeline_order::SORTED_WHILE_CHECKING_FROM),
            || checker.check_all(&file),
        );
        let Checker {
            links: mut entity_links,
            disputes_about,
            cited,
            quotes,
            ..
        } = checker;
        entity_links.iter_mut().for_each(EntityLinks::fit);
        let source_roots = resolve_source_roots(&file, &ids, &mut problems);
        author_notes::check_notes(&file, &mut problems);
        if !problems.is_empty() {
            return Err(cap_problems(problems));
        }
        let source_fact_counts = resolve::resolve_citations(&mut file, &ids, &cited);
        Ok(Story {
            file: Arc::new(file),
            origin: origin.to_owned(),
            indexes: Arc::new(Indexes {
                ids,
                entity_links,
                event_entities: OnceLock::new(),
                source_roots,
                disputes_about,
                events_by_date: events_by_date.map_or_else(OnceLock::new, OnceLock::from),
                source_names: OnceLock::new(),
                citation_counts: (cited.len(), quotes),
                source_fact_counts,
            }),
            narrowing: None,
        })
    }

    /// The record with this id, of whatever kind; None for an id the story lacks.
    pub fn lookup(&self, id: &str) -> Option<RecordRef> {
        self.ids().get(id)
    }

    /// The id index with the records it points into.
    fn ids(&self) -> IdLookup<'_> {
        IdLookup {
            index: &self.indexes.ids,
            file: &self.file,
        }
    }

    /// The arena index of an entity id that validation has already checked.
    pub fn entity_index(&self, id: &str) -> usize {
        match self.ids().get(id) {
            Some(RecordRef::Entity(index)) => index,
            _ => unreachable!("validated entity reference `{id}`"),
        }
    }

    /// The arena indexes of the entities each event lists, in its order: made on
    /// first use, on two threads for a long list of events, and kept (only views that
    /// show every event's entities ask, so a story only looked at does not hold them).
    pub(crate) fn event_entities(&self) -> &event_entities::EventEntities {
        (self.indexes.event_entities).get_or_init(|| event_entities::EventEntities::of(&self.file))
    }

    pub(crate) fn entity_name(&self, id: &str) -> &str {
        &self.file.entities[self.entity_index(id)].name
    }

    /// The arena index of a source id that validation has already checked.
    pub fn source_index(&self, id: &str) -> usize {
        match self.ids().get(id) {
            Some(RecordRef::Source(index)) => index,
            _ => unreachable!("validated source reference `{id}`"),
        }
    }

    /// The arena index of a citation's source: the one `build` recorded in it, after
    /// checking that it still names that source (a citation of another story, or one
    /// made outside `build`, is looked up by id).
    pub fn cited_source(&self, citation: &Citation) -> usize {
        match citation.resolved.source() {
            Some(index) if self.is_source_at(index, &citation.source) => index,
            _ => self.source_index(&citation.source),
        }
    }

    /// True when the source at arena index `index` has the id `id`.
    pub(crate) fn is_source_at(&self, index: usize, id: &str) -> bool {
        self.file.sources.get(index).is_some_and(|s| s.id == id)
    }

    /// The source with id `id`, a reference validation has already checked.
    pub(crate) fn source(&self, id: &str) -> &Source {
        &self.file.sources[self.source_index(id)]
    }

    /// Everything that points at the entity at arena index `entity`.
    pub(crate) fn links(&self, entity: usize) -> &EntityLinks {
        &self.indexes.entity_links[entity]
    }

    /// Every event's arena index in timeline order: by date (`DateSpec`'s order), then
    /// file order. Sorted once, on first use, on integer keys: comparing `DateSpec`s
    /// directly would recompute their days at every comparison.
    pub fn events_by_date(&self) -> &[usize] {
        (self.indexes.events_by_date)
            .get_or_init(|| timeline_order::events_by_date(&self.file.events))
    }

    /// When a story narrowed from this one makes its timeline order: as this one did, so
    /// that a story loaded to be shown is narrowed ready to be shown, and one loaded
    /// to be checked (`check --as-of`) does not sort.
    pub(crate) fn sort_of_narrowed(&self) -> Sort {
        match self.indexes.events_by_date.get() {
            Some(_) => Sort::WhileChecking,
            None => Sort::OnFirstUse,
        }
    }

    /// How many citations the story holds, and how many carry a quote.
    pub(crate) fn citation_counts(&self) -> (usize, usize) {
        self.indexes.citation_counts
    }

    /// Where each source's name (see `story::source_names`) is kept once made.
    pub(crate) fn source_names_cache(&self) -> &OnceLock<Vec<String>> {
        &self.indexes.source_names
    }

    /// The source at the end of `source`'s `via` chain: its independent origin.
    pub fn source_root(&self, source: usize) -> usize {
        self.indexes.source_roots[source]
    }

    /// Disputes whose `about` names this record.
    pub(crate) fn disputes_about(&self, record: RecordRef) -> &[usize] {
        self.indexes
            .disputes_about
            .get(&record)
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests;
