//! One thread's share of a search. First the prefilter: the names that hold every
//! query word as a subsequence, each sized up as it is found (its bounds computed while
//! the name is in the cache; the likeliest best scored at once, to raise the bar).
//! Then the ranking, most promising names first: a name is scored only when a bound
//! says it could still make the top k, and then by the allocation-free port of
//! SkimMatcherV2 (`skim`), word by word, reusing the exact score of any word the
//! previous query had too. fuzzy-matcher itself scores just the hits returned.

use std::ops::Range;
use std::sync::atomic::{AtomicI64, Ordering};

use super::one_pass::Scored;
use super::rank::{Ranked, TopK};
use super::skim::Scorer;
use super::terms::Term;
use super::{Key, SearchIndex};

/// A word score not computed (the name was ruled out by a bound).
pub(super) const UNKNOWN: i16 = i16::MIN;

/// No ceiling known for a word in a name.
pub(super) const NO_CEILING: i16 = i16::MIN;

/// The names one thread tries.
pub(super) enum Candidates<'a> {
    /// The slots that matched a shorter query, from place `base` in its list.
    List { slots: &'a [u32], base: usize },
    /// Every slot in a range: found by searching the lower-cased names, end to end,
    /// for the query's first char, so names without it are never looked at.
    Range(Range<usize>),
}

/// What one thread found: every name that passed the prefilter, each word's exact
/// score where it was computed, and the best records.
pub(super) struct Scanned<K> {
    pub matches: Vec<u32>,
    /// Per word, aligned with `matches`: its exact score, or `UNKNOWN`.
    pub exact: Vec<Vec<i16>>,
    /// Per word, aligned with `matches`: where its greedy match ends in the name.
    pub ends: Vec<Vec<u16>>,
    /// Per word, aligned with `matches`: its ceiling, or `NO_CEILING`.
    pub ceilings: Vec<Vec<i16>>,
    /// Which part of `matches` each block found.
    pub blocks: Vec<(usize, Range<usize>)>,
    pub top: TopK<K>,
}

/// What the search knows from before, per word, by place in the previous query's match
/// list: the exact scores it computed for the same word, and where in each name its
/// word matched (if the new word starts with it, matching goes on from there).
pub(super) struct Known<'a> {
    pub exact: Vec<Option<&'a [i16]>>,
    pub ends: Vec<Option<Resume<'a>>>,
}

/// Where the previous query's word (`matched` chars of the new one) ended in each name,
/// and its ceiling there (`NO_CEILING` if none).
#[derive(Clone, Copy)]
pub(super) struct Resume<'a> {
    pub ends: &'a [u16],
    pub ceilings: &'a [i16],
    pub matched: usize,
}

/// A match end too far into a name to keep in a `u16`.
const FAR: u16 = u16::MAX;

struct Scan<'a, K> {
    index: &'a SearchIndex<K>,
    terms: &'a [Term],
    known: &'a Known<'a>,
    top: TopK<K>,
    matches: Vec<u32>,
    /// For each match, its place in the previous query's list (if it came from one).
    origins: Vec<u32>,
    exact: Vec<Vec<i16>>,
    ends: Vec<Vec<u16>>,
    ceilings: Vec<Vec<i16>>,
    /// The matches not scored yet whose bounds reached the bar when they were found:
    /// (close bound, match).
    by_bound: Vec<(i64, u32)>,
    /// The highest bar score any thread of this search has reached: a name below it
    /// cannot make the list either (that thread holds `limit` other records above it).
    shared_bar: &'a AtomicI64,
    scorer: Scorer,
}

