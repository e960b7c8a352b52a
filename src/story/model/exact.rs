//! Lists read at their exact length. serde grows a list as it reads it, and a list
//! that is grown keeps room for at least four items: most facts cite one to three
//! sources, so a 100k-event story held tens of megabytes of room never used.

use serde::{Deserialize, Deserializer};

/// For `#[serde(deserialize_with = …)]` on a `Vec`: read as serde reads any list (the
/// same errors), then give back the room it does not use.
pub(crate) fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

#[cfg(test)]
mod tests {
    use crate::story::model::Event;

    #[test]
    fn a_list_read_from_a_file_has_no_spare_room() {
        let event: Event = serde_json::from_str(
            r#"{"id": "e", "title": "T", "date": "2024", "summary": "S",
                "entities": ["a", "b"], "status": {"sourcing": "reported", "timing": "happened"},
                "cite": [{"source": "s"}, {"source": "t", "para": 2}]}"#,
        )
        .unwrap();
        assert_eq!(event.cite.capacity(), 2);
        assert_eq!(event.entities.capacity(), 2);
    }
}
