//! The records of a broken file that did read, checked as a story: so one run of
//! `check` reports a bad kind, a bad date *and* a dangling id, instead of the dangling
//! id only once the others are fixed. References to records that did not read are not
//! reported (they are not dangling, only unread), and paths name the file's records.

use std::collections::HashSet;

use serde::Deserialize;

use super::json_spans::RECORD_LISTS;
use crate::story::graph::Story;
use crate::story::model::{
    Candidacy, Dispute, Entity, Event, FORMAT_VERSION, Metric, Relation, Source, StoryFile,
    StoryMeta,
};
use crate::story::problem::{Location, Problem};

/// The records of one list that read, each with its index in the file.
pub(super) struct Kept<T> {
    items: Vec<T>,
    file_index: Vec<usize>,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            items: Vec::new(),
            file_index: Vec::new(),
        }
    }
}

impl<T> Kept<T> {
    pub(super) fn keep(&mut self, item: T, file_index: usize) {
        self.items.push(item);
        self.file_index.push(file_index);
    }
}

/// What of a broken file did read, gathered by the loader's slow path.
#[derive(Default)]
pub(super) struct Partial {
    pub(super) story: Option<StoryMeta>,
    pub(super) sources: Option<Kept<Source>>,
    pub(super) entities: Option<Kept<Entity>>,
    pub(super) relations: Kept<Relation>,
    pub(super) events: Kept<Event>,
    pub(super) candidates: Kept<Candidacy>,
    pub(super) metrics: Kept<Metric>,
    pub(super) disputes: Kept<Dispute>,
    /// Ids of records that did not read: a reference to one is not dangling.
    pub(super) unread_ids: HashSet<String>,
    /// Set when the problems passed the cap: nothing more is worth checking.
    pub(super) abandoned: bool,
}

/// Just the id of a record that did not read as a whole, where it has one.
#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

impl Partial {
    /// Notes the id of a record that did not read, from its text.
    pub(super) fn unread(&mut self, record_text: &str) {
        if let Ok(IdOnly { id }) = serde_json::from_str(record_text) {
            self.unread_ids.insert(id);
        }
    }

    /// The problems the records that read have among themselves (references,
    /// duplicate ids, citations …), with paths and messages naming file positions.
    /// Nothing when a required list is missing or not a list, or past the cap.
    pub(super) fn reference_problems(self) -> Vec<Problem> {
        let (Some(sources), Some(entities), false) = (self.sources, self.entities, self.abandoned)
        else {
            return Vec::new();
        };
        let positions: [&[usize]; 7] = [
            &sources.file_index,
            &entities.file_index,
            &self.relations.file_index,
            &self.events.file_index,
            &self.candidates.file_index,
            &self.metrics.file_index,
            &self.disputes.file_index,
        ];
        let positions: Vec<(&str, &[usize])> = (RECORD_LISTS.iter().copied())
            .zip(list_order(positions))
            .collect();
        let file = StoryFile {
            schema: None,
            format: FORMAT_VERSION,
            // A story heading that did not read is reported already; a stand-in keeps
            // the blank-title check quiet.
            story: self.story.unwrap_or_else(|| StoryMeta {
                title: "(heading not read)".to_owned(),
                summary: String::new(),
                candidates_title: None,
            }),
            sources: sources.items,
            entities: entities.items,
            relations: self.relations.items,
            events: self.events.items,
            candidates: self.candidates.items,
            metrics: self.metrics.items,
            disputes: self.disputes.items,
        };
        let Err(problems) = Story::build(file, "") else {
            return Vec::new();
        };
        (problems.into_iter())
            .filter(|p| p.location != Location::File && !names_unread(p, &self.unread_ids))
            .map(|mut problem| {
                if let Location::Path(path) = &problem.location {
                    problem.location = Location::Path(in_file(path, &positions));
                }
                problem.message = in_file(&problem.message, &positions);
                problem
            })
            .collect()
    }
}

/// `RECORD_LISTS` order is sources, entities, relations, events, candidates, metrics,
/// disputes: the order `positions` is built in. Checked here so a change to one is
/// seen.
fn list_order(positions: [&[usize]; 7]) -> [&[usize]; 7] {
    debug_assert_eq!(
        RECORD_LISTS,
        [
            "sources",
            "entities",
            "relations",
            "events",
            "candidates",
            "metrics",
            "disputes"
        ]
    );
    positions
}

/// "unknown entity `x`" where `x` is a record that did not read.
fn names_unread(problem: &Problem, unread: &HashSet<String>) -> bool {
    let Some(rest) = problem.message.strip_prefix("unknown ") else {
        return false;
    };
    let id = rest.split('`').nth(1);
    id.is_some_and(|id| unread.contains(id))
}

/// `events[0].entities[1]` with the read records' index `0` turned into the file's:
/// a top-level list name at the start or after a space or bracket, not after a `.`
/// (an event's own `entities[1]` is not the top-level list).
fn in_file(text: &str, positions: &[(&str, &[usize])]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        let at_boundary = !out.ends_with('.') && !out.ends_with(char::is_alphanumeric);
        if at_boundary {
            for &(list, indexes) in positions {
                let Some(after) = rest.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
                    continue;
                };
                let digits =
                    after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let index: Option<usize> = after[..digits].parse().ok();
                if let (Some(index), true) = (index, after[digits..].starts_with(']')) {
                    let in_file = indexes.get(index).copied().unwrap_or(index);
                    out.push_str(&format!("{list}[{in_file}]"));
                    rest = &after[digits + 1..];
                    continue 'scan;
                }
            }
        }
        let next = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_top_level_positions_are_mapped() {
        let positions: Vec<(&str, &[usize])> = vec![("entities", &[0, 2, 3]), ("events", &[1, 4])];
        assert_eq!(
            in_file("events[1].entities[1]", &positions),
            "events[4].entities[1]"
        );
        assert_eq!(
            in_file("duplicate id `a`, first used at entities[2]", &positions),
            "duplicate id `a`, first used at entities[3]"
        );
        assert_eq!(in_file("subentities[1]", &positions), "subentities[1]");
    }
}
