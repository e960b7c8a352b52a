//! Each event's entities as arena indexes, in the order the event lists them, found
//! once for the whole story in file order (on two threads for a long list), so a view
//! that shows every event's entities reads numbers instead of hashing ids: the
//! Involved cell's lookups, in timeline order, were a fifth of `export timeline`'s
//! rows at 1M events.

use std::collections::HashMap;

use crate::story::beside::here_and_beside;
use crate::story::model::{Event, StoryFile};
use crate::story::u32_lists::U32Lists;

/// An entity id not found (a built story holds none: validation refuses it).
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// Fewer events than this are read on one thread: a thread costs more than it saves.
const TWO_THREADS_FROM: usize = 20_000;

/// Every event's entity indexes, one list after another.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventEntities(U32Lists);

impl EventEntities {
    /// Every event's entities in `file`, looked up in a table of the entities alone
    /// (small enough to stay in cache); the second half of a long list on another
    /// thread.
    pub(crate) fn of(file: &StoryFile) -> EventEntities {
        let at: HashMap<&str, usize, foldhash::fast::RandomState> = (file.entities.iter())
            .enumerate()
            .map(|(at, entity)| (entity.id.as_str(), at))
            .collect();
        let list = |events: &[Event]| {
            let mut entities = U32Lists::default();
            for event in events {
                for id in &event.entities {
                    // An arena index fits in 32 bits (see `EntityLinks::events`).
                    let found = at.get(id.as_str()).map(|&at| at as u32);
                    entities.push(found.unwrap_or(UNKNOWN));
                }
                entities.end_list();
            }
            entities
        };
        let events = &file.events[..];
        let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
        let mut entities = if events.len() < TWO_THREADS_FROM || !two_cores {
            list(events)
        } else {
            let (front, back) = events.split_at(events.len() / 2);
            let (mut front, back) = here_and_beside(|| list(front), || list(back));
            front.append(back);
            front
        };
        entities.fit();
        EventEntities(entities)
    }

    /// The entity indexes of the event at arena index `event`, in its order; empty for
    /// an event beyond those listed.
    pub(crate) fn of_event(&self, event: usize) -> &[u32] {
        self.0.list(event)
    }

    /// Where the event's list is said to start: what [`EventEntities::of_event`] reads
    /// first, for asking the memory early (`export::prefetch`); None beyond the events.
    pub(crate) fn start_of(&self, event: usize) -> Option<&u32> {
        self.0.start_of(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_s_events_are_listed_as_their_ids_name_them_on_one_thread_or_two() {
        for events in [40, TWO_THREADS_FROM + 1] {
            let mut file = crate::synth::generate(&crate::synth::SynthOptions {
                events,
                entities: 30,
                seed: 3,
            });
            // An id not found, at both ends and across the cut.
            for i in [0, events / 2 - 1, events / 2, events - 1] {
                let named = [&file.events[i].entities[..], &["nobody".into()]].concat();
                file.events[i].entities = named.into();
            }
            let entities = EventEntities::of(&file);
            let position = |id: &str| file.entities.iter().position(|e| e.id == id);
            assert_eq!(entities.0.len(), file.events.len());
            for (i, event) in file.events.iter().enumerate() {
                let expected: Vec<u32> = (event.entities.iter())
                    .map(|id| position(id).map_or(UNKNOWN, |at| at as u32))
                    .collect();
                assert_eq!(
                    entities.of_event(i),
                    expected,
                    "{events} events: {}",
                    event.id
                );
            }
        }
    }
}
