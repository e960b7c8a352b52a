//! Finding the words of the typo vocabulary in a name, fast: the index build splits a
//! million names into words. The same words as `words` and `is_vocabulary_word` find
//! (tests check it), in one pass: ASCII names 8 bytes at a time with bit masks, and no
//! Unicode table lookup for ASCII, CJK ideographs or Hangul.

use super::words::{LONGEST_TYPO_WORD, SHORTEST_TYPO_WORD, is_cjk};

/// Calls `found` with the byte range of every word of the lower-cased `name` that
/// belongs in the typo vocabulary, in order: the words of `words` that pass
/// `is_vocabulary_word`, found in one pass without Unicode table lookups for ASCII, CJK
/// ideographs and Hangul (the index build meets millions of words).
pub(super) fn vocabulary_words(name: &str, mut found: impl FnMut(usize, usize)) {
    if name.is_ascii() {
        ascii_vocabulary_words(name.as_bytes(), &mut found);
        return;
    }
    let mut word = WordScan::default();
    for (at, c) in name.char_indices() {
        let (alphanumeric, alphabetic, cjk) = classify(c);
        if alphanumeric {
            word.push(at, alphabetic, cjk);
        } else if let Some(start) = word.end() {
            found(start, at);
        }
    }
    if let Some(start) = word.end() {
        found(start, name.len());
    }
}

/// `vocabulary_words` for an ASCII name, 64 bytes at a time: a bit mask of the block's
/// letters and digits and one of its letters (`classify_eight`), whose runs of set bits
/// are the words; no branch per byte.
fn ascii_vocabulary_words(bytes: &[u8], found: &mut impl FnMut(usize, usize)) {
    let mut emit = |start: usize, end: usize, letter: bool| {
        if letter && (SHORTEST_TYPO_WORD..=LONGEST_TYPO_WORD).contains(&(end - start)) {
            found(start, end);
        }
    };
    // The word being read when a block ends: where it starts, and if it has a letter.
    let mut open: Option<(usize, bool)> = None;
    for (block, chunk) in bytes.chunks(64).enumerate() {
        let base = block * 64;
        let (mut alphanumeric, mut letters) = (0u64, 0u64);
        for (group, eight) in chunk.chunks(8).enumerate() {
            let bytes = match <[u8; 8]>::try_from(eight) {
                Ok(bytes) => bytes,
                Err(_) => {
                    let mut bytes = [0u8; 8];
                    bytes[..eight.len()].copy_from_slice(eight);
                    bytes
                }
            };
            let (a, l) = classify_eight(u64::from_le_bytes(bytes));
            alphanumeric |= a << (8 * group);
            letters |= l << (8 * group);
        }
        // Bits past the end of a short last block are separators.
        let separators = !alphanumeric;
        let mut at = 0u32;
        while at < chunk.len() as u32 {
            let (start, letter_before) = match open.take() {
                Some(word) => word,
                None => {
                    let rest = alphanumeric >> at;
                    if rest == 0 {
                        break;
                    }
                    at += rest.trailing_zeros();
                    (base + at as usize, false)
                }
            };
            let rest = separators >> at;
            let end = if rest == 0 {
                64
            } else {
                at + rest.trailing_zeros()
            };
            let below_end = if end == 64 { u64::MAX } else { (1 << end) - 1 };
            let letter = letter_before || letters & below_end & (u64::MAX << at) != 0;
            if end == 64 {
                // The word goes on into the next block.
                open = Some((start, letter));
                break;
            }
            emit(start, base + end as usize, letter);
            at = end;
        }
    }
    if let Some((start, letter)) = open {
        emit(start, bytes.len(), letter);
    }
}

/// For 8 ASCII bytes (little-endian; a 0 byte is a separator): a bit per byte, bit `i`
/// for byte `i`, set for a letter or digit; and the same for a letter. Each byte is
/// compared with the range bounds by adding to it what takes the bound to 128 and
/// reading its top bit (an ASCII byte never carries into the next).
fn classify_eight(bytes: u64) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = ONES * 0x80;
    let at_least = |value: u64, bound: u8| value + ONES * u64::from(0x80 - bound);
    // Setting bit 5 turns an upper-case ASCII letter into its lower-case one.
    let folded = bytes | (ONES * 0x20);
    let letters = at_least(folded, b'a') & !at_least(folded, b'z' + 1) & TOPS;
    let digits = at_least(bytes, b'0') & !at_least(bytes, b'9' + 1) & TOPS;
    // Each byte's top bit to bit `i` of the top byte: a multiply that sums shifted copies.
    let gather = |tops: u64| (tops >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    (gather(letters | digits), gather(letters))
}

