//! The parts around a figure's number: a currency before it, a bound word before that,
//! and after it a range, scale, percent sign, currency and the noun it counts.

use super::figures::{Bound, Scale};
use super::lexicon::{self, BOUND_WORDS, CURRENCY_SYMBOLS, CURRENCY_WORDS, SCALE_WORDS};
use super::match_words::Words;
use super::tokens::TokenKind;

/// What was read after the number: where the figure ends and its parts.
#[derive(Default)]
pub(crate) struct After {
    pub(crate) last: usize,
    pub(crate) high: Option<f64>,
    pub(crate) scale: Option<Scale>,
    pub(crate) percent: bool,
    pub(crate) currency: Option<String>,
    pub(crate) unit: Option<String>,
    pub(crate) own_letters: bool,
}

/// A currency written before the number: "$", "US$", "HK$", "€", "RMB 5".
pub(crate) fn currency_before(words: &Words, i: usize) -> (Option<usize>, Option<String>) {
    if i == 0 {
        return (None, None);
    }
    let before = i - 1;
    for &(symbol, code) in CURRENCY_SYMBOLS {
        if words.is_mark(before, symbol) && !words.spaced(i) {
            let prefix = before
                .checked_sub(1)
                .filter(|&p| !words.spaced(before) && words.kind(p) == Some(TokenKind::Word));
            let code = match prefix.map(|p| words.at(p)) {
                Some("US") => "USD",
                Some("HK") => "HKD",
                Some("CN" | "RMB") => "CNY",
                Some("S") => "SGD",
                Some("A") => "AUD",
                Some("C") => "CAD",
                Some("NT") => "TWD",
                _ => code,
            };
            return (Some(prefix.unwrap_or(before)), Some(code.to_owned()));
        }
    }
    let word = words.at(before);
    let is_code = word.chars().all(|c| c.is_ascii_uppercase()) && word.len() == 3;
    match CURRENCY_WORDS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
    {
        Some(&(_, code)) if is_code => (Some(before), Some(code.to_owned())),
        _ => (None, None),
    }
}

/// The bound word or phrase right before token `start`, and where it begins.
pub(crate) fn bound_before(words: &Words, start: usize) -> (Bound, Option<usize>) {
    for &(phrase, bound) in BOUND_WORDS {
        if let Some(at) = words.phrase_before(start, phrase) {
            return (bound, Some(at));
        }
    }
    (Bound::Exact, None)
}

pub(crate) fn read_after(words: &Words, i: usize) -> After {
    let mut after = After {
        last: i,
        ..After::default()
    };
    let mut k = i + 1;
    if words.kind(k) == Some(TokenKind::Word) && !words.spaced(k) && scale_at(words, k).is_none() {
        after.own_letters = true; // "4o", "1st", "3D": part of a word, not an amount.
        return after;
    }
    if words.is_mark(k, '-')
        && !words.spaced(k)
        && words.kind(k + 1) == Some(TokenKind::Word)
        && !words.spaced(k + 1)
    {
        after.own_letters = true; // "10-year", "2.5-Max".
        after.last = k + 1;
        return after;
    }
    k = read_percent(words, k, &mut after);
    k = read_range(words, i, k, &mut after);
    if let Some(scale) = scale_at(words, k) {
        after.scale = Some(scale);
        after.last = k;
        k += 1;
    }
    k = read_percent(words, k, &mut after);
    k = read_currency_after(words, k, &mut after);
    if !after.percent {
        read_unit(words, k, &mut after);
    }
    after
}

pub(crate) fn read_percent(words: &Words, k: usize, after: &mut After) -> usize {
    if after.percent {
        return k;
    }
    let end = if words.is_mark(k, '%') || words.is_mark(k, '％') {
        Some(k + 1)
    } else {
        [
            "percentage points",
            "percentage point",
            "percent",
            "per cent",
            "pct",
        ]
        .iter()
        .find_map(|phrase| words.phrase_from(k, phrase))
    };
    match end {
        Some(end) => {
            after.percent = true;
            after.last = end - 1;
            end
        }
        None => k,
    }
}

