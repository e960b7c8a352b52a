//! The story's side of search: every named record of a story as (record, name) entries
//! for the `storyscope-search` engine, each entity weighted by how much of the story
//! refers to it. The engine knows nothing of stories; this is the only place they meet.

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

/// The index of every named record of `story`.
pub fn build_index(story: &Story) -> SearchIndex {
    SearchIndex::from_entries(search_entries(story))
}

/// One entry per name: entities by name and each alias, events, metrics, relations,
/// candidacies, sources, disputes. Each name holds no spare room (a `format!`ted line
/// keeps up to as much again as it uses, and the index keeps every name while the
/// story is open).
pub fn search_entries(story: &Story) -> Vec<SearchEntry> {
    let file = &story.file;
    let mut entries = Vec::with_capacity(
        file.entities.len() * 2
            + file.events.len()
            + file.metrics.len()
            + file.relations.len()
            + file.candidates.len()
            + file.sources.len()
            + file.disputes.len(),
    );
    let mut push = |target: RecordRef, mut text: String, alias_of: Option<&str>| {
        text.shrink_to_fit();
        entries.push(SearchEntry {
            target,
            kind: kind(target),
            text,
            alias_of: alias_of.map(str::to_owned),
            weight: weight(story, target),
        });
    };
    for (i, entity) in file.entities.iter().enumerate() {
        push(RecordRef::Entity(i), entity.name.clone(), None);
        for alias in &entity.aliases {
            push(RecordRef::Entity(i), alias.clone(), Some(&entity.name));
        }
    }
    for (i, event) in file.events.iter().enumerate() {
        push(RecordRef::Event(i), event.title.to_string(), None);
    }
    for (i, metric) in file.metrics.iter().enumerate() {
        push(RecordRef::Metric(i), metric.label.clone(), None);
    }
    // A relation is found by its kind, known or not ("member of"), and by the two
    // entities; the kind comes first so that a query for a name ranks the entity's
    // own record and its events above the many lines that merely mention it.
    for (i, relation) in file.relations.iter().enumerate() {
        let line = format!(
            "{}: {} → {}",
            relation.kind.label(),
            story.entity_name(&relation.from),
            story.entity_name(&relation.to)
        );
        push(RecordRef::Relation(i), line, None);
    }
    // "Sam Altman as chief executive, weighed by Halden board": two candidacies of
    // one person are told apart in the results.
    for i in 0..file.candidates.len() {
        let target = RecordRef::Candidacy(i);
        push(target, story.record_title(target), None);
    }
    for (i, source) in file.sources.iter().enumerate() {
        let line = format!("{} — {}", source.outlet, source.title);
        push(RecordRef::Source(i), line, None);
    }
    for (i, dispute) in file.disputes.iter().enumerate() {
        push(RecordRef::Dispute(i), dispute.point.clone(), None);
    }
    entries
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
