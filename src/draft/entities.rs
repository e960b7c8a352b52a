//! Entities: every proper name the text layer finds, merged across articles and name
//! forms by `name_key` ("Alibaba", "Alibaba Group Holding Ltd." and "Alibaba's" are
//! one), named by the form written most often, with the other forms as aliases, a
//! kind voted by the cues beside the mentions (marked as the author's inference, the
//! cue as reason) and one citation per article, at its first mention there. A
//! one-word name is folded into the one multi-word name that starts with it and ends
//! in corporate words only ("Kestrel" into "Kestrel Foods", "Ferrant" into "Ferrant
//! Logistics"); "Apple Intelligence" or "Qwen 2.5" are not corporate words, so "Apple"
//! and "Qwen" stay apart from them.

use std::collections::{BTreeMap, HashMap};

use super::notes::{Ids, drafted, inferred, slug};
use super::reading::{Reading, quote_around};
use crate::story::model::{Citation, Entity, EntityKind};
use crate::text::{NameKind, name_key};

/// Words that end a company's name and add nothing to which company it is.
const CORPORATE_WORDS: &[&str] = &[
    "foods",
    "food",
    "cloud",
    "data",
    "labs",
    "lab",
    "bank",
    "systems",
    "aero",
    "aviation",
    "logistics",
    "group",
    "holdings",
    "holding",
    "technologies",
    "technology",
    "tech",
    "motors",
    "airlines",
    "energy",
    "capital",
    "partners",
    "media",
    "pharma",
    "pharmaceuticals",
    "health",
    "mobility",
    "robotics",
    "networks",
    "software",
    "digital",
    "industries",
    "electronics",
    "compute",
    "computing",
    "savings",
    "dairy",
    "creamery",
    "drones",
    "robotics",
    "semiconductor",
    "semiconductors",
    "telecom",
    "ventures",
    "international",
    "global",
    "company",
    "co",
    "corporation",
    "inc",
    "ltd",
    "plc",
    "ag",
    "sa",
    "se",
    "nv",
    "gmbh",
    "llc",
    "limited",
];

/// One entity as it is gathered, before its id and name are settled.
#[derive(Default)]
pub(crate) struct Gathered {
    /// Each form written and how often.
    forms: BTreeMap<String, usize>,
    /// The first form seen (breaks ties between forms written equally often).
    first_form: String,
    /// Each kind a cue suggested, with the first cue for it and how often.
    votes: BTreeMap<&'static str, (usize, String)>,
    /// One citation per source.
    cites: Vec<Citation>,
}

/// Entities in the order first named, with where to find each by key.
#[derive(Default)]
pub(crate) struct EntityTable {
    /// The entities gathered.
    pub(crate) gathered: Vec<Gathered>,
    /// `name_key` of every form → index in `gathered`.
    pub(crate) by_key: HashMap<String, usize>,
    /// The ids, once settled (same order as `gathered`).
    pub(crate) ids: Vec<String>,
}

impl EntityTable {
    /// Gathers every name of every paragraph of `reading`.
    pub(crate) fn gather(&mut self, reading: &Reading) {
        for para in &reading.paras {
            for mention in &para.names {
                let key = name_key(&mention.text);
                if key.is_empty() {
                    continue;
                }
                let next = self.gathered.len();
                let index = *self.by_key.entry(key).or_insert(next);
                if index == next {
                    self.gathered.push(Gathered {
                        first_form: mention.text.clone(),
                        ..Gathered::default()
                    });
                }
                let entity = &mut self.gathered[index];
                *entity.forms.entry(mention.text.clone()).or_default() += 1;
                if let Some(cue) = &mention.kind_cue {
                    let vote = entity
                        .votes
                        .entry(kind_name(cue.kind))
                        .or_insert((0, cue.cue.clone()));
                    vote.0 += 1;
                }
                if !entity.cites.iter().any(|c| c.source == reading.source_id) {
                    let sentence = para.sentence_of(mention.range.start);
                    entity.cites.push(
                        Citation::new(reading.source_id.as_str(), Some(para.number))
                            .with_quote(Some(quote_around(&para.text, &mention.range, &sentence))),
                    );
                }
            }
        }
    }

    /// A direct quote's speaker, when named, is cited where they speak.
    pub(crate) fn cite_speakers(&mut self, reading: &Reading) {
        for para in &reading.paras {
            for quote in &para.quotes {
                let Some(index) = quote
                    .speaker
                    .as_deref()
                    .and_then(|s| self.by_key.get(&name_key(s)))
                else {
                    continue;
                };
                let entity = &mut self.gathered[*index];
                let here =
                    |c: &Citation| c.source == reading.source_id && c.para == Some(para.number);
                if entity.cites.iter().any(here) {
                    continue;
                }
                let sentence = para.sentence_of(quote.range.start);
                entity.cites.push(
                    Citation::new(reading.source_id.as_str(), Some(para.number))
                        .with_note(Some("speaks in a direct quote"))
                        .with_quote(Some(quote_around(&para.text, &quote.range, &sentence))),
                );
            }
        }
    }

