//! The rows each view shows, built from the graph with filters applied. The screen
//! panes and the Markdown export both read these, so they always agree.

use crate::story::graph::provenance::Provenance;
use crate::story::graph::status_history::status_text;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::date::{DateSpec, DayNumber};
use crate::story::model::{Citation, KnownStage, StageKind};

use super::metric_rows::MetricRow;

/// What narrows a view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewFilter {
    /// Only rows involving this entity (arena index).
    pub entity: Option<usize>,
}

/// The day against which expectations become overdue: the as-of date, or today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// An expectation whose latest possible day is before this day is overdue.
    pub reference_day: DayNumber,
}

impl Clock {
    /// The clock of a view as of `as_of` (its last day), or of `today` when the view
    /// shows every source.
    pub fn at(as_of: Option<DateSpec>, today: DayNumber) -> Clock {
        Clock {
            reference_day: as_of.map_or(today, |date| date.latest()),
        }
    }
}

/// One event on the timeline, as the pane and the export show it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    /// The event's arena index in `StoryFile::events`.
    pub event: usize,
    /// The date as shown, with "· expected" for an expectation: "May 2025 · expected".
    pub date: String,
    /// The event's headline.
    pub title: String,
    /// The status known as of the story's date: "reported · happened".
    pub status: String,
    /// An expectation every day of whose date is before the clock's day.
    pub overdue: bool,
    /// A dispute is about this event.
    pub disputed: bool,
    /// Names of the entities involved, most central first; "(not yet described)" after
    /// one kept only by name.
    pub entities: Vec<String>,
    /// How well the event's own citations source it.
    pub provenance: Provenance,
}

/// One step of a candidacy, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    /// The step: considered, selected, dropped …
    pub stage: StageKind,
    /// The date as shown ("Jan 2025"); None when the sources give none.
    pub date: Option<String>,
    /// The reason the sources give, if any.
    pub reason: Option<String>,
    /// The stage's own citations, as in the file.
    pub cite: Vec<Citation>,
    /// How well those citations source the step.
    pub provenance: Provenance,
}

/// One candidacy: a candidate weighed by one chooser for one role.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateRow {
    /// The candidacy's arena index in `StoryFile::candidates`.
    pub candidacy: usize,
    /// The candidate's name.
    pub name: String,
    /// The candidate is named by a known record but not yet described (as of a date).
    pub undescribed: bool,
    /// What the candidate was weighed for.
    pub role: String,
    /// Name of the party doing the choosing.
    pub seeker: String,
    /// The latest stage: where the candidacy stands.
    pub current: StageKind,
    /// Every stage, in the order it happened.
    pub stages: Vec<StageRow>,
    /// A dispute is about this candidacy.
    pub disputed: bool,
}

