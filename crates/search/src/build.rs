//! Building the index: the names lower-cased once, end to end, shortest first; then
//! the own names (`NameKind::Own`) for own-name matches. (The typo tier's word index
//! waits for the first query that needs it: `SearchIndex::typo_index`.)
//!
//! The index keeps no name as shown: the caller gives each entry's text through a
//! function while the index is built (read twice: once for the lengths that set the
//! order, once in that order), and shows a hit's name from its own records. Only the
//! lower-cased text stays, with, for the rare name whose lower case has another number
//! of chars ('İ'), the shown name's count (highlights stay within it). Nor does it keep
//! the entries: each one's record (`SearchIndex::targets`), and its kind, alias flag and
//! weight in the ranking facts and the own names.

use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

use super::named::OwnNames;
use super::terms;
use super::{Key, NameKind, SearchEntry, SearchIndex, SlotRank};

impl<K: Key> SearchIndex<K> {
    /// An index over `entries`, in-order and typo tiers both, own names ranked first;
    /// `text(entries, i)` is entry `i`'s name as shown (for an alias, the alias itself),
    /// given the entries for a caller that finds the name from them.
    pub fn from_entries<'t>(
        entries: Vec<SearchEntry<K>>,
        text: impl Fn(&[SearchEntry<K>], usize) -> Cow<'t, str>,
    ) -> SearchIndex<K> {
        SearchIndex::build_within(entries, &text, ADDRESSABLE, true)
    }

    /// An index for in-order (fuzzy) search alone, with no typo tier and no own-name
    /// ranking: the search as it was before typos were forgiven (the benchmark's
    /// baseline). `text` as for `from_entries`.
    pub fn from_entries_in_order<'t>(
        entries: Vec<SearchEntry<K>>,
        text: impl Fn(&[SearchEntry<K>], usize) -> Cow<'t, str>,
    ) -> SearchIndex<K> {
        SearchIndex::build_within(entries, &text, ADDRESSABLE, false)
    }

    /// The index (with the typo tier and own names when `typos`), leaving out the names
    /// past `addressable` bytes of lower-cased text (4 GiB, what a `u32` start reaches;
    /// less in tests). Of the entries, only their records are kept.
    pub(super) fn build_within<'t>(
        entries: Vec<SearchEntry<K>>,
        text: &TextOf<'_, 't, K>,
        addressable: usize,
        typos: bool,
    ) -> SearchIndex<K> {
        let (order, bytes, mut starts) = shortest_first(entries.len(), &|i| text(&entries, i));
        let mut haystacks: Vec<u8> = Vec::with_capacity((bytes + bytes / 32).min(addressable));
        let mut ranks = Vec::with_capacity(entries.len());
        let mut shown_chars = Vec::new();
        for (slot, &index) in order.iter().enumerate() {
            let entry = &entries[index as usize];
            let name = text(&entries, index as usize);
            let start = haystacks.len();
            starts.push(start as u32);
            if let Some(chars) = lower_case_into(&mut haystacks, &name, addressable) {
                shown_chars.push((slot as u32, chars));
            }
            ranks.push(SlotRank::new(
                terms::word_starts(&haystacks[start..]),
                entry.weight,
                name.len(),
                entry.is_secondary(),
                name.is_ascii(),
            ));
        }
        starts.push(haystacks.len() as u32);
        // Lower-casing can lengthen a non-ASCII name: give back the room left over.
        haystacks.shrink_to_fit();
        shown_chars.shrink_to_fit();
        let haystacks = String::from_utf8(haystacks).expect("lower-cased UTF-8 is UTF-8");
        let own_names = match typos {
            true => own_names(&entries, &order, &haystacks, &starts),
            false => OwnNames::default(),
        };
        SearchIndex {
            targets: targets_of(entries),
            order,
            ranks,
            haystacks,
            starts,
            shown_chars,
            narrowed: Mutex::new(Vec::new()),
            typos: OnceLock::new(),
            typos_enabled: typos,
            own_names,
        }
    }
}

/// The entries' records, in the entries' own buffer (collected in place), which then
/// gives back what it no longer needs: a second list is never made beside the entries.
fn targets_of<K: Key>(entries: Vec<SearchEntry<K>>) -> Vec<K> {
    let mut targets: Vec<K> = entries.into_iter().map(|entry| entry.target).collect();
    targets.shrink_to_fit();
    targets
}

/// The entity names and aliases (`NameKind::Own`) of the names in `haystacks`, by slot.
fn own_names<K>(
    entries: &[SearchEntry<K>],
    order: &[u32],
    haystacks: &str,
    starts: &[u32],
) -> OwnNames {
    let own = order
        .iter()
        .enumerate()
        .filter(|&(_, &entry)| entries[entry as usize].kind == NameKind::Own)
        .map(|(slot, _)| {
            let (from, to) = (starts[slot], starts[slot + 1]);
            (slot as u32, &haystacks[from as usize..to as usize])
        });
    OwnNames::from_names(own)
}

/// What gives entry `i`'s name as shown, from the entries.
type TextOf<'f, 't, K> = dyn Fn(&[SearchEntry<K>], usize) -> Cow<'t, str> + 'f;

/// How many bytes of lower-cased names a `u32` start can reach.
const ADDRESSABLE: usize = u32::MAX as usize;

/// Appends `name` lower-cased to `haystacks`, unless it would end past `addressable`
/// (then the name is left out, an empty name matching nothing, rather than making
/// every name's start twice as big). Returns the name's char count when lower-casing
/// changed it.
fn lower_case_into(haystacks: &mut Vec<u8>, name: &str, addressable: usize) -> Option<u32> {
    let start = haystacks.len();
    if start + name.len() > addressable {
        return None;
    }
    if name.is_ascii() {
        haystacks.extend_from_slice(name.as_bytes());
        haystacks[start..].make_ascii_lowercase();
        return None;
    }
    // (Not char by char: a final Σ lower-cases to ς.)
    let lower = name.to_lowercase();
    if start + lower.len() <= addressable {
        haystacks.extend_from_slice(lower.as_bytes());
    }
    let chars = name.chars().count();
    (lower.chars().count() != chars).then(|| u32::try_from(chars).unwrap_or(u32::MAX))
}

/// The entries' indexes, shortest name first (in chars; given order among equals), by
/// a counting sort on the length; the names' bytes in all; and an empty list with room
/// for the names' starts, made of the lengths' own buffer (so the build does not hold
/// the two at once).
fn shortest_first<'t>(
    count: usize,
    text: &dyn Fn(usize) -> Cow<'t, str>,
) -> (Vec<u32>, usize, Vec<u32>) {
    let mut bytes = 0;
    let mut lengths: Vec<u32> = Vec::with_capacity(count + 1);
    lengths.extend((0..count).map(|entry| {
        let name = text(entry);
        bytes += name.len();
        let chars = if name.is_ascii() {
            name.len()
        } else {
            name.chars().count()
        };
        u32::try_from(chars).unwrap_or(u32::MAX)
    }));
    let longest = lengths.iter().copied().max().unwrap_or(0) as usize;
    let mut first_of_length = vec![0usize; longest + 2];
    for &length in &lengths {
        first_of_length[length as usize + 1] += 1;
    }
    for length in 1..first_of_length.len() {
        first_of_length[length] += first_of_length[length - 1];
    }
    let mut order = vec![0u32; count];
    for (entry, &length) in lengths.iter().enumerate() {
        order[first_of_length[length as usize]] = entry as u32;
        first_of_length[length as usize] += 1;
    }
    lengths.clear();
    (order, bytes, lengths)
}
