//! The names of a generated story, for the tests: about 3,000 headlines, entity names
//! (English and Chinese) and aliases, relation lines, sources. storyscope writes the
//! file from its synthetic story and checks it is current (`story::search_adapter`).
//! Also the random draws the tests share.

use std::borrow::Cow;

use super::{NameKind, SearchEntry, SearchIndex};

/// The fixture, one name a line: `record`, `kind`, `weight`, `text`, `alias_of`.
const NAMES: &str = include_str!("../fixtures/synthetic-names.tsv");

/// Entries and their names as shown, entry `i`'s name at `texts[i]`: what a caller of
/// the index keeps.
pub(crate) struct Names {
    pub entries: Vec<SearchEntry<u32>>,
    pub texts: Vec<String>,
}

impl Names {
    /// The index over these names, both tiers.
    pub fn index(&self) -> SearchIndex<u32> {
        SearchIndex::from_entries(self.entries.clone(), |_, i| self.text(i))
    }

    /// The index over these names, in-order tier alone.
    pub fn in_order(&self) -> SearchIndex<u32> {
        SearchIndex::from_entries_in_order(self.entries.clone(), |_, i| self.text(i))
    }

    /// Entry `i`'s name as shown.
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.texts[i].as_str())
    }
}

/// Every name of the generated story, keyed by record number.
pub(crate) fn synthetic() -> Names {
    let mut names = Names {
        entries: Vec::new(),
        texts: Vec::new(),
    };
    for line in NAMES.lines().filter(|line| !line.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 5, "{line:?}");
        names.entries.push(SearchEntry {
            target: fields[0].parse().expect("a record number"),
            kind: match fields[1] {
                "own" => NameKind::Own,
                "mention" => NameKind::Mention,
                _ => NameKind::Title,
            },
            weight: fields[2].parse().expect("a weight"),
            alias: !fields[4].is_empty(),
        });
        names.texts.push(fields[3].to_owned());
    }
    names
}

/// The fixture's names alone.
pub(crate) fn synthetic_names() -> Vec<String> {
    synthetic().texts
}

/// A deterministic xorshift stream from `seed` (not zero): many varied inputs for a
/// test, the same on every run.
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// Draws below the `n` asked for each time, from `xorshift(seed)`.
pub(crate) fn draws_below(seed: u64) -> impl FnMut(usize) -> usize {
    let mut next = xorshift(seed);
    move |n| (next() % n as u64) as usize
}
