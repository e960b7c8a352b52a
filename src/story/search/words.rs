//! What counts as a word for the typo tier and for own-name matches, and how many typos
//! a query word may carry.
//!
//! Words are runs of letters and digits in a lower-cased name. Typo tolerance is for
//! alphabetic scripts only: a word with a Chinese, Japanese or Korean character is never
//! matched by edit distance (one changed character there is a different word, not a
//! slip of the finger), so CJK queries keep the in-order matching alone.
#![warn(missing_docs)]

/// Index words shorter than this are not in the typo vocabulary: a query word needs 5
/// characters for one typo, so the shortest word it can reach by one deletion has 4.
pub(super) const SHORTEST_TYPO_WORD: usize = 4;

/// Longer words are left out of the typo vocabulary (they are not names people type).
pub(super) const LONGEST_TYPO_WORD: usize = 48;

/// How many typos (Damerau–Levenshtein edits: a wrong, extra, missing or swapped
/// letter) a query word of `chars` characters may carry: none below 5, one from 5, two
/// from 9, as Meilisearch and Typesense allow by default.
pub(super) fn typo_allowance(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A character of a Chinese, Japanese or Korean script (or a full-width form).
pub(super) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF       // Hangul Jamo
        | 0x2E80..=0x9FFF     // CJK radicals, kana, CJK unified ideographs
        | 0xA960..=0xA97F     // Hangul Jamo extended
        | 0xAC00..=0xD7FF     // Hangul syllables
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFF00..=0xFFEF     // half- and full-width forms
        | 0x20000..=0x3FFFF) // CJK extensions
}

/// The words of a lower-cased name: maximal runs of letters and digits.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// True when a word may be matched by edit distance: it has a letter and no CJK char.
pub(super) fn is_typo_script(word: &str) -> bool {
    if word.is_ascii() {
        return word.bytes().any(|b| b.is_ascii_alphabetic());
    }
    word.chars().any(char::is_alphabetic) && !word.chars().any(is_cjk)
}

/// The length of `word` in chars (bytes for ASCII).
pub(super) fn char_len(word: &str) -> usize {
    if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    }
}

/// True for an index word that belongs in the typo vocabulary (`vocabulary_words`
/// finds these; tests check it against this).
#[cfg(test)]
pub(super) fn is_vocabulary_word(word: &str) -> bool {
    let len = char_len(word);
    (SHORTEST_TYPO_WORD..=LONGEST_TYPO_WORD).contains(&len) && is_typo_script(word)
}

/// The typos a query word may carry, 0 when it may carry none (too short, not one
/// word, or a CJK word).
pub(super) fn query_allowance(word: &str) -> u8 {
    let len = char_len(word);
    if len > LONGEST_TYPO_WORD + 2 || !word.chars().all(char::is_alphanumeric) {
        return 0;
    }
    if !is_typo_script(word) {
        return 0;
    }
    typo_allowance(len)
}

/// Calls `found` with the byte range of every word of the lower-cased `name` that
/// belongs in the typo vocabulary, in order: the words of `words` that pass
/// `is_vocabulary_word`, found in one pass without Unicode table lookups for ASCII, CJK
/// ideographs and Hangul (the index build meets millions of words).
pub(super) fn vocabulary_words(name: &str, mut found: impl FnMut(usize, usize)) {
    if name.is_ascii() {
        let bytes = name.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if ASCII_CLASS[usize::from(bytes[at])] == SEPARATOR {
                at += 1;
                continue;
            }
            let start = at;
            let mut classes = 0;
            while at < bytes.len() {
                let class = ASCII_CLASS[usize::from(bytes[at])];
                if class == SEPARATOR {
                    break;
                }
                classes |= class;
                at += 1;
            }
            let fits = (SHORTEST_TYPO_WORD..=LONGEST_TYPO_WORD).contains(&(at - start));
            if fits && classes & LETTER != 0 {
                found(start, at);
            }
        }
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

const SEPARATOR: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;

/// What each ASCII byte is to a word: no part of one, a digit, or a letter.
const ASCII_CLASS: [u8; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => SEPARATOR,
        };
        b += 1;
    }
    table
};

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

    #[test]
    fn allowance_grows_with_length() {
        assert_eq!(query_allowance("sama"), 0);
        assert_eq!(query_allowance("shaer"), 1);
        assert_eq!(query_allowance("altmann"), 1);
        assert_eq!(query_allowance("sutskevar"), 2);
        assert_eq!(query_allowance("阿里巴巴集团有限公司"), 0);
        assert_eq!(query_allowance("qwen-max"), 0);
        assert_eq!(query_allowance("12345"), 0);
        assert_eq!(query_allowance("éclairs"), 1);
    }

    #[test]
    fn words_split_on_punctuation() {
        let found: Vec<&str> = words("qwen 2.5-max (阿里)").collect();
        assert_eq!(found, ["qwen", "2", "5", "max", "阿里"]);
        assert!(is_vocabulary_word("tencent"));
        assert!(!is_vocabulary_word("cac"));
        assert!(!is_vocabulary_word("阿里巴巴"));
        assert!(!is_vocabulary_word("2025"));
    }

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
            let mut found = Vec::new();
            vocabulary_words(name, |start, end| found.push(&name[start..end]));
            let expected: Vec<&str> = words(name).filter(|w| is_vocabulary_word(w)).collect();
            assert_eq!(found, expected, "{name}");
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
