//! The date rules that need the anchor (the article's own date): a month named without
//! a year, "last week", "earlier this month", "early last year", weekdays, "three days
//! ago", "the next day". Precision follows the words: a week is given as the month it
//! starts in, marked approximate (the format has no week); "early"/"late"/"mid" mark a
//! date approximate; "earlier"/"later" do not (they stay inside the period named).

use super::calendar::{add_days, add_months, weekday};
use super::date_rules::{Found, MONTH_PREPOSITIONS, date, found, future_before, small_number};
use super::dates::{DateMention, Day, TextDate};
use super::match_words::Words;

const VAGUE: &[&str] = &["early", "late", "mid"];
#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, i64)] = &[
    ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
    ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
];

/// A month with no year: "last March", "in October", "early June", "mid-March".
pub(crate) fn month_alone(words: &Words, i: usize, month: u8, anchor: Day) -> Option<Found> {
    let hyphen = words.is_mark(i.wrapping_sub(1), '-') && !words.spaced(i);
    let before = i.wrapping_sub(if hyphen { 2 } else { 1 });
    let vague = words.in_table(before, VAGUE);
    let modifier = if vague {
        before.wrapping_sub(1)
    } else {
        before
    };
    // Which year the month falls in, seen from the anchor's month.
    let shift = |earlier: bool| anchor.year - i32::from(earlier);
    let (year, first) = if words.is(modifier, "last") {
        (shift(month >= anchor.month), modifier)
    } else if words.is(modifier, "next") {
        (anchor.year + i32::from(month <= anchor.month), modifier)
    } else if words.is(modifier, "this") {
        (anchor.year, modifier)
    } else if vague || words.in_table(before, MONTH_PREPOSITIONS) {
        let year = if future_before(words, i) {
            anchor.year + i32::from(month < anchor.month)
        } else {
            shift(month > anchor.month)
        };
        (year, if vague { before } else { i })
    } else {
        return None;
    };
    let text_date = TextDate {
        approximate: vague,
        ..date(year, Some(month), None)
    };
    found(first, i, text_date, true)
}

/// "yesterday", "today", "tomorrow", and "[early|late|earlier|later] last/this/next
/// week/month/year/quarter".
pub(crate) fn relative_words(words: &Words, i: usize, anchor: Option<Day>) -> Option<Found> {
    for (word, delta) in [("yesterday", -1), ("today", 0), ("tomorrow", 1)] {
        if words.is(i, word) {
            let day = add_days(anchor?, delta);
            return found(i, i, date(day.year, Some(day.month), Some(day.day)), true);
        }
    }
    let mut k = i;
    let vague = words.in_table(k, VAGUE);
    if vague || words.in_table(k, &["earlier", "later"]) {
        k += 1;
    }
    let step: i32 = match words.at(k).to_ascii_lowercase().as_str() {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    let anchor = anchor?;
    let unit = words.at(k + 1).to_ascii_lowercase();
    let mut text_date = match unit.as_str() {
        "week" => {
            let day = add_days(anchor, 7 * i64::from(step));
            TextDate {
                approximate: true,
                ..date(day.year, Some(day.month), None)
            }
        }
        "month" => {
            let (year, month) = add_months(anchor.year, anchor.month, step);
            date(year, Some(month), None)
        }
        "year" => date(anchor.year + step, None, None),
        "quarter" => {
            let (year, month) = add_months(anchor.year, anchor.month, 3 * step);
            TextDate {
                quarter: Some((month - 1) / 3 + 1),
                ..date(year, None, None)
            }
        }
        _ => return None,
    };
    text_date.approximate |= vague;
    found(i, k + 1, text_date, true)
}

/// "on Tuesday", "last Friday", "next Monday"; a weekday followed by a written date
/// ("Tuesday, February 11") is left to that date.
pub(crate) fn weekday_name(words: &Words, i: usize, anchor: Option<Day>) -> Option<Found> {
    if !words.capitalised(i) {
        return None;
    }
    let target = super::lexicon::weekday(words.at(i))?;
    if words.is_mark(i + 1, ',')
        && (super::date_rules::month_at(words, i + 2).is_some()
            || small_number(words, i + 2, 2).is_some())
    {
        return None;
    }
    let anchor = anchor?;
    let today = weekday(anchor);
    let back = i64::from((today + 7 - target) % 7);
    let ahead = i64::from((target + 7 - today) % 7);
    let before = i.wrapping_sub(1);
    let (delta, first) = if words.is(before, "last") {
        (-(if back == 0 { 7 } else { back }), before)
    } else if words.is(before, "next") {
        (if ahead == 0 { 7 } else { ahead }, before)
    } else if future_before(words, i) {
        (ahead, i)
    } else {
        (-back, i)
    };
    let day = add_days(anchor, delta);
    found(
        first,
        i,
        date(day.year, Some(day.month), Some(day.day)),
        true,
    )
}

/// "three days ago", "a week ago", "two years ago".
pub(crate) fn ago(words: &Words, i: usize, anchor: Option<Day>) -> Option<Found> {
    let count = match small_number(words, i, 3) {
        Some(n) => i64::from(n),
        None => NUMBER_WORDS.iter().find(|(word, _)| words.is(i, word))?.1,
    };
    if !words.is(i + 2, "ago") {
        return None;
    }
    let anchor = anchor?;
    let unit = words.at(i + 1).to_ascii_lowercase();
    let months = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    let text_date = match unit.trim_end_matches('s') {
        "day" => {
            let day = add_days(anchor, -count);
            date(day.year, Some(day.month), Some(day.day))
        }
        "week" => {
            let day = add_days(anchor, -7 * count);
            TextDate {
                approximate: true,
                ..date(day.year, Some(day.month), None)
            }
        }
        "month" => {
            let (year, month) = add_months(anchor.year, anchor.month, -months(count));
            TextDate {
                approximate: true,
                ..date(year, Some(month), None)
            }
        }
        "year" => TextDate {
            approximate: true,
            ..date(anchor.year - months(count), None, None)
        },
        _ => return None,
    };
    found(i, i + 2, text_date, true)
}

/// "the next day", "the following day", "a day later", "the previous day", "a day
/// earlier": a day from the last day-precise date before it in the text, or from the
/// anchor when there is none.
pub(crate) fn next_day(
    words: &Words,
    i: usize,
    anchor: Option<Day>,
    before: &[DateMention],
) -> Option<Found> {
    let phrases = [
        ("the next day", 1),
        ("the following day", 1),
        ("a day later", 1),
        ("the previous day", -1),
        ("a day earlier", -1),
    ];
    let (end, delta) = phrases
        .iter()
        .find_map(|(phrase, delta)| words.phrase_from(i, phrase).map(|end| (end, *delta)))?;
    let earlier = before
        .iter()
        .rev()
        .find_map(|m| match (m.date.month, m.date.day) {
            (Some(month), Some(day)) => Some(Day {
                year: m.date.year,
                month,
                day,
            }),
            _ => None,
        });
    let base = earlier.or(anchor)?;
    let day = add_days(base, delta);
    found(
        i,
        end - 1,
        date(day.year, Some(day.month), Some(day.day)),
        true,
    )
}
