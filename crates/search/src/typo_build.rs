//! Building the typo index: the distinct words of a million names and, for each, the
//! names holding it. The names are split between the cores; each part numbers the words
//! it meets (`word_ids`), and the parts are then merged in slot order, so every posting
//! list comes out ascending without a sort.

use std::ops::Range;

use super::vocabulary::vocabulary_words;
use super::word_ids::{WordIds, pack, pack_at};
use super::words::SHORTEST_TYPO_WORD;

/// Below this many names one thread builds it all.
const PARALLEL_MIN: usize = if cfg!(test) { 64 } else { 65_536 };

/// What one part of the names holds.
struct Part<'a> {
    /// The part's slots.
    range: Range<usize>,
    ids: WordIds<'a>,
    /// How many names of the part hold each word, by id.
    counts: Vec<u32>,
    /// The word ids of each name in turn, and how many each name has.
    occurrences: Vec<u32>,
    per_name: Vec<u16>,
}

/// The FST of words (word → id), and the postings as offsets and slots.
pub(super) fn build(haystacks: &str, starts: &[u32]) -> (fst::Map<Vec<u8>>, Vec<u32>, Vec<u32>) {
    let mut parts = read_parts(haystacks, starts);
    // The first part's ids are the global ones; the others' words are mapped onto them.
    let mut first = parts.remove(0);
    let mut remaps: Vec<Vec<u32>> = vec![(0..first.ids.words.len() as u32).collect()];
    for other in &parts {
        let remap = other
            .ids
            .words
            .iter()
            .zip(&other.counts)
            .map(|(word, &count)| {
                let (id, new) = first.ids.id(word, pack(word.as_bytes()));
                if new {
                    first.counts.push(0);
                }
                first.counts[id as usize] += count;
                id
            })
            .collect();
        remaps.push(remap);
    }
    parts.insert(0, first);
    let (offsets, postings) = postings(&parts, &remaps);
    let first = parts.swap_remove(0);
    let mut sorted: Vec<(&str, u32)> = first.ids.words.iter().copied().zip(0u32..).collect();
    sorted.sort_unstable();
    let map = fst::Map::from_iter(
        sorted
            .into_iter()
            .map(|(word, id)| (word.as_bytes(), u64::from(id))),
    )
    .expect("distinct words, sorted");
    (map, offsets, postings)
}

/// The names split between the cores (up to two), each part read on a thread.
fn read_parts<'a>(haystacks: &'a str, starts: &[u32]) -> Vec<Part<'a>> {
    let names = starts.len().saturating_sub(1);
    let threads = if names >= PARALLEL_MIN {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    } else {
        1
    };
    let chunk = names.div_ceil(threads).max(1);
    let mut ranges = (0..threads).map(|t| (t * chunk).min(names)..((t + 1) * chunk).min(names));
    let mine = ranges.next().unwrap_or(0..0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .map(|range| scope.spawn(move || part(haystacks, starts, range)))
            .collect();
        let mut parts = vec![part(haystacks, starts, mine)];
        parts.extend(handles.into_iter().map(|h| h.join().expect("index thread")));
        parts
    })
}

/// Word id `i` (the first part's) occurs in the slots `postings[offsets[i]..offsets[i +
/// 1]]`, ascending: the parts' occurrences laid out word by word, in slot order.
fn postings(parts: &[Part<'_>], remaps: &[Vec<u32>]) -> (Vec<u32>, Vec<u32>) {
    let counts = &parts[0].counts;
    let mut offsets = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    offsets.push(0);
    for &count in counts {
        total += count;
        offsets.push(total);
    }
    let mut fill: Vec<u32> = offsets[..counts.len()].to_vec();
    let mut postings = vec![0u32; total as usize];
    for (part, remap) in parts.iter().zip(remaps) {
        let mut next = part.occurrences.iter();
        for (slot, &count) in part.range.clone().zip(&part.per_name) {
            for &local in next.by_ref().take(usize::from(count)) {
                let at = &mut fill[remap[local as usize] as usize];
                postings[*at as usize] = slot as u32;
                *at += 1;
            }
        }
    }
    (offsets, postings)
}

/// The words of the names in the slots `range`.
fn part<'a>(haystacks: &'a str, starts: &[u32], range: Range<usize>) -> Part<'a> {
    let bytes = (starts[range.end] - starts[range.start]) as usize;
    let mut part = Part {
        range: range.clone(),
        ids: WordIds::default(),
        counts: Vec::new(),
        // A word of the vocabulary takes 4 bytes or more: room for all, never moved
        // (the pages never written to cost no memory).
        occurrences: Vec::with_capacity(bytes / SHORTEST_TYPO_WORD + 1),
        per_name: Vec::with_capacity(range.len()),
    };
    let all = haystacks.as_bytes();
    for slot in range {
        let offset = starts[slot] as usize;
        let name = &haystacks[offset..starts[slot + 1] as usize];
        let first = part.occurrences.len();
        vocabulary_words(name, |start, end| {
            let key = pack_at(all, offset + start, offset + end);
            part.add(&name[start..end], key, first);
        });
        part.per_name.push((part.occurrences.len() - first) as u16);
    }
    part
}

impl<'a> Part<'a> {
    /// Records `word` (whose `pack` is `key`) in the current name, whose occurrences
    /// start at `first`; a word the name holds twice counts once.
    #[inline]
    fn add(&mut self, word: &'a str, key: Option<u128>, first: usize) {
        let (id, new) = self.ids.id(word, key);
        if new {
            self.counts.push(0);
        }
        let mine = &self.occurrences[first..];
        if mine.len() < usize::from(u16::MAX) && !mine.contains(&id) {
            self.counts[id as usize] += 1;
            self.occurrences.push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::fixture::synthetic_names;
    use crate::words::{is_vocabulary_word, words};

    #[test]
    fn every_vocabulary_word_lists_exactly_the_names_holding_it() {
        // Generated names (English and Chinese), some upper-case, accented and long
        // words, split between two threads (PARALLEL_MIN is small in tests).
        let mut names: Vec<String> = synthetic_names();
        names.extend([
            "Éclairs über Straße, ÉCLAIRS".to_owned(),
            format!("{} tail", "x".repeat(60)),
            "a-very-long-word-past-sixteen-bytes averylongwordpastsixteenbytes".to_owned(),
            "阿里巴巴alibaba 腾讯，tencent。".to_owned(),
        ]);
        let mut haystacks = String::new();
        let mut starts = Vec::new();
        for name in &names {
            starts.push(haystacks.len() as u32);
            haystacks.push_str(&name.to_lowercase());
        }
        starts.push(haystacks.len() as u32);
        let mut expected: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
        for slot in 0..names.len() {
            let name = &haystacks[starts[slot] as usize..starts[slot + 1] as usize];
            for word in words(name).filter(|word| is_vocabulary_word(word)) {
                expected.entry(word).or_default().insert(slot as u32);
            }
        }
        let (map, offsets, postings) = build(&haystacks, &starts);
        assert_eq!(map.len(), expected.len());
        assert_eq!(offsets.len(), expected.len() + 1);
        for (word, slots) in &expected {
            let id = map
                .get(word)
                .unwrap_or_else(|| panic!("{word} not indexed")) as usize;
            let listed = &postings[offsets[id] as usize..offsets[id + 1] as usize];
            assert_eq!(
                listed,
                slots.iter().copied().collect::<Vec<u32>>(),
                "{word}"
            );
        }
        assert!(expected.contains_key("averylongwordpastsixteenbytes"));
        assert!(expected.contains_key("éclairs"));
    }
}
