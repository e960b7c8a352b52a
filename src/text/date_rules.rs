//! How dates are read from tokens. Each rule looks at one starting token and returns
//! the tokens it used and the date; `read_dates` tries them in a fixed order and moves
//! past what matched, so mentions never overlap.
//!
//! Resolution against the anchor (the article's date): a month or day without a year
//! is its latest occurrence on or before the anchor, or its first on or after the
//! anchor when a future word ("will", "plans", "expected", "scheduled") comes shortly
//! before it; "last March" is the latest March before the anchor's month; a weekday
//! is the latest such day on or before the anchor (or the next with a future word or
//! "next"); "last week" / "this week" is the month of that week's Monday, approximate.

use super::calendar::is_valid;
use super::date_types::{DateMention, Day, TextDate};
use super::date_words::{
    Found, date, found, future_before, month_at, small_number, year_at, year_for, year_words_at,
};
use super::lexicon;
use super::match_words::Words;
use super::tokens::TokenKind;

#[rustfmt::skip]
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "during", "until", "till", "from", "to", "through", "of", "before",
    "after", "early", "late", "mid", "around", "throughout", "between",
];
#[rustfmt::skip]
const ORDINALS: &[(&str, u8)] = &[
    ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3),
    ("fourth", 4), ("4th", 4),
];

