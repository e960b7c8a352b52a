//! The names of a generated story, for the tests: about 3,000 headlines, entity names
//! (English and Chinese) and aliases, relation lines, sources. storyscope writes the
//! file from its synthetic story and checks it is current (`story::search_adapter`).

use super::{NameKind, SearchEntry};

/// The fixture, one name a line: `record`, `kind`, `weight`, `text`, `alias_of`.
const NAMES: &str = include_str!("../fixtures/synthetic-names.tsv");

/// Every name of the generated story, keyed by record number.
pub(crate) fn synthetic_entries() -> Vec<SearchEntry<u32>> {
    NAMES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "{line:?}");
            SearchEntry {
                target: fields[0].parse().expect("a record number"),
                kind: match fields[1] {
                    "own" => NameKind::Own,
                    "mention" => NameKind::Mention,
                    _ => NameKind::Title,
                },
                weight: fields[2].parse().expect("a weight"),
                text: fields[3].to_owned(),
                alias_of: (!fields[4].is_empty()).then(|| fields[4].to_owned()),
            }
        })
        .collect()
}

/// The fixture's names alone.
pub(crate) fn synthetic_names() -> Vec<String> {
    synthetic_entries()
        .into_iter()
        .map(|entry| entry.text)
        .collect()
}
