//! Own-name matches: when every word of a query is a word of an entity's name or alias,
//! exactly or within its typos, a left-out letter included (or the whole query is the
//! whole name, as for a CJK name, or the query's words run together are a word of the
//! name or the whole name run together: "open ai" names OpenAI, "deep seek v3" names
//! DeepSeek-V3), that entity is what the user named, and it ranks above records that
//! merely mention it.

use super::typo::Expansion;
use super::words::words;

/// The words, and whole names, of entity names and aliases, each with its slots.
#[derive(Default)]
pub(super) struct OwnNames {
    by_word: Keyed,
    by_whole: Keyed,
    /// The name's words run together ("deepseekv3" for DeepSeek-V3).
    by_joined: Keyed,
}

/// Keys (a name's words, or its whole text), each with the slot of a name holding it:
/// the keys' text in one buffer, each distinct key once, and one list sorted by key,
/// then slot, found by binary search. (A map of strings to lists of slots held three
/// blocks of heap for each of some ten thousand keys.)
#[derive(Default)]
struct Keyed {
    text: String,
    keys: Vec<KeyAt>,
}

/// A key, `text[start..start + len]`, held by the name in `slot`.
#[derive(Debug, Clone, Copy)]
struct KeyAt {
    start: u32,
    len: u32,
    slot: u32,
}

impl Keyed {
    /// Adds `key` for `slot` (keys past 4 GiB of text are left out: they name nothing).
    fn push(&mut self, key: &str, slot: u32) {
        let (Ok(start), Ok(len)) = (u32::try_from(self.text.len()), u32::try_from(key.len()))
        else {
            return;
        };
        if u32::try_from(self.text.len() + key.len()).is_ok() {
            self.text.push_str(key);
            self.keys.push(KeyAt { start, len, slot });
        }
    }

    fn key(&self, at: &KeyAt) -> &str {
        &self.text[at.start as usize..(at.start + at.len) as usize]
    }

    /// Sorts the keys (a name holding a key twice counts once) and keeps each distinct
    /// key's text once.
    fn finish(&mut self) {
        let mut keys = std::mem::take(&mut self.keys);
        keys.sort_unstable_by(|a, b| self.key(a).cmp(self.key(b)).then(a.slot.cmp(&b.slot)));
        keys.dedup_by(|b, a| a.slot == b.slot && self.key(a) == self.key(b));
        let mut text = String::new();
        let mut previous: Option<KeyAt> = None;
        for at in &mut keys {
            let key = &self.text[at.start as usize..(at.start + at.len) as usize];
            match previous {
                Some(before) if &text[before.start as usize..][..before.len as usize] == key => {
                    at.start = before.start;
                }
                _ => {
                    at.start = text.len() as u32;
                    text.push_str(key);
                }
            }
            previous = Some(*at);
        }
        text.shrink_to_fit();
        keys.shrink_to_fit();
        *self = Keyed { text, keys };
    }

    /// The slots holding `key`, ascending.
    fn slots<'k>(&'k self, key: &'k str) -> impl Iterator<Item = u32> + 'k {
        let from = self.keys.partition_point(|at| self.key(at) < key);
        self.keys[from..]
            .iter()
            .take_while(move |at| self.key(at) == key)
            .map(|at| at.slot)
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.keys.capacity() * std::mem::size_of::<KeyAt>()
    }
}

impl OwnNames {
    /// The own names of the index: each entity name or alias, lower-cased, with its
    /// slot.
    pub fn from_names<'n>(names: impl Iterator<Item = (u32, &'n str)>) -> OwnNames {
        let mut own = OwnNames::default();
        for (slot, name) in names {
            for word in words(name) {
                own.by_word.push(word, slot);
            }
            let whole = normalized(name);
            if !whole.is_empty() {
                own.by_whole.push(&whole, slot);
            }
            let joined: String = words(name).collect();
            if !joined.is_empty() {
                own.by_joined.push(&joined, slot);
            }
        }
        for keyed in [&mut own.by_word, &mut own.by_whole, &mut own.by_joined] {
            keyed.finish();
        }
        own
    }

    /// Heap bytes and blocks of the three key lists: their text and keys.
    pub fn heap(&self) -> (usize, usize) {
        let lists = [&self.by_word, &self.by_whole, &self.by_joined];
        let bytes = lists.iter().map(|keyed| keyed.heap_bytes()).sum();
        let blocks = lists
            .iter()
            .map(|keyed| {
                usize::from(keyed.text.capacity() > 0) + usize::from(keyed.keys.capacity() > 0)
            })
            .sum();
        (bytes, blocks)
    }

    pub fn is_empty(&self) -> bool {
        self.by_whole.keys.is_empty()
    }

    /// The slots of entity names the query names: each of `query_words` is one of the
    /// name's words or within its typos of one (`expansions`, per query word), or the
    /// query is the whole name, or its words run together are a word of the name or
    /// the whole name run together. Ascending, without repeats.
    pub fn named(&self, query_words: &[String], expansions: &[Vec<Expansion>]) -> Vec<u32> {
        let mut found: Option<Vec<u32>> = None;
        for (t, word) in query_words.iter().enumerate() {
            let mut slots: Vec<u32> = self.by_word.slots(word).collect();
            for expansion in expansions.get(t).into_iter().flatten() {
                slots.extend(self.by_word.slots(&expansion.word));
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
        found.extend(self.by_whole.slots(&query_words.join(" ")));
        // "open ai" for OpenAI: a name written as one word, typed as two.
        if query_words.len() > 1 {
            let joined: String = query_words.iter().flat_map(|word| words(word)).collect();
            for keyed in [&self.by_word, &self.by_joined] {
                found.extend(keyed.slots(&joined));
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
        let names = OwnNames::from_names(
            [
                (0, "sam altman"),
                (1, "tencent"),
                (2, "阿里巴巴"),
                (3, "qwen 2.5-max"),
            ]
            .into_iter(),
        );
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

    /// Each key's slots come out once each, ascending, and each distinct key's text
    /// is held once, whatever order the names came in.
    #[test]
    fn keys_list_their_slots_once_and_hold_their_text_once() {
        let names = OwnNames::from_names(
            [
                (4, "tencent music"),
                (1, "tencent tencent"),
                (2, "tencent cloud"),
                (0, "cloud"),
            ]
            .into_iter(),
        );
        let slots = |keyed: &Keyed, key: &str| keyed.slots(key).collect::<Vec<u32>>();
        assert_eq!(slots(&names.by_word, "tencent"), [1, 2, 4]);
        assert_eq!(slots(&names.by_word, "cloud"), [0, 2]);
        assert_eq!(slots(&names.by_whole, "cloud"), [0]);
        assert_eq!(slots(&names.by_joined, "tencentcloud"), [2]);
        assert!(slots(&names.by_word, "tencen").is_empty());
        assert_eq!(names.by_word.text.matches("tencent").count(), 1);
        assert_eq!(names.by_word.text, "cloudmusictencent");
        assert_eq!(names.heap().1, 6);
    }

    #[test]
    fn a_name_written_as_one_word_is_named_when_typed_as_two() {
        let names = OwnNames::from_names(
            [
                (0, "openai"),
                (1, "openai board of directors"),
                (2, "deepseek-v3"),
                (3, "open source initiative"),
            ]
            .into_iter(),
        );
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
