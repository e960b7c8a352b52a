//! The second tier of a search, run after the in-order scan: the names that hold a word
//! within a query word's typos (from the typo index's postings), and the entity names
//! the query names (`named`). Each query word counts by the better of its two tiers; a
//! typo match scores what the intended word would have scored, less `PER_TYPO` per edit,
//! so it ranks below an in-order match of the same quality.

use super::rank::{Ranked, TopK};
use super::skim::Scorer;
use super::typo::Expansion;
use super::{Key, SearchIndex};

/// What one edit costs a typo match: one matched letter's worth of score.
pub(super) const PER_TYPO: i64 = 16;

/// How one query word matched one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WordMatch {
    pub score: i64,
    /// For a typo match, which of the word's expansions it went through.
    pub via: Option<usize>,
}

/// The query as the typo tier sees it.
pub(super) struct Query<'a> {
    pub words: &'a [String],
    /// Per word, the index words within its typos.
    pub expansions: &'a [Vec<Expansion>],
}

impl Query<'_> {
    pub fn has_typos(&self) -> bool {
        self.expansions.iter().flatten().any(|e| !e.in_order)
    }
}

/// How word `t` of `query` best matches the name in `slot`: in order (`in_order`, its
/// score if it is a subsequence) or through a typo; in order wins a tie.
pub(super) fn best_match<K>(
    index: &SearchIndex<K>,
    query: &Query<'_>,
    slot: u32,
    t: usize,
    score: &mut dyn FnMut(&str) -> Option<i64>,
) -> Option<WordMatch> {
    let mut best = score(&query.words[t]).map(|score| WordMatch { score, via: None });
    let Some(typos) = index.typos.get() else {
        return best;
    };
    for (e, expansion) in query.expansions[t].iter().enumerate() {
        if expansion.in_order || !typos.holds(expansion.id, slot) {
            continue;
        }
        let Some(found) = score(&expansion.word) else {
            continue;
        };
        let found = found - PER_TYPO * i64::from(expansion.distance);
        if best.is_none_or(|b| found > b.score) {
            best = Some(WordMatch {
                score: found,
                via: Some(e),
            });
        }
    }
    best
}

/// Offers `top` every name the typo tier or an own-name match adds. Gives up (None) when
/// `cancelled` turns true.
pub(super) fn offer<K: Key>(
    index: &SearchIndex<K>,
    query: &Query<'_>,
    top: &mut TopK<K>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<()> {
    let mut scorer = Scorer::default();
    let named = if index.own_names.is_empty() {
        Vec::new()
    } else {
        index.own_names.named(query.words, query.expansions)
    };
    for &slot in &named {
        try_slot(index, query, slot, true, top, &mut scorer);
    }
    let Some(typos) = index.typos.get() else {
        return Some(());
    };
    if !query.has_typos() {
        return Some(());
    }
    let mut candidates: Vec<u32> = query
        .expansions
        .iter()
        .flatten()
        .filter(|expansion| !expansion.in_order)
        .flat_map(|expansion| typos.postings(expansion.id).iter().copied())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    for (n, &slot) in candidates.iter().enumerate() {
        if n % 4096 == 0 && cancelled() {
            return None;
        }
        if named.binary_search(&slot).is_err() {
            try_slot(index, query, slot, false, top, &mut scorer);
        }
    }
    Some(())
}

/// Scores the name in `slot` word by word and offers it, if every word matches.
fn try_slot<K: Key>(
    index: &SearchIndex<K>,
    query: &Query<'_>,
    slot: u32,
    named: bool,
    top: &mut TopK<K>,
    scorer: &mut Scorer,
) {
    let facts = index.ranks[slot as usize];
    let mut ranked = Ranked {
        score: i64::MAX,
        named,
        typo: false,
        alias: facts.alias(),
        weight: facts.weight,
        len: facts.len(),
        entry: index.order[slot as usize],
        slot,
        target: Some(index.targets[index.order[slot as usize] as usize]),
    };
    if top.rules_out(&ranked) {
        return;
    }
    let haystack = index.haystack(slot as usize);
    let mut total = 0;
    let mut typo = false;
    for t in 0..query.words.len() {
        let mut score = |word: &str| scorer.score_known(haystack, facts.ascii(), word);
        let Some(found) = best_match(index, query, slot, t, &mut score) else {
            return;
        };
        total += found.score;
        typo |= found.via.is_some();
    }
    ranked.score = total;
    ranked.typo = typo;
    top.offer(ranked);
}
