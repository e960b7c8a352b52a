//! Building the typo index: the distinct words of a million names and, for each, the
//! names holding it. The names are split between the cores; each part numbers the words
//! it meets, and the parts are then merged in slot order, so every posting list comes
//! out ascending without a sort.
#![warn(missing_docs)]

use std::collections::HashMap;

use super::words::{SHORTEST_TYPO_WORD, is_vocabulary_word, words};

type Ids<'a> = HashMap<&'a str, u32, foldhash::fast::FixedState>;

/// Below this many names one thread builds it all.
const PARALLEL_MIN: usize = if cfg!(test) { 64 } else { 65_536 };

/// What one part of the names holds.
struct Part<'a> {
    ids: Ids<'a>,
    /// Each word's text, by its id in this part.
    words: Vec<&'a str>,
    /// How many names of the part hold each word.
    counts: Vec<u32>,
    /// The word ids of each name in turn, and how many each name has.
    occurrences: Vec<u32>,
    per_name: Vec<u16>,
}

/// The FST of words (word → id), and the postings as offsets and slots.
pub(super) fn build(haystacks: &str, starts: &[usize]) -> (fst::Map<Vec<u8>>, Vec<u32>, Vec<u32>) {
    let names = starts.len().saturating_sub(1);
    let threads = if names >= PARALLEL_MIN {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    } else {
        1
    };
    let chunk = names.div_ceil(threads.max(1)).max(1);
    let ranges: Vec<std::ops::Range<usize>> = (0..threads)
        .map(|t| (t * chunk).min(names)..((t + 1) * chunk).min(names))
        .collect();
    let mut parts: Vec<Part<'_>> = if threads == 1 {
        vec![part(haystacks, starts, 0..names)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = ranges[1..]
                .iter()
                .cloned()
                .map(|range| scope.spawn(move || part(haystacks, starts, range)))
                .collect();
            let mut parts = vec![part(haystacks, starts, ranges[0].clone())];
            parts.extend(handles.into_iter().map(|h| h.join().expect("index thread")));
            parts
        })
    };
    // The first part's ids are the global ones; the others' words are mapped onto them.
    let mut first = parts.remove(0);
    let mut remaps: Vec<Vec<u32>> = vec![(0..first.words.len() as u32).collect()];
    for other in &parts {
        let remap = other
            .words
            .iter()
            .zip(&other.counts)
            .map(|(word, &count)| {
                let next = first.words.len() as u32;
                let id = *first.ids.entry(word).or_insert(next);
                if id == next {
                    first.words.push(word);
                    first.counts.push(0);
                }
                first.counts[id as usize] += count;
                id
            })
            .collect();
        remaps.push(remap);
    }
    let mut offsets = Vec::with_capacity(first.counts.len() + 1);
    let mut total = 0u32;
    offsets.push(0);
    for &count in &first.counts {
        total += count;
        offsets.push(total);
    }
    let mut fill: Vec<u32> = offsets[..first.counts.len()].to_vec();
    let mut postings = vec![0u32; total as usize];
    let all_parts = std::iter::once(&first).chain(parts.iter());
    for ((part, remap), range) in all_parts.zip(&remaps).zip(&ranges) {
        let mut next = part.occurrences.iter();
        for (offset, &count) in part.per_name.iter().enumerate() {
            let slot = (range.start + offset) as u32;
            for &local in next.by_ref().take(usize::from(count)) {
                let at = &mut fill[remap[local as usize] as usize];
                postings[*at as usize] = slot;
                *at += 1;
            }
        }
    }
    let mut sorted: Vec<(&str, u32)> = first.ids.into_iter().collect();
    sorted.sort_unstable();
    let map = fst::Map::from_iter(
        sorted
            .into_iter()
            .map(|(word, id)| (word.as_bytes(), u64::from(id))),
    )
    .expect("distinct words, sorted");
    (map, offsets, postings)
}

/// The words of the names in the slots `range`.
fn part<'a>(haystacks: &'a str, starts: &[usize], range: std::ops::Range<usize>) -> Part<'a> {
    let mut part = Part {
        ids: Ids::default(),
        words: Vec::new(),
        counts: Vec::new(),
        occurrences: Vec::with_capacity(range.len() * 4),
        per_name: Vec::with_capacity(range.len()),
    };
    for slot in range {
        let name = &haystacks[starts[slot]..starts[slot + 1]];
        let first = part.occurrences.len();
        if name.is_ascii() {
            // Byte by byte: words are runs of ASCII letters and digits.
            let bytes = name.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                if !bytes[at].is_ascii_alphanumeric() {
                    at += 1;
                    continue;
                }
                let start = at;
                while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                    at += 1;
                }
                let word = &name[start..at];
                if word.len() >= SHORTEST_TYPO_WORD && is_vocabulary_word(word) {
                    part.add(word, first);
                }
            }
        } else {
            for word in words(name) {
                if is_vocabulary_word(word) {
                    part.add(word, first);
                }
            }
        }
        part.per_name.push((part.occurrences.len() - first) as u16);
    }
    part
}

impl<'a> Part<'a> {
    /// Records `word` in the current name, whose occurrences start at `first`.
    fn add(&mut self, word: &'a str, first: usize) {
        let next = self.words.len() as u32;
        let id = *self.ids.entry(word).or_insert(next);
        if id == next {
            self.words.push(word);
            self.counts.push(0);
        }
        let mine = &self.occurrences[first..];
        if mine.len() < usize::from(u16::MAX) && !mine.contains(&id) {
            self.counts[id as usize] += 1;
            self.occurrences.push(id);
        }
    }
}
