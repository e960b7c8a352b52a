//! The validated story: records in arenas (the file's own vectors) plus indexes from
//! ids and from each entity to everything that mentions it, built once at load.

use std::collections::HashMap;

use super::load::{Problem, cap_problems};
use super::model::{Citation, StoryFile};
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
            RecordRef::Candidacy(_) => "candidate",
            RecordRef::Metric(_) => "figure",
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
#[derive(Debug, Clone)]
pub struct Story {
    pub file: StoryFile,
    /// Where it came from, for provenance lines: a path or "embedded story".
    pub origin: String,
    ids: HashMap<String, RecordRef>,
    entity_links: Vec<EntityLinks>,
    /// For each source, the source at the end of its `via` chain.
    source_roots: Vec<usize>,
    /// For each record, the disputes that are about it.
    disputes_about: HashMap<RecordRef, Vec<usize>>,
}

impl Story {
    /// Indexes and validates; returns every problem found.
    pub fn build(file: StoryFile, origin: &str) -> Result<Story, Vec<Problem>> {
        let mut problems = Vec::new();
        let ids = index_ids(&file, &mut problems);
        let mut checker = Checker {
            ids: &ids,
            problems: &mut problems,
        };
        checker.check_all(&file);
        let source_roots = resolve_source_roots(&file, &ids, &mut problems);
        if !problems.is_empty() {
            return Err(cap_problems(problems));
        }
        let entity_links = link_entities(&file, &ids);
        let mut disputes_about: HashMap<RecordRef, Vec<usize>> = HashMap::new();
        for (index, dispute) in file.disputes.iter().enumerate() {
            for id in &dispute.about {
                disputes_about.entry(ids[id]).or_default().push(index);
            }
        }
        Ok(Story {
            file,
            origin: origin.to_owned(),
            ids,
            entity_links,
            source_roots,
            disputes_about,
        })
    }

    pub fn lookup(&self, id: &str) -> Option<RecordRef> {
        self.ids.get(id).copied()
    }

    /// The arena index of an entity id that validation has already checked.
    pub fn entity_index(&self, id: &str) -> usize {
        match self.ids.get(id) {
            Some(RecordRef::Entity(index)) => *index,
            _ => unreachable!("validated entity reference `{id}`"),
        }
    }

    pub fn entity_name(&self, id: &str) -> &str {
        &self.file.entities[self.entity_index(id)].name
    }

    pub fn source_index(&self, id: &str) -> usize {
        match self.ids.get(id) {
            Some(RecordRef::Source(index)) => *index,
            _ => unreachable!("validated source reference `{id}`"),
        }
    }

    pub fn links(&self, entity: usize) -> &EntityLinks {
        &self.entity_links[entity]
    }

    /// The source at the end of `source`'s `via` chain: its independent origin.
    pub fn source_root(&self, source: usize) -> usize {
        self.source_roots[source]
    }

    /// Disputes whose `about` names this record.
    pub fn disputes_about(&self, record: RecordRef) -> &[usize] {
        self.disputes_about.get(&record).map_or(&[], Vec::as_slice)
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
                    "{} as {}",
                    self.entity_name(&candidacy.candidate),
                    candidacy.role
                )
            }
            RecordRef::Metric(i) => file.metrics[i].label.clone(),
            RecordRef::Dispute(i) => file.disputes[i].point.clone(),
        }
    }
}

/// A list's name, its records' ids in order, and how to refer to one of them.
type IdList<'a> = (&'static str, Vec<&'a str>, fn(usize) -> RecordRef);

fn index_ids(file: &StoryFile, problems: &mut Vec<Problem>) -> HashMap<String, RecordRef> {
    let mut ids: HashMap<String, RecordRef> = HashMap::new();
    let mut first_path: HashMap<String, String> = HashMap::new();
    let mut add = |id: &str, record: RecordRef, path: String, problems: &mut Vec<Problem>| {
        if id.trim().is_empty() {
            problems.push(
                Problem::at(format!("{path}.id"), "empty id")
                    .with_hint("give the record a unique id"),
            );
        } else if let Some(first) = first_path.get(id) {
            problems.push(
                Problem::at(
                    format!("{path}.id"),
                    format!("duplicate id `{id}`, first used at {first}"),
                )
                .with_hint("ids must be unique across the whole file"),
            );
        } else {
            first_path.insert(id.to_owned(), path);
            ids.insert(id.to_owned(), record);
        }
    };
    let lists: [IdList<'_>; 7] = [
        (
            "sources",
            file.sources.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Source,
        ),
        (
            "entities",
            file.entities.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Entity,
        ),
        (
            "relations",
            file.relations.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Relation,
        ),
        (
            "events",
            file.events.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Event,
        ),
        (
            "candidates",
            file.candidates.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Candidacy,
        ),
        (
            "metrics",
            file.metrics.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Metric,
        ),
        (
            "disputes",
            file.disputes.iter().map(|r| r.id.as_str()).collect(),
            RecordRef::Dispute,
        ),
    ];
    for (list, list_ids, make) in lists {
        for (index, id) in list_ids.into_iter().enumerate() {
            add(id, make(index), format!("{list}[{index}]"), problems);
        }
    }
    ids
}

