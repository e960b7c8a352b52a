//! `draft --merge story.json`: new articles drafted into a story that already exists.
//! Entities are matched by name and alias (by `name_key`), upstream reports by outlet,
//! events by date, subject and title, metrics by subject and amount, relations and
//! candidacies by their ends. A match still marked `drafted` gains the new citations;
//! a reviewed record (its `drafted` note removed) is never changed, and never drafted a
//! second time. Articles already in the story (same address or headline) are skipped.

use std::collections::HashMap;

use super::input::Article;
use super::{Draft, draft};
use crate::story::model::{AuthorNote, AuthorNoteKind, Citation, StoryFile};
use crate::text::name_key;

/// What a merge added, for the summary printed on stderr.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// One line per kind of change, e.g. "3 new entities".
    pub lines: Vec<String>,
}

fn is_drafted(notes: &[AuthorNote]) -> bool {
    notes.iter().any(|n| n.kind == AuthorNoteKind::Drafted)
}

/// Merges drafts of `articles` into `existing`; the texts are for the new articles.
pub fn merge(
    mut existing: StoryFile,
    articles: &[Article],
    text_dir: &str,
) -> (Draft, MergeSummary) {
    let mut summary = MergeSummary::default();
    let fresh: Vec<Article> = articles
        .iter()
        .filter(|article| {
            let known = existing.sources.iter().find(|s| {
                (s.url.is_some() && s.url == article.url)
                    || (s.title == article.title && s.text.is_some())
            });
            if let Some(source) = known {
                summary.lines.push(format!(
                    "skipped {}: already in the story as `{}`",
                    article.file, source.id
                ));
            }
            known.is_none()
        })
        .cloned()
        .collect();
    let taken = all_ids(&existing);
    let Draft { story: new, texts } = draft(&fresh, text_dir, taken);
    let remap = matches(&existing, &new);
    let mut counts = Counts::default();
    add_sources(&mut existing, new.sources, &remap, &mut counts);
    add_entities(&mut existing, new.entities, &remap, &mut counts);
    add_facts(
        &mut existing,
        new.events,
        new.metrics,
        new.relations,
        &remap,
        &mut counts,
    );
    add_candidacies(&mut existing, new.candidates, &remap, &mut counts);
    summary.lines.extend(counts.lines());
    (
        Draft {
            story: existing,
            texts,
        },
        summary,
    )
}

#[derive(Default)]
struct Counts {
    sources: usize,
    entities: usize,
    records: usize,
    citations: usize,
    reviewed: usize,
}

impl Counts {
    /// One line per kind of change, each in the singular where the count is one
    /// ("1 new source", never "1 new sources").
    fn lines(&self) -> Vec<String> {
        let counted =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        vec![
            counted(self.sources, "new source", "new sources"),
            counted(self.entities, "new entity", "new entities"),
            counted(
                self.records,
                "new event, metric, relation or candidacy",
                "new events, metrics, relations and candidacies",
            ),
            counted(
                self.citations,
                "citation added to a drafted record",
                "citations added to drafted records",
            ),
            counted(
                self.reviewed,
                "match with a reviewed record left unchanged",
                "matches with reviewed records left unchanged",
            ),
        ]
    }
}

