//! Lists read at their exact length, in one allocation. serde grows a list as it reads
//! it (room for four, then eight …), and a list that is grown keeps its spare room or
//! costs a second allocation to shed it: most facts cite one to three sources, so a
//! 100k-event story either held tens of megabytes of room never used or made 200k
//! extra allocations. Up to eight items are gathered on the stack first, then moved to
//! a list of exactly their number.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use smallvec::SmallVec;

/// For `#[serde(deserialize_with = …)]` on a `Vec`: read as serde reads any list (the
/// same errors), into a list with no spare room.
pub(crate) fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_seq(ExactList(PhantomData))
}

/// As `exact_vec`, for a list that never grows once read: 8 bytes less to hold than a
/// `Vec`, and no copy (a list at its exact length becomes a box in place).
pub(crate) fn exact_boxed<'de, D, T>(deserializer: D) -> Result<Box<[T]>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    exact_vec(deserializer).map(Vec::into_boxed_slice)
}

struct ExactList<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ExactList<T> {
    type Value = Vec<T>;

    /// serde's own words for a list, so a wrong type reads as it did.
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items: SmallVec<[T; 8]> = SmallVec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        if items.spilled() {
            let mut list = items.into_vec();
            list.shrink_to_fit();
            Ok(list)
        } else {
            // Allocated at its length, once (`collect` would make room for at least four).
            let mut list = Vec::with_capacity(items.len());
            list.extend(items);
            Ok(list)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::story::model::{Entity, Event};

    fn citations(sources: usize) -> String {
        let cite: Vec<String> = (0..sources)
            .map(|i| format!(r#"{{"source": "s{i}", "para": 2}}"#))
            .collect();
        cite.join(",")
    }

    fn event_citing(sources: usize) -> Event {
        serde_json::from_str(&format!(
            r#"{{"id": "e", "title": "T", "date": "2024", "summary": "S",
                "entities": ["a", "b"], "status": {{"sourcing": "reported", "timing": "happened"}},
                "cite": [{}]}}"#,
            citations(sources)
        ))
        .unwrap()
    }

    #[test]
    fn a_list_read_from_a_file_has_no_spare_room() {
        for sources in [0, 1, 2, 3, 7, 8, 9, 20] {
            let entity: Entity = serde_json::from_str(&format!(
                r#"{{"id": "a", "kind": "company", "name": "A", "cite": [{}]}}"#,
                citations(sources)
            ))
            .unwrap();
            assert_eq!(entity.cite.len(), sources);
            assert_eq!(entity.cite.capacity(), sources);
            // An event's lists are boxes: exactly their items, by construction.
            assert_eq!(event_citing(sources).cite.len(), sources);
        }
    }

    #[test]
    fn items_keep_their_order_on_both_sides_of_the_stack_room() {
        for sources in [3, 8, 9, 20] {
            let event = event_citing(sources);
            let ids: Vec<String> = event.cite.iter().map(|c| c.source.to_string()).collect();
            let expected: Vec<String> = (0..sources).map(|i| format!("s{i}")).collect();
            assert_eq!(ids, expected);
        }
    }

    #[test]
    fn a_list_that_is_not_a_list_reads_as_serde_says() {
        let error = serde_json::from_str::<Event>(
            r#"{"id": "e", "title": "T", "date": "2024", "summary": "S", "entities": "a",
                "status": {"sourcing": "reported", "timing": "happened"}, "cite": []}"#,
        )
        .unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("invalid type: string \"a\", expected a sequence"),
            "{message}"
        );
    }
}