/// "3-4%", "3 to 4 percent", "between $2 and 3 billion": the high end.
pub(crate) fn read_range(words: &Words, i: usize, k: usize, after: &mut After) -> usize {
    let dash = (words.is_mark(k, '-') || words.is_mark(k, '–')) && !words.spaced(k + 1);
    let from_before = words.is(i.wrapping_sub(1), "from") || words.is(i.wrapping_sub(2), "from");
    let to = words.is(k, "to") && !from_before;
    let and = words.is(k, "and")
        && (words.is(i.wrapping_sub(1), "between") || words.is(i.wrapping_sub(2), "between"));
    if !(dash || to || and) {
        return k;
    }
    let mut n = k + 1;
    if CURRENCY_SYMBOLS.iter().any(|&(c, _)| words.is_mark(n, c)) {
        n += 1;
    }
    match words.tokens.get(n).and_then(|t| t.number(words.text)) {
        Some(high)
            if words.kind(n + 1) != Some(TokenKind::Word)
                || words.spaced(n + 1)
                || scale_at(words, n + 1).is_some() =>
        {
            after.high = Some(high);
            after.last = n;
            read_percent(words, n + 1, after)
        }
        _ => k,
    }
}

pub(crate) fn scale_at(words: &Words, k: usize) -> Option<Scale> {
    if words.kind(k) != Some(TokenKind::Word) {
        return None;
    }
    let word = words.at(k);
    if let Some(first) = word.chars().next() {
        match first {
            '万' => return Some(Scale::Wan),
            '亿' | '億' => return Some(Scale::Yi),
            _ => {}
        }
    }
    SCALE_WORDS
        .iter()
        .find(|(name, _, touching)| {
            name.eq_ignore_ascii_case(word) && (!touching || !words.spaced(k))
        })
        .map(|&(_, scale, _)| scale)
}

pub(crate) fn read_currency_after(words: &Words, k: usize, after: &mut After) -> usize {
    let word = words.at(k);
    if words.kind(k) == Some(TokenKind::Word) {
        if let Some(&(_, code)) = CURRENCY_WORDS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(word))
        {
            after.currency.get_or_insert_with(|| code.to_owned());
            after.last = k;
            return k + 1;
        }
        if after
            .scale
            .is_some_and(|s| matches!(s, Scale::Wan | Scale::Yi))
            && word.ends_with('元')
        {
            after.currency.get_or_insert_with(|| "CNY".to_owned());
        }
    }
    k
}

/// The noun counted: a lower-case plural ("enterprises") or a counted word ("staff"),
/// maybe after one adjective ("active users").
pub(crate) fn read_unit(words: &Words, k: usize, after: &mut After) {
    let is_noun = |n: usize| {
        let word = words.at(n);
        words.kind(n) == Some(TokenKind::Word)
            && words.spaced(n)
            && word.chars().all(|c| c.is_lowercase() || c == '-')
            && !lexicon::has(lexicon::NOT_UNITS, word)
            && (word.ends_with('s') && word.chars().count() > 3
                || lexicon::has(lexicon::UNCOUNTED_UNITS, word))
    };
    let is_adjective = |n: usize| {
        words.kind(n) == Some(TokenKind::Word)
            && words.at(n).chars().all(char::is_lowercase)
            && !lexicon::has(lexicon::NOT_NAMES, words.at(n))
            && !matches!(words.at(n), "and" | "or" | "in" | "of" | "to")
    };
    if is_noun(k) {
        after.unit = Some(words.at(k).to_owned());
        after.last = k;
    } else if is_adjective(k) && is_noun(k + 1) {
        after.unit = Some(words.slice(k, k + 1).to_owned());
        after.last = k + 1;
    }
}
