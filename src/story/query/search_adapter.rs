//! The story's side of search: every named record of a story as (record, name) entries
//! for the `storyscope-search` engine, each entity weighted by how much of the story
//! refers to it. The engine knows nothing of stories; this is the only place they meet.

use std::borrow::Cow;

use crate::story::graph::{RecordRef, Story};
pub use storyscope_search::{MatchTier, NameKind};

/// An index over a story's names (see `build_index`).
pub type SearchIndex = storyscope_search::SearchIndex<RecordRef>;
/// One name of a story's record.
pub type SearchEntry = storyscope_search::SearchEntry<RecordRef>;
/// One record of a story found by a search.
pub type SearchHit = storyscope_search::SearchHit<RecordRef>;
/// A search thread over a story's index.
pub type SearchWorker = storyscope_search::SearchWorker<RecordRef>;
/// The hits a `SearchWorker` found for one query.
pub type SearchResults = storyscope_search::SearchResults<RecordRef>;

/// The index of every named record of `story`. It keeps the names lower-cased only:
/// `shown_name` gives a hit's name as shown, from the story.
pub fn build_index(story: &Story) -> SearchIndex {
    SearchIndex::from_entries(search_entries(story), |entries, entry| {
        shown_name(story, entries, entry).map_or(Cow::Borrowed(""), |name| name.text)
    })
}

/// One entry per name: entities by name and each alias (an entity's entries together,
/// its name first: `shown_name` counts on it), then events, metrics, relations,
/// candidacies, sources, disputes.
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
        entries.push(SearchEntry {
            target,
            kind: kind(target),
            alias,
            weight: weight(story, target),
        });
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

/// Entry `entry`'s name as shown, read from `story` (`entries` as `search_entries`
/// gave them, e.g. `SearchIndex::entries`); None for an entry that is not one of
/// them. Relations are found by their kind, known or not ("member of"), and the two
/// entities, the kind first so that a query for a name ranks the entity's own record
/// and its events above the many lines that merely mention it; candidacies as "Sam
/// Altman as chief executive, weighed by Halden board" (two candidacies of one person
/// are told apart); sources by outlet and title.
pub fn shown_name<'s>(
    story: &'s Story,
    entries: &[SearchEntry],
    entry: usize,
) -> Option<ShownName<'s>> {
    let file = &*story.file;
    let found = entries.get(entry)?;
    let own = |text: Cow<'s, str>| ShownName {
        text,
        alias_of: None,
    };
    Some(match found.target {
        RecordRef::Entity(i) => {
            let entity = file.entities.get(i)?;
            if !found.alias {
                return Some(own(Cow::Borrowed(&entity.name)));
            }
            // The entity's entries run from its name: this is alias `entry - first - 1`.
            let first =
                entries.partition_point(|e| matches!(e.target, RecordRef::Entity(j) if j < i));
            let together = entries
                .get(first..entry)?
                .iter()
                .all(|e| e.target == found.target);
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
            own(Cow::Owned(story.record_title(found.target)))
        }
        RecordRef::Source(i) => {
            let source = file.sources.get(i)?;
            own(Cow::Owned(format!("{} — {}", source.outlet, source.title)))
        }
        RecordRef::Dispute(i) => own(Cow::Borrowed(&file.disputes.get(i)?.point)),
    })
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
