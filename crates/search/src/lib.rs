//! Fuzzy search over names, each naming a record of the caller's (any `Key`): build a
//! `SearchIndex` from `SearchEntry`s and their names (`SearchIndex::from_entries`; the
//! index keeps the names lower-cased and each entry's record only, the caller shows
//! them), then `search` it, or
//! hand it to a `SearchWorker` to search off the input thread. Results hold one
//! `SearchHit` per record, best first. Every word of a query must match, in order or
//! within its typos; scores add up. storyscope feeds it a story's entities (by name and
//! alias), events, candidacies, metrics, sources and disputes.
//!
//! Two tiers, one list: the in-order tier below, then the typo tier (`typo`,
//! `typo_pass`: words within a Damerau–Levenshtein allowance, scored as the word they
//! were taken for, less a penalty per typo); an entity whose own name or alias the
//! query is comes first (`named`; own names are `NameKind::Own`). CJK words match in order only (`words`).
//!
//! The in-order ranking is fuzzy-matcher's: SkimMatcherV2 scores (from a new matcher, see
//! `fresh_matcher`), then the tie-breaks in `rank`. Speed comes from scoring few names:
//! - every name is lower-cased once, end to end in one buffer, at build;
//! - a subsequence test rejects names before anything is scored; on a fresh query,
//!   memchr finds the names holding the first char without looking at the others;
//! - when the query grows, only the names that matched the shorter query are tried,
//!   and a word the shorter query had too keeps its scores;
//! - a bounded top-k keeps the best records; names are tried best bound first, and a
//!   name whose bound (`terms`) cannot beat the current k-th is never scored;
//! - each match is sized up as the scan finds it, while its name is in the cache: a
//!   name that starts with the first word, or whose bound is its score (one-char
//!   words), is scored at once, so the bar is up before the rest are sorted; the
//!   threads share the highest bar any of them has reached;
//! - an ASCII word in an ASCII name gets its exact score in one pass over the name
//!   (`one_pass`), with a ceiling that bounds the word one letter longer at the next
//!   keystroke; the rest are scored by an allocation-free port of SkimMatcherV2 that
//!   walks only the matching chars (`skim`); both checked equal to fuzzy-matcher;
//!   fuzzy-matcher itself gives the scores and match positions of the hits returned;
//! - big scans are shared between the cores, in blocks dealt round the threads.
//!
//! For indexes too big to search between two keystrokes, `SearchWorker` searches on a
//! thread of its own and drops a query as soon as a newer one arrives.

#![warn(missing_docs)]

mod build;
mod finish;
#[cfg(test)]
mod fixture;
mod in_order;
mod memory;
mod named;
mod one_pass;
mod rank;
mod scan;
mod skim;
mod terms;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_generated;
#[cfg(test)]
mod tests_typo;
mod typo;
mod typo_build;
mod typo_pass;
mod vocabulary;
mod word_ids;
mod words;
mod worker;

use std::fmt::Debug;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use in_order::Narrowed;
pub use memory::HeapPart;
use named::OwnNames;
use typo::{Expansion, TypoIndex};
use typo_pass::Query;
pub use worker::{SearchResults, SearchWorker};

/// What a search finds: a record of the caller's, named by any number of entries.
/// Results hold one hit per key, the best of its names. Any small copyable id will do
/// (an index, an enum of record kinds).
pub trait Key: Copy + Eq + Hash + Debug + Send + Sync + 'static {}

impl<K: Copy + Eq + Hash + Debug + Send + Sync + 'static> Key for K {}

/// One name a record can be found by: an entity has one for its name and one per
/// alias; every other record has one. The caller keeps the name (`from_entries`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchEntry<K> {
    /// The record this name finds.
    pub target: K,
    /// What the name is to its record, for ranking.
    pub kind: NameKind,
    /// The name is an alias of its record (an entity's other name), not its own.
    pub alias: bool,
    /// How much of the story refers to the record: breaks ties between equal scores.
    pub weight: u32,
}

/// What a name is to the record it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The record's own name, or an alias of it (`SearchEntry::alias` set), such as
    /// a person's or an organisation's: a query that is this name ranks the record
    /// first, above the records that only mention it.
    Own,
    /// A title or label (an event, a metric, a source).
    Title,
    /// A line that names other records (`a → b`): at an equal score it ranks after
    /// their own names.
    Mention,
}

