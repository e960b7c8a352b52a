//! Fuzzy search over every named thing: entities (by name and alias), events,
//! candidacies (by candidate, role and chooser), metrics, sources and disputes. Every
//! word of a query must match, in order or within its typos; scores add up.
//!
//! Two tiers, one list: the in-order tier below, then the typo tier (`typo`,
//! `typo_pass`: words within a Damerau–Levenshtein allowance, scored as the word they
//! were taken for, less a penalty per typo); an entity whose own name or alias the
//! query is comes first (`named`). CJK words match in order only (`words`).
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
//! - the rest are scored by an allocation-free port of SkimMatcherV2 that walks only
//!   the matching chars (`skim`, checked equal to fuzzy-matcher on random input);
//!   fuzzy-matcher itself gives the scores and match positions of the hits returned;
//! - big scans are shared between the cores, in blocks dealt round the threads.
//!
//! For indexes too big to search between two keystrokes, `SearchWorker` searches on a
//! thread of its own and drops a query as soon as a newer one arrives.

mod build;
mod finish;
mod named;
mod rank;
mod scan;
mod skim;
mod terms;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_typo;
mod typo;
mod typo_build;
mod typo_pass;
mod words;
mod worker;

use std::sync::{Arc, Mutex, OnceLock};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::graph::RecordRef;
use named::OwnNames;
use rank::TopK;
use scan::Candidates;
use terms::Term;
use typo::{Expansion, TypoIndex};
use typo_pass::Query;
pub use worker::{SearchResults, SearchWorker};

#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub target: RecordRef,
    /// The name as shown; for an alias, the alias itself.
    pub text: String,
    /// Set when `text` is an alias: the entity's main name.
    pub alias_of: Option<String>,
    /// How much of the story refers to the record: breaks ties between equal scores.
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub target: RecordRef,
    /// Index into `SearchIndex::entries` of the name that matched best.
    pub entry: usize,
    pub score: i64,
    /// Char positions in the entry's text that matched, for highlighting: for a word
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

pub struct SearchIndex {
    pub entries: Vec<SearchEntry>,
    /// The order names are tried in: shortest first (ties between long names are
    /// settled sooner). A name's place in this order is its "slot".
    order: Vec<u32>,
    /// What ranking needs of each name, by slot, so a scan reads memory in order.
    ranks: Vec<SlotRank>,
    /// Every name lower-cased, end to end, by slot: slot `s` is `starts[s]..starts[s + 1]`.
    haystacks: String,
    starts: Vec<usize>,
    /// The names that matched recent queries, to narrow from as the query grows.
    narrowed: Mutex<Vec<Arc<Narrowed>>>,
    /// The typo tier's word index, built on the first query that can carry a typo (a
    /// word of 5 letters or more): building it costs about as much again as the rest
    /// of the index, and many searches never need it. Never built when
    /// `typos_enabled` is false (an index for in-order search only).
    typos: OnceLock<TypoIndex>,
    typos_enabled: bool,
    /// Entity names and aliases, word by word, for own-name matches.
    own_names: OwnNames,
}

/// The tie-breaking facts of one name (see `rank::rank`), and where its words start.
#[derive(Debug, Clone, Copy)]
struct SlotRank {
    /// `terms::word_starts` of the lower-cased name.
    starts: u32,
    alias: bool,
    weight: u32,
    /// Length of the shown text in bytes.
    len: u32,
    /// The name is ASCII (so it can be scored byte by byte).
    ascii: bool,
}

/// The slots (ascending) whose names contain every term of `terms` as a subsequence,
/// each term's exact score for them where it was computed (`scan::UNKNOWN` if not),
/// and where each term's greedy match ends in them.
struct Narrowed {
    terms: Vec<String>,
    matches: Vec<u32>,
    exact: Vec<Vec<i32>>,
    ends: Vec<Vec<u16>>,
}

/// How many recent match lists are kept: enough to type a query and backspace it.
const NARROWED_KEPT: usize = 8;

/// Below this many names to try, a second thread costs more than it saves.
/// (Small in tests, so they cover the threads.)
const PARALLEL_MIN: usize = if cfg!(test) { 256 } else { 16_384 };

/// Names handed to a thread at a time.
const BLOCK: usize = if cfg!(test) { 100 } else { 2048 };

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl SearchEntry {
    /// Ranked after a record's own name at an equal score: an alias, or a relation's
    /// line (it names two entities, whose own names should come first).
    pub(crate) fn is_secondary(&self) -> bool {
        self.alias_of.is_some() || matches!(self.target, RecordRef::Relation(_))
    }
}

