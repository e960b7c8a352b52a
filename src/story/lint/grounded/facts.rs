//! What a fact says that its cited paragraph should show: the names of the record and
//! of its entities, its figure, its date, and its summary; and whether the author has
//! marked a field as their own.

use crate::story::graph::provenance::FactRef;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::date::DateSpec;
use crate::story::model::{AuthorNote, Metric};

/// The checkable content of one fact.
pub(crate) struct FactWords<'a> {
    /// Names and aliases of the record and the entities it concerns.
    pub(crate) names: Vec<&'a str>,
    /// The ways its figure may be written ("13 billion", "13bn"), when it is a metric.
    pub(crate) figure_forms: Vec<String>,
    /// Its date, and the field it is in (`date`, `period`).
    pub(crate) date: Option<(DateSpec, &'static str)>,
    /// Its summary, when it has one.
    pub(crate) summary: Option<&'a str>,
    /// The author's notes on it.
    pub(crate) notes: &'a [AuthorNote],
}

impl FactWords<'_> {
    /// True when the author marks `field` (or the whole record) as their own.
    pub(crate) fn marked(&self, field: &str) -> bool {
        self.notes
            .iter()
            .any(|n| n.field.as_deref().is_none_or(|f| f == field))
    }
}

/// The names and aliases of an entity.
fn entity_names<'a>(story: &'a Story, id: &str) -> impl Iterator<Item = &'a str> {
    let entity = &story.file.entities[story.entity_index(id)];
    std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(String::as_str))
}

/// The names a record brings: its own (an entity), its ends, its entities, its subject.
fn record_names(story: &Story, record: RecordRef) -> Vec<&str> {
    let file = &story.file;
    let ids: Vec<&str> = match record {
        RecordRef::Entity(e) => vec![file.entities[e].id.as_str()],
        RecordRef::Relation(r) => vec![file.relations[r].from.as_str(), &file.relations[r].to],
        RecordRef::Event(e) => file.events[e]
            .entities
            .iter()
            .map(|id| id.as_str())
            .collect(),
        RecordRef::Metric(m) => (file.metrics[m].stated_by.iter())
            .map(String::as_str)
            .chain([file.metrics[m].subject.as_str()])
            .collect(),
        RecordRef::Candidacy(c) => vec![&file.candidates[c].candidate, &file.candidates[c].seeker],
        RecordRef::Dispute(d) => {
            let about = &file.disputes[d].about;
            let mut names = Vec::new();
            for id in about {
                if let Some(inner) = story.lookup(id) {
                    names.extend(record_names(story, inner));
                }
            }
            return names;
        }
        RecordRef::Source(_) => Vec::new(),
    };
    ids.into_iter()
        .flat_map(|id| entity_names(story, id))
        .collect()
}

/// The written forms of a metric's figure, by the text layer's rule.
fn figure_forms(metric: &Metric) -> Vec<String> {
    let scale = metric.scale.map(|s| match s {
        crate::story::model::scale::Scale::Thousand => crate::text::Scale::Thousand,
        crate::story::model::scale::Scale::Million => crate::text::Scale::Million,
        crate::story::model::scale::Scale::Billion => crate::text::Scale::Billion,
        crate::story::model::scale::Scale::Trillion => crate::text::Scale::Trillion,
        crate::story::model::scale::Scale::Wan => crate::text::Scale::Wan,
        crate::story::model::scale::Scale::Yi => crate::text::Scale::Yi,
    });
    let percent = metric.unit == "%" || metric.unit.starts_with("percent");
    let currency = metric.currency.as_deref();
    let values = metric
        .value
        .into_iter()
        .chain(metric.range.into_iter().flatten());
    values
        .flat_map(|v| crate::text::written_forms(v, scale, percent, currency))
        .collect()
}

/// What `fact` says, for checking against its paragraphs.
pub(crate) fn fact_words(story: &Story, fact: FactRef) -> FactWords<'_> {
    let file = &story.file;
    let record = story.fact_record(fact);
    let mut words = FactWords {
        names: record_names(story, record),
        figure_forms: Vec::new(),
        date: None,
        summary: None,
        notes: story.fact_notes(fact),
    };
    match fact {
        FactRef::Record(RecordRef::Entity(e)) => {
            words.summary = file.entities[e].summary.as_deref()
        }
        FactRef::Record(RecordRef::Relation(r)) => {
            words.summary = file.relations[r].summary.as_deref();
            words.date = file.relations[r].date.map(|d| (d, "date"));
        }
        FactRef::Record(RecordRef::Event(e)) => {
            words.summary = Some(file.events[e].summary());
            words.date = Some((file.events[e].date, "date"));
        }
        FactRef::Record(RecordRef::Metric(m)) => {
            words.figure_forms = figure_forms(&file.metrics[m]);
            words.date = file.metrics[m].period.map(|d| (d, "period"));
        }
        FactRef::Stage(c, s) => words.date = file.candidates[c].stages[s].date.map(|d| (d, "date")),
        FactRef::StatusChange(e, c) => {
            words.date = file.events[e].status_changes[c].date.map(|d| (d, "date"));
        }
        _ => {}
    }
    words
}
