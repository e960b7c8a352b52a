//! What counts as a word for the typo tier and for own-name matches, and how many typos
//! a query word may carry.
//!
//! Words are runs of letters and digits in a lower-cased name. Typo tolerance is for
//! alphabetic scripts only: a word with a Chinese, Japanese or Korean character is never
//! matched by edit distance (one changed character there is a different word, not a
//! slip of the finger), so CJK queries keep the in-order matching alone.

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

/// True for an index word that belongs in the typo vocabulary
/// (`vocabulary::vocabulary_words` finds these; tests check it against this).
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
}
