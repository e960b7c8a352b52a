//! The story's side of search: every named record of a story as (record, name) entries
//! for the `storyscope-search` engine, each entity weighted by how much of the story
//! refers to it. The engine knows nothing of stories; this is the only place they meet.

use std::borrow::Cow;

use crate::story::graph::{RecordRef, Story};
pub use storyscope_search::{MatchTier, NameKind};

/// An index over a story's names (see `build_index`).
pub type SearchIndex = storyscope_search::SearchIndex<SearchKey>;
/// One name of a story's record.
pub type SearchEntry = storyscope_search::SearchEntry<SearchKey>;
/// One record of a story found by a search (`hit.target.record()` is the record).
pub type SearchHit = storyscope_search::SearchHit<SearchKey>;
/// A search thread over a story's index.
pub type SearchWorker = storyscope_search::SearchWorker<SearchKey>;
/// The hits a `SearchWorker` found for one query.
pub type SearchResults = storyscope_search::SearchResults<SearchKey>;

/// A story's record as the search index keys it, in 4 bytes where a `RecordRef` takes
/// 16 (the index keeps one a name): its kind in the top 3 bits, its index below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SearchKey(u32);

/// Where a `SearchKey`'s kind starts: indexes up to 2^29 (half a billion) fit below.
const KIND_SHIFT: u32 = 29;

impl SearchKey {
    /// The key of `record`; None for one past 2^29 records of its kind (such a record is
    /// left out of the index rather than confused with another).
    pub fn new(record: RecordRef) -> Option<SearchKey> {
        let (kind, index) = record.kind_and_index();
        let index = u32::try_from(index).ok().filter(|&i| i < 1 << KIND_SHIFT)?;
        Some(SearchKey(u32::from(kind) << KIND_SHIFT | index))
    }

    /// The record this key stands for.
    pub fn record(self) -> RecordRef {
        let index = (self.0 & ((1 << KIND_SHIFT) - 1)) as usize;
        // The top 3 bits: a kind, 0–7.
        RecordRef::from_kind_and_index((self.0 >> KIND_SHIFT) as u8, index)
    }
}

/// The index of every named record of `story`. It keeps the names lower-cased only:
/// `shown_name` gives a hit's name as shown, from the story.
pub fn build_index(story: &Story) -> SearchIndex {
    SearchIndex::from_entries(search_entries(story), |entries, entry| {
        let target = |i: usize| entries.get(i).map(|e| e.target.record());
        name_of(story, entries.len(), &target, entry).map_or(Cow::Borrowed(""), |name| name.text)
    })
}

/// One entry per name: entities by name and each alias (an entity's entries together,
/// its name first: `shown_name` counts on it), then events, metrics, relations,
/// candidacies, sources, disputes. (A record past 2^29 of its kind has none:
/// `SearchKey::new`.)
pub fn search_entries(story: &Story) -> Vec<SearchEntry> {
    let file = &story.file;
    let aliases: usize = file.entities.iter().map(|e| e.aliases.len()).sum();
    let mut entries = Vec::with_capacity(
        file.entities.len()
            + aliases
            + file.events.len()
            + file.metrics.len()
            + file.relations.len()
            + file.candidates.len()
            + file.sources.len()
            + file.disputes.len(),
    );
    let mut push = |target: RecordRef, alias: bool| {
        if let Some(key) = SearchKey::new(target) {
            entries.push(SearchEntry {
                target: key,
                kind: kind(target),
                alias,
                weight: weight(story, target),
            });
        }
    };
    for (i, entity) in file.entities.iter().enumerate() {
        push(RecordRef::Entity(i), false);
        for _ in &entity.aliases {
            push(RecordRef::Entity(i), true);
        }
    }
    let others = [
        (
            file.events.len(),
            RecordRef::Event as fn(usize) -> RecordRef,
        ),
        (file.metrics.len(), RecordRef::Metric),
        (file.relations.len(), RecordRef::Relation),
        (file.candidates.len(), RecordRef::Candidacy),
        (file.sources.len(), RecordRef::Source),
        (file.disputes.len(), RecordRef::Dispute),
    ];
    for (count, record) in others {
        for i in 0..count {
            push(record(i), false);
        }
    }
    entries
}