/// Adds `cites` to a drafted match, leaves a reviewed one alone, or adds the record.
/// Events, metrics and relations: matches gain citations (when drafted), the rest
/// are added.
fn add_facts(
    existing: &mut StoryFile,
    events: Vec<crate::story::model::Event>,
    metrics: Vec<crate::story::model::Metric>,
    relations: Vec<crate::story::model::Relation>,
    remap: &HashMap<String, String>,
    counts: &mut Counts,
) {
    for event in events {
        add_event(&mut existing.events, event, remap, counts);
    }
    for mut metric in metrics {
        rename(&mut metric.subject, remap);
        fix_cites(&mut metric.cite, remap);
        let same = existing.metrics.iter_mut().find(|m| {
            m.subject == metric.subject
                && m.value == metric.value
                && m.range == metric.range
                && m.qualitative == metric.qualitative
                && m.unit == metric.unit
        });
        if merge_record(
            same.map(|m| (&mut m.cite, m.authored.as_slice())),
            metric.cite.clone(),
            counts,
        ) {
            existing.metrics.push(metric);
        }
    }
    for mut relation in relations {
        rename(&mut relation.from, remap);
        rename(&mut relation.to, remap);
        fix_cites(&mut relation.cite, remap);
        let same = existing
            .relations
            .iter_mut()
            .find(|r| r.kind == relation.kind && r.from == relation.from && r.to == relation.to);
        if merge_record(
            same.map(|r| (&mut r.cite, r.authored.as_slice())),
            relation.cite.clone(),
            counts,
        ) {
            existing.relations.push(relation);
        }
    }
}

/// An event: one with the same date, first entity and title gains its citations (when
/// drafted); any other is added.
fn add_event(
    existing: &mut Vec<crate::story::model::Event>,
    mut event: crate::story::model::Event,
    remap: &HashMap<String, String>,
    counts: &mut Counts,
) {
    event.entities.iter_mut().for_each(|id| rename(id, remap));
    fix_cites(&mut event.cite, remap);
    let same = existing.iter_mut().find(|e| {
        e.date.canonical() == event.date.canonical()
            && e.entities.first() == event.entities.first()
            && e.title() == event.title()
    });
    // An event's citations are a box: taken out as a list to merge into, then put back.
    let is_new = match same {
        Some(known) => {
            let mut cite = std::mem::take(&mut known.cite).into_vec();
            let new = event.cite.to_vec();
            let is_new = merge_record(Some((&mut cite, &known.authored)), new, counts);
            known.cite = cite.into_boxed_slice();
            is_new
        }
        None => merge_record(None, event.cite.to_vec(), counts),
    };
    if is_new {
        existing.push(event);
    }
}

/// Candidacies: a drafted match gains its new stages; a reviewed one is left alone.
fn add_candidacies(
    existing: &mut StoryFile,
    candidates: Vec<crate::story::model::Candidacy>,
    remap: &HashMap<String, String>,
    counts: &mut Counts,
) {
    for mut candidacy in candidates {
        rename(&mut candidacy.seeker, remap);
        rename(&mut candidacy.candidate, remap);
        candidacy
            .stages
            .iter_mut()
            .for_each(|s| fix_cites(&mut s.cite, remap));
        match existing
            .candidates
            .iter_mut()
            .find(|c| c.seeker == candidacy.seeker && c.candidate == candidacy.candidate)
        {
            Some(known) if known.stages.iter().all(|s| is_drafted(&s.authored)) => {
                for stage in candidacy.stages {
                    if !known.stages.iter().any(|s| s.stage == stage.stage) {
                        known.stages.push(stage);
                        counts.citations += 1;
                    }
                }
            }
            Some(_) => counts.reviewed += 1,
            None => {
                existing.candidates.push(candidacy);
                counts.records += 1;
            }
        }
    }
}

/// Returns whether the record is new (the caller adds it).
fn merge_record(
    same: Option<(&mut Vec<Citation>, &[AuthorNote])>,
    cites: Vec<Citation>,
    counts: &mut Counts,
) -> bool {
    match same {
        Some((known, notes)) if is_drafted(notes) => {
            for cite in cites {
                if !known
                    .iter()
                    .any(|c| c.source == cite.source && c.para == cite.para)
                {
                    known.push(cite);
                    counts.citations += 1;
                }
            }
        }
        Some(_) => counts.reviewed += 1,
        None => {
            counts.records += 1;
            return true;
        }
    }
    false
}