/// Every date in the text's words, in order.
pub(crate) fn read_dates(words: &Words, anchor: Option<Day>) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !could_start_date(words, i) {
            i += 1;
            continue;
        }
        // Tried in order, lazily: the first rule that matches wins.
        let hit = digits_date(words, i)
            .or_else(|| month_first(words, i, anchor))
            .or_else(|| day_first(words, i, anchor))
            .or_else(|| quarter(words, i, anchor))
            .or_else(|| fiscal_year(words, i))
            .or_else(|| super::date_relative::relative_words(words, i, anchor))
            .or_else(|| super::date_relative::weekday_name(words, i, anchor))
            .or_else(|| super::date_relative::ago(words, i, anchor))
            .or_else(|| super::date_relative::next_day(words, i, anchor, &found))
            .or_else(|| year_alone(words, i));
        match hit {
            Some(hit) => {
                let (first, last) = (hit.first.min(i), hit.last.max(i));
                found.push(DateMention {
                    range: words.span(first, last),
                    date: hit.date,
                    relative: hit.relative,
                    words: words.slice(first, last).to_owned(),
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// True when some rule can start at token `i`: the cheap test that skips the rest.
fn could_start_date(words: &Words, i: usize) -> bool {
    let lower = words.lower(i);
    words.kind(i) == Some(TokenKind::Number)
        || words.lower_in(i, &lexicon::DATE_TRIGGERS)
        || lexicon::month(lower).is_some()
        || lexicon::weekday(lower).is_some()
        || lower.starts_with('q') && lower.len() == 2
        || lower.starts_with("fy")
}

/// "2025-02-11", "02/13 2025", "13/02/2025" (day and month told apart only when one
/// of them is over 12; "05/11/2023" is left alone).
fn digits_date(words: &Words, i: usize) -> Option<Found> {
    let joined =
        |k: usize, c: char| words.is_mark(k, c) && !words.spaced(k) && !words.spaced(k + 1);
    if let Some(year) = year_at(words, i).filter(|_| joined(i + 1, '-') && joined(i + 3, '-')) {
        let month = u8::try_from(small_number(words, i + 2, 2)?).ok()?;
        let day = u8::try_from(small_number(words, i + 4, 2)?).ok()?;
        return is_valid(Day { year, month, day })
            .then(|| build(i, i + 4, date(year, Some(month), Some(day)), false));
    }
    let a = small_number(words, i, 2)?;
    if !joined(i + 1, '/') {
        return None;
    }
    let b = small_number(words, i + 2, 2)?;
    let (year, last) = if joined(i + 3, '/') {
        (year_at(words, i + 4)?, i + 4)
    } else {
        (year_at(words, i + 3)?, i + 3)
    };
    let (month, day) = match (a > 12, b > 12) {
        (false, true) => (a, b),
        (true, false) => (b, a),
        _ => return None,
    };
    let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    is_valid(Day { year, month, day })
        .then(|| build(i, last, date(year, Some(month), Some(day)), false))
}

/// A day number after a month, maybe with "st"/"th" and a comma: the index after it.
fn day_after_month(words: &Words, k: usize) -> Option<(u8, usize)> {
    let day = u8::try_from(small_number(words, k, 2)?).ok()?;
    let mut next = k + 1;
    if words.in_table(next, &["st", "nd", "rd", "th"]) && !words.spaced(next) {
        next += 1;
    }
    (1..=31).contains(&day).then_some((day, next))
}

/// "February 11", "Feb. 11, 2025", "March 2024", "last March", "in October".
fn month_first(words: &Words, i: usize, anchor: Option<Day>) -> Option<Found> {
    let month = month_at(words, i)?;
    let mut k = i + 1;
    if words.is_mark(k, '.') && !words.spaced(k) {
        k += 1;
    }
    if let Some((day, next)) = day_after_month(words, k) {
        let comma = usize::from(words.is_mark(next, ','));
        if let Some(year) = year_at(words, next + comma) {
            let valid = is_valid(Day { year, month, day });
            return valid
                .then(|| build(i, next + comma, date(year, Some(month), Some(day)), false));
        }
        let anchor = anchor?;
        let (year, last) = year_words_at(words, next, anchor).unwrap_or_else(|| {
            let future = future_before(words, i);
            (year_for(anchor, month, day, future), next - 1)
        });
        let valid = is_valid(Day { year, month, day });
        return valid.then(|| build(i, last, date(year, Some(month), Some(day)), true));
    }
    if let Some(year) = year_at(words, k) {
        return found(i, k, date(year, Some(month), None), false);
    }
    let anchor = anchor?;
    let mut hit = super::date_relative::month_alone(words, i, month, anchor)?;
    if let Some((year, last)) = year_words_at(words, i + 1, anchor) {
        (hit.date.year, hit.last) = (year, last);
    }
    Some(hit)
}

/// "11 February 2025", "3 March".
fn day_first(words: &Words, i: usize, anchor: Option<Day>) -> Option<Found> {
    let day = u8::try_from(small_number(words, i, 2)?).ok()?;
    let month = month_at(words, i + 1)?;
    if let Some(year) = year_at(words, i + 2) {
        return is_valid(Day { year, month, day })
            .then(|| build(i, i + 2, date(year, Some(month), Some(day)), false));
    }
    let anchor = anchor?;
    let year = year_for(anchor, month, day, future_before(words, i));
    is_valid(Day { year, month, day })
        .then(|| build(i, i + 1, date(year, Some(month), Some(day)), true))
}

/// "Q4", "Q4 2024", "the fourth quarter (of 2024)", "fourth-quarter", "the fiscal
/// fourth quarter of 2024".
fn quarter(words: &Words, i: usize, anchor: Option<Day>) -> Option<Found> {
    let (number, mut last) = match words.at(i).as_bytes() {
        [b'Q', n @ b'1'..=b'4'] => (n - b'0', i),
        _ => {
            let &(_, n) = ORDINALS.iter().find(|(word, _)| words.is(i, word))?;
            let mut k = i + 1;
            if words.is(k, "fiscal") {
                k += 1;
            }
            if words.is_mark(k, '-') {
                k += 1;
            }
            if !words.is(k, "quarter") {
                return None;
            }
            (n, k)
        }
    };
    let fiscal = words.is(i.wrapping_sub(1), "fiscal") || words.slice(i, last).contains("fiscal");
    let year = if words.is(last + 1, "of") {
        year_at(words, last + 2).map(|y| (y, last + 2))
    } else {
        year_at(words, last + 1).map(|y| (y, last + 1))
    };
    let mut text_date = match year {
        Some((year, end)) => {
            last = end;
            date(year, None, None)
        }
        None if fiscal => return None,
        None => {
            let anchor = anchor?;
            // The latest such quarter begun by the anchor, or the next one not yet
            // over when a future word comes first.
            let anchor_quarter = (anchor.month - 1) / 3 + 1;
            let year = if future_before(words, i) {
                anchor.year + i32::from(number < anchor_quarter)
            } else {
                anchor.year - i32::from(number > anchor_quarter)
            };
            date(year, None, None)
        }
    };
    text_date.quarter = Some(number);
    text_date.fiscal = fiscal;
    let first = if fiscal && words.is(i.wrapping_sub(1), "fiscal") {
        i - 1
    } else {
        i
    };
    found(first, last, text_date, year.is_none())
}

/// "fiscal year 2024", "fiscal 2024", "FY2024", "FY 2024", "FY24".
fn fiscal_year(words: &Words, i: usize) -> Option<Found> {
    let fiscal = |year: i32| TextDate {
        fiscal: true,
        ..date(year, None, None)
    };
    if words.is(i, "fiscal") {
        let k = if words.is(i + 1, "year") {
            i + 2
        } else {
            i + 1
        };
        return year_at(words, k).and_then(|year| found(i, k, fiscal(year), false));
    }
    let text = words.at(i);
    if words.kind(i) != Some(TokenKind::Word) || !text.starts_with("FY") {
        return None;
    }
    let digits = &text[2..];
    if digits.is_empty() {
        return year_at(words, i + 1).and_then(|year| found(i, i + 1, fiscal(year), false));
    }
    let number: i32 = digits
        .parse()
        .ok()
        .filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))?;
    match digits.len() {
        4 if (1000..=2100).contains(&number) => found(i, i, fiscal(number), false),
        2 => found(i, i, fiscal(2000 + number), false),
        _ => None,
    }
}

/// "in 2023", "since 2021", "early 2024", "mid-2024".
fn year_alone(words: &Words, i: usize) -> Option<Found> {
    let year = year_at(words, i)?;
    let hyphen = words.is_mark(i.wrapping_sub(1), '-') && !words.spaced(i);
    let word_before = if hyphen {
        i.wrapping_sub(2)
    } else {
        i.wrapping_sub(1)
    };
    // "between 2019 and 2023", "in 2022 and 2023": a year after "and" that follows one.
    let second_of_two =
        words.is(word_before, "and") && year_at(words, word_before.wrapping_sub(1)).is_some();
    if !words.in_table(word_before, YEAR_PREPOSITIONS) && !second_of_two {
        return None;
    }
    if words.is_mark(i + 1, '%') || words.is_mark(i + 1, '-') && !words.spaced(i + 1) {
        return None;
    }
    let vague = words.in_table(word_before, &["early", "late", "mid", "around"]);
    let first = if vague { word_before } else { i };
    let text_date = TextDate {
        approximate: vague,
        ..date(year, None, None)
    };
    found(first, i, text_date, false)
}

fn build(first: usize, last: usize, date: TextDate, relative: bool) -> Found {
    Found {
        first,
        last,
        date,
        relative,
    }
}
