//! The last step of a search: the hits that made the list are scored again by
//! fuzzy-matcher itself (word by word, in order or through the typo taken), and each
//! gets the positions to highlight: for a typo, those of the word it was taken for.

use fuzzy_matcher::FuzzyMatcher;

use super::rank::{self, TopK};
use super::typo_pass::{self, Query};
use super::{Key, MatchTier, SearchHit, SearchIndex, fresh_matcher};

impl<K: Key> SearchIndex<K> {
    pub(super) fn finish(&self, top: TopK<K>, tiers: &Query<'_>) -> Vec<SearchHit<K>> {
        let words = tiers.words;
        let expansions = tiers.expansions;
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
                let found = typo_pass::best_match(self, tiers, hit.slot, t, &mut score);
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
        ranked
            .into_iter()
            .zip(needles)
            .filter_map(|(hit, needles)| {
                Some(SearchHit {
                    target: hit.target?,
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
            })
            .collect()
    }
}
