//! One word of a query, prepared for the two cheap tests a name goes through before
//! fuzzy-matcher scores it: "are my chars in there, in order?" and "how well could it
//! score at best?".

use super::one_pass::Scored;

/// A lower-cased query word.
pub(super) struct Term {
    pub text: String,
    /// The same chars, UTF-8 encoded, for the byte-level subsequence test.
    chars: Vec<Encoded>,
    /// For an ASCII word of at most 64 chars: which of its chars each byte is (bit i
    /// for char i), so one pass over a name finds what the bound needs.
    ascii: Option<Box<[u64; 128]>>,
}

/// Bounds on the score SkimMatcherV2 (0.3.7, default settings, a new matcher: see
/// `skim`) gives a word: a matched char scores 16 plus a bonus. The first one comes in
/// from a gap (-1) with the bonus for where it sits: 16 at the very start of the name,
/// 8 after a space or bracket, 7 after other punctuation, 0 inside a word. A later one
/// right after the previous char's match gets the larger of 4 and that bonus (the very
/// start being taken); after a gap, only the bonus, less at least 4 for the gap. So a
/// one-char word scores exactly `15 +` its best bonus, and each further char adds at
/// most 16 plus the best, over its places in the name, of `max(4, bonus)` where it
/// follows the previous word char and `bonus - 4` where it does not. Checked against
/// the matcher by `bound_holds`.
const FIRST_FROM_GAP: i64 = 15;
const SCORE_MATCH: i64 = 16;
const BONUS_CONSECUTIVE: i64 = 4;
const SHORTEST_GAP: i64 = 4;

impl Term {
    pub fn new(word: &str) -> Term {
        let chars = word
            .chars()
            .map(|c| {
                let mut buf = [0u8; 4];
                let len = c.encode_utf8(&mut buf).len();
                (buf, len)
            })
            .collect();
        let ascii = (word.is_ascii() && word.len() <= 64).then(|| {
            let mut which = Box::new([0u64; 128]);
            for (i, b) in word.bytes().enumerate() {
                which[usize::from(b)] |= 1 << i;
            }
            which
        });
        Term {
            text: word.to_owned(),
            chars,
            ascii,
        }
    }

    /// The first byte of the word's first char (words are never empty).
    pub fn first_byte(&self) -> u8 {
        self.chars[0].0[0]
    }

    /// True when every char of the word appears in `hay`, in order.
    #[cfg(test)]
    pub fn is_subsequence_of(&self, hay: &[u8]) -> bool {
        self.match_end(hay, 0, 0).is_some()
    }

    /// Goes on matching the word's chars from the `skip`-th, greedily, in `hay` from
    /// byte `from`; where the last one ends, or None if they are not all there. (Names
    /// are short: plain loops beat memchr's setup here.)
    pub fn match_end(&self, hay: &[u8], from: usize, skip: usize) -> Option<usize> {
        let mut at = from.min(hay.len());
        if self.ascii.is_some() {
            for &b in &self.text.as_bytes()[skip..] {
                at += hay[at..].iter().position(|&h| h == b)? + 1;
            }
            return Some(at);
        }
        for &(bytes, len) in &self.chars[skip..] {
            // UTF-8 never starts a char inside another one, so a byte match of the
            // whole encoding is a char match.
            let needle = &bytes[..len];
            loop {
                let found = memchr::memchr(needle[0], &hay[at..])?;
                if hay[at + found..].starts_with(needle) {
                    at += found + len;
                    break;
                }
                at += found + 1;
            }
        }
        Some(at)
    }

    /// A looser `best_possible` from the name's first char and its `starts` (see
    /// `word_starts`), without reading the rest of the name.
    pub fn quick_bound(&self, hay: &[u8], starts: u32) -> i64 {
        let (bytes, len) = self.chars[0];
        let at_start = if len == 1 {
            hay.first() == Some(&bytes[0])
        } else {
            hay.starts_with(&bytes[..len])
        };
        let first = if at_start {
            16
        } else {
            best_bonus_bound(bytes[0], starts)
        };
        let mut total = FIRST_FROM_GAP + first;
        for &(bytes, _) in &self.chars[1..] {
            total += SCORE_MATCH + best_bonus_bound(bytes[0], starts).max(BONUS_CONSECUTIVE);
        }
        total
    }

    /// True for a one-char word, whose `best_possible` is its exact score.
    pub fn is_one_char(&self) -> bool {
        self.chars.len() == 1
    }

