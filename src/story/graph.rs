//! The validated story: records in arenas (the file's own vectors) plus indexes from
//! ids and from each entity to everything that mentions it, built once at load.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::date::Precision;
use super::model::{Citation, StoryFile};
use super::problem::{Problem, cap_problems};
use super::text::did_you_mean;

/// A record in the story, by arena index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordRef {
    Source(usize),
    Entity(usize),
    Relation(usize),
    Event(usize),
    Candidacy(usize),
    Metric(usize),
    Dispute(usize),
}

impl RecordRef {
    pub fn kind_label(self) -> &'static str {
        match self {
            RecordRef::Source(_) => "source",
            RecordRef::Entity(_) => "entity",
            RecordRef::Relation(_) => "relation",
            RecordRef::Event(_) => "event",
            RecordRef::Candidacy(_) => "candidacy",
            RecordRef::Metric(_) => "metric",
            RecordRef::Dispute(_) => "dispute",
        }
    }
}

/// Everything that points at one entity, each list in file order.
#[derive(Debug, Clone, Default)]
pub struct EntityLinks {
    pub relations: Vec<usize>,
    pub events: Vec<usize>,
    pub metrics: Vec<usize>,
    pub candidacies: Vec<usize>,
}

/// A loaded, validated story. Every id it holds resolves.
///
/// The records and the indexes sit behind `Arc`s: a clone (the explorer keeps the whole
/// story next to its as-of view) costs two reference counts, not a copy of 100k events.
#[derive(Debug, Clone)]
pub struct Story {
    pub file: Arc<StoryFile>,
    /// Where it came from, for provenance lines: a path or "embedded story".
    pub origin: String,
    indexes: Arc<Indexes>,
    /// Set on a story narrowed to a date (`Story::as_of`): what the narrowing kept.
    pub(crate) narrowing: Option<Arc<super::asof::Narrowing>>,
}

#[derive(Debug)]
struct Indexes {
    ids: IdMap,
    entity_links: Vec<EntityLinks>,
    /// For each source, the source at the end of its `via` chain.
    source_roots: Vec<usize>,
    /// For each record, the disputes that are about it.
    disputes_about: HashMap<RecordRef, Vec<usize>, foldhash::fast::RandomState>,
    /// Every event, in timeline order; sorted on first use.
    events_by_date: OnceLock<Vec<usize>>,
}

impl Story {
    /// Indexes and validates; returns every problem found.
    pub fn build(file: StoryFile, origin: &str) -> Result<Story, Vec<Problem>> {
        Story::build_with(file, origin, &[])
    }

    /// As `build`, except that the entities flagged in `uncited` may have no citation:
    /// a story narrowed to a date keeps those as "named, not yet described".
    pub(crate) fn build_with(
        file: StoryFile,
        origin: &str,
        uncited: &[bool],
    ) -> Result<Story, Vec<Problem>> {
        let mut problems = Vec::new();
        let ids = index_ids(&file, &mut problems);
        let mut checker = Checker {
            ids: &ids,
            problems: &mut problems,
            links: vec![EntityLinks::default(); file.entities.len()],
            disputes_about: HashMap::default(),
            uncited,
        };
        checker.check_all(&file);
        let Checker {
            links: entity_links,
            disputes_about,
            ..
        } = checker;
        let source_roots = resolve_source_roots(&file, &ids, &mut problems);
        super::authored::check_notes(&file, &mut problems);
        if !problems.is_empty() {
            return Err(cap_problems(problems));
        }
        Ok(Story {
            file: Arc::new(file),
            origin: origin.to_owned(),
            indexes: Arc::new(Indexes {
                ids,
                entity_links,
                source_roots,
                disputes_about,
                events_by_date: OnceLock::new(),
            }),
            narrowing: None,
        })
    }

    pub fn lookup(&self, id: &str) -> Option<RecordRef> {
        self.indexes.ids.get(id).copied()
    }

    /// The arena index of an entity id that validation has already checked.
    pub fn entity_index(&self, id: &str) -> usize {
        match self.indexes.ids.get(id) {
            Some(RecordRef::Entity(index)) => *index,
            _ => unreachable!("validated entity reference `{id}`"),
        }
    }

    pub fn entity_name(&self, id: &str) -> &str {
        &self.file.entities[self.entity_index(id)].name
    }

    pub fn source_index(&self, id: &str) -> usize {
        match self.indexes.ids.get(id) {
            Some(RecordRef::Source(index)) => *index,
            _ => unreachable!("validated source reference `{id}`"),
        }
    }

    pub fn links(&self, entity: usize) -> &EntityLinks {
        &self.indexes.entity_links[entity]
    }

    /// Every event's arena index in timeline order: by date (`DateSpec`'s order), then
    /// file order. Sorted once, on first use, on integer keys: comparing `DateSpec`s
    /// directly recomputes their days at every step (~80 ms for 100k events, against
    /// ~10 ms).
    pub fn events_by_date(&self) -> &[usize] {
        self.indexes.events_by_date.get_or_init(|| {
            let mut keyed: Vec<(i64, Precision, i64, bool, usize)> = self
                .file
                .events
                .iter()
                .enumerate()
                .map(|(i, event)| {
                    let date = &event.date;
                    (
                        date.earliest(),
                        date.precision(),
                        date.latest(),
                        date.approximate,
                        i,
                    )
                })
                .collect();
            keyed.sort_unstable();
            keyed.into_iter().map(|(.., i)| i).collect()
        })
    }

    /// The source at the end of `source`'s `via` chain: its independent origin.
    pub fn source_root(&self, source: usize) -> usize {
        self.indexes.source_roots[source]
    }

