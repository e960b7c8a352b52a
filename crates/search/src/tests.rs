//! The fast in-order search must return exactly what scoring every name with fuzzy-matcher and
//! sorting would: same records, same names, same scores, same order.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fixture::{Names, synthetic};
use super::*;

/// Every name scored by a new SkimMatcherV2, sorted by the ranking rule, one per record.
fn brute_force(names: &Names, query: &str, limit: usize) -> Vec<(u32, usize, i64)> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(i64, usize)> = Vec::new();
    for (i, text) in names.texts.iter().enumerate() {
        let lower = text.to_lowercase();
        let score = words.iter().try_fold(0i64, |total, word| {
            SkimMatcherV2::default()
                .fuzzy_match(&lower, word)
                .map(|s| total + s)
        });
        if let Some(score) = score {
            scored.push((score, i));
        }
    }
    scored.sort_by(|a, b| {
        let (ea, eb) = (&names.entries[a.1], &names.entries[b.1]);
        b.0.cmp(&a.0)
            .then(ea.is_secondary().cmp(&eb.is_secondary()))
            .then(eb.weight.cmp(&ea.weight))
            .then(names.texts[a.1].len().cmp(&names.texts[b.1].len()))
            .then(a.1.cmp(&b.1))
    });
    let mut hits: Vec<(u32, usize, i64)> = Vec::new();
    for (score, i) in scored {
        let target = names.entries[i].target;
        if hits.iter().any(|hit| hit.0 == target) {
            continue;
        }
        hits.push((target, i, score));
        if hits.len() == limit {
            break;
        }
    }
    hits
}

fn found(index: &SearchIndex<u32>, query: &str, limit: usize) -> Vec<(u32, usize, i64)> {
    index
        .search_in_order(query, limit)
        .into_iter()
        .map(|hit| (hit.target, hit.entry, hit.score))
        .collect()
}

#[test]
fn same_hits_as_scoring_every_name() {
    let names = synthetic();
    let index = names.index();
    // Typed letter by letter (narrowing, carried word scores), then backspaced.
    for query in [
        "qwen max",
        "tencent cloud",
        "apple china",
        "阿里 合作",
        "a b",
        "ai  ai",
    ] {
        index.forget_recent();
        let chars: Vec<char> = query.chars().collect();
        let steps = (1..=chars.len()).chain((1..chars.len()).rev());
        for n in steps {
            let typed: String = chars[..n].iter().collect();
            let expected = brute_force(&names, &typed, 50);
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
    for query in ["e", "x", "2.5", "-", "阿", "ten", "Qwen", "zz", "  "] {
        index.forget_recent();
        assert_eq!(
            found(&index, query, 30),
            brute_force(&names, query, 30),
            "{query:?}"
        );
    }
}
