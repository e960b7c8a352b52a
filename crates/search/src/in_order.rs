//! The in-order tier of one search: which names to try (all of them, or the matches of
//! a shorter query typed before), the scan shared between the cores, and the match
//! list it leaves for the next keystroke to narrow from.

use std::mem::take;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::AtomicI64;

use super::rank::TopK;
use super::scan::{self, Candidates, Scanned};
use super::terms::{self, Term};
use super::{BLOCK, Key, PARALLEL_MIN, SearchIndex};

/// The slots (ascending) whose names contain every term of `terms` as a subsequence,
/// each term's exact score for them where it was computed (`scan::UNKNOWN` if not),
/// where each term's greedy match ends in them, and each term's ceiling there
/// (`one_pass::Scored::ceiling`, or a bound on it; `scan::NO_CEILING` if none).
pub(super) struct Narrowed {
    pub terms: Vec<String>,
    pub matches: Vec<u32>,
    pub exact: Vec<Vec<i16>>,
    pub ends: Vec<Vec<u16>>,
    pub ceilings: Vec<Vec<i16>>,
}

/// How many recent match lists are kept: enough to type a query and backspace it.
pub(super) const NARROWED_KEPT: usize = 8;

/// The match lists older than the newest are kept within this many bytes a name of the
/// index (a one-word list takes 10 bytes a match: room for the list of a query that
/// matches a fifth of the names).
pub(super) const OLDER_LISTS_BYTES_PER_NAME: usize = 2;

impl Narrowed {
    /// Heap bytes of its lists (the terms aside): a slot a match, and per word a
    /// score, a match end and a ceiling.
    pub fn bytes(&self) -> usize {
        let per_word = |lists: &Vec<Vec<i16>>| lists.iter().map(Vec::capacity).sum::<usize>();
        self.matches.capacity() * 4
            + 2 * (per_word(&self.exact)
                + self.ends.iter().map(Vec::capacity).sum::<usize>()
                + per_word(&self.ceilings))
    }
}

impl<K: Key> SearchIndex<K> {
    /// The best `limit` in-order matches of `words` (each lower-cased), or None once
    /// `cancelled`. Remembers every match for the queries typed after this one.
    pub(super) fn in_order_tier(
        &self,
        words: &[String],
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<TopK<K>> {
        let terms: Vec<Term> = words.iter().map(|word| Term::new(word)).collect();
        let narrowed = self.narrowest_for(words);
        let known = known_from(narrowed.as_deref(), words);
        let parts = self.scan_on_cores(&terms, narrowed.as_deref(), &known, limit, cancelled)?;
        let mut parts = parts;
        self.remember(words.to_vec(), matches_in_order(&mut parts, words.len()));
        let mut top = TopK::new(limit);
        for part in parts {
            top.merge(part.top);
        }
        Some(top)
    }

    /// Scans the names (every one, or those `narrowed` holds) for `terms`, in blocks
    /// dealt round the threads; one `Scanned` per thread, or None once `cancelled`.
    fn scan_on_cores(
        &self,
        terms: &[Term],
        narrowed: Option<&Narrowed>,
        known: &scan::Known<'_>,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Scanned<K>>> {
        let total = narrowed.map_or(self.targets.len(), |n| n.matches.len());
        let threads = if total >= PARALLEL_MIN {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
        } else {
            1
        };
        // Blocks go round the threads, so each one meets short names (the best ranked
        // among equals) early and can rule out the rest sooner.
        let blocks = total.div_ceil(BLOCK);
        let shared_bar = AtomicI64::new(i64::MIN);
        let shared_bar = &shared_bar;
        let scan_part = |part: usize| {
            let mine = (part..blocks).step_by(threads).map(|block| {
                let range = block * BLOCK..((block + 1) * BLOCK).min(total);
                let candidates = match narrowed {
                    Some(n) => Candidates::List {
                        base: range.start,
                        slots: &n.matches[range],
                    },
                    None => Candidates::Range(range),
                };
                (block, candidates)
            });
            scan::scan(self, mine, terms, known, (limit, shared_bar), cancelled)
        };
        let parts: Vec<Option<Scanned<K>>> = if threads == 1 {
            vec![scan_part(0)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (1..threads)
                    .map(|part| scope.spawn(move || scan_part(part)))
                    .collect();
                let mut parts = vec![scan_part(0)];
                parts.extend(
                    handles
                        .into_iter()
                        .map(|h| h.join().expect("search thread")),
                );
                parts
            })
        };
        parts.into_iter().collect()
    }

