//! Building the index: the names lower-cased once, end to end, shortest first; then
//! the own names (`NameKind::Own`) for own-name matches. (The typo tier's word index
//! waits for the first query that needs it: `SearchIndex::typo_index`.)

use std::sync::{Mutex, OnceLock};

use super::named::OwnNames;
use super::terms;
use super::{Key, NameKind, SearchEntry, SearchIndex, SlotRank};

impl<K: Key> SearchIndex<K> {
    /// An index over `entries`, in-order and typo tiers both, own names ranked first.
    pub fn from_entries(entries: Vec<SearchEntry<K>>) -> SearchIndex<K> {
        let mut index = SearchIndex::from_entries_in_order(entries);
        index.typos_enabled = true;
        for (slot, &entry) in index.order.iter().enumerate() {
            if index.entries[entry as usize].kind == NameKind::Own {
                let (from, to) = (index.starts[slot], index.starts[slot + 1]);
                let name = &index.haystacks[from as usize..to as usize];
                index.own_names.add(slot as u32, name);
            }
        }
        index
    }

    /// An index for in-order (fuzzy) search alone, with no typo tier and no own-name
    /// ranking: the search as it was before typos were forgiven (the benchmark's
    /// baseline).
    pub fn from_entries_in_order(entries: Vec<SearchEntry<K>>) -> SearchIndex<K> {
        SearchIndex::in_order_within(entries, ADDRESSABLE)
    }

    /// `from_entries_in_order`, leaving out the names past `addressable` bytes of
    /// lower-cased text (4 GiB, what a `u32` start reaches; less in tests).
    pub(super) fn in_order_within(
        mut entries: Vec<SearchEntry<K>>,
        addressable: usize,
    ) -> SearchIndex<K> {
        // A list built with room to spare (the story's is sized for two names an
        // entity) gives the room back.
        entries.shrink_to_fit();
        let order = shortest_first(&entries);
        let bytes: usize = entries.iter().map(|entry| entry.text.len()).sum();
        let mut haystacks: Vec<u8> = Vec::with_capacity((bytes + bytes / 32).min(addressable));
        let mut starts = Vec::with_capacity(entries.len() + 1);
        let mut ranks = Vec::with_capacity(entries.len());
        for &index in &order {
            let entry = &entries[index as usize];
            let start = haystacks.len();
            starts.push(start as u32);
            if start + entry.text.len() > addressable {
                // Past 4 GiB of names: this one is left out (an empty name matches
                // nothing) rather than making every name's start twice as big.
            } else if entry.text.is_ascii() {
                haystacks.extend_from_slice(entry.text.as_bytes());
                haystacks[start..].make_ascii_lowercase();
            } else {
                // (Not char by char: a final Σ lower-cases to ς.)
                let lower = entry.text.to_lowercase();
                if start + lower.len() <= addressable {
                    haystacks.extend_from_slice(lower.as_bytes());
                }
            }
            ranks.push(SlotRank::new(
                terms::word_starts(&haystacks[start..]),
                entry.weight,
                entry.text.len(),
                entry.is_secondary(),
                entry.text.is_ascii(),
            ));
        }
        starts.push(haystacks.len() as u32);
        // Lower-casing can lengthen a non-ASCII name: give back the room left over.
        haystacks.shrink_to_fit();
        let haystacks = String::from_utf8(haystacks).expect("lower-cased UTF-8 is UTF-8");
        SearchIndex {
            entries,
            order,
            ranks,
            haystacks,
            starts,
            narrowed: Mutex::new(Vec::new()),
            typos: OnceLock::new(),
            typos_enabled: false,
            own_names: OwnNames::default(),
        }
    }
}

/// How many bytes of lower-cased names a `u32` start can reach.
const ADDRESSABLE: usize = u32::MAX as usize;

/// The entries' indexes, shortest name first (in chars; file order among equals), by
/// a counting sort on the length.
fn shortest_first<K>(entries: &[SearchEntry<K>]) -> Vec<u32> {
    let lengths: Vec<usize> = entries
        .iter()
        .map(|entry| {
            if entry.text.is_ascii() {
                entry.text.len()
            } else {
                entry.text.chars().count()
            }
        })
        .collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let mut first_of_length = vec![0usize; longest + 2];
    for &length in &lengths {
        first_of_length[length + 1] += 1;
    }
    for length in 1..first_of_length.len() {
        first_of_length[length] += first_of_length[length - 1];
    }
    let mut order = vec![0u32; entries.len()];
    for (entry, &length) in lengths.iter().enumerate() {
        order[first_of_length[length]] = entry as u32;
        first_of_length[length] += 1;
    }
    order
}
