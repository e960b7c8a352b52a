//! Numbers written in words that state an amount: a number word with a scale word
//! ("two million", "twenty-five thousand", "a billion", "half a million"), with
//! "hundred" ("three hundred", "two hundred million") or with "dozen" ("a dozen",
//! "two dozen", "half a dozen"). A number word alone ("one of the", "two companies")
//! is not read: in prose it counts things far more often than it states a figure, and
//! reading it would turn every "one" and "two" into a metric.

use super::figure_parts::scale_at;
use super::figure_types::Scale;
use super::match_words::Words;

#[rustfmt::skip]
const UNITS: &[(&str, f64)] = &[
    ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
    ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0),
    ("sixteen", 16.0), ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0),
];
#[rustfmt::skip]
const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
    ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
];

/// A number read from words: its value (before the scale), scale and last token.
pub(crate) struct WordNumber {
    pub(crate) value: f64,
    pub(crate) scale: Option<Scale>,
    pub(crate) last: usize,
}

fn value_in(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// The cheap test: can a number in words start at token `i`?
pub(crate) fn could_start(words: &Words, i: usize) -> bool {
    let word = words.lower(i);
    matches!(word, "a" | "an" | "half")
        || value_in(UNITS, word).is_some()
        || value_in(TENS, word).is_some()
}

/// The leading words: "half a" (0.5), "a"/"an" (1), "twenty-five", "seven"; the value
/// and the index after them.
fn lead(words: &Words, i: usize) -> Option<(f64, usize)> {
    let word = words.lower(i);
    if word == "half" {
        return words.in_table(i + 1, &["a", "an"]).then_some((0.5, i + 2));
    }
    if matches!(word, "a" | "an") {
        return Some((1.0, i + 1));
    }
    if let Some(tens) = value_in(TENS, word) {
        let joined = words.is_mark(i + 1, '-') && !words.spaced(i + 1) && !words.spaced(i + 2);
        let unit = value_in(UNITS, words.lower(i + 2)).filter(|u| joined && *u < 10.0);
        return Some(match unit {
            Some(unit) => (tens + unit, i + 3),
            None => (tens, i + 1),
        });
    }
    value_in(UNITS, word).map(|unit| (unit, i + 1))
}

/// A full scale word at `k` ("thousand", "million", "billion", "trillion"); the short
/// forms ("m", "bn") only follow digits.
fn scale_word(words: &Words, k: usize) -> Option<Scale> {
    scale_at(words, k).filter(|_| words.at(k).len() >= 4)
}

/// The number in words starting at token `i`, when it states an amount.
pub(crate) fn number_in_words(words: &Words, i: usize) -> Option<WordNumber> {
    let (mut value, mut k) = lead(words, i)?;
    let hundred = words.is(k, "hundred") && value >= 1.0;
    if hundred {
        value *= 100.0;
        k += 1;
    } else if words.is(k, "dozen") {
        return Some(WordNumber {
            value: value * 12.0,
            scale: None,
            last: k,
        });
    }
    // "a million-dollar deal": the amount is an adjective of another noun; left alone.
    let glued = |k: usize| words.is_mark(k + 1, '-') && !words.spaced(k + 1);
    match scale_word(words, k) {
        Some(_) if glued(k) => None,
        Some(scale) => Some(WordNumber {
            value,
            scale: Some(scale),
            last: k,
        }),
        None if hundred && !glued(k - 1) => Some(WordNumber {
            value,
            scale: None,
            last: k - 1,
        }),
        None => None,
    }
}