/// One source, with how much of the story rests on it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// The source's arena index in `StoryFile::sources`.
    pub source: usize,
    /// Who published it.
    pub outlet: String,
    /// Its headline.
    pub title: String,
    /// The publication date as shown, or "undated".
    pub published: String,
    /// The outlet of the source this one relies on (`via`): "The Information".
    pub via: Option<String>,
    /// Facts with a citation that traces to it (directly or through `via`).
    pub facts: usize,
    /// Facts every citation of which traces to it: no other source supports them.
    pub alone: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VariantRow {
    pub claim: String,
    pub cite: Vec<Citation>,
    pub outlets: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DisputeRow {
    pub dispute: usize,
    pub point: String,
    /// Titles of the records the point is about.
    pub about: Vec<String>,
    pub variants: Vec<VariantRow>,
}

pub use crate::story::model::amount::metric_value_text;

impl Story {
    /// The timeline's events in order (date, then file order), narrowed by `filter`.
    pub fn timeline_events(&self, filter: ViewFilter) -> Vec<usize> {
        match filter.entity {
            None => self.events_by_date().to_vec(),
            Some(entity) => {
                let events = &self.file.events;
                let mut chosen: Vec<usize> = self.links(entity).event_indexes().collect();
                chosen.sort_by(|&a, &b| events[a].date.cmp(&events[b].date).then(a.cmp(&b)));
                chosen
            }
        }
    }

    /// The timeline's rows, in `timeline_events` order; `clock` decides what is overdue.
    pub fn timeline_rows(&self, filter: ViewFilter, clock: Clock) -> Vec<TimelineRow> {
        self.timeline_events(filter)
            .into_iter()
            .map(|i| self.timeline_row(i, clock))
            .collect()
    }

    /// The timeline row of the event at arena index `index`.
    pub fn timeline_row(&self, index: usize, clock: Clock) -> TimelineRow {
        let event = &self.file.events[index];
        // The status known as of the story's date: a narrowed story keeps only the
        // status changes known by then.
        let status = self.event_status(index);
        let mut date = event.date.human();
        if status.timing.is_expectation() {
            date.push_str(" · expected");
        }
        let overdue = status.timing.is_expectation() && event.date.latest() < clock.reference_day;
        TimelineRow {
            event: index,
            date,
            title: event.title().to_string(),
            status: status_text(status, event.condition()),
            overdue,
            disputed: self.is_disputed(RecordRef::Event(index)),
            entities: event
                .entities
                .iter()
                .map(|id| self.entity_label(id))
                .collect(),
            provenance: self.provenance(&event.cite),
        }
    }

    /// Candidacies in file order, narrowed by `filter`.
    pub fn candidate_rows(&self, filter: ViewFilter) -> Vec<CandidateRow> {
        let indexes: Vec<usize> = match filter.entity {
            Some(entity) => self.links(entity).candidacies.clone(),
            None => (0..self.file.candidates.len()).collect(),
        };
        indexes.into_iter().map(|i| self.candidate_row(i)).collect()
    }

    pub(crate) fn candidate_row(&self, index: usize) -> CandidateRow {
        let candidacy = &self.file.candidates[index];
        let stages: Vec<StageRow> = candidacy
            .stages
            .iter()
            .map(|stage| StageRow {
                stage: stage.stage.clone(),
                date: stage.date.map(|d| d.human()),
                reason: stage.reason.clone(),
                cite: stage.cite.clone(),
                provenance: self.provenance(&stage.cite),
            })
            .collect();
        CandidateRow {
            candidacy: index,
            name: self.entity_name(&candidacy.candidate).to_owned(),
            undescribed: self.is_undescribed(self.entity_index(&candidacy.candidate)),
            role: candidacy.role.clone(),
            seeker: self.entity_name(&candidacy.seeker).to_owned(),
            current: stages
                .last()
                .map_or(KnownStage::Considered.into(), |s| s.stage.clone()),
            stages,
            disputed: self.is_disputed(RecordRef::Candidacy(index)),
        }
    }

    /// Metrics in file order, narrowed by `filter`.
    pub fn metric_rows(&self, filter: ViewFilter) -> Vec<MetricRow> {
        self.metric_rows_of(&self.metric_indexes(filter))
    }

    /// The arena indexes of the metrics `filter` keeps, in file order.
    pub(crate) fn metric_indexes(&self, filter: ViewFilter) -> Vec<usize> {
        match filter.entity {
            Some(entity) => self.links(entity).metrics.clone(),
            None => (0..self.file.metrics.len()).collect(),
        }
    }

    /// Every source in file order, with its fact counts (counted in one pass over the
    /// facts, not one per source: that would be quadratic).
    pub fn source_rows(&self) -> Vec<SourceRow> {
        let counts = self.source_fact_counts();
        (0..self.file.sources.len())
            .map(|i| self.source_row_with(i, counts[i]))
            .collect()
    }

    pub(crate) fn source_row(&self, index: usize) -> SourceRow {
        self.source_row_with(index, self.source_fact_counts()[index])
    }

    pub(crate) fn source_row_with(
        &self,
        index: usize,
        (facts, alone): (usize, usize),
    ) -> SourceRow {
        let source = &self.file.sources[index];
        SourceRow {
            source: index,
            outlet: source.outlet.clone(),
            title: source.title.clone(),
            published: source
                .published
                .map_or_else(|| "undated".to_owned(), |d| d.human()),
            via: (source.via.as_ref()).map(|id| self.source_name(self.source_index(id)).to_owned()),
            facts,
            alone,
        }
    }

    pub(crate) fn dispute_rows(&self, filter: ViewFilter) -> Vec<DisputeRow> {
        (0..self.file.disputes.len())
            .filter(|&d| match filter.entity {
                None => true,
                Some(entity) => self.dispute_touches_entity(d, entity),
            })
            .map(|d| self.dispute_row(d))
            .collect()
    }

    pub(crate) fn dispute_touches_entity(&self, dispute: usize, entity: usize) -> bool {
        let links = self.links(entity);
        self.file.disputes[dispute]
            .about
            .iter()
            .any(|id| match self.lookup(id) {
                Some(RecordRef::Entity(e)) => e == entity,
                Some(RecordRef::Event(i)) => links.event_indexes().any(|e| e == i),
                Some(RecordRef::Relation(i)) => links.relations.contains(&i),
                Some(RecordRef::Metric(i)) => links.metrics.contains(&i),
                Some(RecordRef::Candidacy(i)) => links.candidacies.contains(&i),
                _ => false,
            })
    }

    pub(crate) fn dispute_row(&self, index: usize) -> DisputeRow {
        let dispute = &self.file.disputes[index];
        DisputeRow {
            dispute: index,
            point: dispute.point.clone(),
            about: dispute
                .about
                .iter()
                .filter_map(|id| self.lookup(id))
                .map(|record| self.record_title(record))
                .collect(),
            variants: dispute
                .variants
                .iter()
                .map(|variant| {
                    let mut outlets: Vec<String> = Vec::new();
                    for citation in &variant.cite {
                        let name = self.source_name(self.cited_source(citation));
                        if !outlets.iter().any(|known| known == name) {
                            outlets.push(name.to_owned());
                        }
                    }
                    VariantRow {
                        claim: variant.claim.clone(),
                        cite: variant.cite.clone(),
                        outlets,
                        provenance: self.provenance(&variant.cite),
                    }
                })
                .collect(),
        }
    }

    /// Metrics that share a chart group, in file order: (title, rows). Bars compare
    /// like with like, so a group holding several units or currencies is split into
    /// one chart for each ("tongyi-ecosystem (models)"); scales are normalised when
    /// drawn; words ("nearly all") are never charted.
    pub(crate) fn metric_groups(&self, filter: ViewFilter) -> Vec<(String, Vec<MetricRow>)> {
        let mut groups: Vec<(String, String, Vec<MetricRow>)> = Vec::new();
        for row in self.metric_rows(filter) {
            let metric = &self.file.metrics[row.metric];
            let Some(group) = row.group.clone() else {
                continue;
            };
            if crate::story::model::amount::comparable(metric).is_none() {
                continue;
            }
            let unit = match &metric.currency {
                Some(code) if metric.unit.trim().is_empty() => code.clone(),
                Some(code) => format!("{code} {}", metric.unit.trim()),
                None => metric.unit.trim().to_owned(),
            };
            match groups
                .iter_mut()
                .find(|(name, u, _)| *name == group && *u == unit)
            {
                Some((_, _, rows)) => rows.push(row),
                None => groups.push((group, unit, vec![row])),
            }
        }
        groups.retain(|(_, _, rows)| rows.len() >= 2);
        // Every chart names its one unit, so a reader never compares across two.
        groups
            .into_iter()
            .map(|(name, unit, rows)| match unit.as_str() {
                "" => (name, rows),
                _ => (format!("{name} ({unit})"), rows),
            })
            .collect()
    }
}
