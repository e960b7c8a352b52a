//! Numbering the distinct words of the names as the typo index is built: millions of
//! word occurrences are looked up in a vocabulary of some thousands. A word of up to 16
//! bytes (nearly every one) is looked up as one number (`pack`) in a table of its own,
//! so a lookup compares numbers and never reads the word's text from wherever in the
//! names it was first met; the table is 4 bytes a slot, with the numbers apart by id,
//! small enough to stay in cache.

use std::collections::HashMap;

/// The distinct words met so far, numbered from 0 in the order they were first met.
pub(super) struct WordIds<'a> {
    /// Word id + 1 by slot, 0 for a free slot; a power of two slots, at most half full.
    slots: Vec<u32>,
    /// The `pack` of each word, by id (0 for a word too long to pack).
    keys: Vec<u128>,
    /// The text of each word, by id.
    pub words: Vec<&'a str>,
    /// The ids of the words too long to pack.
    long: HashMap<&'a str, u32, foldhash::fast::FixedState>,
}

/// Slots in a new table: enough for the vocabulary of a million names without growing.
const FIRST_SLOTS: usize = if cfg!(test) { 4 } else { 1 << 15 };

impl Default for WordIds<'_> {
    fn default() -> Self {
        WordIds {
            slots: vec![0; FIRST_SLOTS],
            keys: Vec::new(),
            words: Vec::new(),
            long: HashMap::default(),
        }
    }
}

impl<'a> WordIds<'a> {
    /// The id of `word` (whose `pack` is `key`), and whether it is new (then numbered
    /// next).
    #[inline]
    pub fn id(&mut self, word: &'a str, key: Option<u128>) -> (u32, bool) {
        let next = self.words.len() as u32;
        let Some(key) = key else {
            let id = *self.long.entry(word).or_insert(next);
            if id == next {
                self.keys.push(0);
                self.words.push(word);
            }
            return (id, id == next);
        };
        let mask = self.slots.len() - 1;
        let mut at = slot_of(key, mask);
        loop {
            match self.slots[at] {
                0 => break,
                taken if self.keys[taken as usize - 1] == key => return (taken - 1, false),
                _ => at = (at + 1) & mask,
            }
        }
        self.slots[at] = next + 1;
        self.keys.push(key);
        self.words.push(word);
        if self.keys.len() * 2 > self.slots.len() {
            self.grow();
        }
        (next, true)
    }

    /// The id of `word` (whose `pack` is `key`), if it was met.
    #[inline]
    pub fn get(&self, word: &str, key: Option<u128>) -> Option<u32> {
        let Some(key) = key else {
            return self.long.get(word).copied();
        };
        let mask = self.slots.len() - 1;
        let mut at = slot_of(key, mask);
        loop {
            match self.slots[at] {
                0 => return None,
                taken if self.keys[taken as usize - 1] == key => return Some(taken - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Twice the slots, every packed word placed again.
    #[cold]
    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for (id, &key) in self.keys.iter().enumerate() {
            if key == 0 {
                continue;
            }
            let mut at = slot_of(key, mask);
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

/// The slot to look for packed word `key` from, in a table of `mask + 1` slots.
#[inline]
fn slot_of(key: u128, mask: usize) -> usize {
    let (low, high) = (key as u64, (key >> 64) as u64);
    let mixed =
        (low.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ high).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    (mixed >> 32) as usize & mask
}

/// A word of up to 16 bytes as one number: its bytes, zero-padded (a word holds no zero
/// byte, so two words never pack alike); None for a longer word.
pub(super) fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(bytes))
}

/// `pack` of the word at `start..end` of `text`, reading 16 bytes at once where `text`
/// holds that many from `start` (a copy of a few bytes into a buffer costs more).
#[inline]
pub(super) fn pack_at(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len > 16 {
        return None;
    }
    let Some(window) = text.get(start..start + 16) else {
        return pack(&text[start..end]);
    };
    let bytes = u128::from_le_bytes(window.try_into().expect("16 bytes"));
    let mask = if len == 16 {
        u128::MAX
    } else {
        (1u128 << (8 * len)) - 1
    };
    Some(bytes & mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_each_distinct_word_once_through_growth_and_long_words() {
        let text = "alibaba tencent alibaba a-very-long-word-of-many-bytes baidu tencents";
        let mut ids = WordIds::default();
        let mut seen = Vec::new();
        for word in text.split(' ') {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            let key = pack_at(text.as_bytes(), start, start + word.len());
            assert_eq!(key, pack(word.as_bytes()), "{word}");
            seen.push(ids.id(word, key));
        }
        assert_eq!(
            seen,
            [
                (0, true),
                (1, true),
                (0, false),
                (2, true),
                (3, true),
                (4, true)
            ]
        );
        // Past the first table's size: every word still found again, by its own id.
        let many: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
        let first: Vec<u32> = many
            .iter()
            .map(|w| ids.id(w, pack(w.as_bytes())).0)
            .collect();
        let again: Vec<u32> = many
            .iter()
            .map(|w| ids.id(w, pack(w.as_bytes())).0)
            .collect();
        assert_eq!(first, again);
        assert_eq!(first, (5..105).collect::<Vec<u32>>());
        assert_eq!(ids.id("a-very-long-word-of-many-bytes", None), (2, false));
        assert_eq!(ids.words[3], "baidu");
        // A prefix packs apart from the word.
        assert_ne!(pack(b"tencent"), pack(b"tencents"));
    }
}