    /// Disputes whose `about` names this record.
    pub fn disputes_about(&self, record: RecordRef) -> &[usize] {
        self.indexes
            .disputes_about
            .get(&record)
            .map_or(&[], Vec::as_slice)
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
            RecordRef::Event(i) => file.events[i].title.clone(),
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

/// The id index: every record by its id. foldhash is several times faster than the
/// default SipHash on short ids and still seeded per process.
pub(crate) type IdMap = HashMap<Box<str>, RecordRef, foldhash::fast::RandomState>;

/// Where a record sits in the file, for messages: `events[3]`.
pub fn record_path(record: RecordRef) -> String {
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

fn index_ids(file: &StoryFile, problems: &mut Vec<Problem>) -> IdMap {
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

/// Checks references, names and citations, pushing one problem per defect. Paths are
/// closures: a valid file of 100k events never pays for formatting a million of them.
/// Each reference is looked up once: the checker links entities to what mentions
/// them as it goes (kept only when the file has no problem).
struct Checker<'a> {
    ids: &'a IdMap,
    problems: &'a mut Vec<Problem>,
    /// Everything that points at each entity, each list in file order.
    links: Vec<EntityLinks>,
    /// For each record, the disputes that are about it.
    disputes_about: HashMap<RecordRef, Vec<usize>, foldhash::fast::RandomState>,
    /// Entities allowed to have no citation (see `Story::build_with`).
    uncited: &'a [bool],
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Entity,
    Source,
    /// Anything a dispute can be about: entities, relations, events, candidacies,
    /// metrics; not sources (they are cited in the versions) nor other disputes.
    Fact,
}

impl Checker<'_> {
    fn check_all(&mut self, file: &StoryFile) {
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
        for (i, event) in file.events.iter().enumerate() {
            self.text(|| format!("events[{i}].title"), &event.title);
            if event.entities.is_empty() {
                self.problems.push(
                    Problem::at(
                        format!("events[{i}].entities"),
                        "an event must involve at least one entity",
                    )
                    .with_hint("list the ids of the entities involved"),
                );
            }
            for (e, id) in event.entities.iter().enumerate() {
                if let Some(entity) = self.entity(|| format!("events[{i}].entities[{e}]"), id) {
                    // Events are linked in order, so a repeat within this event is
                    // always the entity's last entry: O(1) however many it names.
                    if self.links[entity].events.last() != Some(&i) {
                        self.links[entity].events.push(i);
                    }
                }
            }
            self.citations(|| format!("events[{i}]"), &event.cite);
            for (c, change) in event.status_changes.iter().enumerate() {
                self.citations(|| format!("events[{i}].status_changes[{c}]"), &change.cite);
            }
        }
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
                .extend(super::amount::amount_problems(metric, i));
            self.citations(|| format!("metrics[{i}]"), &metric.cite);
        }
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
        let found = self.ids.get(id).copied();
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
        let path = path();
        let wanted = match expect {
            Expect::Entity => "entity",
            Expect::Source => "source",
            Expect::Fact => "fact",
        };
        let mut problem = match found {
            Some(other @ (RecordRef::Source(_) | RecordRef::Dispute(_)))
                if expect == Expect::Fact =>
            {
                let problem = Problem::at(
                    path,
                    format!(
                        "`{id}` is {}: a dispute is about facts (entities, relations, events, candidacies, metrics)",
                        with_article(other.kind_label())
                    ),
                );
                self.problems
                    .push(problem.with_hint(if matches!(other, RecordRef::Source(_)) {
                    "name the fact the sources disagree on; cite the source in a version's `cite`"
                } else {
                    "name the facts themselves; one dispute cannot be about another"
                }));
                return None;
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
            self.problems.push(problem);
            return None;
        }
        let same_kind = self.ids.iter().filter(|(_, record)| match expect {
            Expect::Fact => !matches!(record, RecordRef::Source(_) | RecordRef::Dispute(_)),
            Expect::Entity => matches!(record, RecordRef::Entity(_)),
            Expect::Source => matches!(record, RecordRef::Source(_)),
        });
        if let Some(near) = did_you_mean(id, same_kind.map(|(name, _)| &**name)) {
            problem = problem.with_hint(format!("did you mean `{near}`?"));
        } else {
            problem = problem.with_hint(format!("add {wanted} `{id}` or fix the id"));
        }
        self.problems.push(problem);
        None
    }

    fn citations(&mut self, path: impl Fn() -> String, cite: &[Citation]) {
        if cite.is_empty() {
            self.problems.push(
                Problem::at(format!("{}.cite", path()), "a fact without a citation")
                    .with_hint("add {\"source\": \"<source id>\", \"para\": N}"),
            );
        }
        for (c, citation) in cite.iter().enumerate() {
            self.reference(
                || format!("{}.cite[{c}].source", path()),
                &citation.source,
                Expect::Source,
            );
            if let Some(via) = &citation.via {
                self.reference(|| format!("{}.cite[{c}].via", path()), via, Expect::Source);
            }
            if citation.para == Some(0) {
                self.problems.push(
                    Problem::at(
                        format!("{}.cite[{c}].para", path()),
                        "paragraphs count from 1",
                    )
                    .with_hint("use 1 for the first paragraph after the headline"),
                );
            }
        }
    }
}

/// "an event", "a source": the kind names are all ASCII words.
fn with_article(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

/// Follows each source's `via` chain to its end; a cycle is a problem.
fn resolve_source_roots(file: &StoryFile, ids: &IdMap, problems: &mut Vec<Problem>) -> Vec<usize> {
    let next = |index: usize| -> Option<usize> {
        match file.sources[index]
            .via
            .as_ref()
            .and_then(|via| ids.get(via.as_str()))
        {
            Some(RecordRef::Source(up)) => Some(*up),
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
