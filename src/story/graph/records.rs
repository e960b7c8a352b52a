//! Any record by its kind and index: every record in order, its id as written, a
//! one-line name for it, and where it sits in the file.

use super::{RecordRef, Story};

impl Story {
    /// Every record, entities first, then events, candidacies, metrics, sources,
    /// disputes and relations, each in file order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef> + '_ {
        let file = &self.file;
        (0..file.entities.len())
            .map(RecordRef::Entity)
            .chain((0..file.events.len()).map(RecordRef::Event))
            .chain((0..file.candidates.len()).map(RecordRef::Candidacy))
            .chain((0..file.metrics.len()).map(RecordRef::Metric))
            .chain((0..file.sources.len()).map(RecordRef::Source))
            .chain((0..file.disputes.len()).map(RecordRef::Dispute))
            .chain((0..file.relations.len()).map(RecordRef::Relation))
    }

    /// The stable id of a record, as written in the file.
    pub fn record_id(&self, record: RecordRef) -> &str {
        let file = &self.file;
        match record {
            RecordRef::Source(i) => &file.sources[i].id,
            RecordRef::Entity(i) => &file.entities[i].id,
            RecordRef::Relation(i) => &file.relations[i].id,
            RecordRef::Event(i) => &file.events[i].id,
            RecordRef::Candidacy(i) => &file.candidates[i].id,
            RecordRef::Metric(i) => &file.metrics[i].id,
            RecordRef::Dispute(i) => &file.disputes[i].id,
        }
    }

    /// A one-line name for any record.
    pub fn record_title(&self, record: RecordRef) -> String {
        let file = &self.file;
        match record {
            RecordRef::Source(i) => file.sources[i].title.clone(),
            RecordRef::Entity(i) => file.entities[i].name.clone(),
            RecordRef::Relation(i) => {
                let relation = &file.relations[i];
                format!(
                    "{} {} {}",
                    self.entity_name(&relation.from),
                    relation.kind.label(),
                    self.entity_name(&relation.to)
                )
            }
            RecordRef::Event(i) => file.events[i].title().to_string(),
            RecordRef::Candidacy(i) => {
                let candidacy = &file.candidates[i];
                format!(
                    "{} as {}, weighed by {}",
                    self.entity_name(&candidacy.candidate),
                    candidacy.role,
                    self.entity_name(&candidacy.seeker)
                )
            }
            RecordRef::Metric(i) => file.metrics[i].label.clone(),
            RecordRef::Dispute(i) => file.disputes[i].point.clone(),
        }
    }
}

/// Where a record sits in the file, for messages: `events[3]`.
pub(crate) fn record_path(record: RecordRef) -> String {
    let (list, index) = match record {
        RecordRef::Source(i) => ("sources", i),
        RecordRef::Entity(i) => ("entities", i),
        RecordRef::Relation(i) => ("relations", i),
        RecordRef::Event(i) => ("events", i),
        RecordRef::Candidacy(i) => ("candidates", i),
        RecordRef::Metric(i) => ("metrics", i),
        RecordRef::Dispute(i) => ("disputes", i),
    };
    format!("{list}[{index}]")
}
