//! How figures are read from tokens: the number, then what sits around it (currency
//! before, a range, scale, percent, currency and unit after, a bound word before,
//! direction and basis words nearby), then the rules that say it is not a figure at
//! all (years, days of a month, versions in names, ordinals, times, bare numbers).

use super::figures::{Basis, Bound, Direction, FigureMention, Scale};
use super::lexicon::{self, BOUND_WORDS, CURRENCY_SYMBOLS, CURRENCY_WORDS, SCALE_WORDS};
use super::match_words::Words;
use super::tokens::TokenKind;

const UP_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "up",
    "jumped",
    "jump",
    "gained",
    "gain",
    "gains",
    "surged",
    "climbed",
    "increased",
    "grew",
    "soared",
    "rallied",
    "added",
];
/// Nouns and comparatives after a figure that give its direction ("a 3% rise").
const UP_AFTER: &[&str] = &["rise", "increase", "gain", "jump", "growth", "higher"];
const DOWN_AFTER: &[&str] = &["fall", "drop", "decline", "decrease", "lower", "loss"];
const DOWN_WORDS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "down",
    "dropped",
    "drop",
    "declined",
    "decline",
    "slid",
    "slumped",
    "decreased",
    "plunged",
    "tumbled",
    "sank",
    "shed",
    "lost",
];
const QUALITATIVE_WORDS: &[&str] = &[
    "millions",
    "billions",
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "trillions",
];

/// What was read after the number: where the figure ends and its parts.
#[derive(Default)]
struct After {
    last: usize,
    high: Option<f64>,
    scale: Option<Scale>,
    percent: bool,
    currency: Option<String>,
    unit: Option<String>,
    own_letters: bool,
}

/// Every figure in the text's words.
pub(crate) fn read_figures(words: &Words) -> Vec<FigureMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let next = if words.kind(i) == Some(TokenKind::Number) {
            number_figure(words, i, &mut found)
        } else if words.in_table(i, QUALITATIVE_WORDS) {
            qualitative_figure(words, i, &mut found)
        } else {
            None
        };
        i = next.unwrap_or(i + 1);
    }
    found
}

/// Reads the figure whose number is token `i`; returns the index after what it used.
fn number_figure(words: &Words, i: usize, found: &mut Vec<FigureMention>) -> Option<usize> {
    if let Some(skip) = date_like(words, i) {
        return Some(skip);
    }
    let value = words.tokens[i].number(words.text)?;
    let (currency_start, mut currency) = currency_before(words, i);
    let after = read_after(words, i);
    if after.own_letters {
        return Some(after.last + 1);
    }
    currency = currency.or(after.currency.clone());
    let start = currency_start.unwrap_or(i);
    let (bound, bound_start) = bound_before(words, start);
    let is_year = (1000.0..=2100.0).contains(&value)
        && !words.at(i).contains([',', '.'])
        && currency.is_none()
        && !after.percent
        && after.scale.is_none();
    let after_name = i > 0
        && words.capitalised(i - 1)
        && !words.in_table(i - 1, lexicon::NOT_NAMES)
        && bound_start.is_none();
    let bare =
        currency.is_none() && !after.percent && after.scale.is_none() && after.unit.is_none();
    let month_at = |k: usize| words.capitalised(k) && lexicon::month(words.at(k)).is_some();
    let day_of_month = month_at(i.wrapping_sub(1))
        || words.is_mark(i.wrapping_sub(1), '.') && month_at(i.wrapping_sub(2))
        || month_at(after.last + 1) && bare;
    if is_year || (after_name && currency.is_none() && !after.percent) || day_of_month {
        return Some(after.last + 1);
    }
    if bare && bound_start.is_none() && value < 1000.0 {
        return Some(after.last + 1);
    }
    let first = bound_start.unwrap_or(start);
    found.push(FigureMention {
        range: words.span(first, after.last),
        value,
        value_high: after.high,
        scale: after.scale,
        currency,
        percent: after.percent,
        unit: after.unit,
        bound,
        qualitative: false,
        words: None,
        basis: basis_near(words, first, after.last),
        direction: direction_near(words, first, after.last),
    });
    Some(after.last + 1)
}

