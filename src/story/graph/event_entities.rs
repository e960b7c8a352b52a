//! Each event's entities as arena indexes, in the order the event lists them: found by
//! validation, which looks every id up anyway, so a view that shows an event's
//! entities reads numbers instead of hashing ids (the Involved cell's lookups were a
//! fifth of `export timeline`'s rows at 1M events).

/// An entity id validation did not find (a story with it is refused, so a built story
/// holds none).
pub(crate) const UNKNOWN: u32 = u32::MAX;

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
    /// The next entity of the event being listed (None: not found).
    pub(crate) fn push(&mut self, entity: Option<usize>) {
        // An arena index fits in 32 bits (see `EntityLinks::events`).
        self.indexes.push(entity.map_or(UNKNOWN, |at| at as u32));
    }

    /// Ends the event being listed; the next push starts the next event's list.
    pub(crate) fn end_event(&mut self) {
        self.starts.push(self.end());
    }

    /// Another list's events after this one's, as if listed here in turn.
    pub(crate) fn append(&mut self, other: EventEntities) {
        let offset = self.end();
        self.starts
            .extend(other.starts[1..].iter().map(|start| start + offset));
        self.indexes.extend(other.indexes);
    }

    /// The entity indexes of the event at arena index `event`, in its order; empty for
    /// an event beyond those listed.
    pub(crate) fn of(&self, event: usize) -> &[u32] {
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
    pub(crate) fn fit(&mut self) {
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
        assert_eq!(entities.of(0), [3, 1]);
        assert_eq!(entities.of(1), [] as [u32; 0]);
        assert_eq!(entities.of(2), [UNKNOWN, 3, 3]);
        assert_eq!(entities.of(3), [] as [u32; 0]);
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
            assert_eq!(joined.of(event), whole.of(event), "event {event}");
        }
    }
}
