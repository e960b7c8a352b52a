//! The first check of a story file: every record's id, indexed, with each duplicate
//! or malformed id reported; everything after looks ids up here.

use crate::story::graph::{IdMap, RecordRef, record_path};
use crate::story::model::StoryFile;
use crate::story::problem::Problem;

/// Every id in `file`, indexed; duplicates are reported in `problems`.
pub(super) fn index_ids(file: &StoryFile, problems: &mut Vec<Problem>) -> IdMap {
    let total = file.sources.len()
        + file.entities.len()
        + file.relations.len()
        + file.events.len()
        + file.candidates.len()
        + file.metrics.len()
        + file.disputes.len();
    let mut ids = IdMap::with_capacity_and_hasher(total, Default::default());
    let mut add = |id: &str, record: RecordRef| {
        if id.trim().is_empty() {
            problems.push(
                Problem::at(format!("{}.id", record_path(record)), "empty id")
                    .with_hint("give the record a unique id"),
            );
            return;
        }
        match ids.entry(id.into()) {
            std::collections::hash_map::Entry::Occupied(first) => problems.push(
                Problem::at(
                    format!("{}.id", record_path(record)),
                    format!(
                        "duplicate id `{id}`, first used at {}",
                        record_path(*first.get())
                    ),
                )
                .with_hint("ids must be unique across the whole file"),
            ),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(record);
            }
        }
    };
    for (i, r) in file.sources.iter().enumerate() {
        add(&r.id, RecordRef::Source(i));
    }
    for (i, r) in file.entities.iter().enumerate() {
        add(&r.id, RecordRef::Entity(i));
    }
    for (i, r) in file.relations.iter().enumerate() {
        add(&r.id, RecordRef::Relation(i));
    }
    for (i, r) in file.events.iter().enumerate() {
        add(&r.id, RecordRef::Event(i));
    }
    for (i, r) in file.candidates.iter().enumerate() {
        add(&r.id, RecordRef::Candidacy(i));
    }
    for (i, r) in file.metrics.iter().enumerate() {
        add(&r.id, RecordRef::Metric(i));
    }
    for (i, r) in file.disputes.iter().enumerate() {
        add(&r.id, RecordRef::Dispute(i));
    }
    ids
}