/// A name of a story's record as the search shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownName<'s> {
    /// The name as shown; for an alias, the alias itself.
    pub text: Cow<'s, str>,
    /// Set when `text` is an alias: the entity's main name.
    pub alias_of: Option<&'s str>,
}

/// Entry `entry`'s name as shown, read from `story` (`targets` as `search_entries`
/// gave them, e.g. `SearchIndex::targets`); None for an entry that is not one of
/// them. Relations are found by their kind, known or not ("member of"), and the two
/// entities, the kind first so that a query for a name ranks the entity's own record
/// and its events above the many lines that merely mention it; candidacies as "Sam
/// Altman as chief executive, weighed by Halden board" (two candidacies of one person
/// are told apart); sources by outlet and title.
pub fn shown_name<'s>(
    story: &'s Story,
    targets: &[SearchKey],
    entry: usize,
) -> Option<ShownName<'s>> {
    let target = |i: usize| targets.get(i).map(|key| key.record());
    name_of(story, targets.len(), &target, entry)
}

/// `shown_name`, the entries' records given by `target` (`count` of them).
fn name_of<'s>(
    story: &'s Story,
    count: usize,
    target: &dyn Fn(usize) -> Option<RecordRef>,
    entry: usize,
) -> Option<ShownName<'s>> {
    let file = &*story.file;
    let found = target(entry)?;
    let own = |text: Cow<'s, str>| ShownName {
        text,
        alias_of: None,
    };
    Some(match found {
        RecordRef::Entity(i) => {
            let entity = file.entities.get(i)?;
            // The entity's entries run from its name: an entry after it is alias
            // `entry - first - 1`.
            let first = first_where(
                count,
                |j| !matches!(target(j), Some(RecordRef::Entity(k)) if k < i),
            );
            if entry == first {
                return Some(own(Cow::Borrowed(&entity.name)));
            }
            let together = (first..entry).all(|j| target(j) == Some(found));
            let alias = entity.aliases.get(entry.checked_sub(first + 1)?)?;
            ShownName {
                text: Cow::Borrowed(together.then_some(alias.as_str())?),
                alias_of: Some(&entity.name),
            }
        }
        RecordRef::Event(i) => own(Cow::Borrowed(file.events.get(i)?.title())),
        RecordRef::Metric(i) => own(Cow::Borrowed(&file.metrics.get(i)?.label)),
        RecordRef::Relation(i) => {
            let relation = file.relations.get(i)?;
            own(Cow::Owned(format!(
                "{}: {} → {}",
                relation.kind.label(),
                story.entity_name(&relation.from),
                story.entity_name(&relation.to)
            )))
        }
        RecordRef::Candidacy(i) => {
            file.candidates.get(i)?;
            own(Cow::Owned(story.record_title(found)))
        }
        RecordRef::Source(i) => {
            let source = file.sources.get(i)?;
            own(Cow::Owned(format!("{} — {}", source.outlet, source.title)))
        }
        RecordRef::Dispute(i) => own(Cow::Borrowed(&file.disputes.get(i)?.point)),
    })
}

/// The first of `0..count` where `holds` does, given that it holds from there on.
fn first_where(count: usize, holds: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        if holds(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    low
}

/// An entity's names are its own (a query that is one ranks it first); a relation's
/// line mentions two entities (their own names rank first at an equal score).
fn kind(target: RecordRef) -> NameKind {
    match target {
        RecordRef::Entity(_) => NameKind::Own,
        RecordRef::Relation(_) => NameKind::Mention,
        _ => NameKind::Title,
    }
}

/// How many records refer to an entity (relations, events, metrics, candidacies,
/// disputes); other records weigh nothing.
fn weight(story: &Story, target: RecordRef) -> u32 {
    match target {
        RecordRef::Entity(i) => {
            let links = story.links(i);
            let total = links.relations.len()
                + links.events.len()
                + links.metrics.len()
                + links.candidacies.len()
                + story.disputes_about(target).len();
            u32::try_from(total).unwrap_or(u32::MAX)
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
