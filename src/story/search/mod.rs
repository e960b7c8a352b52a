//! Fuzzy search over every named thing: entities (by name and alias), events, figures,
//! sources and disputes. Every word of a query must match; scores add up.
//!
//! The ranking is fuzzy-matcher's: SkimMatcherV2 scores (from a new matcher, see
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

use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::graph::{RecordRef, Story};
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
    /// For the last search: names that matched, and names that had to be scored.
    last_counts: Mutex<(usize, usize)>,
    /// The typo tier's word index; None for an index built for in-order search only.
    typos: Option<TypoIndex>,
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

impl SearchIndex {
    pub fn build(story: &Story) -> SearchIndex {
        let file = &story.file;
        let mut entries = Vec::with_capacity(
            file.entities.len() * 2
                + file.events.len()
                + file.metrics.len()
                + file.sources.len()
                + file.disputes.len(),
        );
        let mut push = |target: RecordRef, text: String, alias_of: Option<&str>| {
            entries.push(SearchEntry {
                target,
                text,
                alias_of: alias_of.map(str::to_owned),
                weight: weight(story, target),
            });
        };
        for (i, entity) in file.entities.iter().enumerate() {
            push(RecordRef::Entity(i), entity.name.clone(), None);
            for alias in &entity.aliases {
                push(RecordRef::Entity(i), alias.clone(), Some(&entity.name));
            }
        }
        for (i, event) in file.events.iter().enumerate() {
            push(RecordRef::Event(i), event.title.clone(), None);
        }
        for (i, metric) in file.metrics.iter().enumerate() {
            push(RecordRef::Metric(i), metric.label.clone(), None);
        }
        for (i, source) in file.sources.iter().enumerate() {
            push(
                RecordRef::Source(i),
                format!("{} — {}", source.outlet, source.title),
                None,
            );
        }
        for (i, dispute) in file.disputes.iter().enumerate() {
            push(RecordRef::Dispute(i), dispute.point.clone(), None);
        }
        SearchIndex::from_entries(entries)
    }

    /// An index over any names (benchmarks use it for a million of them).
    pub fn from_entries(entries: Vec<SearchEntry>) -> SearchIndex {
        let mut index = SearchIndex::from_entries_in_order(entries);
        index.typos = Some(TypoIndex::build(&index.haystacks, &index.starts));
        for (slot, &entry) in index.order.iter().enumerate() {
            if matches!(index.entries[entry as usize].target, RecordRef::Entity(_)) {
                let name = &index.haystacks[index.starts[slot]..index.starts[slot + 1]];
                index.own_names.add(slot as u32, name);
            }
        }
        index
    }

    /// An index for in-order (fuzzy) search alone, with no typo tier and no own-name
    /// ranking: the search as it was before typos were forgiven (the benchmark's
    /// baseline).
    pub fn from_entries_in_order(entries: Vec<SearchEntry>) -> SearchIndex {
        // Shortest first, by a counting sort on the length in chars.
        let lengths: Vec<usize> = entries
            .iter()
            .map(|entry| {
                if entry.text.is_ascii() {
                    entry.text.len()
                } else {
                    entry.text.chars().count()
                }
            })
            .collect();
        let longest = lengths.iter().copied().max().unwrap_or(0);
        let mut first_of_length = vec![0usize; longest + 2];
        for &length in &lengths {
            first_of_length[length + 1] += 1;
        }
        for length in 1..first_of_length.len() {
            first_of_length[length] += first_of_length[length - 1];
        }
        let mut order = vec![0u32; entries.len()];
        for (entry, &length) in lengths.iter().enumerate() {
            order[first_of_length[length]] = entry as u32;
            first_of_length[length] += 1;
        }
        let bytes: usize = entries.iter().map(|entry| entry.text.len()).sum();
        let mut haystacks: Vec<u8> = Vec::with_capacity(bytes + bytes / 32);
        let mut starts = Vec::with_capacity(entries.len() + 1);
        let mut ranks = Vec::with_capacity(entries.len());
        for &index in &order {
            let entry = &entries[index as usize];
            let start = haystacks.len();
            starts.push(start);
            if entry.text.is_ascii() {
                haystacks.extend_from_slice(entry.text.as_bytes());
                haystacks[start..].make_ascii_lowercase();
            } else {
                // (Not char by char: a final Σ lower-cases to ς.)
                haystacks.extend_from_slice(entry.text.to_lowercase().as_bytes());
            }
            ranks.push(SlotRank {
                starts: terms::word_starts(&haystacks[start..]),
                alias: entry.alias_of.is_some(),
                weight: entry.weight,
                len: u32::try_from(entry.text.len()).unwrap_or(u32::MAX),
                ascii: entry.text.is_ascii(),
            });
        }
        starts.push(haystacks.len());
        let haystacks = String::from_utf8(haystacks).expect("lower-cased UTF-8 is UTF-8");
        SearchIndex {
            entries,
            order,
            ranks,
            haystacks,
            starts,
            narrowed: Mutex::new(Vec::new()),
            last_counts: Mutex::new((0, 0)),
            typos: None,
            own_names: OwnNames::default(),
        }
    }