/// One record found by a search, with the name it was found by.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit<K> {
    /// The record found.
    pub target: K,
    /// Index into `SearchIndex::entries` of the name that matched best.
    pub entry: usize,
    /// How well the query matched: fuzzy-matcher's score, summed over the query words,
    /// less a penalty per typo; higher is better (the order also weighs own names).
    pub score: i64,
    /// Char positions in the entry's text as shown that matched, for highlighting: for a word
    /// matched through a typo, the word it was taken for.
    pub positions: Vec<usize>,
    /// Which tier matched: `Typo` when some query word matched only through a typo.
    pub tier: MatchTier,
    /// The record is an entity whose own name or alias the query is, exactly or within
    /// its typos (it then ranks above records that only mention it).
    pub named: bool,
}

/// How a hit matched the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchTier {
    /// Every query word's letters appear in the name in order (fuzzy-matcher's match).
    Fuzzy,
    /// Some query word is within its allowed typos of a word of the name.
    Typo,
}

impl MatchTier {
    /// `fuzzy` or `typo`, as `search --json` says it.
    pub fn label(self) -> &'static str {
        match self {
            MatchTier::Fuzzy => "fuzzy",
            MatchTier::Typo => "typo",
        }
    }
}

/// Every name of a story's records, lower-cased and ordered for fast search, with the
/// typo tier's word index built when first needed.
pub struct SearchIndex<K> {
    /// The record each name finds, in the order the entries were given
    /// (`SearchHit::entry` indexes this). Of an entry, only its record is kept: its
    /// kind, alias flag and weight are in the ranking facts and the own names.
    pub targets: Vec<K>,
    /// The order names are tried in: shortest first (ties between long names are
    /// settled sooner). A name's place in this order is its "slot".
    order: Vec<u32>,
    /// What ranking needs of each name, by slot, so a scan reads memory in order.
    ranks: Vec<SlotRank>,
    /// Every name lower-cased, end to end, by slot: slot `s` is `starts[s]..starts[s + 1]`
    /// (4 bytes a name: the text past 4 GiB is left out, see `build`).
    haystacks: String,
    starts: Vec<u32>,
    /// (slot, shown name's char count), ascending, where lower case has another count ('İ').
    shown_chars: Vec<(u32, u32)>,
    /// The names that matched recent queries, to narrow from as the query grows.
    narrowed: Mutex<Vec<Arc<Narrowed>>>,
    /// The typo tier's word index, built on the first query that can carry a typo (a
    /// word of 5 letters or more): loading a story need not wait for it, and many
    /// searches never need it. Never built when `typos_enabled` is false (an index for
    /// in-order search only).
    typos: OnceLock<TypoIndex>,
    typos_enabled: bool,
    /// Entity names and aliases, word by word, for own-name matches.
    own_names: OwnNames,
}

/// The tie-breaking facts of one name (see `rank::rank`), and where its words start:
/// 12 bytes a name.
#[derive(Debug, Clone, Copy)]
struct SlotRank {
    /// `terms::word_starts` of the lower-cased name.
    starts: u32,
    weight: u32,
    /// Length of the shown text in bytes (up to `LONGEST_LEN`), and two flags.
    len_and_flags: u32,
}

/// The longest length a `SlotRank` tells apart (1 GiB); longer names rank as this long.
const LONGEST_LEN: u32 = (1 << 30) - 1;
const ALIAS_FLAG: u32 = 1 << 30;
const ASCII_FLAG: u32 = 1 << 31;

impl SlotRank {
    fn new(starts: u32, weight: u32, len: usize, alias: bool, ascii: bool) -> SlotRank {
        let len = u32::try_from(len).unwrap_or(u32::MAX).min(LONGEST_LEN);
        let flags = if alias { ALIAS_FLAG } else { 0 } | if ascii { ASCII_FLAG } else { 0 };
        SlotRank {
            starts,
            weight,
            len_and_flags: len | flags,
        }
    }

    /// Ranked after a record's own name at an equal score (`SearchEntry::is_secondary`).
    fn alias(self) -> bool {
        self.len_and_flags & ALIAS_FLAG != 0
    }

    /// The name is ASCII (so it can be scored byte by byte).
    fn ascii(self) -> bool {
        self.len_and_flags & ASCII_FLAG != 0
    }

    /// Length of the shown text in bytes.
    fn len(self) -> u32 {
        self.len_and_flags & LONGEST_LEN
    }
}

/// Below this many names to try, a second thread costs more than it saves.
/// (Small in tests, so they cover the threads.)
const PARALLEL_MIN: usize = if cfg!(test) { 256 } else { 16_384 };

/// Names handed to a thread at a time.
const BLOCK: usize = if cfg!(test) { 100 } else { 2048 };

impl<K> std::fmt::Debug for SearchIndex<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.targets.len())
            .finish()
    }
}

impl<K> SearchEntry<K> {
    /// Ranked after a record's own name at an equal score: an alias, or a line that
    /// mentions other records (whose own names should come first).
    pub(crate) fn is_secondary(&self) -> bool {
        self.alias || self.kind == NameKind::Mention
    }
}