    /// True for a one-byte word (one ASCII char): finding that byte is the whole
    /// subsequence test.
    pub fn is_one_byte(&self) -> bool {
        self.text.len() == 1
    }

    /// The exact score fuzzy-matcher gives this word in ASCII `haystack`, with its
    /// ceiling (`one_pass`); None for a word it does not score (not ASCII, or longer
    /// than 64) or a name that lacks it.
    pub fn exact_ascii(&self, haystack: &[u8]) -> Option<Scored> {
        let which = self.ascii.as_deref()?;
        super::one_pass::score(self.text.as_bytes(), which, haystack)
    }

    /// What the chars after the first `known` can add to the ceiling of the word's
    /// first `known` chars in a name with these `starts` (`Scored::ceiling`): 16 plus
    /// the larger of 4 and the best bonus each can get there (none takes the very
    /// start). The word's score and ceiling are at most that ceiling plus this.
    pub fn ceiling_growth(&self, known: usize, starts: u32) -> i64 {
        self.chars[known.min(self.chars.len())..]
            .iter()
            .map(|&(bytes, _)| {
                SCORE_MATCH + best_bonus_bound(bytes[0], starts).max(BONUS_CONSECUTIVE)
            })
            .sum()
    }

    /// The highest score fuzzy-matcher could give this word in `haystack` (exact for
    /// one-char words). The word must be a subsequence of `haystack`.
    pub fn best_possible(&self, hay: &[u8]) -> i64 {
        if let Some(which) = &self.ascii {
            return self.best_possible_ascii(hay, which);
        }
        let mut total = FIRST_FROM_GAP + best_gain(hay, self.chars[0], None);
        for pair in self.chars.windows(2) {
            total += SCORE_MATCH + best_gain(hay, pair[1], Some(pair[0]));
        }
        total
    }
}

impl Term {
    /// `best_possible` for an ASCII word, in one pass over the name.
    fn best_possible_ascii(&self, hay: &[u8], which: &[u64; 128]) -> i64 {
        let word = self.text.as_bytes();
        // Per word char, its best gain so far (see `best_gain`).
        let mut best = [i8::MIN; 64];
        let Some((&first, rest)) = hay.split_first() else {
            return 0;
        };
        if first < 128 && which[usize::from(first)] & 1 != 0 {
            // Only the first char can take the very start.
            best[0] = 16;
        }
        let mut previous = first;
        for &b in rest {
            let mut chars = if b < 128 { which[usize::from(b)] } else { 0 };
            if chars != 0 {
                let bonus = BONUS_AFTER[usize::from(previous)] as i8;
                while chars != 0 {
                    let i = chars.trailing_zeros() as usize;
                    chars &= chars - 1;
                    let gain = if i == 0 {
                        bonus
                    } else if word[i - 1] == previous {
                        bonus.max(BONUS_CONSECUTIVE as i8)
                    } else {
                        bonus - SHORTEST_GAP as i8
                    };
                    best[i] = best[i].max(gain);
                }
            }
            previous = b;
        }
        let gains: i64 = best[1..word.len()]
            .iter()
            .map(|&gain| i64::from(gain))
            .sum();
        FIRST_FROM_GAP + i64::from(best[0]) + SCORE_MATCH * (word.len() as i64 - 1) + gains
    }
}

/// The bonus SkimMatcherV2 gives a char for the byte before it: 8 after a space or
/// bracket, 7 after other punctuation, 0 after a letter, digit or any byte of a
/// multi-byte char.
const BONUS_AFTER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            // NUL too: the matcher takes it for the empty char before a name.
            0 | b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => 8,
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => 7,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn bonus_after(previous: u8) -> i64 {
    i64::from(BONUS_AFTER[usize::from(previous)])
}

/// Which letters of a name come right after a space or punctuation (the places with a
/// position bonus), as bits 0–25; bit 26 for any other ASCII char there.
pub(super) fn word_starts(haystack: &[u8]) -> u32 {
    let mut starts = 0;
    for pair in haystack.windows(2) {
        if BONUS_AFTER[usize::from(pair[0])] != 0 && pair[1] < 128 {
            starts |= match pair[1] {
                b'a'..=b'z' => 1 << (pair[1] - b'a'),
                _ => 1 << 26,
            };
        }
    }
    starts
}