    /// The entity a name refers to, by its key.
    pub(crate) fn id_of(&self, name: &str) -> Option<&str> {
        let index = *self.by_key.get(&name_key(name))?;
        self.ids.get(index).map(String::as_str)
    }

    /// Folds each one-word name into the one multi-word name it starts, when the rest
    /// of that name is corporate words; `merged_into[i]` is where entity `i` went.
    fn fold_short_names(&mut self) -> Vec<Option<usize>> {
        let keys: Vec<String> = self
            .gathered
            .iter()
            .map(|g| name_key(&g.first_form))
            .collect();
        let mut merged_into = vec![None; self.gathered.len()];
        for (short, key) in keys.iter().enumerate() {
            if key.contains(' ') || key.is_empty() {
                continue;
            }
            let longer: Vec<usize> = keys
                .iter()
                .enumerate()
                .filter(|(_, long)| {
                    long.strip_prefix(key.as_str())
                        .and_then(|rest| rest.strip_prefix(' '))
                        .is_some_and(|rest| rest.split(' ').all(|w| CORPORATE_WORDS.contains(&w)))
                })
                .map(|(i, _)| i)
                .collect();
            if let [long] = longer.as_slice() {
                merged_into[short] = Some(*long);
                let taken = std::mem::take(&mut self.gathered[short]);
                let target = &mut self.gathered[*long];
                for (form, count) in taken.forms {
                    *target.forms.entry(form).or_default() += count;
                }
                for (kind, (count, cue)) in taken.votes {
                    target.votes.entry(kind).or_insert((0, cue)).0 += count;
                }
                for cite in taken.cites {
                    if !target.cites.iter().any(|c| c.source == cite.source) {
                        target.cites.push(cite);
                    }
                }
            }
        }
        for index in self.by_key.values_mut() {
            if let Some(target) = merged_into[*index] {
                *index = target;
            }
        }
        merged_into
    }

    /// Settles names and ids and returns the entity records, in first-named order.
    pub(crate) fn finish(&mut self, ids: &mut Ids) -> Vec<Entity> {
        let merged_into = self.fold_short_names();
        let mut entities = Vec::with_capacity(self.gathered.len());
        let mut id_of_index = vec![String::new(); self.gathered.len()];
        for (index, entity) in self.gathered.iter().enumerate() {
            if merged_into[index].is_some() {
                continue;
            }
            let name = entity
                .forms
                .iter()
                .max_by_key(|(form, count)| (**count, **form == entity.first_form))
                .map(|(form, _)| form.clone())
                .unwrap_or_default();
            let id = ids.unique(&slug(&name));
            id_of_index[index] = id.clone();
            let aliases: Vec<String> = entity
                .forms
                .keys()
                .filter(|form| !form.eq_ignore_ascii_case(&name))
                .cloned()
                .collect();
            let (kind, kind_note) = settle_kind(entity);
            let articles = entity.cites.len();
            let mut authored = vec![drafted(
                None,
                format!(
                    "rule names: a proper name in {articles} article{}",
                    if articles == 1 { "" } else { "s" }
                ),
            )];
            authored.push(kind_note);
            entities.push(Entity {
                id: id.into(),
                kind,
                name,
                aliases,
                summary: None,
                cite: entity.cites.clone(),
                authored: authored.into(),
            });
        }
        self.ids = id_of_index;
        entities
    }
}

/// The kind most cues voted for (ties: the order of `NameKind`), as an inference with
/// its cue; `organisation` with "no cue" when nothing suggested one.
fn settle_kind(entity: &Gathered) -> (EntityKind, crate::story::model::AuthorNote) {
    match entity.votes.iter().max_by_key(|(_, (count, _))| *count) {
        Some((kind, (_, cue))) => (
            entity_kind(kind),
            inferred("kind", format!("kind from the cue “{cue}”")),
        ),
        None => (
            EntityKind::Organisation,
            inferred(
                "kind",
                "no cue word beside the name: organisation by default",
            ),
        ),
    }
}

fn kind_name(kind: NameKind) -> &'static str {
    kind.as_str()
}

fn entity_kind(kind: &str) -> EntityKind {
    match kind {
        "company" => EntityKind::Company,
        "person" => EntityKind::Person,
        "model" => EntityKind::AiModel,
        "product" => EntityKind::Product,
        "place" => EntityKind::Market,
        _ => EntityKind::Organisation,
    }
}