impl SearchIndex {
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

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
        &self.haystacks[self.starts[slot]..self.starts[slot + 1]]
    }

    /// The same, as bytes (no char-boundary checks, for the byte-level tests).
    fn haystack_bytes(&self, slot: usize) -> &[u8] {
        &self.haystacks.as_bytes()[self.starts[slot]..self.starts[slot + 1]]
    }

    /// Best `limit` records for `query`, one hit per record, best first: in-order
    /// matches and typo matches in one list.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.search_until(query, limit, &|| false)
            .unwrap_or_default()
    }

    /// In-order (fuzzy) matches alone, ranked as before typos were forgiven: no typo
    /// tier, no own-name ranking (the benchmark's baseline).
    pub fn search_in_order(&self, query: &str, limit: usize) -> Vec<SearchHit> {
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
    ) -> Option<Vec<SearchHit>> {
        self.search_tiers(query, limit, true, cancelled)
    }

    fn search_tiers(
        &self,
        query: &str,
        limit: usize,
        typos: bool,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<SearchHit>> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let limit = limit.min(self.entries.len());
        if words.is_empty() || limit == 0 {
            return Some(Vec::new());
        }
        let terms: Vec<Term> = words.iter().map(|word| Term::new(word)).collect();
        let narrowed = self.narrowest_for(&words);
        let total = narrowed
            .as_ref()
            .map_or(self.entries.len(), |n| n.matches.len());
        // Words the narrowing query had too, in the same place: their scores carry over;
        // a word it had the start of goes on matching from where that start ended.
        let known = scan::Known {
            exact: (0..words.len())
                .map(|t| {
                    let n = narrowed.as_deref()?;
                    (n.terms.get(t) == Some(&words[t])).then(|| n.exact[t].as_slice())
                })
                .collect(),
            ends: (0..words.len())
                .map(|t| {
                    let n = narrowed.as_deref()?;
                    let old = n.terms.get(t)?;
                    words[t].starts_with(old.as_str()).then(|| scan::Resume {
                        ends: n.ends[t].as_slice(),
                        matched: old.chars().count(),
                    })
                })
                .collect(),
        };
        let threads = if total >= PARALLEL_MIN {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
        } else {
            1
        };
        // Blocks go round the threads, so each one meets short names (the best ranked
        // among equals) early and can rule out the rest sooner.
        let blocks = total.div_ceil(BLOCK);
        let scan_part = |part: usize| {
            let mine = (part..blocks).step_by(threads).map(|block| {
                let range = block * BLOCK..((block + 1) * BLOCK).min(total);
                let candidates = match &narrowed {
                    Some(n) => Candidates::List {
                        base: range.start,
                        slots: &n.matches[range],
                    },
                    None => Candidates::Range(range),
                };
                (block, candidates)
            });
            scan::scan(self, mine, &terms, &known, limit, cancelled)
        };
        let parts: Vec<Option<scan::Scanned>> = if threads == 1 {
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
        let parts: Vec<scan::Scanned> = parts.into_iter().collect::<Option<_>>()?;
        // Every match, in slot order, with the word scores found, for the next query.
        let mut pieces: Vec<(usize, &scan::Scanned, std::ops::Range<usize>)> = parts
            .iter()
            .flat_map(|part| {
                part.blocks
                    .iter()
                    .map(move |(block, range)| (*block, part, range.clone()))
            })
            .collect();
        pieces.sort_unstable_by_key(|(block, _, _)| *block);
        let mut matches = Vec::new();
        let mut exact = vec![Vec::new(); words.len()];
        let mut ends = vec![Vec::new(); words.len()];
        for (_, part, range) in pieces {
            matches.extend_from_slice(&part.matches[range.clone()]);
            for (t, scores) in exact.iter_mut().enumerate() {
                scores.extend_from_slice(&part.exact[t][range.clone()]);
            }
            for (t, list) in ends.iter_mut().enumerate() {
                list.extend_from_slice(&part.ends[t][range.clone()]);
            }
        }
        let mut top = TopK::new(limit);
        for part in parts {
            top.merge(part.top);
        }
        self.remember(
            words.clone(),
            Narrowed {
                terms: Vec::new(),
                matches,
                exact,
                ends,
            },
        );
        // The typo tier and own-name matches join the same top k.
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

    fn remember(&self, words: Vec<String>, mut found: Narrowed) {
        let Ok(mut narrowed) = self.narrowed.lock() else {
            return;
        };
        narrowed.retain(|n| n.terms != words);
        if narrowed.len() >= NARROWED_KEPT {
            narrowed.remove(0);
        }
        found.terms = words;
        narrowed.push(Arc::new(found));
    }

    /// Matched char positions for every word (or the word a typo was taken for), merged
    /// and sorted.
    fn positions(&self, slot: usize, words: &[&str]) -> Vec<usize> {
        let haystack = self.haystack(slot);
        let entry = self.order[slot] as usize;
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
        let shown = self.entries[entry].text.chars().count();
        positions.retain(|&p| p < shown);
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
