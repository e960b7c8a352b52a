//! Validation of a story file: every id unique, every reference resolving to a record
//! of the right kind, no empty names, every fact cited, `via` chains without loops.

use std::collections::HashMap;

use crate::story::graph::id_index::{IdIndex, IdLookup};
use crate::story::graph::{EntityLinks, RecordRef};
use crate::story::model::{Id, ResolvedCitation, StoryFile};
use crate::story::problem::Problem;
use crate::story::safe_text::did_you_mean;

mod citations;
mod events;

pub(super) use events::event_citations;

pub(in crate::story::graph) use citations::citation_count;

/// Checks references, names and citations, pushing one problem per defect. Paths are
/// closures: a valid file of 100k events never pays for formatting a million of them.
/// Each reference is looked up once: the checker links entities to what mentions
/// them as it goes (kept only when the file has no problem).
pub(super) struct Checker<'a> {
    pub(super) ids: IdLookup<'a>,
    pub(super) problems: &'a mut Vec<Problem>,
    /// Everything that points at each entity, each list in file order.
    pub(super) links: Vec<EntityLinks>,
    /// For each record, the disputes that are about it.
    pub(super) disputes_about: HashMap<RecordRef, Vec<usize>, foldhash::fast::RandomState>,
    /// Entities allowed to have no citation (see `Story::build_with`).
    pub(super) uncited: &'a [bool],
    /// Each citation's source and own `via` as looked up, in the order visited (see
    /// `resolve.rs`).
    pub(super) cited: Vec<ResolvedCitation>,
    /// How many citations visited carry a quote (`check` reports them; counted here,
    /// where every citation is read anyway, not in a walk of its own).
    pub(super) quotes: usize,
    /// Entities and sources already looked up, by id: a few thousand records named
    /// millions of times, kept inline in a table small enough to stay in the cache
    /// (each lookup in the whole id index read the record's own id from far away).
    pub(super) seen: HashMap<Id, RecordRef, foldhash::fast::RandomState>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Entity,
    Source,
    /// Anything a dispute can be about: entities, relations, events, candidacies,
    /// metrics; not sources (they are cited in the versions) nor other disputes.
    Fact,
}

impl<'a> Checker<'a> {
    /// A checker with nothing found yet, and room for `citations` citations (see
    /// `citation_count`).
    pub(super) fn new(
        ids: IdLookup<'a>,
        problems: &'a mut Vec<Problem>,
        uncited: &'a [bool],
        citations: usize,
    ) -> Checker<'a> {
        Checker {
            ids,
            problems,
            links: vec![EntityLinks::default(); ids.file.entities.len()],
            disputes_about: HashMap::default(),
            uncited,
            cited: Vec::with_capacity(citations),
            quotes: 0,
            seen: HashMap::default(),
        }
    }
}

