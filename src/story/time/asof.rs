//! The story as it was known on a day: only what sources that count by then say.
//!
//! Rule: a source counts once every day its publication date can mean has passed (a
//! source dated only "2025-02" counts from 28 Feb 2025); an undated source never counts
//! under a date, since nothing says it was known by then. Narrowing never falls back to
//! the whole story: an entity that a known record names, but that no counted source
//! describes yet, is kept as "named, not yet described" (its name and kind only), and
//! if the narrowed story still failed validation that is a bug, returned as an error.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use crate::story::graph::Story;
pub(crate) use crate::story::graph::narrowing::Narrowing;
use crate::story::model::date::{DateSpec, DayNumber};
use crate::story::model::{Citation, StoryFile};
use crate::story::problem::Problem;

/// Narrowing produced a story that does not validate: a bug, never shown as the story.
#[derive(Debug, Clone)]
pub struct NarrowingError {
    /// The day the story was narrowed to.
    pub day: DayNumber,
    /// What the narrowed story failed validation with.
    pub problems: Vec<Problem>,
}

impl fmt::Display for NarrowingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the story as of {} could not be built, so nothing is shown rather than the whole story (a bug in storyscope; please report it):",
            DateSpec::from_day_number(self.day).human()
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for NarrowingError {}

/// Keeps the citations of counted sources; true when any is left.
fn keep_known(cite: &mut Vec<Citation>, known: &BTreeSet<&str>) -> bool {
    cite.retain(|c| known.contains(c.source.as_str()));
    !cite.is_empty()
}

/// Keeps the items `known` accepts, returning the original index of each kept one.
fn retain_indexed<T, L: RetainMut<T>>(
    items: &mut L,
    mut known: impl FnMut(&mut T) -> bool,
) -> Vec<usize> {
    let mut kept = Vec::new();
    let mut index = 0;
    items.retain_each(&mut |item| {
        let keep = known(item);
        if keep {
            kept.push(index);
        }
        index += 1;
        keep
    });
    kept
}

/// The lists `retain_indexed` thins: a `Vec`, or a `ThinVec` (lists most records
/// leave empty).
trait RetainMut<T> {
    fn retain_each(&mut self, keep: &mut dyn FnMut(&mut T) -> bool);
}

impl<T> RetainMut<T> for Vec<T> {
    fn retain_each(&mut self, keep: &mut dyn FnMut(&mut T) -> bool) {
        self.retain_mut(keep);
    }
}

impl<T> RetainMut<T> for thin_vec::ThinVec<T> {
    fn retain_each(&mut self, keep: &mut dyn FnMut(&mut T) -> bool) {
        self.retain_mut(keep);
    }
}

impl Story {
    /// True when `source` counts on `day` under the as-of rule.
    pub fn source_counts_by(&self, source: usize, day: DayNumber) -> bool {
        self.file.sources[source]
            .published
            .is_some_and(|d| d.certainly_by(day))
    }

    /// The story as known on `day`: citations of sources that do not count yet
    /// removed, facts left without a citation dropped, disputes left with one version
    /// dropped, status changes and stages not yet known dropped, and entities still
    /// named by a known record kept as "named, not yet described".
    pub fn as_of(&self, day: DayNumber) -> Result<Story, NarrowingError> {
        let known: BTreeSet<&str> = (0..self.file.sources.len())
            .filter(|&s| self.source_counts_by(s, day))
            .map(|s| self.file.sources[s].id.as_str())
            .collect();
        let mut file: StoryFile = StoryFile::clone(&self.file);
        let listed = self.sources_known_through(&known);
        // And the sources citations of known sources rest on through their own `via`.
        let behind = self.sources_behind_citations_of(&known);
        file.sources
            .retain(|s| listed.contains(s.id.as_str()) || behind.contains(s.id.as_str()));
        let kept = keep_known_facts(&mut file, &known);
        let undescribed = keep_named_entities(&mut file, &known);
        drop_abouts_gone(&mut file);
        let counted = file
            .sources
            .iter()
            .map(|s| known.contains(s.id.as_str()))
            .collect();
        // Each kept source keeps its name in the whole story, so a report is called the
        // same on every date.
        let source_names = (file.sources.iter())
            .map(|s| self.source_name(self.source_index(&s.id)).to_owned())
            .collect();
        let sort = self.sort_of_narrowed();
        let mut story = Story::build_with(file, &self.origin, &undescribed, sort)
            .map_err(|problems| NarrowingError { day, problems })?;
        story.narrowing = Some(Arc::new(Narrowing {
            day,
            undescribed,
            counted,
            changes: kept.changes,
            stages: kept.stages,
            variants: kept.variants,
            source_names,
            story_end: (self.file.sources.iter())
                .filter_map(|s| s.published.map(|d| d.latest()))
                .max(),
        }));
        Ok(story)
    }

