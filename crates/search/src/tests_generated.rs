//! The fast paths (narrowing as the query grows, bounds shared between the scan
//! threads, names scored while the scan finds them) against checking every name by
//! the rules (`tests_typo::brute_force`), on generated names: thousands of them, so the
//! scan runs on several threads, with words that start many names, words that start
//! none, scattered letters (scored exactly in one pass: `one_pass`) and typos.

use super::fixture::Names;
use super::tests_typo::{brute_force, found};
use super::*;

/// Words the names are made of: some share prefixes (ten, tencent, tense), some hold
/// the letters of others scattered (intelligence, tencent), one is CJK.
const VOCABULARY: &[&str] = &[
    "tencent",
    "cloud",
    "tense",
    "ten",
    "qwen",
    "max",
    "apple",
    "china",
    "deepseek",
    "shares",
    "intelligence",
    "networks",
    "lite",
    "coder",
    "tests",
    "models",
    "for",
    "assistant",
    "yunque",
    "kunlun",
    "baize",
    "outperforms",
    "rivals",
    "阿里",
    "合作",
    "2.5-max",
    "(beta)",
    "open-source",
];

/// `count` names of 1 to 8 words, deterministic; every seventh an entity's own name,
/// every eleventh an alias of the name before it (same record).
fn generated(count: usize) -> Names {
    let mut next = crate::fixture::draws_below(0x5eed);
    let mut entries: Vec<SearchEntry<u32>> = Vec::with_capacity(count);
    let mut texts = Vec::with_capacity(count);
    for i in 0..count {
        let words: Vec<&str> = (0..1 + next(8))
            .map(|_| VOCABULARY[next(VOCABULARY.len())])
            .collect();
        let mut text = words.join(" ");
        if next(3) == 0 {
            text = text.to_uppercase();
        }
        let alias = i % 11 == 10;
        let target = if alias {
            entries[i - 1].target
        } else {
            i as u32
        };
        entries.push(SearchEntry {
            target,
            kind: if i % 7 == 0 || alias {
                NameKind::Own
            } else {
                NameKind::Title
            },
            alias,
            weight: next(4) as u32,
        });
        texts.push(text);
    }
    Names { entries, texts }
}

#[test]
fn fast_paths_find_what_checking_every_name_finds() {
    let names = generated(3000);
    let index = names.index();
    for query in [
        "o",
        "t",
        "阿",
        "x",
        "tencent cl",
        "tencnet",
        "qwne max",
        "intel",
        "ai 合作",
        // Repeated and scattered letters, scored exactly in one pass (`one_pass`).
        "eee",
        "tnt",
        "ecet lo",
    ] {
        index.forget_recent();
        let chars: Vec<char> = query.chars().collect();
        // Typed, then backspaced to one char.
        let steps = (1..=chars.len()).chain((1..chars.len()).rev());
        for n in steps {
            let typed: String = chars[..n].iter().collect();
            let expected = brute_force(&names, &typed, 60);
            for limit in [60, 5] {
                let expected = &expected[..limit.min(expected.len())];
                assert_eq!(
                    found(&index, &typed, limit),
                    expected,
                    "{typed:?} top {limit}"
                );
            }
        }
    }
}