impl Checker<'_> {
    /// Every record in file order: one problem per defect, and the links as it goes.
    pub(super) fn check_all(&mut self, file: &StoryFile) {
        self.check_story_and_sources(file);
        self.check_entities(file);
        self.check_relations(file);
        self.check_events(file);
        self.check_candidacies(file);
        self.check_metrics(file);
        self.check_disputes(file);
    }

    /// The story's own texts, and each source's names and `via`.
    fn check_story_and_sources(&mut self, file: &StoryFile) {
        self.text(|| "story.title".to_owned(), &file.story.title);
        if let Some(title) = &file.story.candidates_title {
            self.text(|| "story.candidates_title".to_owned(), title);
        }
        for (i, source) in file.sources.iter().enumerate() {
            self.text(|| format!("sources[{i}].outlet"), &source.outlet);
            self.text(|| format!("sources[{i}].title"), &source.title);
            if let Some(via) = &source.via {
                self.reference(|| format!("sources[{i}].via"), via, Expect::Source);
            }
        }
    }

    /// Names, aliases and citations of entities.
    fn check_entities(&mut self, file: &StoryFile) {
        for (i, entity) in file.entities.iter().enumerate() {
            self.text(|| format!("entities[{i}].name"), &entity.name);
            for (a, alias) in entity.aliases.iter().enumerate() {
                self.text(|| format!("entities[{i}].aliases[{a}]"), alias);
            }
            // Only an empty list is excused: any citation given is checked.
            let excused = self.uncited.get(i).copied().unwrap_or(false) && entity.cite.is_empty();
            if !excused {
                self.citations(|| format!("entities[{i}]"), &entity.cite);
            }
        }
    }

    /// Both ends of each relation, linked to the entities.
    fn check_relations(&mut self, file: &StoryFile) {
        for (i, relation) in file.relations.iter().enumerate() {
            let from = self.entity(|| format!("relations[{i}].from"), &relation.from);
            let to = self.entity(|| format!("relations[{i}].to"), &relation.to);
            if let (Some(from), Some(to)) = (from, to) {
                self.links[from].relations.push(i);
                if to != from {
                    self.links[to].relations.push(i);
                }
            }
            self.citations(|| format!("relations[{i}]"), &relation.cite);
        }
    }

    /// Candidate and chooser (linked), role and stages.
    fn check_candidacies(&mut self, file: &StoryFile) {
        for (i, candidacy) in file.candidates.iter().enumerate() {
            let candidate = self.entity(
                || format!("candidates[{i}].candidate"),
                &candidacy.candidate,
            );
            let seeker = self.entity(|| format!("candidates[{i}].seeker"), &candidacy.seeker);
            if let (Some(candidate), Some(seeker)) = (candidate, seeker) {
                self.links[candidate].candidacies.push(i);
                if seeker != candidate {
                    self.links[seeker].candidacies.push(i);
                }
            }
            self.text(|| format!("candidates[{i}].role"), &candidacy.role);
            if candidacy.stages.is_empty() {
                self.problems.push(
                    Problem::at(
                        format!("candidates[{i}].stages"),
                        "a candidacy needs at least one stage",
                    )
                    .with_hint("add a stage such as {\"stage\": \"considered\", \"cite\": […]}"),
                );
            }
            for (s, stage) in candidacy.stages.iter().enumerate() {
                self.citations(|| format!("candidates[{i}].stages[{s}]"), &stage.cite);
            }
        }
    }

    /// Subject and stater (linked), label, amount and citations.
    fn check_metrics(&mut self, file: &StoryFile) {
        for (i, metric) in file.metrics.iter().enumerate() {
            if let Some(subject) = self.entity(|| format!("metrics[{i}].subject"), &metric.subject)
            {
                self.links[subject].metrics.push(i);
                if let Some(by) = &metric.stated_by {
                    if let Some(by) = self.entity(|| format!("metrics[{i}].stated_by"), by) {
                        if by != subject {
                            self.links[by].metrics.push(i);
                        }
                    }
                }
            } else if let Some(by) = &metric.stated_by {
                self.entity(|| format!("metrics[{i}].stated_by"), by);
            }
            self.text(|| format!("metrics[{i}].label"), &metric.label);
            self.problems
                .extend(crate::story::model::amount::amount_problems(metric, i));
            self.citations(|| format!("metrics[{i}]"), &metric.cite);
        }
    }

    /// What each dispute is about (indexed), its versions and resolution.
    fn check_disputes(&mut self, file: &StoryFile) {
        for (i, dispute) in file.disputes.iter().enumerate() {
            self.text(|| format!("disputes[{i}].point"), &dispute.point);
            if dispute.variants.len() < 2 {
                self.problems.push(
                    Problem::at(
                        format!("disputes[{i}].variants"),
                        "a dispute needs at least two versions",
                    )
                    .with_hint("add the other source's version, or drop the dispute"),
                );
            }
            for (a, id) in dispute.about.iter().enumerate() {
                if let Some(record) =
                    self.reference(|| format!("disputes[{i}].about[{a}]"), id, Expect::Fact)
                {
                    self.disputes_about.entry(record).or_default().push(i);
                }
            }
            for (v, variant) in dispute.variants.iter().enumerate() {
                self.text(
                    || format!("disputes[{i}].variants[{v}].claim"),
                    &variant.claim,
                );
                self.citations(|| format!("disputes[{i}].variants[{v}]"), &variant.cite);
            }
            if let Some(resolution) = &dispute.resolution {
                self.text(
                    || format!("disputes[{i}].resolution.summary"),
                    &resolution.summary,
                );
                self.citations(|| format!("disputes[{i}].resolution"), &resolution.cite);
            }
        }
    }

    /// Checks a reference to an entity; its arena index when it is one.
    fn entity(&mut self, path: impl FnOnce() -> String, id: &str) -> Option<usize> {
        match self.reference(path, id, Expect::Entity) {
            Some(RecordRef::Entity(index)) => Some(index),
            _ => None,
        }
    }

    fn text(&mut self, path: impl FnOnce() -> String, value: &str) {
        if value.trim().is_empty() {
            self.problems
                .push(Problem::at(path(), "must not be empty or only spaces"));
        }
    }

    /// Checks a reference; the record when it is of the expected kind.
    fn reference(
        &mut self,
        path: impl FnOnce() -> String,
        id: &str,
        expect: Expect,
    ) -> Option<RecordRef> {
        let found = self.look_up(id, expect);
        let ok = match (expect, found) {
            (_, None) => false,
            (Expect::Fact, Some(RecordRef::Source(_) | RecordRef::Dispute(_))) => false,
            (Expect::Fact, Some(_)) => true,
            (Expect::Entity, Some(RecordRef::Entity(_))) => true,
            (Expect::Source, Some(RecordRef::Source(_))) => true,
            _ => false,
        };
        if ok {
            return found;
        }
        let problem = self.bad_reference(path(), id, expect, found);
        self.problems.push(problem);
        None
    }

    /// The record `id` names: from the entities and sources already seen when an
    /// entity or a source is expected, else from the id index (and then remembered).
    fn look_up(&mut self, id: &str, expect: Expect) -> Option<RecordRef> {
        if expect == Expect::Fact {
            return self.ids.get(id);
        }
        if let Some(&record) = self.seen.get(id) {
            return Some(record);
        }
        let found = self.ids.get(id);
        if let Some(record @ (RecordRef::Entity(_) | RecordRef::Source(_))) = found {
            self.seen.insert(Id::from(id), record);
        }
        found
    }

    /// What is wrong with a reference to `id` at `path` that is not the record
    /// `expect` wants (`found` is what the id is, if anything), with a hint.
    fn bad_reference(
        &self,
        path: String,
        id: &str,
        expect: Expect,
        found: Option<RecordRef>,
    ) -> Problem {
        let wanted = match expect {
            Expect::Entity => "entity",
            Expect::Source => "source",
            Expect::Fact => "fact",
        };
        let problem = match found {
            Some(other @ (RecordRef::Source(_) | RecordRef::Dispute(_)))
                if expect == Expect::Fact =>
            {
                let hint = if matches!(other, RecordRef::Source(_)) {
                    "name the fact the sources disagree on; cite the source in a version's `cite`"
                } else {
                    "name the facts themselves; one dispute cannot be about another"
                };
                let what = with_article(other.kind_label());
                return Problem::at(path, format!("`{id}` is {what}: a dispute is about facts (entities, relations, events, candidacies, metrics)")).with_hint(hint);
            }
            Some(other) => Problem::at(
                path,
                format!(
                    "`{id}` is {}, not {}",
                    with_article(other.kind_label()),
                    with_article(wanted)
                ),
            ),
            None => Problem::at(path, format!("unknown {wanted} `{id}`")),
        };
        // Suggestions scan every id: worth it for a few typos, not for a file of junk.
        if self.problems.len() > 20 {
            return problem;
        }
        let same_kind = self.ids.iter().filter(|(_, record)| match expect {
            Expect::Fact => !matches!(record, RecordRef::Source(_) | RecordRef::Dispute(_)),
            Expect::Entity => matches!(record, RecordRef::Entity(_)),
            Expect::Source => matches!(record, RecordRef::Source(_)),
        });
        match did_you_mean(id, same_kind.map(|(name, _)| name)) {
            Some(near) => problem.with_hint(format!("did you mean `{near}`?")),
            None => problem.with_hint(format!("add {wanted} `{id}` or fix the id")),
        }
    }
}