/// The most a char starting with byte `first` can get for its position (the very start
/// aside), given the name's `word_starts`.
fn best_bonus_bound(first: u8, starts: u32) -> i64 {
    let bit = match first {
        b'a'..=b'z' => 1 << (first - b'a'),
        0..=127 => 1 << 26,
        // A multi-byte char: the bits say nothing about it.
        _ => return 8,
    };
    if starts & bit != 0 { 8 } else { 0 }
}

type Encoded = ([u8; 4], usize);

/// The most char `c` can add to a score beyond the 16 of a match, over its places in
/// `haystack`: right after `before` (the previous word char), the larger of 4 and the
/// position bonus; after a gap, the bonus less 4. With no `before` (the word's first
/// char) it is the bonus alone, 16 at the very start of the name.
fn best_gain(hay: &[u8], (bytes, len): Encoded, before: Option<Encoded>) -> i64 {
    let needle = &bytes[..len];
    let mut best = i64::MIN;
    for at in memchr::memchr_iter(needle[0], hay) {
        if len > 1 && !hay[at..].starts_with(needle) {
            continue;
        }
        let Some(&previous) = at.checked_sub(1).map(|i| &hay[i]) else {
            if before.is_none() {
                return 16;
            }
            continue;
        };
        let bonus = bonus_after(previous);
        let gain = match before {
            None => bonus,
            Some((b, n)) if hay[..at].ends_with(&b[..n]) => bonus.max(BONUS_CONSECUTIVE),
            Some(_) => bonus - SHORTEST_GAP,
        };
        best = best.max(gain);
    }
    best
}

/// True when the chars of `needle` appear in order in `haystack`.
pub(super) fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut chars = haystack.chars();
    needle.chars().all(|n| chars.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;

    #[test]
    fn subsequence_prefilter() {
        let term = Term::new("qwn");
        assert!(term.is_subsequence_of("qwen 2.5-max".as_bytes()));
        assert!(!Term::new("qxn").is_subsequence_of("qwen 2.5-max".as_bytes()));
        assert!(Term::new("阿巴").is_subsequence_of("阿里巴巴集团".as_bytes()));
        assert!(!Term::new("巴阿").is_subsequence_of("阿里巴巴".as_bytes()));
        assert!(Term::new("é").is_subsequence_of("café".as_bytes()));
        assert!(!Term::new("e").is_subsequence_of("café".as_bytes()));
        assert!(is_subsequence("qwn", "qwen"));
        assert!(is_subsequence("", "anything"));
    }

    /// The bound that lets a search skip scoring must never be below a real score.
    #[test]
    fn bound_holds() {
        let mut next = crate::fixture::xorshift(99);
        let mut scored = 0;
        let mut exact = 0;
        for alphabet in ["ab -.阿", "ab c-.1/(阿é\0", "aab"] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            let pick =
                |next: &mut dyn FnMut() -> u64| alphabet[(next() % alphabet.len() as u64) as usize];
            for _ in 0..30_000 {
                let n = 1 + (next() % 20) as usize;
                let haystack: String = (0..n).map(|_| pick(&mut next)).collect();
                let n = 1 + (next() % 5) as usize;
                let word: String = (0..n)
                    .map(|_| pick(&mut next))
                    .filter(|c| *c != ' ')
                    .collect();
                if word.is_empty() {
                    continue;
                }
                let term = Term::new(&word);
                let Some(score) = super::super::fresh_matcher().fuzzy_match(&haystack, &word)
                else {
                    assert!(
                        !term.is_subsequence_of(haystack.as_bytes()),
                        "{word:?} in {haystack:?}"
                    );
                    continue;
                };
                scored += 1;
                assert!(
                    term.is_subsequence_of(haystack.as_bytes()),
                    "{word:?} in {haystack:?}"
                );
                let bound = term.best_possible(haystack.as_bytes());
                assert!(
                    score <= bound,
                    "{word:?} in {haystack:?}: {score} > {bound}"
                );
                let quick = term.quick_bound(haystack.as_bytes(), word_starts(haystack.as_bytes()));
                assert!(
                    score <= quick,
                    "{word:?} in {haystack:?}: {score} > quick {quick}"
                );
                if word.chars().count() == 1 {
                    assert_eq!(score, bound, "{word:?} in {haystack:?}");
                    exact += 1;
                }
            }
        }
        assert!(scored > 20_000 && exact > 5_000, "{scored} {exact}");
    }
}