pub(super) fn scan<'a, K: Key>(
    index: &SearchIndex<K>,
    blocks: impl Iterator<Item = (usize, Candidates<'a>)>,
    terms: &[Term],
    known: &Known<'_>,
    (limit, shared_bar): (usize, &AtomicI64),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Scanned<K>> {
    let mut scan = Scan {
        index,
        terms,
        known,
        top: TopK::new(limit),
        matches: Vec::new(),
        origins: Vec::new(),
        exact: vec![Vec::new(); terms.len()],
        ends: vec![Vec::new(); terms.len()],
        ceilings: vec![Vec::new(); terms.len()],
        by_bound: Vec::new(),
        shared_bar,
        scorer: Scorer::default(),
    };
    let mut done = Vec::new();
    for (block, candidates) in blocks {
        if cancelled() {
            return None;
        }
        let start = scan.matches.len();
        match candidates {
            Candidates::List { slots, base } => {
                for (offset, &slot) in slots.iter().enumerate() {
                    scan.filter(slot, (base + offset) as u32, None);
                }
            }
            Candidates::Range(range) if !range.is_empty() => scan.filter_range(range),
            Candidates::Range(_) => {}
        }
        done.push((block, start..scan.matches.len()));
    }
    if cancelled() {
        return None;
    }
    scan.rank_all();
    Some(Scanned {
        matches: scan.matches,
        exact: scan.exact,
        ends: scan.ends,
        ceilings: scan.ceilings,
        blocks: done,
        top: scan.top,
    })
}

impl<K: Key> Scan<'_, K> {
    /// Keeps `slot` if its name holds every word. `first_at`: where the first word's
    /// first byte is known to be, for a one-byte first word.
    fn filter(&mut self, slot: u32, origin: u32, first_at: Option<usize>) {
        let haystack = self.index.haystack_bytes(slot as usize);
        let mut ends = [0u16; 16];
        for (t, term) in self.terms.iter().enumerate() {
            let end = match (t, first_at) {
                (0, Some(at)) if term.is_one_byte() => Some(at + 1),
                _ => {
                    let resume = self.known.ends.get(t).copied().flatten();
                    let (from, skip) = match resume
                        .and_then(|r| Some((*r.ends.get(origin as usize)?, r.matched)))
                    {
                        Some((end, matched)) if end != FAR => (usize::from(end), matched),
                        _ => (0, 0),
                    };
                    term.match_end(haystack, from, skip)
                }
            };
            let Some(end) = end else { return };
            if let Some(slot) = ends.get_mut(t) {
                *slot = u16::try_from(end).unwrap_or(FAR);
            }
        }
        self.matches.push(slot);
        self.origins.push(origin);
        for (t, list) in self.ends.iter_mut().enumerate() {
            list.push(ends.get(t).copied().unwrap_or(FAR));
        }
        for (t, scores) in self.exact.iter_mut().enumerate() {
            let carried = self.known.exact[t].and_then(|known| known.get(origin as usize));
            scores.push(carried.copied().unwrap_or(UNKNOWN));
        }
        let starts = self.index.ranks[slot as usize].starts;
        for (t, list) in self.ceilings.iter_mut().enumerate() {
            list.push(carried_ceiling(
                self.known.ends[t],
                &self.terms[t],
                origin,
                starts,
            ));
        }
        self.rank_first(haystack);
    }

    /// Sizes up the match just found while its name is in the cache: scored at once
    /// when its close bound is its score (see `close_bound`), or when it starts with the
    /// first word (it usually ranks best: the bar rises early); any other is kept for
    /// `rank_all` with its close bound, unless a bound is already below the bar.
    fn rank_first(&mut self, haystack: &[u8]) {
        let k = self.matches.len() - 1;
        if self.ruled_out(&self.ranked(k, self.quick_bound(k))) {
            return;
        }
        let (bound, exact) = self.close_bound(k);
        let close = self.ranked(k, bound);
        if self.ruled_out(&close) {
            return;
        }
        if exact || haystack.starts_with(self.terms[0].text.as_bytes()) {
            self.score(k, close);
        } else {
            self.by_bound.push((close.score, k as u32));
        }
    }

    /// Every name in the slots `range` holding the first word's first byte, found with
    /// memchr over the names end to end, then filtered.
    fn filter_range(&mut self, range: Range<usize>) {
        let start = |slot: usize| self.index.starts[slot] as usize;
        let (lo, hi) = (start(range.start), start(range.end));
        let bytes = &self.index.haystacks.as_bytes()[..hi];
        let needle = self.terms[0].first_byte();
        let (mut slot, mut from) = (range.start, lo);
        while let Some(found) = memchr::memchr(needle, &bytes[from..]) {
            let at = from + found;
            while start(slot + 1) <= at {
                slot += 1;
            }
            let first_at = (at - start(slot) < usize::from(FAR)).then(|| at - start(slot));
            self.filter(slot as u32, u32::MAX, first_at);
            // On to the next name: one look per name, however often it has the byte.
            slot += 1;
            from = start(slot);
            if from >= hi {
                break;
            }
        }
    }

    /// A word's exact score for match `k` if it is known: computed by this search or
    /// by the previous query for the same word.
    fn known(&self, word: usize, k: usize) -> Option<i64> {
        let score = self.exact[word][k];
        (score != UNKNOWN).then_some(i64::from(score))
    }

    /// A word's ceiling in match `k`, if one is known (it bounds the word's score).
    fn ceiling(&self, word: usize, k: usize) -> Option<i64> {
        let ceiling = self.ceilings[word][k];
        (ceiling != NO_CEILING).then_some(i64::from(ceiling))
    }

    /// A bound on match `k`'s score from what is known (scores, ceilings) and the
    /// name's first char.
    fn quick_bound(&self, k: usize) -> i64 {
        let slot = self.matches[k] as usize;
        let haystack = self.index.haystack_bytes(slot);
        let starts = self.index.ranks[slot].starts;
        (0..self.terms.len())
            .map(|t| {
                self.known(t, k).unwrap_or_else(|| {
                    let quick = self.terms[t].quick_bound(haystack, starts);
                    self.ceiling(t, k)
                        .map_or(quick, |ceiling| ceiling.min(quick))
                })
            })
            .sum()
    }

    /// A bound on match `k`'s score, and whether it is the score: per word, its known
    /// score; else its exact score from `one_pass` for an ASCII word in an ASCII name,
    /// or from `best_possible` for a one-char word (both kept for `score` and the next
    /// keystroke); else the `best_possible` bound.
    fn close_bound(&mut self, k: usize) -> (i64, bool) {
        let slot = self.matches[k] as usize;
        let haystack = self.index.haystack_bytes(slot);
        let ascii = self.index.ranks[slot].ascii();
        let (mut total, mut exact) = (0, true);
        for (t, term) in self.terms.iter().enumerate() {
            if let Some(score) = self.known(t, k) {
                total += score;
                continue;
            }
            let scored = if term.is_one_char() {
                // One row: the ceiling is the score.
                let score = term.best_possible(haystack);
                Some(Scored {
                    score,
                    ceiling: score,
                })
            } else if ascii {
                term.exact_ascii(haystack)
            } else {
                None
            };
            let Some(scored) = scored else {
                exact = false;
                let bound = term.best_possible(haystack);
                total += self
                    .ceiling(t, k)
                    .map_or(bound, |ceiling| ceiling.min(bound));
                continue;
            };
            self.exact[t][k] = i16::try_from(scored.score).unwrap_or(UNKNOWN);
            self.ceilings[t][k] = i16::try_from(scored.ceiling).unwrap_or(NO_CEILING);
            total += scored.score;
        }
        (total, exact)
    }

    /// True when a name whose score is at most `bound` cannot make the list.
    fn below_bar(&self, bound: i64) -> bool {
        self.top.bar_score().is_some_and(|bar| bar > bound)
            || self.shared_bar.load(Ordering::Relaxed) > bound
    }

    /// Offers a scored name and tells the other threads of a higher bar.
    fn offer(&mut self, ranked: Ranked<K>) {
        self.top.offer(ranked);
        if let Some(bar) = self.top.bar_score() {
            self.shared_bar.fetch_max(bar, Ordering::Relaxed);
        }
    }

    /// Scores the matches `rank_first` kept, best bound first, so the bar rises early
    /// and most names are ruled out by a bound alone.
    fn rank_all(&mut self) {
        let mut by_bound = std::mem::take(&mut self.by_bound);
        // A stable sort keeps names shortest first among equal bounds.
        by_bound.sort_by_key(|&(close, _)| std::cmp::Reverse(close));
        for (close, k) in by_bound {
            if self.below_bar(close) {
                break;
            }
            let ranked = self.ranked(k as usize, close);
            if !self.ruled_out(&ranked) {
                self.score(k as usize, ranked);
            }
        }
    }

    /// Match `k` as the ranking sees it, with `score` for its score.
    fn ranked(&self, k: usize, score: i64) -> Ranked<K> {
        let slot = self.matches[k];
        let facts = self.index.ranks[slot as usize];
        Ranked {
            named: false,
            score,
            typo: false,
            alias: facts.alias(),
            weight: facts.weight,
            len: facts.len(),
            entry: self.index.order[slot as usize],
            slot,
            // Looked up only for a name that makes the list.
            target: None,
        }
    }

    /// True when a name ranked as `best` (or lower) cannot make the list.
    fn ruled_out(&self, best: &Ranked<K>) -> bool {
        self.top.rules_out(best) || self.shared_bar.load(Ordering::Relaxed) > best.score
    }

    /// Scores match `k` (`ranked` holds a bound on its score) word by word and offers
    /// it to the top k.
    fn score(&mut self, k: usize, mut ranked: Ranked<K>) {
        let slot = ranked.slot as usize;
        let (haystack, ascii) = (self.index.haystack(slot), self.index.ranks[slot].ascii());
        let mut total = 0;
        for t in 0..self.terms.len() {
            let score = match self.known(t, k) {
                Some(score) => score,
                None => match self
                    .scorer
                    .score_known(haystack, ascii, &self.terms[t].text)
                {
                    Some(score) => score,
                    None => return,
                },
            };
            self.exact[t][k] = i16::try_from(score).unwrap_or(UNKNOWN);
            total += score;
        }
        ranked.score = total;
        if !self.top.rules_out(&ranked) {
            ranked.target = Some(self.index.targets[ranked.entry as usize]);
            self.offer(ranked);
        }
    }
}

/// A word's ceiling in a name, from the ceiling its start had there in the previous
/// query (`resume`, at place `origin` in that query's list), grown by the chars added
/// (`Term::ceiling_growth`, with the name's `starts`); `NO_CEILING` if none was known.
fn carried_ceiling(resume: Option<Resume<'_>>, term: &Term, origin: u32, starts: u32) -> i16 {
    let Some(resume) = resume else {
        return NO_CEILING;
    };
    match resume.ceilings.get(origin as usize) {
        Some(&old) if old != NO_CEILING => {
            let grown = i64::from(old) + term.ceiling_growth(resume.matched, starts);
            i16::try_from(grown).unwrap_or(NO_CEILING)
        }
        _ => NO_CEILING,
    }
}
