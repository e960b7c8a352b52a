//! How figures are read from tokens: the number, then what sits around it (currency
//! before, a range, scale, percent, currency and unit after, a bound word before,
//! direction and basis words nearby), then the rules that say it is not a figure at
//! all (years, days of a month, versions in names, ordinals, times, bare numbers).

use super::figure_parts::{
    After, bound_before, currency_before, read_after, read_currency_after, read_unit,
};
use super::figure_types::{Basis, Bound, Direction, FigureMention};
use super::lexicon;
use super::match_words::Words;
use super::tokens::TokenKind;

#[rustfmt::skip]
const UP_WORDS: &[&str] = &[
    "rose", "rise", "rises", "risen", "up", "jumped", "jump", "gained", "gain", "gains",
    "surged", "climbed", "increased", "grew", "soared", "rallied", "added",
];
/// Nouns and comparatives after a figure that give its direction ("a 3% rise").
const UP_AFTER: &[&str] = &["rise", "increase", "gain", "jump", "growth", "higher"];
const DOWN_AFTER: &[&str] = &["fall", "drop", "decline", "decrease", "lower", "loss"];
#[rustfmt::skip]
const DOWN_WORDS: &[&str] = &[
    "fell", "fall", "falls", "fallen", "down", "dropped", "drop", "declined", "decline",
    "slid", "slumped", "decreased", "plunged", "tumbled", "sank", "shed", "lost",
];
#[rustfmt::skip]
const QUALITATIVE_WORDS: &[&str] = &[
    "millions", "billions", "thousands", "hundreds", "dozens", "tens", "trillions",
];

/// Every figure in the text's words.
pub(crate) fn read_figures(words: &Words) -> Vec<FigureMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let next = if words.kind(i) == Some(TokenKind::Number) {
            number_figure(words, i, &mut found)
        } else if words.in_table(i, QUALITATIVE_WORDS) {
            qualitative_figure(words, i, &mut found)
        } else if super::figure_words::could_start(words, i) {
            word_figure(words, i, &mut found)
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

/// A number in words ("two million mentions", "nearly half a billion dollars", "a
/// dozen firms"): its scale, currency word and unit after it, a bound phrase before.
fn word_figure(words: &Words, i: usize, found: &mut Vec<FigureMention>) -> Option<usize> {
    let number = super::figure_words::number_in_words(words, i)?;
    let mut after = After {
        last: number.last,
        scale: number.scale,
        ..After::default()
    };
    let k = read_currency_after(words, number.last + 1, &mut after);
    read_unit(words, k, &mut after);
    let (bound, bound_start) = bound_before(words, i);
    let first = bound_start.unwrap_or(i);
    found.push(FigureMention {
        range: words.span(first, after.last),
        value: number.value,
        value_high: None,
        scale: after.scale,
        currency: after.currency,
        percent: false,
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
