//! What became known between two dates: the difference between the story narrowed to
//! the earlier date and the story narrowed to the later one (or the whole story).
//!
//! Records are matched by id; stages, versions and status changes, which have no id,
//! by their index in the whole story (`Story::stage_origin` and friends).

use std::collections::HashMap;

use crate::story::graph::provenance::FactRef;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::date::DayNumber;
use crate::story::model::{Citation, Status};

/// A status that changed between the two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusShift {
    /// The event, in the later story.
    pub event: usize,
    /// The status known at the earlier date.
    pub before: Status,
    /// The status known at the later date.
    pub after: Status,
}

/// Everything the later story holds that the earlier one does not. Indexes point into
/// the later story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryDiff {
    /// Sources that count by the later date and not by the earlier one.
    pub sources: Vec<usize>,
    /// Entities not in the earlier story: described, or only named (see
    /// `Story::is_undescribed`).
    pub entities: Vec<usize>,
    /// Entities named but not described earlier, described now.
    pub described: Vec<usize>,
    /// Relations not in the earlier story.
    pub relations: Vec<usize>,
    /// Events not in the earlier story.
    pub events: Vec<usize>,
    /// Candidacies not in the earlier story.
    pub candidacies: Vec<usize>,
    /// Metrics not in the earlier story.
    pub metrics: Vec<usize>,
    /// Disputes not in the earlier story (fewer than two versions counted then).
    pub disputes: Vec<usize>,
    /// New stages of candidacies known before: (candidacy, stage).
    pub stages: Vec<(usize, usize)>,
    /// New versions of disputes known before: (dispute, version).
    pub variants: Vec<(usize, usize)>,
    /// New status changes of events known before: (event, change).
    pub changes: Vec<(usize, usize)>,
    /// Events known before whose status is not the one known then.
    pub status_shifts: Vec<StatusShift>,
    /// Disputes known before, settled now.
    pub resolved: Vec<usize>,
    /// New citations of facts known before (the fact as it is in the later story).
    pub citations: Vec<(FactRef, Citation)>,
    /// Expectations overdue by the later date and not by the earlier one.
    pub fell_due: Vec<usize>,
    /// Records that a new dispute is about (they now carry the disputed badge); shown
    /// as changed, not counted apart from the dispute.
    pub newly_disputed: Vec<RecordRef>,
}

impl StoryDiff {
    /// How many things changed, each counted once (a status shift is counted with the
    /// change that caused it).
    pub fn len(&self) -> usize {
        self.sources.len()
            + self.entities.len()
            + self.described.len()
            + self.relations.len()
            + self.events.len()
            + self.candidacies.len()
            + self.metrics.len()
            + self.disputes.len()
            + self.stages.len()
            + self.variants.len()
            + self.changes.len()
            + self.resolved.len()
            + self.citations.len()
            + self.fell_due.len()
    }

    /// Nothing became known between the two dates.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The mark a record's row carries: "+" new, "*" changed (a new status, stage,
    /// version, settlement or citation, or an expectation that fell due), else none.
    pub fn mark(&self, record: RecordRef) -> Option<char> {
        let (new, changed) = match record {
            RecordRef::Source(i) => (self.sources.contains(&i), false),
            RecordRef::Entity(i) => (self.entities.contains(&i), self.described.contains(&i)),
            RecordRef::Relation(i) => (self.relations.contains(&i), false),
            RecordRef::Event(i) => (
                self.events.contains(&i),
                self.changes.iter().any(|&(e, _)| e == i) || self.fell_due.contains(&i),
            ),
            RecordRef::Candidacy(i) => (
                self.candidacies.contains(&i),
                self.stages.iter().any(|&(c, _)| c == i),
            ),
            RecordRef::Metric(i) => (self.metrics.contains(&i), false),
            RecordRef::Dispute(i) => (
                self.disputes.contains(&i),
                self.variants.iter().any(|&(d, _)| d == i) || self.resolved.contains(&i),
            ),
        };
        let cited = self
            .citations
            .iter()
            .any(|(fact, _)| fact_record(*fact) == record)
            || self.newly_disputed.contains(&record);
        if new {
            Some('+')
        } else if changed || cited {
            Some('*')
        } else {
            None
        }
    }
}

fn fact_record(fact: FactRef) -> RecordRef {
    match fact {
        FactRef::Record(record) => record,
        FactRef::Stage(c, _) => RecordRef::Candidacy(c),
        FactRef::Variant(d, _) | FactRef::Resolution(d) => RecordRef::Dispute(d),
        FactRef::StatusChange(e, _) => RecordRef::Event(e),
    }
}

/// Citations in `after` that `before` lacks.
fn new_citations(fact: FactRef, before: &[Citation], after: &[Citation], out: &mut StoryDiff) {
    for citation in after {
        if !before.contains(citation) {
            out.citations.push((fact, citation.clone()));
        }
    }
}

fn overdue(story: &Story, event: usize, day: DayNumber) -> bool {
    story.event_status(event).timing.is_expectation()
        && story.file.events[event].date.latest() < day
}

