//! What the date rules share: the matched-date record, word tables for future words
//! and prepositions, and readers for a small number, a year and a month name at a
//! token; and the rule for which year a month or day without one falls in.

use super::date_types::{Day, TextDate};
use super::lexicon;
use super::match_words::Words;
use super::tokens::TokenKind;

/// A matched date: first and last token, the date, and whether it needed the anchor.
pub(crate) struct Found {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) date: TextDate,
    pub(crate) relative: bool,
}

#[rustfmt::skip]
pub(crate) const FUTURE_WORDS: &[&str] = &[
    "will", "plans", "plan", "planned", "expected", "expects", "expect", "scheduled", "due", "set",
    "upcoming", "aims", "intends", "slated",
];
#[rustfmt::skip]
pub(crate) const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "during", "until", "till", "from", "to", "through", "of", "before",
    "after", "around", "throughout", "on", "between",
];
pub(crate) fn date(year: i32, month: Option<u8>, day: Option<u8>) -> TextDate {
    TextDate {
        year,
        month,
        day,
        approximate: false,
        quarter: None,
        fiscal: false,
    }
}

pub(crate) fn found(first: usize, last: usize, date: TextDate, relative: bool) -> Option<Found> {
    Some(Found {
        first,
        last,
        date,
        relative,
    })
}

/// A whole number of at most `digits` digits, as written (no commas or points).
pub(crate) fn small_number(words: &Words, k: usize, digits: usize) -> Option<u32> {
    let text = words.at(k);
    if words.kind(k) != Some(TokenKind::Number)
        || text.len() > digits
        || !text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    text.parse().ok()
}

pub(crate) fn year_at(words: &Words, k: usize) -> Option<i32> {
    let text = words.at(k);
    let year = i32::try_from(small_number(words, k, 4)?).ok()?;
    (text.len() == 4 && (1000..=2100).contains(&year)).then_some(year)
}

pub(crate) fn month_at(words: &Words, k: usize) -> Option<u8> {
    if !words.capitalised(k) {
        return None;
    }
    lexicon::month(words.at(k))
}

/// "this year", "last year", "next year", maybe after "of", at token `k`: the year it
/// names (the anchor's year, one before, one after) and its last token. A month or day
/// followed by it takes that year instead of the one guessed from the anchor's month.
pub(crate) fn year_words_at(words: &Words, k: usize, anchor: Day) -> Option<(i32, usize)> {
    let k = if words.is(k, "of") { k + 1 } else { k };
    if !words.is(k + 1, "year") {
        return None;
    }
    let step = match words.lower(k) {
        "this" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    Some((anchor.year + step, k + 1))
}

/// True when a future word stands in the few tokens before `i`.
pub(crate) fn future_before(words: &Words, i: usize) -> bool {
    // Back to the sentence's start, at most 14 words: the verb governs the date.
    (i.saturating_sub(14)..i)
        .rev()
        .take_while(|&k| !words.is_mark(k, '.') && !words.is_mark(k, ';'))
        .any(|k| words.in_table(k, FUTURE_WORDS))
}

/// The year of (month, day) nearest the anchor on its past side, or its future side.
pub(crate) fn year_for(anchor: Day, month: u8, day: u8, future: bool) -> i32 {
    let this_year = (month, day) <= (anchor.month, anchor.day);
    match (future, this_year) {
        (false, true) | (true, false) => anchor.year,
        (false, false) => anchor.year - 1,
        (true, true) if (month, day) == (anchor.month, anchor.day) => anchor.year,
        (true, true) => anchor.year + 1,
    }
}