    /// The counted sources, and the upstream reports they rely on (they are how its
    /// origin is counted); sources that do not count otherwise go. Each chain is walked
    /// upward until it meets a source already listed, so every source is visited once.
    fn sources_known_through<'a>(&'a self, known: &BTreeSet<&str>) -> BTreeSet<&'a str> {
        let mut listed: BTreeSet<&str> = BTreeSet::new();
        for source in self.file.sources.iter() {
            if !known.contains(source.id.as_str()) {
                continue;
            }
            let mut current = source;
            while listed.insert(current.id.as_str()) {
                match current.via.as_deref() {
                    Some(via) => current = &self.file.sources[self.source_index(via)],
                    None => break,
                }
            }
        }
        listed
    }

    /// When this story is narrowed to a day before its last source counts: that last
    /// day. The story's own title and summary are written as of then, so they would
    /// tell what was not yet known; views under an earlier date leave them out.
    pub fn told_later(&self) -> Option<DayNumber> {
        let narrowing = self.narrowing.as_ref()?;
        narrowing.story_end.filter(|&end| narrowing.day < end)
    }

    /// The day this story was narrowed to, if it was.
    pub fn as_of_day(&self) -> Option<DayNumber> {
        self.narrowing.as_ref().map(|n| n.day)
    }

    /// True for an entity kept as "named, not yet described": a known record names it
    /// but no source that counts by the as-of date describes it.
    pub fn is_undescribed(&self, entity: usize) -> bool {
        self.narrowing
            .as_ref()
            .is_some_and(|n| n.undescribed.get(entity).copied().unwrap_or(false))
    }

    /// An entity's name, marked when it is named but not yet described.
    pub fn entity_label(&self, id: &str) -> String {
        let index = self.entity_index(id);
        let name = &self.file.entities[index].name;
        if self.is_undescribed(index) {
            format!("{name} (not yet described)")
        } else {
            name.clone()
        }
    }

    /// "2 articles · 1 independent origin" for a record that is one fact, or "named,
    /// not yet described" for an entity kept only by name.
    pub fn sourcing_label(&self, record: crate::story::graph::RecordRef) -> Option<String> {
        match record {
            crate::story::graph::RecordRef::Entity(e) if self.is_undescribed(e) => {
                Some("named, not yet described".to_owned())
            }
            _ => self.record_provenance(record).map(|p| p.label()),
        }
    }

    /// True when a listed source counts by the as-of date (always, with no date); a
    /// source that does not is listed only because a counted one relies on it.
    pub fn source_counts(&self, source: usize) -> bool {
        self.narrowing
            .as_ref()
            .is_none_or(|n| n.counted.get(source).copied().unwrap_or(true))
    }

    /// The whole story's index of a stage of this story.
    pub fn stage_origin(&self, candidacy: usize, stage: usize) -> usize {
        self.narrowing
            .as_ref()
            .map_or(stage, |n| n.stages[candidacy][stage])
    }

    /// The whole story's index of a dispute version of this story.
    pub fn variant_origin(&self, dispute: usize, variant: usize) -> usize {
        self.narrowing
            .as_ref()
            .map_or(variant, |n| n.variants[dispute][variant])
    }

    /// The whole story's index of a status change of this story.
    pub fn change_origin(&self, event: usize, change: usize) -> usize {
        self.narrowing
            .as_ref()
            .map_or(change, |n| n.changes[event][change])
    }
}