/// What `later` knows that `earlier` does not. `earlier_day` and `later_day` are the
/// days expectations are judged against (the as-of dates; today for the whole story).
pub fn diff(
    earlier: &Story,
    earlier_day: DayNumber,
    later: &Story,
    later_day: DayNumber,
) -> StoryDiff {
    let mut out = StoryDiff::default();
    let a = &earlier.file;
    let b = &later.file;
    let counted_before: HashMap<&str, bool> = a
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), earlier.source_counts(i)))
        .collect();
    for (i, source) in b.sources.iter().enumerate() {
        if later.source_counts(i)
            && !counted_before
                .get(source.id.as_str())
                .copied()
                .unwrap_or(false)
        {
            out.sources.push(i);
        }
    }
    let find = |id: &str| earlier.lookup(id);
    for (i, entity) in b.entities.iter().enumerate() {
        let fact = FactRef::Record(RecordRef::Entity(i));
        match find(&entity.id) {
            Some(RecordRef::Entity(j)) => {
                if earlier.is_undescribed(j) && !later.is_undescribed(i) {
                    out.described.push(i);
                } else {
                    new_citations(fact, &a.entities[j].cite, &entity.cite, &mut out);
                }
            }
            _ => out.entities.push(i),
        }
    }
    for (i, relation) in b.relations.iter().enumerate() {
        match find(&relation.id) {
            Some(RecordRef::Relation(j)) => new_citations(
                FactRef::Record(RecordRef::Relation(i)),
                &a.relations[j].cite,
                &relation.cite,
                &mut out,
            ),
            _ => out.relations.push(i),
        }
    }
    for (i, event) in b.events.iter().enumerate() {
        let Some(RecordRef::Event(j)) = find(&event.id) else {
            out.events.push(i);
            if overdue(later, i, later_day) {
                out.fell_due.push(i);
            }
            continue;
        };
        let old = &a.events[j];
        new_citations(
            FactRef::Record(RecordRef::Event(i)),
            &old.cite,
            &event.cite,
            &mut out,
        );
        let known: HashMap<usize, usize> = (0..old.status_changes.len())
            .map(|c| (earlier.change_origin(j, c), c))
            .collect();
        for (c, change) in event.status_changes.iter().enumerate() {
            match known.get(&later.change_origin(i, c)) {
                Some(&k) => new_citations(
                    FactRef::StatusChange(i, c),
                    &old.status_changes[k].cite,
                    &change.cite,
                    &mut out,
                ),
                None => out.changes.push((i, c)),
            }
        }
        let (before, after) = (earlier.event_status(j), later.event_status(i));
        if before != after {
            out.status_shifts.push(StatusShift {
                event: i,
                before,
                after,
            });
        }
        if overdue(later, i, later_day) && !overdue(earlier, j, earlier_day) {
            out.fell_due.push(i);
        }
    }
    for (i, candidacy) in b.candidates.iter().enumerate() {
        let Some(RecordRef::Candidacy(j)) = find(&candidacy.id) else {
            out.candidacies.push(i);
            continue;
        };
        let old = &a.candidates[j];
        let known: HashMap<usize, usize> = (0..old.stages.len())
            .map(|s| (earlier.stage_origin(j, s), s))
            .collect();
        for (s, stage) in candidacy.stages.iter().enumerate() {
            match known.get(&later.stage_origin(i, s)) {
                Some(&k) => new_citations(
                    FactRef::Stage(i, s),
                    &old.stages[k].cite,
                    &stage.cite,
                    &mut out,
                ),
                None => out.stages.push((i, s)),
            }
        }
    }
    for (i, metric) in b.metrics.iter().enumerate() {
        match find(&metric.id) {
            Some(RecordRef::Metric(j)) => new_citations(
                FactRef::Record(RecordRef::Metric(i)),
                &a.metrics[j].cite,
                &metric.cite,
                &mut out,
            ),
            _ => out.metrics.push(i),
        }
    }
    for (i, dispute) in b.disputes.iter().enumerate() {
        let Some(RecordRef::Dispute(j)) = find(&dispute.id) else {
            out.disputes.push(i);
            out.newly_disputed
                .extend(dispute.about.iter().filter_map(|id| later.lookup(id)));
            continue;
        };
        let old = &a.disputes[j];
        let known: HashMap<usize, usize> = (0..old.variants.len())
            .map(|v| (earlier.variant_origin(j, v), v))
            .collect();
        for (v, variant) in dispute.variants.iter().enumerate() {
            match known.get(&later.variant_origin(i, v)) {
                Some(&k) => new_citations(
                    FactRef::Variant(i, v),
                    &old.variants[k].cite,
                    &variant.cite,
                    &mut out,
                ),
                None => out.variants.push((i, v)),
            }
        }
        match (&old.resolution, &dispute.resolution) {
            (None, Some(_)) => out.resolved.push(i),
            (Some(before), Some(after)) => {
                new_citations(FactRef::Resolution(i), &before.cite, &after.cite, &mut out)
            }
            _ => {}
        }
    }
    out
}

/// What exports mark as new or changed: the previous date and the difference since.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMarks {
    /// The previous date stepped from (or `--since`), recorded in the export.
    pub since: crate::story::model::date::DateSpec,
    /// What became known from `since` to the export's own date.
    pub diff: StoryDiff,
}
