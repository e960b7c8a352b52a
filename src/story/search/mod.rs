//! Fuzzy search over every named thing: entities (by name and alias), events,
//! candidacies (by candidate, role and chooser), metrics, sources and disputes. Every word of a query must match; scores add up.
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

mod rank;
mod scan;
mod skim;
mod terms;
#[cfg(test)]
mod tests;
mod worker;

use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::graph::{RecordRef, Story};
use rank::TopK;
use scan::Candidates;
use terms::Term;
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
    /// Char positions in the entry's text that matched, for highlighting.
    pub positions: Vec<usize>,
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
    pub fn build(story: &Story) -> SearchIndex {
        let file = &story.file;
        let mut entries = Vec::with_capacity(
            file.entities.len() * 2
                + file.events.len()
                + file.metrics.len()
                + file.relations.len()
                + file.candidates.len()
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
        // A relation is found by its kind, known or not ("member of"), and by the two
        // entities; the kind comes first so that a query for a name ranks the entity's
        // own record and its events above the many lines that merely mention it.
        for (i, relation) in file.relations.iter().enumerate() {
            push(
                RecordRef::Relation(i),
                format!(
                    "{}: {} → {}",
                    relation.kind.label(),
                    story.entity_name(&relation.from),
                    story.entity_name(&relation.to)
                ),
                None,
            );
        }
        // "Sam Altman as chief executive, weighed by Halden board": two candidacies of
        // one person are told apart in the results.
        for i in 0..file.candidates.len() {
            push(
                RecordRef::Candidacy(i),
                story.record_title(RecordRef::Candidacy(i)),
                None,
            );
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
                alias: entry.is_secondary(),
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
        }
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

    /// Best `limit` records for `query`, one hit per record, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.search_until(query, limit, &|| false)
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
        let mut ranked = top.finish();
        // The hits' scores come from fuzzy-matcher itself. The port agrees (see
        // `skim::tests`); should it ever not, the matcher's word is final.
        let mut changed = false;
        for hit in &mut ranked {
            let haystack = self.haystack(hit.slot as usize);
            let score = words
                .iter()
                .map(|word| fresh_matcher().fuzzy_match(haystack, word).unwrap_or(0))
                .sum();
            debug_assert_eq!(score, hit.score, "{words:?} in {haystack:?}");
            changed |= score != hit.score;
            hit.score = score;
        }
        if changed {
            ranked.sort_by(rank::rank);
        }
        Some(
            ranked
                .into_iter()
                .map(|hit| SearchHit {
                    target: hit.target,
                    entry: hit.entry as usize,
                    score: hit.score,
                    positions: self.positions(hit.slot as usize, &words),
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

    /// Matched char positions for every term, merged and sorted.
    fn positions(&self, slot: usize, words: &[String]) -> Vec<usize> {
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

/// How many records refer to an entity (relations, events, metrics, candidacies,
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