impl<K: Key> SearchIndex<K> {
    /// Heap bytes the typo tier adds (its word index), 0 without one.
    pub fn typo_heap_bytes(&self) -> usize {
        self.typos.get().map_or(0, TypoIndex::heap_bytes)
    }

    /// Builds the typo tier's word index now rather than on the first query that needs
    /// it (the benchmark measures it this way; an explorer could call it while idle).
    pub fn prepare_typos(&self) {
        self.typo_index();
    }

    /// The typo tier's word index, built on first use; None for an in-order index.
    fn typo_index(&self) -> Option<&TypoIndex> {
        self.typos_enabled.then(|| {
            self.typos
                .get_or_init(|| TypoIndex::build(&self.haystacks, &self.starts))
        })
    }

    /// How many names the index holds (an entity's aliases count apart).
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// True when the index holds no name at all.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Drops the remembered match lists: the next query is searched from scratch.
    /// (Benchmarks call it so each typed query starts cold.)
    pub fn forget_recent(&self) {
        if let Ok(mut narrowed) = self.narrowed.lock() {
            narrowed.clear();
        }
    }

    /// The name in `slot`, lower-cased.
    fn haystack(&self, slot: usize) -> &str {
        &self.haystacks[self.starts[slot] as usize..self.starts[slot + 1] as usize]
    }

    /// The same, as bytes (no char-boundary checks, for the byte-level tests).
    fn haystack_bytes(&self, slot: usize) -> &[u8] {
        &self.haystacks.as_bytes()[self.starts[slot] as usize..self.starts[slot + 1] as usize]
    }

    /// Best `limit` records for `query`, one hit per record, best first: in-order
    /// matches and typo matches in one list.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit<K>> {
        self.search_until(query, limit, &|| false)
            .unwrap_or_default()
    }

    /// In-order (fuzzy) matches alone, ranked as before typos were forgiven: no typo
    /// tier, no own-name ranking (the benchmark's baseline).
    pub fn search_in_order(&self, query: &str, limit: usize) -> Vec<SearchHit<K>> {
        self.search_tiers(query, limit, false, &|| false)
            .unwrap_or_default()
    }

    /// Like `search`, but gives up (None) soon after `cancelled` turns true: a search in
    /// the background stops as soon as a newer query makes it pointless.
    pub fn search_until(
        &self,
        query: &str,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<SearchHit<K>>> {
        self.search_tiers(query, limit, true, cancelled)
    }

    /// The search behind `search` (`typos`) and `search_in_order` (not): the in-order
    /// tier, then, with `typos`, the typo tier and own-name matches in the same top k.
    fn search_tiers(
        &self,
        query: &str,
        limit: usize,
        typos: bool,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<SearchHit<K>>> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let limit = limit.min(self.targets.len());
        if words.is_empty() || limit == 0 {
            return Some(Vec::new());
        }
        let mut top = self.in_order_tier(&words, limit, cancelled)?;
        let expansions: Vec<Vec<Expansion>> = words
            .iter()
            .map(|word| match typos && words::query_allowance(word) > 0 {
                true => self
                    .typo_index()
                    .map_or_else(Vec::new, |index| index.expand(word)),
                false => Vec::new(),
            })
            .collect();
        let tiers = Query {
            words: &words,
            expansions: &expansions,
        };
        if typos {
            typo_pass::offer(self, &tiers, &mut top, cancelled)?;
        }
        Some(self.finish(top, &tiers))
    }

    /// Matched char positions for every word (or the word a typo was taken for), merged
    /// and sorted.
    fn positions(&self, slot: usize, words: &[&str]) -> Vec<usize> {
        let haystack = self.haystack(slot);
        let mut positions: Vec<usize> = words
            .iter()
            .filter_map(|word| {
                fresh_matcher()
                    .fuzzy_indices(haystack, word)
                    .map(|(_, p)| p)
            })
            .flatten()
            .collect();
        positions.sort_unstable();
        positions.dedup();
        // Lower-casing can change char counts (rare: 'İ'); keep positions in range of
        // the shown text.
        let slot = slot as u32;
        if let Ok(at) = self.shown_chars.binary_search_by_key(&slot, |&(s, _)| s) {
            let shown = self.shown_chars[at].1 as usize;
            positions.retain(|&p| p < shown);
        }
        positions
    }
}

/// A new matcher for every call: SkimMatcherV2 keeps its score matrix between calls and
/// can read a bonus left over from an earlier name, so a reused matcher's score depends
/// (rarely, by a few points) on what it scored before. New, it gives the same score
/// every time, which is the score the port in `skim` reproduces.
fn fresh_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
}