/// "an event", "a source": the kind names are all ASCII words.
fn with_article(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

/// Follows each source's `via` chain to its end; a cycle is a problem.
pub(super) fn resolve_source_roots(
    file: &StoryFile,
    ids: &IdIndex,
    problems: &mut Vec<Problem>,
) -> Vec<usize> {
    let ids = IdLookup { index: ids, file };
    let next = |index: usize| -> Option<usize> {
        match file.sources[index]
            .via
            .as_ref()
            .and_then(|via| ids.get(via.as_str()))
        {
            Some(RecordRef::Source(up)) => Some(up),
            _ => None,
        }
    };
    // Each source is walked once: a walk stops at the first source whose root is
    // already known, and every source on the way gets that root.
    const UNSEEN: usize = usize::MAX;
    const ON_PATH: usize = usize::MAX - 1;
    let mut roots = vec![UNSEEN; file.sources.len()];
    let mut path = Vec::new();
    for start in 0..file.sources.len() {
        path.clear();
        let mut current = start;
        let root = loop {
            match roots[current] {
                UNSEEN => {}
                ON_PATH => {
                    problems.push(
                        Problem::at(
                            format!("sources[{current}].via"),
                            "the `via` chain loops back on itself",
                        )
                        .with_hint("a source cannot rely, directly or not, on itself"),
                    );
                    break current;
                }
                known => break known,
            }
            roots[current] = ON_PATH;
            path.push(current);
            match next(current) {
                Some(up) => current = up,
                None => break current,
            }
        };
        for &source in &path {
            roots[source] = root;
        }
    }
    roots
}