/// Checks references, names and citations, pushing one problem per defect.
struct Checker<'a> {
    ids: &'a HashMap<String, RecordRef>,
    problems: &'a mut Vec<Problem>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Entity,
    Source,
    Any,
}

impl Checker<'_> {
    fn check_all(&mut self, file: &StoryFile) {
        self.text("story.title", &file.story.title);
        for (i, source) in file.sources.iter().enumerate() {
            let path = format!("sources[{i}]");
            self.text(&format!("{path}.outlet"), &source.outlet);
            self.text(&format!("{path}.title"), &source.title);
            if let Some(via) = &source.via {
                self.reference(&format!("{path}.via"), via, Expect::Source);
            }
        }
        for (i, entity) in file.entities.iter().enumerate() {
            let path = format!("entities[{i}]");
            self.text(&format!("{path}.name"), &entity.name);
            for (a, alias) in entity.aliases.iter().enumerate() {
                self.text(&format!("{path}.aliases[{a}]"), alias);
            }
            self.citations(&path, &entity.cite);
        }
        for (i, relation) in file.relations.iter().enumerate() {
            let path = format!("relations[{i}]");
            self.reference(&format!("{path}.from"), &relation.from, Expect::Entity);
            self.reference(&format!("{path}.to"), &relation.to, Expect::Entity);
            self.citations(&path, &relation.cite);
        }
        for (i, event) in file.events.iter().enumerate() {
            let path = format!("events[{i}]");
            self.text(&format!("{path}.title"), &event.title);
            if event.entities.is_empty() {
                self.problems.push(
                    Problem::at(
                        format!("{path}.entities"),
                        "an event must involve at least one entity",
                    )
                    .with_hint("list the ids of the entities involved"),
                );
            }
            for (e, id) in event.entities.iter().enumerate() {
                self.reference(&format!("{path}.entities[{e}]"), id, Expect::Entity);
            }
            self.citations(&path, &event.cite);
        }
        for (i, candidacy) in file.candidates.iter().enumerate() {
            let path = format!("candidates[{i}]");
            self.reference(
                &format!("{path}.candidate"),
                &candidacy.candidate,
                Expect::Entity,
            );
            self.reference(&format!("{path}.seeker"), &candidacy.seeker, Expect::Entity);
            self.text(&format!("{path}.role"), &candidacy.role);
            if candidacy.stages.is_empty() {
                self.problems.push(
                    Problem::at(
                        format!("{path}.stages"),
                        "a candidacy needs at least one stage",
                    )
                    .with_hint("add a stage such as {\"stage\": \"considered\", \"cite\": […]}"),
                );
            }
            for (s, stage) in candidacy.stages.iter().enumerate() {
                self.citations(&format!("{path}.stages[{s}]"), &stage.cite);
            }
        }
        for (i, metric) in file.metrics.iter().enumerate() {
            let path = format!("metrics[{i}]");
            self.reference(&format!("{path}.subject"), &metric.subject, Expect::Entity);
            if let Some(by) = &metric.stated_by {
                self.reference(&format!("{path}.stated_by"), by, Expect::Entity);
            }
            self.text(&format!("{path}.label"), &metric.label);
            if !metric.value.is_finite() {
                self.problems.push(Problem::at(
                    format!("{path}.value"),
                    "the value must be a finite number",
                ));
            }
            self.citations(&path, &metric.cite);
        }
        for (i, dispute) in file.disputes.iter().enumerate() {
            let path = format!("disputes[{i}]");
            self.text(&format!("{path}.point"), &dispute.point);
            if dispute.variants.len() < 2 {
                self.problems.push(
                    Problem::at(
                        format!("{path}.variants"),
                        "a dispute needs at least two versions",
                    )
                    .with_hint("add the other source's version, or drop the dispute"),
                );
            }
            for (a, id) in dispute.about.iter().enumerate() {
                self.reference(&format!("{path}.about[{a}]"), id, Expect::Any);
            }
            for (v, variant) in dispute.variants.iter().enumerate() {
                let variant_path = format!("{path}.variants[{v}]");
                self.text(&format!("{variant_path}.claim"), &variant.claim);
                self.citations(&variant_path, &variant.cite);
            }
        }
    }

    fn text(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.problems
                .push(Problem::at(path, "must not be empty or only spaces"));
        }
    }

    fn reference(&mut self, path: &str, id: &str, expect: Expect) {
        let found = self.ids.get(id).copied();
        let ok = match (expect, found) {
            (_, None) => false,
            (Expect::Any, Some(_)) => true,
            (Expect::Entity, Some(RecordRef::Entity(_))) => true,
            (Expect::Source, Some(RecordRef::Source(_))) => true,
            _ => false,
        };
        if ok {
            return;
        }
        let wanted = match expect {
            Expect::Entity => "entity",
            Expect::Source => "source",
            Expect::Any => "record",
        };
        let mut problem = match found {
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
            return;
        }
        let same_kind = self.ids.iter().filter(|(_, record)| match expect {
            Expect::Any => true,
            Expect::Entity => matches!(record, RecordRef::Entity(_)),
            Expect::Source => matches!(record, RecordRef::Source(_)),
        });
        if let Some(near) = did_you_mean(id, same_kind.map(|(name, _)| name.as_str())) {
            problem = problem.with_hint(format!("did you mean `{near}`?"));
        } else {
            problem = problem.with_hint(format!("add {wanted} `{id}` or fix the id"));
        }
        self.problems.push(problem);
    }

    fn citations(&mut self, path: &str, cite: &[Citation]) {
        if cite.is_empty() {
            self.problems.push(
                Problem::at(format!("{path}.cite"), "a fact without a citation")
                    .with_hint("add {\"source\": \"<source id>\", \"para\": N}"),
            );
        }
        for (c, citation) in cite.iter().enumerate() {
            self.reference(
                &format!("{path}.cite[{c}].source"),
                &citation.source,
                Expect::Source,
            );
            if citation.para == Some(0) {
                self.problems.push(
                    Problem::at(format!("{path}.cite[{c}].para"), "paragraphs count from 1")
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
fn resolve_source_roots(
    file: &StoryFile,
    ids: &HashMap<String, RecordRef>,
    problems: &mut Vec<Problem>,
) -> Vec<usize> {
    let next = |index: usize| -> Option<usize> {
        match file.sources[index]
            .via
            .as_ref()
            .and_then(|via| ids.get(via))
        {
            Some(RecordRef::Source(up)) => Some(*up),
            _ => None,
        }
    };
    (0..file.sources.len())
        .map(|start| {
            let mut current = start;
            for _ in 0..=file.sources.len() {
                match next(current) {
                    Some(up) => current = up,
                    None => return current,
                }
            }
            problems.push(
                Problem::at(
                    format!("sources[{start}].via"),
                    "the `via` chain loops back on itself",
                )
                .with_hint("a source cannot rely, directly or not, on itself"),
            );
            start
        })
        .collect()
}

fn link_entities(file: &StoryFile, ids: &HashMap<String, RecordRef>) -> Vec<EntityLinks> {
    let mut links = vec![EntityLinks::default(); file.entities.len()];
    let entity = |id: &String| match ids.get(id) {
        Some(RecordRef::Entity(index)) => *index,
        _ => unreachable!("validated entity reference"),
    };
    for (i, relation) in file.relations.iter().enumerate() {
        links[entity(&relation.from)].relations.push(i);
        if relation.to != relation.from {
            links[entity(&relation.to)].relations.push(i);
        }
    }
    for (i, event) in file.events.iter().enumerate() {
        let mut seen = Vec::new();
        for id in &event.entities {
            let e = entity(id);
            if !seen.contains(&e) {
                seen.push(e);
                links[e].events.push(i);
            }
        }
    }
    for (i, metric) in file.metrics.iter().enumerate() {
        links[entity(&metric.subject)].metrics.push(i);
        if let Some(by) = &metric.stated_by {
            if by != &metric.subject {
                links[entity(by)].metrics.push(i);
            }
        }
    }
    for (i, candidacy) in file.candidates.iter().enumerate() {
        links[entity(&candidacy.candidate)].candidacies.push(i);
        if candidacy.seeker != candidacy.candidate {
            links[entity(&candidacy.seeker)].candidacies.push(i);
        }
    }
    links
}