    /// The shortest remembered match list that surely holds every match of `words`:
    /// one whose terms are each a subsequence of the term in the same place now.
    fn narrowest_for(&self, words: &[String]) -> Option<Arc<Narrowed>> {
        let narrowed = self.narrowed.lock().ok()?;
        narrowed
            .iter()
            .filter(|n| {
                n.terms.len() <= words.len()
                    && n.terms
                        .iter()
                        .zip(words)
                        .all(|(old, new)| terms::is_subsequence(old, new))
            })
            .min_by_key(|n| n.matches.len())
            .cloned()
    }

    /// Keeps `found` as the match list of `words`, in place of an older one for the same
    /// words. The newest list is what the next keystroke narrows from when the query
    /// grows; the older ones serve only a query backspaced to theirs (without one, that
    /// query is searched from scratch, as if typed anew), so they are kept, newest first,
    /// only while they fit in `OLDER_LISTS_BYTES_PER_NAME` bytes a name, and at most
    /// `NARROWED_KEPT` lists in all: the lists of a query's first letters can hold most
    /// names, and were held at the explorer's peak of memory.
    fn remember(&self, words: Vec<String>, mut found: Narrowed) {
        let Ok(mut narrowed) = self.narrowed.lock() else {
            return;
        };
        narrowed.retain(|n| n.terms != words);
        found.terms = words;
        let mut budget = self.targets.len() * OLDER_LISTS_BYTES_PER_NAME;
        let mut kept = vec![Arc::new(found)];
        for older in narrowed.drain(..).rev() {
            let bytes = older.bytes();
            if kept.len() < NARROWED_KEPT && bytes <= budget {
                budget -= bytes;
                kept.push(older);
            }
        }
        kept.reverse();
        *narrowed = kept;
    }
}

/// What `narrowed` (the match list of an earlier query) tells the scan of `words`: a
/// word it had too, in the same place, keeps its scores; a word it had the start of goes
/// on matching from where that start ended, and its score is bounded by the start's
/// ceiling grown by the chars added.
fn known_from<'a>(narrowed: Option<&'a Narrowed>, words: &[String]) -> scan::Known<'a> {
    scan::Known {
        exact: (0..words.len())
            .map(|t| {
                let n = narrowed?;
                (n.terms.get(t) == Some(&words[t])).then(|| n.exact[t].as_slice())
            })
            .collect(),
        ends: (0..words.len())
            .map(|t| {
                let n = narrowed?;
                let old = n.terms.get(t)?;
                words[t].starts_with(old.as_str()).then(|| scan::Resume {
                    ends: n.ends[t].as_slice(),
                    ceilings: n.ceilings[t].as_slice(),
                    matched: old.chars().count(),
                })
            })
            .collect(),
    }
}

/// Every match the threads found, in slot order, with the word scores and match ends
/// found for each (the terms are filled in by `remember`). The threads' lists are taken
/// from `parts` one at a time, each freed once copied, so the matches are never held
/// twice over (a first letter's list can hold most names).
fn matches_in_order<K>(parts: &mut [Scanned<K>], words: usize) -> Narrowed {
    let mut pieces: Vec<(usize, usize, Range<usize>)> = parts
        .iter()
        .enumerate()
        .flat_map(|(part, scanned)| {
            scanned
                .blocks
                .iter()
                .map(move |(block, range)| (*block, part, range.clone()))
        })
        .collect();
    pieces.sort_unstable_by_key(|(block, _, _)| *block);
    let matches = gather(&pieces, parts.iter_mut().map(|p| take(&mut p.matches)));
    let exact = (0..words)
        .map(|t| gather(&pieces, parts.iter_mut().map(|p| take(&mut p.exact[t]))))
        .collect();
    let ends = (0..words)
        .map(|t| gather(&pieces, parts.iter_mut().map(|p| take(&mut p.ends[t]))))
        .collect();
    let ceilings = (0..words)
        .map(|t| gather(&pieces, parts.iter_mut().map(|p| take(&mut p.ceilings[t]))))
        .collect();
    Narrowed {
        terms: Vec::new(),
        matches,
        exact,
        ends,
        ceilings,
    }
}

/// The `pieces` (block, part, range) of the parts' `lists`, in order, in one list at its
/// exact length; one part's list is that list already.
fn gather<T: Copy>(
    pieces: &[(usize, usize, Range<usize>)],
    lists: impl Iterator<Item = Vec<T>>,
) -> Vec<T> {
    let mut lists: Vec<Vec<T>> = lists.collect();
    if lists.len() == 1 {
        let mut only = lists.swap_remove(0);
        only.shrink_to_fit();
        return only;
    }
    let total: usize = pieces.iter().map(|(_, _, range)| range.len()).sum();
    let mut gathered = Vec::with_capacity(total);
    for (_, part, range) in pieces {
        gathered.extend_from_slice(&lists[*part][range.clone()]);
    }
    gathered
}