/// Dates written with numbers ("2025-02-11", "02/13", "10:30") are not figures: the
/// index after them.
fn date_like(words: &Words, i: usize) -> Option<usize> {
    let joined = |k: usize, c: char| {
        words.is_mark(k, c)
            && !words.spaced(k)
            && !words.spaced(k + 1)
            && words.kind(k + 1) == Some(TokenKind::Number)
    };
    if joined(i + 1, '/') || joined(i + 1, ':') || joined(i + 1, '-') && joined(i + 3, '-') {
        let mut k = i + 1;
        while (words.is_mark(k, '/') || words.is_mark(k, ':') || words.is_mark(k, '-'))
            && !words.spaced(k)
            && words.kind(k + 1) == Some(TokenKind::Number)
        {
            k += 2;
        }
        return Some(k);
    }
    None
}

/// A currency written before the number: "$", "US$", "HK$", "€", "RMB 5".
fn currency_before(words: &Words, i: usize) -> (Option<usize>, Option<String>) {
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
fn bound_before(words: &Words, start: usize) -> (Bound, Option<usize>) {
    for &(phrase, bound) in BOUND_WORDS {
        if let Some(at) = words.phrase_before(start, phrase) {
            return (bound, Some(at));
        }
    }
    (Bound::Exact, None)
}

fn read_after(words: &Words, i: usize) -> After {
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

fn read_percent(words: &Words, k: usize, after: &mut After) -> usize {
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
fn read_range(words: &Words, i: usize, k: usize, after: &mut After) -> usize {
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

fn scale_at(words: &Words, k: usize) -> Option<Scale> {
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

fn read_currency_after(words: &Words, k: usize, after: &mut After) -> usize {
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
fn read_unit(words: &Words, k: usize, after: &mut After) {
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

/// "millions of users", "dozens of", "tens of thousands of".
fn qualitative_figure(words: &Words, i: usize, found: &mut Vec<FigureMention>) -> Option<usize> {
    let mut k = i + 1;
    if !words.is(k, "of") {
        return None;
    }
    if words.in_table(k + 1, QUALITATIVE_WORDS) && words.is(k + 2, "of") {
        k += 2;
    }
    let mut after = After {
        last: k,
        ..After::default()
    };
    read_unit(words, k + 1, &mut after);
    found.push(FigureMention {
        range: words.span(i, after.last),
        value: 0.0,
        value_high: None,
        scale: None,
        currency: None,
        percent: false,
        unit: after.unit,
        bound: Bound::Exact,
        qualitative: true,
        words: Some(words.slice(i, k).to_owned()),
        basis: None,
        direction: None,
    });
    Some(after.last + 1)
}

fn basis_near(words: &Words, first: usize, last: usize) -> Option<Basis> {
    let yoy = [
        "year on year",
        "year over year",
        "yoy",
        "from a year earlier",
        "from a year ago",
        "compared with a year earlier",
    ];
    let window = last + 1..(last + 5).min(words.len());
    if window
        .clone()
        .any(|k| yoy.iter().any(|p| words.phrase_from(k, p).is_some()))
    {
        return Some(Basis::YearOnYear);
    }
    let near = first.saturating_sub(4)..(last + 5).min(words.len());
    near.into_iter()
        .any(|k| words.is(k, "intraday"))
        .then_some(Basis::Intraday)
}

fn direction_near(words: &Words, first: usize, last: usize) -> Option<Direction> {
    let before = if words.is(first.wrapping_sub(1), "by") {
        first.wrapping_sub(2)
    } else {
        first.wrapping_sub(1)
    };
    let after = last + 1;
    if words.in_table(before, UP_WORDS) || words.in_table(after, UP_AFTER) {
        Some(Direction::Up)
    } else if words.in_table(before, DOWN_WORDS) || words.in_table(after, DOWN_AFTER) {
        Some(Direction::Down)
    } else {
        None
    }
}
