//! Each event's entities as arena indexes, in the order the event lists them, found
//! once for the whole story in file order (on two threads for a long list), so a view
//! that shows every event's entities reads numbers instead of hashing ids: the
//! Involved cell's lookups, in timeline order, were a fifth of `export timeline`'s
//! rows at 1M events.

use std::collections::HashMap;

use crate::story::model::{Event, StoryFile};

/// An entity id not found (a built story holds none: validation refuses it).
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// Fewer events than this are read on one thread: a thread costs more than it saves.
const TWO_THREADS_FROM: usize = 20_000;

/// Every event's entity indexes, one list after another.
#[derive(Debug, Clone)]
pub(crate) struct EventEntities {
    /// Where each event's list starts in `indexes`; one more than the events, the last
    /// where the last list ends.
    starts: Vec<u32>,
    indexes: Vec<u32>,
}

impl Default for EventEntities {
    fn default() -> Self {
        EventEntities {
            starts: vec![0],
            indexes: Vec::new(),
        }
    }
}

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
            let mut entities = EventEntities::default();
            for event in events {
                for id in &event.entities {
                    entities.push(at.get(id.as_str()).copied());
                }
                entities.end_event();
            }
            entities
        };
        let events = &file.events[..];
        let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
        if events.len() < TWO_THREADS_FROM || !two_cores {
            return list(events);
        }
        let (front, back) = events.split_at(events.len() / 2);
        let (mut entities, back) = std::thread::scope(|scope| {
            let back = scope.spawn(|| list(back));
            let front = list(front);
            (
                front,
                back.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            )
        });
        entities.append(back);
        entities.fit();
        entities
    }

    /// The next entity of the event being listed (None: not found).
    fn push(&mut self, entity: Option<usize>) {
        // An arena index fits in 32 bits (see `EntityLinks::events`).
        self.indexes.push(entity.map_or(UNKNOWN, |at| at as u32));
    }

    /// Ends the event being listed; the next push starts the next event's list.
    fn end_event(&mut self) {
        self.starts.push(self.end());
    }

    /// Another list's events after this one's, as if listed here in turn.
    fn append(&mut self, other: EventEntities) {
        let offset = self.end();
        self.starts
            .extend(other.starts[1..].iter().map(|start| start + offset));
        self.indexes.extend(other.indexes);
    }

    /// The entity indexes of the event at arena index `event`, in its order; empty for
    /// an event beyond those listed.
    pub(crate) fn of_event(&self, event: usize) -> &[u32] {
        match (self.starts.get(event), self.starts.get(event + 1)) {
            (Some(&start), Some(&end)) => &self.indexes[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Where the event's list is said to start: what [`EventEntities::of`] reads
    /// first, for asking the memory early (`export::prefetch`); None beyond the events.
    pub(crate) fn start_of(&self, event: usize) -> Option<&u32> {
        self.starts.get(event)
    }

    /// How many events are listed.
    #[cfg(test)]
    pub(crate) fn events(&self) -> usize {
        self.starts.len() - 1
    }

    /// Gives back the room the lists grew into beyond what they hold.
    fn fit(&mut self) {
        self.starts.shrink_to_fit();
        self.indexes.shrink_to_fit();
    }

    fn end(&self) -> u32 {
        // Fewer than 2^32 entity references: each is an id of at least a byte in a
        // file that is read whole into memory, and an event's a 16-byte record.
        self.indexes.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(lists: &[&[Option<usize>]]) -> EventEntities {
        let mut entities = EventEntities::default();
        for list in lists {
            list.iter().for_each(|&entity| entities.push(entity));
            entities.end_event();
        }
        entities
    }

    #[test]
    fn each_event_keeps_its_own_list_in_order() {
        let entities = listed(&[&[Some(3), Some(1)], &[], &[None, Some(3), Some(3)]]);
        assert_eq!(entities.events(), 3);
        assert_eq!(entities.of_event(0), [3, 1]);
        assert_eq!(entities.of_event(1), [] as [u32; 0]);
        assert_eq!(entities.of_event(2), [UNKNOWN, 3, 3]);
        assert_eq!(entities.of_event(3), [] as [u32; 0]);
    }

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
            assert_eq!(entities.events(), file.events.len());
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

    #[test]
    fn appended_lists_read_as_one_listed_in_turn() {
        let first: &[&[Option<usize>]] = &[&[Some(0)], &[Some(1), Some(2)]];
        let second: &[&[Option<usize>]] = &[&[], &[Some(5)], &[Some(6), Some(7)]];
        let mut joined = listed(first);
        joined.append(listed(second));
        let whole = listed(&[first, second].concat());
        assert_eq!(joined.events(), 5);
        for event in 0..6 {
            assert_eq!(
                joined.of_event(event),
                whole.of_event(event),
                "event {event}"
            );
        }
    }
}