/// Which parts of each kept record survived, by their index in the whole story.
struct KeptParts {
    changes: Vec<Vec<usize>>,
    stages: Vec<Vec<usize>>,
    variants: Vec<Vec<usize>>,
}

/// Keeps the facts a counted source cites, each with only those citations: relations,
/// events (and their status changes), metrics, candidacies with a known stage, disputes
/// with two known versions (and their settlement, if known).
fn keep_known_facts(file: &mut StoryFile, known: &BTreeSet<&str>) -> KeptParts {
    let keep = |cite: &mut Vec<Citation>| keep_known(cite, known);
    file.relations.retain_mut(|r| keep(&mut r.cite));
    file.events.retain_mut(|e| {
        let mut cite = std::mem::take(&mut e.cite).into_vec();
        let kept = keep(&mut cite);
        e.cite = cite.into_boxed_slice();
        kept
    });
    let changes: Vec<Vec<usize>> = file
        .events
        .iter_mut()
        .map(|e| retain_indexed(&mut e.status_changes, |c| keep(&mut c.cite)))
        .collect();
    file.metrics.retain_mut(|m| keep(&mut m.cite));
    let mut stages: Vec<Vec<usize>> = Vec::new();
    file.candidates.retain_mut(|candidacy| {
        let kept = retain_indexed(&mut candidacy.stages, |s| keep(&mut s.cite));
        let any = !kept.is_empty();
        if any {
            stages.push(kept);
        }
        any
    });
    let mut variants: Vec<Vec<usize>> = Vec::new();
    file.disputes.retain_mut(|dispute| {
        let kept = retain_indexed(&mut dispute.variants, |v| keep(&mut v.cite));
        let any = kept.len() >= 2;
        if any {
            variants.push(kept);
            if dispute
                .resolution
                .as_mut()
                .is_some_and(|r| !keep(&mut r.cite))
            {
                dispute.resolution = None;
            }
        }
        any
    });
    KeptParts {
        changes,
        stages,
        variants,
    }
}

/// Keeps the entities a counted source describes, and those a kept record names (so no
/// reference dangles) as "named, not yet described"; true for each of the latter.
fn keep_named_entities(file: &mut StoryFile, known: &BTreeSet<&str>) -> Vec<bool> {
    let mut named: BTreeSet<&str> = BTreeSet::new();
    for r in &file.relations {
        named.extend([r.from.as_str(), r.to.as_str()]);
    }
    for e in &file.events {
        named.extend(e.entities.iter().map(|id| id.as_str()));
    }
    for m in &file.metrics {
        named.insert(m.subject.as_str());
        named.extend(m.stated_by.as_deref());
    }
    for c in &file.candidates {
        named.extend([c.candidate.as_str(), c.seeker.as_str()]);
    }
    let named: BTreeSet<String> = named.into_iter().map(str::to_owned).collect();
    let mut undescribed: Vec<bool> = Vec::new();
    file.entities.retain_mut(|entity| {
        if keep_known(&mut entity.cite, known) {
            undescribed.push(false);
            return true;
        }
        if !named.contains(entity.id.as_str()) {
            return false;
        }
        // Named, not yet described: what only later sources say is left out.
        entity.aliases.clear();
        entity.summary = None;
        undescribed.push(true);
        true
    });
    undescribed
}

/// A dispute keeps only the records it is about that are still known.
fn drop_abouts_gone(file: &mut StoryFile) {
    let surviving: BTreeSet<&str> = file
        .entities
        .iter()
        .map(|e| e.id.as_str())
        .chain(file.relations.iter().map(|r| r.id.as_str()))
        .chain(file.events.iter().map(|e| e.id.as_str()))
        .chain(file.candidates.iter().map(|c| c.id.as_str()))
        .chain(file.metrics.iter().map(|m| m.id.as_str()))
        .collect();
    let abouts: Vec<Vec<String>> = file
        .disputes
        .iter()
        .map(|d| {
            d.about
                .iter()
                .filter(|id| surviving.contains(id.as_str()))
                .cloned()
                .collect()
        })
        .collect();
    for (dispute, about) in file.disputes.iter_mut().zip(abouts) {
        dispute.about = about;
    }
}