fn add_sources(
    existing: &mut StoryFile,
    sources: Vec<crate::story::model::Source>,
    remap: &HashMap<String, String>,
    counts: &mut Counts,
) {
    for mut source in sources {
        if remap.contains_key(source.id.as_str()) {
            continue;
        }
        if let Some(via) = &mut source.via {
            rename(via, remap);
        }
        existing.sources.push(source);
        counts.sources += 1;
    }
}

fn add_entities(
    existing: &mut StoryFile,
    entities: Vec<crate::story::model::Entity>,
    remap: &HashMap<String, String>,
    counts: &mut Counts,
) {
    for mut entity in entities {
        fix_cites(&mut entity.cite, remap);
        let Some(known_id) = remap.get(entity.id.as_str()) else {
            existing.entities.push(entity);
            counts.entities += 1;
            continue;
        };
        let Some(known) = existing.entities.iter_mut().find(|e| e.id == *known_id) else {
            continue;
        };
        if !is_drafted(&known.authored) {
            counts.reviewed += 1;
            continue;
        }
        for cite in entity.cite {
            if !known.cite.iter().any(|c| c.source == cite.source) {
                known.cite.push(cite);
                counts.citations += 1;
            }
        }
    }
}

/// New id → existing id, for new entities and origin sources the story already has.
fn matches(existing: &StoryFile, new: &StoryFile) -> HashMap<String, String> {
    let mut remap = HashMap::new();
    let mut entity_keys: HashMap<String, &str> = HashMap::new();
    for entity in &existing.entities {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            entity_keys.entry(name_key(name)).or_insert(&entity.id);
        }
    }
    for entity in &new.entities {
        let known = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .find_map(|n| entity_keys.get(&name_key(n)));
        if let Some(id) = known {
            remap.insert(entity.id.to_string(), (*id).to_owned());
        }
    }
    for source in new.sources.iter().filter(|s| s.text.is_none()) {
        let known = existing.sources.iter().find(|s| {
            s.text.is_none()
                && s.kind == source.kind
                && name_key(&s.outlet) == name_key(&source.outlet)
        });
        if let Some(known) = known {
            remap.insert(source.id.to_string(), known.id.to_string());
        }
    }
    remap
}

fn rename<Text: for<'a> From<&'a str> + std::ops::Deref<Target = str>>(
    id: &mut Text,
    remap: &HashMap<String, String>,
) {
    if let Some(known) = remap.get(&**id) {
        *id = Text::from(known.as_str());
    }
}

fn fix_cites(cites: &mut [Citation], remap: &HashMap<String, String>) {
    for cite in cites {
        rename(&mut cite.source, remap);
        if let Some(known) = cite.via().and_then(|via| remap.get(via)) {
            cite.set_via(Some(known.as_str()));
        }
    }
}

fn all_ids(story: &StoryFile) -> Vec<String> {
    let mut ids: Vec<String> = story.sources.iter().map(|s| s.id.to_string()).collect();
    ids.extend(story.entities.iter().map(|r| r.id.to_string()));
    ids.extend(story.relations.iter().map(|r| r.id.to_string()));
    ids.extend(story.events.iter().map(|r| r.id.to_string()));
    ids.extend(story.candidates.iter().map(|r| r.id.to_string()));
    ids.extend(story.metrics.iter().map(|r| r.id.to_string()));
    ids.extend(story.disputes.iter().map(|r| r.id.to_string()));
    ids
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn the_summary_says_one_in_the_singular() {
        let one = Counts {
            sources: 1,
            entities: 1,
            records: 1,
            citations: 1,
            reviewed: 1,
        };
        assert_eq!(
            one.lines(),
            [
                "1 new source",
                "1 new entity",
                "1 new event, metric, relation or candidacy",
                "1 citation added to a drafted record",
                "1 match with a reviewed record left unchanged",
            ]
        );
        let two = Counts {
            sources: 2,
            ..Counts::default()
        };
        assert_eq!(two.lines()[0], "2 new sources");
        assert_eq!(two.lines()[1], "0 new entities");
    }
}
