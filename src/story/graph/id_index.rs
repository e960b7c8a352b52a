//! The first check of a story file: every record's id, indexed, with each duplicate
//! or malformed id reported; everything after looks ids up here.
//!
//! The index holds no copy of the ids: a slot is a record's kind and position (eight
//! bytes), and a lookup compares the id asked for with the record's own id in the
//! file. A map keyed by owned ids cost 80 bytes and one allocation per record (11 MB
//! at 100k events, a tenth of the load's peak); this costs under 20.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::story::graph::{RecordRef, record_path};
use crate::story::model::StoryFile;
use crate::story::problem::Problem;

/// Every record of one story by its id. Only meaningful with the file it was built
/// from: look ids up through `IdLookup`.
#[derive(Debug, Default)]
pub(crate) struct IdIndex {
    /// The ids cut into parts by a bit of their hash, each part built on its own
    /// thread (one part for a small story).
    parts: Vec<HashTable<Slot>>,
    /// foldhash is several times faster than the default SipHash on short ids and
    /// still seeded per process.
    hasher: foldhash::fast::RandomState,
}

/// Stories with fewer records are indexed in one part, on one thread.
const TWO_PARTS_FROM: usize = 50_000;

/// Which of `parts` parts (1 or 2) an id with this hash is in: a bit from the hash's
/// middle, neither the top bits the table keeps as tags nor the low bits that place a
/// slot. A mask, not a remainder: every lookup of a load asks this.
fn part_of(hash: u64, parts: usize) -> usize {
    debug_assert!(parts <= 2);
    (hash >> 40) as usize & parts.saturating_sub(1)
}

/// A record as the index keeps it: its kind (0–6, `RecordRef`'s order) and its
/// position in its list.
#[derive(Debug, Clone, Copy)]
struct Slot {
    index: u32,
    kind: u8,
}

impl Slot {
    /// None for a list longer than u32 can count (no story file is that big).
    fn of(record: RecordRef) -> Option<Slot> {
        let (kind, index) = record.kind_and_index();
        Some(Slot {
            index: u32::try_from(index).ok()?,
            kind,
        })
    }

    fn record(self) -> RecordRef {
        RecordRef::from_kind_and_index(self.kind, self.index as usize)
    }
}

/// An index with the file it was built from: what lookups need.
#[derive(Clone, Copy)]
pub(crate) struct IdLookup<'a> {
    pub(crate) index: &'a IdIndex,
    pub(crate) file: &'a StoryFile,
}

impl<'a> IdLookup<'a> {
    /// The record with this id, of whatever kind.
    pub(crate) fn get(self, id: &str) -> Option<RecordRef> {
        let hash = self.index.hasher.hash_one(id);
        let part = self
            .index
            .parts
            .get(part_of(hash, self.index.parts.len()))?;
        let found = part.find(hash, |slot| {
            record_id(self.file, slot.record()).is_some_and(|own| own == id)
        });
        found.map(|slot| slot.record())
    }

    /// Every indexed id with its record, in no particular order.
    pub(crate) fn iter(self) -> impl Iterator<Item = (&'a str, RecordRef)> {
        let slots = self.index.parts.iter().flatten();
        slots.filter_map(move |slot| {
            let record = slot.record();
            record_id(self.file, record).map(|id| (id, record))
        })
    }
}

/// The id of `record` in `file`; None when `file` has no such record.
fn record_id(file: &StoryFile, record: RecordRef) -> Option<&str> {
    let id: &str = match record {
        RecordRef::Source(i) => &file.sources.get(i)?.id,
        RecordRef::Entity(i) => &file.entities.get(i)?.id,
        RecordRef::Relation(i) => &file.relations.get(i)?.id,
        RecordRef::Event(i) => &file.events.get(i)?.id,
        RecordRef::Candidacy(i) => &file.candidates.get(i)?.id,
        RecordRef::Metric(i) => &file.metrics.get(i)?.id,
        RecordRef::Dispute(i) => &file.disputes.get(i)?.id,
    };
    Some(id)
}

