//! The ranking rule and a bounded top-k that applies it without sorting every match.

use std::cmp::Ordering;
use std::collections::HashSet;

use super::Key;

/// One scored name, with everything the ranking rule looks at.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ranked<K> {
    /// An entity whose own name or alias the query is (see `named`).
    pub named: bool,
    pub score: i64,
    /// Some query word matched only through a typo.
    pub typo: bool,
    pub alias: bool,
    pub weight: u32,
    /// Length of the shown text in bytes.
    pub len: u32,
    pub entry: u32,
    /// Where the name sits in the scan order.
    pub slot: u32,
    /// The record; None until the name is about to make the list (looked up late).
    pub target: Option<K>,
}

/// Best first: an entity the query names before everything else; then by score. Among
/// equal scores: an in-order match before a typo match, a record's own name before an
/// alias, then the record more of the story refers to, then the shorter name, then file
/// order, so results never shuffle between runs.
pub(super) fn rank<K>(a: &Ranked<K>, b: &Ranked<K>) -> Ordering {
    b.named
        .cmp(&a.named)
        .then(b.score.cmp(&a.score))
        .then(a.typo.cmp(&b.typo))
        .then(a.alias.cmp(&b.alias))
        .then(b.weight.cmp(&a.weight))
        .then(a.len.cmp(&b.len))
        .then(a.entry.cmp(&b.entry))
}

/// Keeps the best `limit` records (one name per record) seen so far. Candidates are
/// buffered and, when the buffer fills, cut back to the best `limit` distinct records;
/// the last of those becomes a bar that later candidates must beat. A candidate below
/// the bar cannot make the final list: `limit` other records already rank above it.
pub(super) struct TopK<K> {
    limit: usize,
    buffer: Vec<Ranked<K>>,
    bar: Option<Ranked<K>>,
}

impl<K: Key> TopK<K> {
    pub fn new(limit: usize) -> TopK<K> {
        TopK {
            limit,
            buffer: Vec::with_capacity(limit.saturating_mul(4).min(4096)),
            bar: None,
        }
    }

    /// True when a name whose rank is at best `best` cannot make the list, so it need
    /// not be scored at all.
    pub fn rules_out(&self, best: &Ranked<K>) -> bool {
        self.bar
            .as_ref()
            .is_some_and(|bar| rank(best, bar) != Ordering::Less)
    }

    /// The score a name that is not `named` must reach to have a chance, once the list
    /// is full (none can, when the list is full of named ones).
    pub fn bar_score(&self) -> Option<i64> {
        self.bar
            .map(|bar| if bar.named { i64::MAX } else { bar.score })
    }

    pub fn offer(&mut self, candidate: Ranked<K>) {
        if self.rules_out(&candidate) {
            return;
        }
        self.buffer.push(candidate);
        if self.buffer.len() >= self.limit.saturating_mul(2).max(64) {
            self.compact();
        }
    }

    fn compact(&mut self) {
        self.buffer.sort_unstable_by(rank);
        let mut seen: HashSet<Option<K>, foldhash::fast::FixedState> = HashSet::default();
        let limit = self.limit;
        self.buffer
            .retain(|candidate| seen.len() < limit && seen.insert(candidate.target));
        if self.buffer.len() == self.limit {
            self.bar = self.buffer.last().copied();
        }
    }

    /// Folds another top-k (from another thread) into this one.
    pub fn merge(&mut self, other: TopK<K>) {
        for candidate in other.buffer {
            self.offer(candidate);
        }
    }

    /// The best `limit` distinct records, best first.
    pub fn finish(mut self) -> Vec<Ranked<K>> {
        self.compact();
        self.buffer
    }
}
