//! Building the index: one entry per name (entities by name and each alias, events,
//! metrics, candidacies, sources, disputes), lower-cased once, shortest first; then the entity names
//! for own-name matches. (The typo tier's word index waits for the first query that
//! needs it: `SearchIndex::typo_index`.)

use std::sync::{Mutex, OnceLock};

use super::named::OwnNames;
use super::terms;
use super::{SearchEntry, SearchIndex, SlotRank};
use crate::story::graph::{RecordRef, Story};

impl SearchIndex {
    /// The index of every named record of `story`, each entity weighted by how much of
    /// the story refers to it.
    pub fn build(story: &Story) -> SearchIndex {
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
        let mut push = |target: RecordRef, text: String, alias_of: Option<&str>| {
            entries.push(SearchEntry {
                target,
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
            push(RecordRef::Event(i), event.title.clone(), None);
        }
        for (i, metric) in file.metrics.iter().enumerate() {
            push(RecordRef::Metric(i), metric.label.clone(), None);
        }
        // A relation is found by its kind, known or not ("member of"), and by the two
        // entities; the kind comes first so that a query for a name ranks the entity's
        // own record and its events above the many lines that merely mention it.
        for (i, relation) in file.relations.iter().enumerate() {
            push(
                RecordRef::Relation(i),
                format!(
                    "{}: {} → {}",
                    relation.kind.label(),
                    story.entity_name(&relation.from),
                    story.entity_name(&relation.to)
                ),
                None,
            );
        }
        // "Sam Altman as chief executive, weighed by Halden board": two candidacies of
        // one person are told apart in the results.
        for i in 0..file.candidates.len() {
            push(
                RecordRef::Candidacy(i),
                story.record_title(RecordRef::Candidacy(i)),
                None,
            );
        }
        for (i, source) in file.sources.iter().enumerate() {
            push(
                RecordRef::Source(i),
                format!("{} — {}", source.outlet, source.title),
                None,
            );
        }
        for (i, dispute) in file.disputes.iter().enumerate() {
            push(RecordRef::Dispute(i), dispute.point.clone(), None);
        }
        SearchIndex::from_entries(entries)
    }

    /// An index over any names (benchmarks use it for a million of them).
    pub fn from_entries(entries: Vec<SearchEntry>) -> SearchIndex {
        let mut index = SearchIndex::from_entries_in_order(entries);
        index.typos_enabled = true;
        for (slot, &entry) in index.order.iter().enumerate() {
            if matches!(index.entries[entry as usize].target, RecordRef::Entity(_)) {
                let name = &index.haystacks[index.starts[slot]..index.starts[slot + 1]];
                index.own_names.add(slot as u32, name);
            }
        }
        index
    }

    /// An index for in-order (fuzzy) search alone, with no typo tier and no own-name
    /// ranking: the search as it was before typos were forgiven (the benchmark's
    /// baseline).
    pub fn from_entries_in_order(entries: Vec<SearchEntry>) -> SearchIndex {
        // Shortest first, by a counting sort on the length in chars.
        let lengths: Vec<usize> = entries
            .iter()
            .map(|entry| {
                if entry.text.is_ascii() {
                    entry.text.len()
                } else {
                    entry.text.chars().count()
                }
            })
            .collect();
        let longest = lengths.iter().copied().max().unwrap_or(0);
        let mut first_of_length = vec![0usize; longest + 2];
        for &length in &lengths {
            first_of_length[length + 1] += 1;
        }
        for length in 1..first_of_length.len() {
            first_of_length[length] += first_of_length[length - 1];
        }
        let mut order = vec![0u32; entries.len()];
        for (entry, &length) in lengths.iter().enumerate() {
            order[first_of_length[length]] = entry as u32;
            first_of_length[length] += 1;
        }
        let bytes: usize = entries.iter().map(|entry| entry.text.len()).sum();
        let mut haystacks: Vec<u8> = Vec::with_capacity(bytes + bytes / 32);
        let mut starts = Vec::with_capacity(entries.len() + 1);
        let mut ranks = Vec::with_capacity(entries.len());
        for &index in &order {
            let entry = &entries[index as usize];
            let start = haystacks.len();
            starts.push(start);
            if entry.text.is_ascii() {
                haystacks.extend_from_slice(entry.text.as_bytes());
                haystacks[start..].make_ascii_lowercase();
            } else {
                // (Not char by char: a final Σ lower-cases to ς.)
                haystacks.extend_from_slice(entry.text.to_lowercase().as_bytes());
            }
            ranks.push(SlotRank {
                starts: terms::word_starts(&haystacks[start..]),
                alias: entry.is_secondary(),
                weight: entry.weight,
                len: u32::try_from(entry.text.len()).unwrap_or(u32::MAX),
                ascii: entry.text.is_ascii(),
            });
        }
        starts.push(haystacks.len());
        let haystacks = String::from_utf8(haystacks).expect("lower-cased UTF-8 is UTF-8");
        SearchIndex {
            entries,
            order,
            ranks,
            haystacks,
            starts,
            narrowed: Mutex::new(Vec::new()),
            typos: OnceLock::new(),
            typos_enabled: false,
            own_names: OwnNames::default(),
        }
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
