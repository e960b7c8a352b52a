//! Validation of the events, the longest list by far: a long list is checked in two
//! halves on two threads, each with a checker of its own, and their findings joined
//! in file order, so the problems, links and citations are as one thread makes them.

use std::ops::Range;
use std::thread;

use super::Checker;
use crate::story::model::{Event, StoryFile};
use crate::story::problem::Problem;

/// Fewer events than this are checked on one thread: a thread costs more than it saves.
const TWO_THREADS_FROM: usize = 20_000;

/// How many citations an event holds, its status changes' included.
pub(in crate::story::graph) fn event_citations(event: &Event) -> usize {
    event.cite.len()
        + (event.status_changes.iter())
            .map(|c| c.cite.len())
            .sum::<usize>()
}

impl Checker<'_> {
    /// Every event, in file order (see `check_event_range`).
    pub(super) fn check_events(&mut self, file: &StoryFile) {
        let count = file.events.len();
        // The cores are asked about only for a long list: most stories are short.
        let one_core = || thread::available_parallelism().map_or(true, |n| n.get() < 2);
        if count < TWO_THREADS_FROM || one_core() {
            return self.check_event_range(file, 0..count);
        }
        self.check_events_in_halves(file, count / 2);
    }

    /// Events before `half` on this thread, the rest on another; then the second
    /// half's problems, entity links and citations appended to the first's.
    pub(super) fn check_events_in_halves(&mut self, file: &StoryFile, half: usize) {
        // The first half's citations go into `self.cited`, which has room for them all
        // (see `citation_count`); the second half's into a list of its own size.
        let second_half = &file.events[half.min(file.events.len())..];
        let mut problems: Vec<Problem> = Vec::new();
        let citations = second_half.iter().map(event_citations).sum();
        let mut second = Checker {
            seen: self.seen.clone(),
            ..Checker::new(self.ids, &mut problems, self.uncited, citations)
        };
        thread::scope(|scope| {
            scope.spawn(|| second.check_event_range(file, half..file.events.len()));
            self.check_event_range(file, 0..half);
        });
        self.quotes += second.quotes;
        let (links, cited) = (second.links, second.cited);
        self.problems.append(&mut problems);
        for (mine, theirs) in self.links.iter_mut().zip(links) {
            mine.events.extend(theirs.events);
        }
        self.cited.extend(cited);
    }

    /// Each event's entities (linked), title, citations and status changes, for the
    /// events in `range`.
    fn check_event_range(&mut self, file: &StoryFile, range: Range<usize>) {
        for (i, event) in file.events[range.clone()].iter().enumerate() {
            let i = range.start + i;
            self.text(|| format!("events[{i}].title"), event.title());
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
                    // An arena index fits in 32 bits: 4 billion events would take
                    // 450 GB of memory before this.
                    let event = i as u32;
                    if self.links[entity].events.last() != Some(&event) {
                        self.links[entity].events.push(event);
                    }
                }
            }
            self.citations(|| format!("events[{i}]"), &event.cite);
            for (c, change) in event.status_changes.iter().enumerate() {
                self.citations(|| format!("events[{i}].status_changes[{c}]"), &change.cite);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::graph::id_index::{IdLookup, index_ids};
    use crate::synth::{SynthOptions, generate};

    /// What a check of the events leaves: problems, each entity's events, citations.
    type Findings = (
        Vec<String>,
        Vec<Vec<usize>>,
        Vec<(Option<usize>, Option<usize>)>,
        usize,
    );

    fn check(file: &StoryFile, halves_at: Option<usize>) -> Findings {
        let mut problems = Vec::new();
        let ids = index_ids(file, &mut problems);
        let uncited = vec![false; file.entities.len()];
        let lookup = IdLookup { index: &ids, file };
        let mut checker = Checker::new(lookup, &mut problems, &uncited, 0);
        match halves_at {
            Some(half) => checker.check_events_in_halves(file, half),
            None => checker.check_event_range(file, 0..file.events.len()),
        }
        let links = checker
            .links
            .iter()
            .map(|l| l.event_indexes().collect())
            .collect();
        let cited = (checker.cited.iter())
            .map(|c| (c.source(), c.upstream()))
            .collect();
        let quotes = checker.quotes;
        let problems = problems.iter().map(ToString::to_string).collect();
        (problems, links, cited, quotes)
    }

    #[test]
    fn the_citation_list_is_made_at_its_full_size() {
        let shipped: StoryFile = serde_json::from_str(crate::story::EMBEDDED_STORY).unwrap();
        let synthetic = generate(&SynthOptions {
            events: 30_000,
            entities: 300,
            seed: 8,
        });
        for file in [shipped, synthetic] {
            let mut problems = Vec::new();
            let ids = index_ids(&file, &mut problems);
            let uncited = vec![false; file.entities.len()];
            let count = super::super::citation_count(&file);
            let lookup = IdLookup {
                index: &ids,
                file: &file,
            };
            let mut checker = Checker::new(lookup, &mut problems, &uncited, count);
            checker.check_all(&file);
            // Every citation visited was counted, and the list never grew.
            assert_eq!(
                (checker.cited.len(), checker.cited.capacity()),
                (count, count)
            );
        }
    }

    #[test]
    fn two_halves_find_what_one_pass_finds_in_the_same_order() {
        let mut file = generate(&SynthOptions {
            events: 400,
            entities: 30,
            seed: 5,
        });
        // Problems on both sides of every cut tried, and an entity named twice.
        for i in [3, 150, 199, 200, 201, 390] {
            file.events[i].entities = [&file.events[i].entities[..], &["nobody".into()]]
                .concat()
                .into();
        }
        let old = file.events[120].clone();
        file.events[120].text =
            crate::story::model::EventText::new("  ", old.summary(), old.condition()).unwrap();
        file.events[260].cite[0].source = "no-such-source".into();
        // Quotes on both sides of every cut tried.
        for i in [0, 5, 199, 200, 250, 399] {
            file.events[i].cite[0].set_quote(Some("words the source used"));
        }
        let repeated = file.events[300].entities[0].clone();
        file.events[300].entities = [&file.events[300].entities[..], &[repeated]]
            .concat()
            .into();
        let one_pass = check(&file, None);
        assert_eq!(one_pass.0.len(), 8, "{:#?}", one_pass.0);
        assert_eq!(one_pass.3, 6, "every quote counted");
        for half in [0, 1, 199, 200, 201, 399, 400] {
            assert_eq!(check(&file, Some(half)), one_pass, "cut at {half}");
        }
    }
}
