//! Building the typo index: the distinct words of a million names and, for each, the
//! names holding it. The names are split between the cores and read twice. The first
//! read numbers the words each part meets (`word_ids`) and counts the names holding
//! each; the parts' words are then merged, which sizes every posting list. The second
//! read writes each name's slot into its words' lists, each part from where the parts
//! before it end, so every list comes out ascending without a sort, and nothing per
//! word occurrence is held between the reads (one list of them was as big as the names
//! and was held while the postings were made, at the explorer's peak of memory).

use std::ops::Range;
use std::sync::atomic::{AtomicU32, Ordering};

use super::vocabulary::vocabulary_words;
use super::word_ids::{WordIds, pack, pack_at};

/// Below this many names one thread builds it all.
const PARALLEL_MIN: usize = if cfg!(test) { 64 } else { 65_536 };

/// What the first read of one part of the names found.
struct Part<'a> {
    /// The part's slots.
    range: Range<usize>,
    ids: WordIds<'a>,
    /// How many names of the part hold each word, by id.
    counts: Vec<u32>,
}

/// The FST of words (word → id), and the postings as offsets and slots.
pub(super) fn build(haystacks: &str, starts: &[u32]) -> (fst::Map<Vec<u8>>, Vec<u32>, Vec<u32>) {
    let ranges = split(starts.len().saturating_sub(1));
    let mut parts = on_cores(ranges, |range| count(haystacks, starts, range));
    // The first part's ids are the global ones; the others' words are mapped onto them.
    let mut first = parts.remove(0);
    let mut totals = first.counts.clone();
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
                    totals.push(0);
                }
                totals[id as usize] += count;
                id
            })
            .collect();
        remaps.push(remap);
    }
    parts.insert(0, first);
    let (offsets, postings) = postings(haystacks, starts, &parts, &remaps, &totals);
    // Only the words are needed now: the parts' tables go before the FST is made.
    let words = parts.swap_remove(0).ids.words;
    drop((parts, remaps, totals));
    let mut sorted: Vec<(&str, u32)> = words.into_iter().zip(0u32..).collect();
    sorted.sort_unstable();
    let map = fst::Map::from_iter(
        sorted
            .into_iter()
            .map(|(word, id)| (word.as_bytes(), u64::from(id))),
    )
    .expect("distinct words, sorted");
    // The FST was written into a growing buffer: keep it at its length.
    let mut bytes = map.into_fst().into_inner();
    bytes.shrink_to_fit();
    let map = fst::Map::new(bytes).expect("the FST just made");
    (map, offsets, postings)
}

/// The slots of `names` names split between the cores (up to two), in order.
fn split(names: usize) -> Vec<Range<usize>> {
    let threads = if names >= PARALLEL_MIN {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    } else {
        1
    };
    let chunk = names.div_ceil(threads).max(1);
    (0..threads)
        .map(|t| (t * chunk).min(names)..((t + 1) * chunk).min(names))
        .collect()
}

/// `work` done for each of `jobs`, the first on this thread, the others on one each;
/// the results in the jobs' order.
fn on_cores<J: Send, T: Send>(jobs: Vec<J>, work: impl Fn(J) -> T + Sync) -> Vec<T> {
    let work = &work;
    let mut jobs = jobs.into_iter();
    let mine = jobs.next();
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs.map(|job| scope.spawn(move || work(job))).collect();
        let mut done: Vec<T> = mine.into_iter().map(work).collect();
        done.extend(handles.into_iter().map(|h| h.join().expect("index thread")));
        done
    })
}

/// Word id `i` (the first part's) occurs in the slots `postings[offsets[i]..offsets[i +
/// 1]]`, ascending: `totals[i]` names hold it. Each part writes its names' slots from
/// where the parts before it (lower slots) end in each list.
fn postings(
    haystacks: &str,
    starts: &[u32],
    parts: &[Part<'_>],
    remaps: &[Vec<u32>],
    totals: &[u32],
) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = Vec::with_capacity(totals.len() + 1);
    let mut total = 0u32;
    offsets.push(0);
    for &count in totals {
        total += count;
        offsets.push(total);
    }
    let mut next: Vec<u32> = offsets[..totals.len()].to_vec();
    let jobs: Vec<(&Part<'_>, Vec<u32>)> = parts
        .iter()
        .zip(remaps)
        .map(|(part, remap)| {
            let cursors = remap
                .iter()
                .zip(&part.counts)
                .map(|(&id, &count)| {
                    let at = next[id as usize];
                    next[id as usize] += count;
                    at
                })
                .collect();
            (part, cursors)
        })
        .collect();
    drop(next);
    // Each cell is written once, by the one part whose place it is.
    let cells: Vec<AtomicU32> = (0..total).map(|_| AtomicU32::new(0)).collect();
    on_cores(jobs, |(part, mut cursors)| {
        let mut seen: Vec<u32> = Vec::new();
        let mut this_slot = usize::MAX;
        for_each_word(haystacks, starts, part.range.clone(), |slot, word, key| {
            if slot != this_slot {
                this_slot = slot;
                seen.clear();
            }
            let local = part.ids.get(word, key).expect("numbered by the first read");
            if first_time_in_name(&mut seen, local) {
                let at = &mut cursors[local as usize];
                cells[*at as usize].store(slot as u32, Ordering::Relaxed);
                *at += 1;
            }
        });
    });
    // The same allocation, read as plain numbers (the threads have all joined).
    let postings = cells.into_iter().map(AtomicU32::into_inner).collect();
    (offsets, postings)
}

/// The first read of the names in the slots `range`: their words numbered, and how many
/// names hold each.
fn count<'a>(haystacks: &'a str, starts: &[u32], range: Range<usize>) -> Part<'a> {
    let mut ids = WordIds::default();
    let mut counts: Vec<u32> = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    let mut this_slot = usize::MAX;
    for_each_word(haystacks, starts, range.clone(), |slot, word, key| {
        if slot != this_slot {
            this_slot = slot;
            seen.clear();
        }
        let (id, new) = ids.id(word, key);
        if new {
            counts.push(0);
        }
        if first_time_in_name(&mut seen, id) {
            counts[id as usize] += 1;
        }
    });
    Part { range, ids, counts }
}

/// Marks word `id` as met in the name whose words so far are `seen`: true the first
/// time. (Up to 65,535 distinct words a name are indexed, as before.)
#[inline]
fn first_time_in_name(seen: &mut Vec<u32>, id: u32) -> bool {
    if seen.len() < usize::from(u16::MAX) && !seen.contains(&id) {
        seen.push(id);
        return true;
    }
    false
}

/// Calls `found(slot, word, pack)` for every vocabulary word of the names in the slots
/// `range`, in order.
#[inline]
fn for_each_word<'a>(
    haystacks: &'a str,
    starts: &[u32],
    range: Range<usize>,
    mut found: impl FnMut(usize, &'a str, Option<u128>),
) {
    let all = haystacks.as_bytes();
    for slot in range {
        let offset = starts[slot] as usize;
        let name = &haystacks[offset..starts[slot + 1] as usize];
        vocabulary_words(name, |start, end| {
            let key = pack_at(all, offset + start, offset + end);
            found(slot, &name[start..end], key);
        });
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