/// Every id in `file`, indexed; duplicates are reported in `problems`, in the order
/// of the records. A big story's ids are indexed in two parts on two threads (the
/// index was a tenth of a load, on one thread).
pub(super) fn index_ids(file: &StoryFile, problems: &mut Vec<Problem>) -> IdIndex {
    let parts = if record_count(file) >= TWO_PARTS_FROM {
        2
    } else {
        1
    };
    index_ids_in(file, problems, parts)
}

/// `index_ids` in `parts` parts (1 or 2), each on its own thread.
pub(super) fn index_ids_in(file: &StoryFile, problems: &mut Vec<Problem>, parts: usize) -> IdIndex {
    let hasher = foldhash::fast::RandomState::default();
    let part = |number: usize| index_part(file, &hasher, number, parts);
    let built: Vec<Part> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..parts)
            .map(|number| std::thread::Builder::new().spawn_scoped(scope, move || part(number)))
            .collect();
        let mut built = vec![part(0)];
        for (number, helper) in (1..parts).zip(helpers) {
            // A thread the system refused: this one builds its part.
            built.push(match helper {
                Ok(helper) => helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
                Err(_) => part(number),
            });
        }
        built
    });
    let mut found: Vec<(usize, Problem)> = Vec::new();
    let mut tables = Vec::with_capacity(parts);
    for (table, part_problems) in built {
        tables.push(table);
        found.extend(part_problems);
    }
    found.sort_by_key(|&(position, _)| position);
    problems.extend(found.into_iter().map(|(_, problem)| problem));
    IdIndex {
        parts: tables,
        hasher,
    }
}

/// One part's table, and its problems with the position of the record each is about.
type Part = (HashTable<Slot>, Vec<(usize, Problem)>);

/// The ids of `file` whose hash puts them in part `number` of `parts`, indexed.
fn index_part(
    file: &StoryFile,
    hasher: &foldhash::fast::RandomState,
    number: usize,
    parts: usize,
) -> Part {
    // A part's share of the ids is half give or take a few hundred: room for a little
    // more, so that a part is never grown (and rehashed) as it fills.
    let records = record_count(file);
    let room = records / parts + if parts > 1 { records / 64 } else { 0 };
    let mut slots: HashTable<Slot> = HashTable::with_capacity(room + 1);
    let mut problems = Vec::new();
    let rehash = |slot: &Slot| record_id(file, slot.record()).map_or(0, |id| hasher.hash_one(id));
    for (position, record) in all_records(file).enumerate() {
        let Some(id) = record_id(file, record) else {
            continue;
        };
        let hash = hasher.hash_one(id);
        if part_of(hash, parts) != number {
            continue;
        }
        if id.trim().is_empty() {
            let problem = Problem::at(format!("{}.id", record_path(record)), "empty id")
                .with_hint("give the record a unique id");
            problems.push((position, problem));
            continue;
        }
        let same = |slot: &Slot| record_id(file, slot.record()) == Some(id);
        if let Some(first) = slots.find(hash, same) {
            let problem = Problem::at(
                format!("{}.id", record_path(record)),
                format!(
                    "duplicate id `{id}`, first used at {}",
                    record_path(first.record())
                ),
            )
            .with_hint("ids must be unique across the whole file");
            problems.push((position, problem));
        } else if let Some(slot) = Slot::of(record) {
            slots.insert_unique(hash, slot, rehash);
        }
    }
    (slots, problems)
}

fn record_count(file: &StoryFile) -> usize {
    file.sources.len()
        + file.entities.len()
        + file.relations.len()
        + file.events.len()
        + file.candidates.len()
        + file.metrics.len()
        + file.disputes.len()
}

/// Every record of `file`, sources first, in the file's order of lists.
fn all_records(file: &StoryFile) -> impl Iterator<Item = RecordRef> {
    (0..file.sources.len())
        .map(RecordRef::Source)
        .chain((0..file.entities.len()).map(RecordRef::Entity))
        .chain((0..file.relations.len()).map(RecordRef::Relation))
        .chain((0..file.events.len()).map(RecordRef::Event))
        .chain((0..file.candidates.len()).map(RecordRef::Candidacy))
        .chain((0..file.metrics.len()).map(RecordRef::Metric))
        .chain((0..file.disputes.len()).map(RecordRef::Dispute))
}

#[cfg(test)]
mod tests;
