//! The typo tier's index: every distinct word of the names (see `words`) in an FST,
//! each with the slots of the names it occurs in. A query word is looked up with a
//! Levenshtein automaton that counts a swap of two letters as one edit
//! (`levenshtein_automata`, tantivy's), walked over the FST (`fst`): only the words
//! within the allowed edits are ever visited, and their postings give the names.
//!
//! Why this and not the others measured for it (1M names, BENCHMARKS.md): a SymSpell
//! deletion neighbourhood for two edits holds every word with any two letters left out,
//! tens of times the vocabulary, and a trigram index must verify many near-misses by
//! computing distances; the FST holds the vocabulary in a few hundred kB and the
//! automaton visits a few thousand nodes a query.

use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};

use super::terms::is_subsequence;
use super::words::query_allowance;

/// A word of the index within the allowed typos of a query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Expansion {
    pub word: String,
    pub id: u32,
    pub distance: u8,
    /// The query word's letters appear in this word in order (a letter was left out):
    /// the in-order tier finds its names already, so it counts only for own-name
    /// matches.
    pub in_order: bool,
}

pub(super) struct TypoIndex {
    /// Word → its id (its place in `offsets`).
    words: fst::Map<Vec<u8>>,
    /// Word id `i` occurs in the slots `postings[offsets[i]..offsets[i + 1]]`, ascending.
    offsets: Vec<u32>,
    postings: Vec<u32>,
}

impl TypoIndex {
    /// Indexes the words of the lower-cased names in `haystacks`, name `slot` being
    /// `starts[slot]..starts[slot + 1]` (see `typo_build`).
    pub fn build(haystacks: &str, starts: &[u32]) -> TypoIndex {
        let (words, offsets, postings) = super::typo_build::build(haystacks, starts);
        TypoIndex {
            words,
            offsets,
            postings,
        }
    }

    /// The index words within `word`'s typo allowance, at one edit or more. Empty for a
    /// word that may carry no typo.
    pub fn expand(&self, word: &str) -> Vec<Expansion> {
        let allowance = query_allowance(word);
        if allowance == 0 {
            return Vec::new();
        }
        let dfa = automaton_builder(allowance).build_dfa(word);
        let mut stream = self.words.search_with_state(&dfa).into_stream();
        let mut found = Vec::new();
        while let Some((key, id, state)) = stream.next() {
            let Distance::Exact(distance) = dfa.distance(state) else {
                continue;
            };
            let Ok(key) = std::str::from_utf8(key) else {
                continue;
            };
            if distance == 0 {
                continue;
            }
            found.push(Expansion {
                word: key.to_owned(),
                id: id as u32,
                distance,
                in_order: is_subsequence(word, key),
            });
        }
        found
    }

    /// The slots of the names holding word `id`, ascending.
    pub fn postings(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.postings[self.offsets[id] as usize..self.offsets[id + 1] as usize]
    }

    /// True when the name in `slot` holds word `id`.
    pub fn holds(&self, id: u32, slot: u32) -> bool {
        self.postings(id).binary_search(&slot).is_ok()
    }

    /// Heap bytes held (for the benchmark's memory row).
    pub fn heap_bytes(&self) -> usize {
        self.words.as_fst().as_bytes().len()
            + (self.offsets.capacity() + self.postings.capacity()) * 4
    }
}

/// The automaton builders for one and two edits, a swap counting as one, made once
/// (the one for two edits takes a few milliseconds to make).
fn automaton_builder(allowance: u8) -> &'static LevenshteinAutomatonBuilder {
    static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 2]> = OnceLock::new();
    let builders = BUILDERS.get_or_init(|| {
        [
            LevenshteinAutomatonBuilder::new(1, true),
            LevenshteinAutomatonBuilder::new(2, true),
        ]
    });
    &builders[usize::from(allowance.clamp(1, 2)) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[&str]) -> TypoIndex {
        let mut haystacks = String::new();
        let mut starts = Vec::new();
        for name in names {
            starts.push(haystacks.len() as u32);
            haystacks.push_str(&name.to_lowercase());
        }
        starts.push(haystacks.len() as u32);
        TypoIndex::build(&haystacks, &starts)
    }

    fn expanded(index: &TypoIndex, word: &str) -> Vec<(String, u8, Vec<u32>)> {
        index
            .expand(word)
            .into_iter()
            .filter(|e| !e.in_order)
            .map(|e| (e.word.clone(), e.distance, index.postings(e.id).to_vec()))
            .collect()
    }

    #[test]
    fn finds_words_one_and_two_edits_away() {
        let index = index(&[
            "Tencent",
            "Tencent shares fall",
            "Sam Altman",
            "Ilya Sutskever",
            "Board fires Altman; Altman returns",
            "阿里巴巴 Alibaba",
        ]);
        // A swap is one edit.
        assert_eq!(
            expanded(&index, "tencnet"),
            [("tencent".to_owned(), 1, vec![0, 1])]
        );
        // An extra letter; the name holding "altman" twice is listed once.
        assert_eq!(
            expanded(&index, "altmann"),
            [("altman".to_owned(), 1, vec![2, 4])]
        );
        // Two wrong letters in a long word.
        assert_eq!(
            expanded(&index, "sutskavar"),
            [("sutskever".to_owned(), 2, vec![3])]
        );
        // Too short for a typo; a word held in order is left to the in-order tier.
        assert!(expanded(&index, "altmn").is_empty());
        assert!(
            index
                .expand("altmn")
                .iter()
                .any(|e| e.in_order && e.word == "altman")
        );
        assert!(expanded(&index, "shres").is_empty());
        assert!(expanded(&index, "alibab").is_empty());
        // Three edits are too many for a 9-letter word.
        assert!(expanded(&index, "sotskavar").is_empty());
        assert!(index.holds(0, 1) || index.holds(1, 1));
        assert!(index.heap_bytes() > 0);
        // The FST is kept at its length, not in the buffer it grew in.
        let fst = index.words.as_fst();
        assert_eq!(fst.as_inner().capacity(), fst.as_bytes().len());
    }
}