/// The CJK unified ideographs and Hangul syllables: every one a letter (checked by a
/// test against the standard library's tables).
const CJK_LETTERS: [std::ops::RangeInclusive<char>; 2] =
    ['\u{4E00}'..='\u{9FFF}', '\u{AC00}'..='\u{D7A3}'];

/// Whether `c` is a letter or digit, a letter, and CJK.
#[inline]
fn classify(c: char) -> (bool, bool, bool) {
    if c.is_ascii() {
        return (c.is_ascii_alphanumeric(), c.is_ascii_alphabetic(), false);
    }
    if CJK_LETTERS.iter().any(|range| range.contains(&c)) {
        return (true, true, true);
    }
    (c.is_alphanumeric(), c.is_alphabetic(), is_cjk(c))
}

/// The word being read in a name that is not all ASCII.
#[derive(Default)]
struct WordScan {
    /// Where it starts, once a letter or digit is met.
    start: Option<usize>,
    chars: usize,
    letter: bool,
    cjk: bool,
}

impl WordScan {
    /// One more char of the word, at byte `at`.
    #[inline]
    fn push(&mut self, at: usize, alphabetic: bool, cjk: bool) {
        if self.start.is_none() {
            *self = WordScan {
                start: Some(at),
                ..WordScan::default()
            };
        }
        self.chars += 1;
        self.letter |= alphabetic;
        self.cjk |= cjk;
    }

    /// Ends the word: where it starts, if it belongs in the typo vocabulary.
    #[inline]
    fn end(&mut self) -> Option<usize> {
        let start = self.start.take()?;
        let fits = (SHORTEST_TYPO_WORD..=LONGEST_TYPO_WORD).contains(&self.chars);
        (fits && self.letter && !self.cjk).then_some(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{is_vocabulary_word, words};

    #[test]
    fn vocabulary_words_are_the_words_that_belong_in_the_vocabulary() {
        let names = [
            "tencent shares fall 2.5% after qwen-max (阿里巴巴) talks",
            "阿里巴巴集团 alibaba，腾讯控股。tencent 投资",
            "éclairs über straße 1234567 abc4 4abc zzzz",
            "삼성전자 samsung électronique 東京都 ｔｏｋｙｏ tōkyō",
            "word。next、third「quoted」 ﻿bom",
            "a-very-long-word-that-runs-on-and-on-past-forty-eight-letters-surely",
            "",
            "    ",
            "ai chip",
            "alibaba",
        ];
        for name in names {
            check(name);
        }
    }

    #[test]
    fn vocabulary_words_of_ascii_names_across_blocks_of_64_bytes() {
        // Names of every length to 200 from a few letters, digits and separators, so
        // words start, end and run on at every place around the block edges.
        let alphabet = b"aZ1 -q9xY.";
        let mut state = 7u64;
        for round in 0..4000 {
            let len = round % 201;
            let name: String = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    // Long runs of letters now and then, for words over 48 letters.
                    let pick = (state >> 33) as usize % (alphabet.len() + 6);
                    char::from(alphabet[pick.min(alphabet.len() - 1) % alphabet.len()])
                })
                .collect();
            check(&name);
        }
        // Words of 48 letters and longer, ending on and around the block edges.
        for at in [0, 1, 15, 16, 47, 48, 49, 62, 63, 64, 65, 127, 128] {
            for len in [3, 4, 48, 49, 64, 65, 130] {
                let name = format!("{}{} 12345 ab", ".".repeat(at), "w".repeat(len));
                check(&name);
                check(name.trim_end_matches(" 12345 ab"));
            }
        }
    }

    /// `vocabulary_words` finds in `name` just the words of `words` that belong.
    fn check(name: &str) {
        let mut found = Vec::new();
        vocabulary_words(name, |start, end| found.push(&name[start..end]));
        let expected: Vec<&str> = words(name).filter(|w| is_vocabulary_word(w)).collect();
        assert_eq!(found, expected, "{name:?}");
    }

    #[test]
    fn eight_bytes_at_once_are_classed_as_one_at_a_time() {
        for b in 0u8..128 {
            for place in 0..8 {
                let mut bytes = [b' '; 8];
                bytes[place] = b;
                let (alphanumeric, letters) = classify_eight(u64::from_le_bytes(bytes));
                let bit = 1 << place;
                assert_eq!(alphanumeric == bit, b.is_ascii_alphanumeric(), "{b}");
                assert_eq!(letters == bit, b.is_ascii_alphabetic(), "{b}");
            }
        }
    }

    #[test]
    fn the_cjk_letter_ranges_hold_letters_only() {
        for range in CJK_LETTERS {
            for c in range {
                assert!(
                    c.is_alphabetic() && c.is_alphanumeric() && is_cjk(c),
                    "{c:?}"
                );
            }
        }
    }
}
