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
    let mut differ = Differ {
        earlier,
        earlier_day,
        later,
        later_day,
        out: StoryDiff::default(),
    };
    // In this order: new citations are listed record kind by record kind.
    differ.sources();
    differ.entities();
    differ.relations();
    differ.events();
    differ.candidacies();
    differ.metrics();
    differ.disputes();
    differ.out
}

/// The two stories compared, and what the comparison found so far.
struct Differ<'a> {
    earlier: &'a Story,
    earlier_day: DayNumber,
    later: &'a Story,
    later_day: DayNumber,
    out: StoryDiff,
}

impl Differ<'_> {
    /// The record of the earlier story with this id.
    fn find(&self, id: &str) -> Option<RecordRef> {
        self.earlier.lookup(id)
    }

    /// Sources that count now and did not then (or were not there).
    fn sources(&mut self) {
        let (earlier, later) = (self.earlier, self.later);
        let counted_before: HashMap<&str, bool> = earlier
            .file
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), earlier.source_counts(i)))
            .collect();
        for (i, source) in later.file.sources.iter().enumerate() {
            if later.source_counts(i)
                && !counted_before
                    .get(source.id.as_str())
                    .copied()
                    .unwrap_or(false)
            {
                self.out.sources.push(i);
            }
        }
    }

    fn entities(&mut self) {
        let (earlier, later) = (self.earlier, self.later);
        for (i, entity) in later.file.entities.iter().enumerate() {
            let fact = FactRef::Record(RecordRef::Entity(i));
            match self.find(&entity.id) {
                Some(RecordRef::Entity(j)) => {
                    if earlier.is_undescribed(j) && !later.is_undescribed(i) {
                        self.out.described.push(i);
                    } else {
                        let before = &earlier.file.entities[j].cite;
                        new_citations(fact, before, &entity.cite, &mut self.out);
                    }
                }
                _ => self.out.entities.push(i),
            }
        }
    }

    fn relations(&mut self) {
        let (earlier, later) = (self.earlier, self.later);
        for (i, relation) in later.file.relations.iter().enumerate() {
            match self.find(&relation.id) {
                Some(RecordRef::Relation(j)) => new_citations(
                    FactRef::Record(RecordRef::Relation(i)),
                    &earlier.file.relations[j].cite,
                    &relation.cite,
                    &mut self.out,
                ),
                _ => self.out.relations.push(i),
            }
        }
    }

    fn events(&mut self) {
        for i in 0..self.later.file.events.len() {
            match self.find(&self.later.file.events[i].id) {
                Some(RecordRef::Event(j)) => self.known_event(i, j),
                _ => {
                    self.out.events.push(i);
                    if overdue(self.later, i, self.later_day) {
                        self.out.fell_due.push(i);
                    }
                }
            }
        }
    }

    /// Event `i` of the later story, known before as `j`: new citations, new status
    /// changes, a status that shifted, an expectation that fell due.
    fn known_event(&mut self, i: usize, j: usize) {
        let (earlier, later) = (self.earlier, self.later);
        let (old, event) = (&earlier.file.events[j], &later.file.events[i]);
        let fact = FactRef::Record(RecordRef::Event(i));
        new_citations(fact, &old.cite, &event.cite, &mut self.out);
        let known: HashMap<usize, usize> = (0..old.status_changes.len())
            .map(|c| (earlier.change_origin(j, c), c))
            .collect();
        for (c, change) in event.status_changes.iter().enumerate() {
            match known.get(&later.change_origin(i, c)) {
                Some(&k) => new_citations(
                    FactRef::StatusChange(i, c),
                    &old.status_changes[k].cite,
                    &change.cite,
                    &mut self.out,
                ),
                None => self.out.changes.push((i, c)),
            }
        }
        let (before, after) = (earlier.event_status(j), later.event_status(i));
        if before != after {
            let shift = StatusShift {
                event: i,
                before,
                after,
            };
            self.out.status_shifts.push(shift);
        }
        if overdue(later, i, self.later_day) && !overdue(earlier, j, self.earlier_day) {
            self.out.fell_due.push(i);
        }
    }

    /// New candidacies, and new stages (or new citations of stages) of known ones.
    fn candidacies(&mut self) {
        let (earlier, later) = (self.earlier, self.later);
        for (i, candidacy) in later.file.candidates.iter().enumerate() {
            let Some(RecordRef::Candidacy(j)) = self.find(&candidacy.id) else {
                self.out.candidacies.push(i);
                continue;
            };
            let old = &earlier.file.candidates[j];
            let known: HashMap<usize, usize> = (0..old.stages.len())
                .map(|s| (earlier.stage_origin(j, s), s))
                .collect();
            for (s, stage) in candidacy.stages.iter().enumerate() {
                match known.get(&later.stage_origin(i, s)) {
                    Some(&k) => new_citations(
                        FactRef::Stage(i, s),
                        &old.stages[k].cite,
                        &stage.cite,
                        &mut self.out,
                    ),
                    None => self.out.stages.push((i, s)),
                }
            }
        }
    }

    fn metrics(&mut self) {
        let (earlier, later) = (self.earlier, self.later);
        for (i, metric) in later.file.metrics.iter().enumerate() {
            match self.find(&metric.id) {
                Some(RecordRef::Metric(j)) => new_citations(
                    FactRef::Record(RecordRef::Metric(i)),
                    &earlier.file.metrics[j].cite,
                    &metric.cite,
                    &mut self.out,
                ),
                _ => self.out.metrics.push(i),
            }
        }
    }

    fn disputes(&mut self) {
        let later = self.later;
        for (i, dispute) in later.file.disputes.iter().enumerate() {
            let Some(RecordRef::Dispute(j)) = self.find(&dispute.id) else {
                self.out.disputes.push(i);
                let about = dispute.about.iter().filter_map(|id| later.lookup(id));
                self.out.newly_disputed.extend(about);
                continue;
            };
            self.known_dispute(i, j);
        }
    }

    /// Dispute `i` of the later story, known before as `j`: new versions (or new
    /// citations of known ones), and a settlement.
    fn known_dispute(&mut self, i: usize, j: usize) {
        let (earlier, later) = (self.earlier, self.later);
        let (old, dispute) = (&earlier.file.disputes[j], &later.file.disputes[i]);
        let known: HashMap<usize, usize> = (0..old.variants.len())
            .map(|v| (earlier.variant_origin(j, v), v))
            .collect();
        for (v, variant) in dispute.variants.iter().enumerate() {
            match known.get(&later.variant_origin(i, v)) {
                Some(&k) => new_citations(
                    FactRef::Variant(i, v),
                    &old.variants[k].cite,
                    &variant.cite,
                    &mut self.out,
                ),
                None => self.out.variants.push((i, v)),
            }
        }
        match (&old.resolution, &dispute.resolution) {
            (None, Some(_)) => self.out.resolved.push(i),
            (Some(before), Some(after)) => new_citations(
                FactRef::Resolution(i),
                &before.cite,
                &after.cite,
                &mut self.out,
            ),
            _ => {}
        }
    }
}

/// What exports mark as new or changed: the previous date and the difference since.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMarks {
    /// The previous date stepped from (or `--since`), recorded in the export.
    pub since: crate::story::model::date::DateSpec,
    /// What became known from `since` to the export's own date.
    pub diff: StoryDiff,
}
