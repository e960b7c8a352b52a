//! The two-tier search must return exactly what checking every name by the rules would:
//! each word's in-order score from fuzzy-matcher or, through a word of the name within
//! its typos (Damerau–Levenshtein, counted by `strsim`), that word's score less
//! `PER_TYPO` per edit; own-name matches first; then the usual ranking.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fixture::{Names, synthetic};
use super::typo_pass::PER_TYPO;
use super::words::{is_vocabulary_word, query_allowance, words};
use super::*;

/// (named, score, typo) of `query` in one lower-cased name, by the rules, if it matches.
fn by_the_rules(lower: &str, entity: bool, query: &[String]) -> Option<(bool, i64, bool)> {
    let mut total = 0;
    let mut typo = false;
    let mut named = entity;
    let tokens: Vec<&str> = words(lower).collect();
    for word in query {
        let allowance = query_allowance(word);
        // A left-out letter is a typo for own-name matches; for scoring, the in-order
        // tier has it already.
        let near = |token: &str| {
            let distance = strsim::osa_distance(word, token);
            (allowance > 0
                && is_vocabulary_word(token)
                && (1..=usize::from(allowance)).contains(&distance))
            .then_some(distance as i64)
        };
        let within = |token: &str| near(token).filter(|_| !terms::is_subsequence(word, token));
        let mut best = SkimMatcherV2::default()
            .fuzzy_match(lower, word)
            .map(|s| (s, false));
        for token in &tokens {
            if let Some(distance) = within(token) {
                if let Some(score) = SkimMatcherV2::default().fuzzy_match(lower, token) {
                    let score = score - PER_TYPO * distance;
                    if best.is_none_or(|(b, _)| score > b) {
                        best = Some((score, true));
                    }
                }
            }
        }
        let (score, by_typo) = best?;
        total += score;
        typo |= by_typo;
        named &= tokens.iter().any(|t| t == word || near(t).is_some());
    }
    let whole = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    named |= entity && whole == query.join(" ");
    // The query's words run together: a word of the name, or the name run together.
    let joined: String = query.iter().flat_map(|word| words(word)).collect();
    named |= entity
        && query.len() > 1
        && (tokens.contains(&joined.as_str()) || tokens.concat() == joined);
    Some((named, total, typo))
}

pub(super) fn brute_force(
    names: &Names,
    query: &str,
    limit: usize,
) -> Vec<(u32, usize, i64, bool)> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scored = Vec::new();
    for (i, entry) in names.entries.iter().enumerate() {
        let entity = entry.kind == NameKind::Own;
        if let Some(found) = by_the_rules(&names.texts[i].to_lowercase(), entity, &words) {
            scored.push((found, i));
        }
    }
    scored.sort_by(|((na, sa, ta), a), ((nb, sb, tb), b)| {
        let (ea, eb) = (&names.entries[*a], &names.entries[*b]);
        nb.cmp(na)
            .then(sb.cmp(sa))
            .then(ta.cmp(tb))
            .then(ea.is_secondary().cmp(&eb.is_secondary()))
            .then(eb.weight.cmp(&ea.weight))
            .then(names.texts[*a].len().cmp(&names.texts[*b].len()))
            .then(a.cmp(b))
    });
    let mut hits: Vec<(u32, usize, i64, bool)> = Vec::new();
    for ((_, score, typo), i) in scored {
        let target = names.entries[i].target;
        if hits.iter().any(|hit| hit.0 == target) {
            continue;
        }
        hits.push((target, i, score, typo));
        if hits.len() == limit {
            break;
        }
    }
    hits
}

pub(super) fn found(
    index: &SearchIndex<u32>,
    query: &str,
    limit: usize,
) -> Vec<(u32, usize, i64, bool)> {
    index
        .search(query, limit)
        .into_iter()
        .map(|hit| {
            (
                hit.target,
                hit.entry,
                hit.score,
                hit.tier == MatchTier::Typo,
            )
        })
        .collect()
}

#[test]
fn same_hits_as_checking_every_name_by_the_rules() {
    let names = synthetic();
    let index = names.index();
    let mut typo_hits = 0;
    for query in [
        "tencnet",
        "tencnet cloud",
        "aplpe china",
        "alibab",
        "qwne max",
        "shaers",
        "regulatr",
        "anounces",
        "partnreship",
        "investmnet deal",
        "阿里 合作",
        "a b",
        "chian",
        // Names written as one word, typed as two (named: see `named`).
        "deep seek r1",
        "byte dance",
        "hun yuan",
    ] {
        index.forget_recent();
        let chars: Vec<char> = query.chars().collect();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            let expected = brute_force(&names, &typed, 50);
            typo_hits += expected.iter().filter(|hit| hit.3).count();
            for limit in [1, 7, 50] {
                let expected = &expected[..limit.min(expected.len())];
                assert_eq!(
                    found(&index, &typed, limit),
                    expected,
                    "{typed:?} top {limit}"
                );
            }
        }
    }
    assert!(
        typo_hits > 50,
        "the queries exercise the typo tier: {typo_hits}"
    );
}

#[test]
fn in_order_search_ignores_typos() {
    let index = synthetic().index();
    for hit in index.search_in_order("tencnet", 50) {
        assert_eq!(hit.tier, MatchTier::Fuzzy);
        assert!(!hit.named);
    }
}

#[test]
fn the_typo_index_waits_for_a_query_that_needs_it() {
    let names = synthetic();
    let index = names.index();
    assert_eq!(index.typo_heap_bytes(), 0);
    // Words of four letters or fewer carry no typo, so need no typo index.
    index.search("qwen max", 10);
    index.search("阿里巴巴集团", 10);
    assert_eq!(index.typo_heap_bytes(), 0);
    let hits = index.search("tencnet", 10);
    assert!(index.typo_heap_bytes() > 0);
    assert!(hits.iter().any(|hit| hit.tier == MatchTier::Typo));
    // An in-order index never builds one.
    let in_order = names.in_order();
    assert!(
        in_order
            .search("tencnet", 10)
            .iter()
            .all(|hit| hit.tier == MatchTier::Fuzzy)
    );
    assert_eq!(in_order.typo_heap_bytes(), 0);
}
