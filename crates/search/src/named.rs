//! Own-name matches: when every word of a query is a word of an entity's name or alias,
//! exactly or within its typos, a left-out letter included (or the whole query is the
//! whole name, as for a CJK name, or the query's words run together are a word of the
//! name or the whole name run together: "open ai" names OpenAI, "deep seek v3" names
//! DeepSeek-V3), that entity is what the user named, and it ranks above records that
//! merely mention it.

use std::collections::HashMap;

use super::typo::Expansion;
use super::words::words;

type Map = HashMap<String, Vec<u32>, foldhash::fast::FixedState>;

/// The words, and whole names, of entity names and aliases, each with its slots.
#[derive(Default)]
pub(super) struct OwnNames {
    by_word: Map,
    by_whole: Map,
    /// The name's words run together ("deepseekv3" for DeepSeek-V3).
    by_joined: Map,
}

impl OwnNames {
    /// Adds the lower-cased entity name or alias in `slot`.
    pub fn add(&mut self, slot: u32, name: &str) {
        for word in words(name) {
            let slots = self.by_word.entry(word.to_owned()).or_default();
            if slots.last() != Some(&slot) {
                slots.push(slot);
            }
        }
        let whole = normalized(name);
        if !whole.is_empty() {
            self.by_whole.entry(whole).or_default().push(slot);
        }
        let joined: String = words(name).collect();
        if !joined.is_empty() {
            self.by_joined.entry(joined).or_default().push(slot);
        }
    }

    /// Heap bytes and blocks of the three maps: their tables, keys and slot lists.
    pub fn heap(&self) -> (usize, usize) {
        let entry = std::mem::size_of::<(String, Vec<u32>)>() + 1;
        [&self.by_word, &self.by_whole, &self.by_joined]
            .iter()
            .fold((0, 0), |(bytes, blocks), map| {
                let held: usize = map
                    .iter()
                    .map(|(k, v)| k.capacity() + v.capacity() * 4)
                    .sum();
                (
                    bytes + map.capacity() * entry + held,
                    blocks + 1 + 2 * map.len(),
                )
            })
    }

    pub fn is_empty(&self) -> bool {
        self.by_whole.is_empty()
    }

    /// The slots of entity names the query names: each of `query_words` is one of the
    /// name's words or within its typos of one (`expansions`, per query word), or the
    /// query is the whole name, or its words run together are a word of the name or
    /// the whole name run together. Ascending, without repeats.
    pub fn named(&self, query_words: &[String], expansions: &[Vec<Expansion>]) -> Vec<u32> {
        let mut found: Option<Vec<u32>> = None;
        for (t, word) in query_words.iter().enumerate() {
            let mut slots: Vec<u32> = self.by_word.get(word.as_str()).cloned().unwrap_or_default();
            for expansion in expansions.get(t).into_iter().flatten() {
                if let Some(more) = self.by_word.get(&expansion.word) {
                    slots.extend_from_slice(more);
                }
            }
            slots.sort_unstable();
            slots.dedup();
            found = Some(match found {
                None => slots,
                Some(before) => before
                    .into_iter()
                    .filter(|slot| slots.binary_search(slot).is_ok())
                    .collect(),
            });
            if found.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        let mut found = found.unwrap_or_default();
        if let Some(whole) = self.by_whole.get(&query_words.join(" ")) {
            found.extend_from_slice(whole);
        }
        // "open ai" for OpenAI: a name written as one word, typed as two.
        if query_words.len() > 1 {
            let joined: String = query_words.iter().flat_map(|word| words(word)).collect();
            for map in [&self.by_word, &self.by_joined] {
                found.extend_from_slice(map.get(&joined).map_or(&[][..], Vec::as_slice));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// A name as a query would spell it: lower-cased words split by single spaces.
fn normalized(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_names_an_entity() {
        let mut names = OwnNames::default();
        names.add(0, "sam altman");
        names.add(1, "tencent");
        names.add(2, "阿里巴巴");
        names.add(3, "qwen 2.5-max");
        let words = |q: &str| -> Vec<String> { q.split_whitespace().map(str::to_owned).collect() };
        assert_eq!(names.named(&words("altman"), &[]), [0]);
        assert_eq!(names.named(&words("sam altman"), &[]), [0]);
        assert!(names.named(&words("altman tencent"), &[]).is_empty());
        assert!(names.named(&words("alt"), &[]).is_empty());
        assert_eq!(names.named(&words("阿里巴巴"), &[]), [2]);
        assert!(names.named(&words("阿里"), &[]).is_empty());
        assert_eq!(names.named(&words("qwen 2.5-max"), &[]), [3]);
        assert_eq!(names.named(&words("max"), &[]), [3]);
        let typo = vec![vec![Expansion {
            word: "tencent".to_owned(),
            id: 0,
            distance: 1,
            in_order: false,
        }]];
        assert_eq!(names.named(&words("tencnet"), &typo), [1]);
    }

    #[test]
    fn a_name_written_as_one_word_is_named_when_typed_as_two() {
        let mut names = OwnNames::default();
        names.add(0, "openai");
        names.add(1, "openai board of directors");
        names.add(2, "deepseek-v3");
        names.add(3, "open source initiative");
        let words = |q: &str| -> Vec<String> { q.split_whitespace().map(str::to_owned).collect() };
        assert_eq!(names.named(&words("open ai"), &[]), [0, 1]);
        assert_eq!(names.named(&words("deep seek v3"), &[]), [2]);
        assert_eq!(names.named(&words("deepseek v3"), &[]), [2]);
        // One word is not "run together"; words that are not the name's stay unnamed.
        assert!(names.named(&words("openai board"), &[]).contains(&1));
        assert!(names.named(&words("open"), &[]).contains(&3));
        assert!(!names.named(&words("open"), &[]).contains(&0));
        assert!(names.named(&words("ai open"), &[]).is_empty());
        // Where the spaces fall does not matter.
        assert_eq!(names.named(&words("op enai"), &[]), [0, 1]);
    }
}