    /// Heap bytes the typo tier adds (its word index), 0 without one.
    pub fn typo_heap_bytes(&self) -> usize {
        self.typos.as_ref().map_or(0, TypoIndex::heap_bytes)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// For the last search: how many names matched every word, and how many of those
    /// had to be scored (the others could not have made the list).
    pub fn last_counts(&self) -> (usize, usize) {
        self.last_counts.lock().map_or((0, 0), |counts| *counts)
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
        let mut scored = 0;
        let mut top = TopK::new(limit);
        for part in parts {
            scored += part.scored;
            top.merge(part.top);
        }
        if let Ok(mut counts) = self.last_counts.lock() {
            *counts = (matches.len(), scored);
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
            .map(|word| match (&self.typos, typos) {
                (Some(index), true) => index.expand(word),
                _ => Vec::new(),
            })
            .collect();
        let tiers = Query {
            words: &words,
            expansions: &expansions,
        };
        if typos {
            typo_pass::offer(self, &tiers, &mut top, cancelled)?;
        }
        let mut ranked = top.finish();
        // The hits' scores come from fuzzy-matcher itself. The port agrees (see
        // `skim::tests`); should it ever not, the matcher's word is final.
        let mut changed = false;
        let mut needles: Vec<Vec<&str>> = Vec::with_capacity(ranked.len());
        for hit in &mut ranked {
            let haystack = self.haystack(hit.slot as usize);
            let mut score = |word: &str| fresh_matcher().fuzzy_match(haystack, word);
            let mut total = 0;
            let mut typo = false;
            let mut chosen = Vec::with_capacity(words.len());
            for (t, word) in words.iter().enumerate() {
                let found = typo_pass::best_match(self, &tiers, hit.slot, t, &mut score);
                debug_assert!(found.is_some(), "{word:?} in {haystack:?}");
                let Some(found) = found else { continue };
                total += found.score;
                typo |= found.via.is_some();
                chosen.push(match found.via {
                    Some(e) => expansions[t][e].word.as_str(),
                    None => word.as_str(),
                });
            }
            debug_assert_eq!(total, hit.score, "{words:?} in {haystack:?}");
            changed |= total != hit.score || typo != hit.typo;
            hit.score = total;
            hit.typo = typo;
            needles.push(chosen);
        }
        if changed {
            let mut paired: Vec<_> = ranked.into_iter().zip(needles).collect();
            paired.sort_by(|a, b| rank::rank(&a.0, &b.0));
            (ranked, needles) = paired.into_iter().unzip();
        }
        Some(
            ranked
                .into_iter()
                .zip(needles)
                .map(|(hit, needles)| SearchHit {
                    target: hit.target,
                    entry: hit.entry as usize,
                    score: hit.score,
                    positions: self.positions(hit.slot as usize, &needles),
                    tier: if hit.typo {
                        MatchTier::Typo
                    } else {
                        MatchTier::Fuzzy
                    },
                    named: hit.named,
                })
                .collect(),
        )
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

/// How many records refer to an entity (relations, events, figures, candidacies,
/// disputes); other records weigh nothing.
fn weight(story: &Story, target: RecordRef) -> u32 {
    match target {
        RecordRef::Entity(i) => {
            let links = story.links(i);
            let total = links.relations.len()
                + links.events.len()
                + links.metrics.len()
                + links.candidacies.len()
                + story.disputes_about(target).len();
            u32::try_from(total).unwrap_or(u32::MAX)
        }
        _ => 0,
    }
}
