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
    slots: HashTable<Slot>,
    /// foldhash is several times faster than the default SipHash on short ids and
    /// still seeded per process.
    hasher: foldhash::fast::RandomState,
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
        let found = self.index.slots.find(hash, |slot| {
            record_id(self.file, slot.record()).is_some_and(|own| own == id)
        });
        found.map(|slot| slot.record())
    }

    /// Every indexed id with its record, in no particular order.
    pub(crate) fn iter(self) -> impl Iterator<Item = (&'a str, RecordRef)> {
        self.index.slots.iter().filter_map(move |slot| {
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

/// Every id in `file`, indexed; duplicates are reported in `problems`.
pub(super) fn index_ids(file: &StoryFile, problems: &mut Vec<Problem>) -> IdIndex {
    let mut index = IdIndex::default();
    index.slots.reserve(record_count(file), |_| 0);
    let hasher = index.hasher.clone();
    let rehash = |slot: &Slot| record_id(file, slot.record()).map_or(0, |id| hasher.hash_one(id));
    for record in all_records(file) {
        let Some(id) = record_id(file, record) else {
            continue;
        };
        if id.trim().is_empty() {
            problems.push(
                Problem::at(format!("{}.id", record_path(record)), "empty id")
                    .with_hint("give the record a unique id"),
            );
            continue;
        }
        let lookup = IdLookup {
            index: &index,
            file,
        };
        if let Some(first) = lookup.get(id) {
            problems.push(
                Problem::at(
                    format!("{}.id", record_path(record)),
                    format!("duplicate id `{id}`, first used at {}", record_path(first)),
                )
                .with_hint("ids must be unique across the whole file"),
            );
        } else if let Some(slot) = Slot::of(record) {
            index.slots.insert_unique(hasher.hash_one(id), slot, rehash);
        }
    }
    index
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
