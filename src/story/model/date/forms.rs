//! Date ranges, and dates written the way people (and the program's own screens) write
//! them: "21–22 Nov 2023", "Nov 2023", "FY2024 Q4", "November 21, 2023".
//!
//! A story file holds ISO 8601 only; these forms are read for `--as-of`, and for the
//! loader's messages, which then say exactly what to write instead.

use crate::story::model::date::{
    DATE_FORMS, DatePoint, DateSpec, MONTHS, Precision, clean_for_message, parse_body,
};

/// `start/end`, the end in full (`2023-11-21/2023-11-22`) or as its last parts
/// (`2023-11-21/22`, `2023-11-30/12-02`, `2023-Q1/Q3`), completed from the start.
pub(crate) fn parse_range(start: &str, end: &str) -> Result<DateSpec, String> {
    let first = parse_body(start)?;
    let end_is_full = end.starts_with("FY")
        || end
            .split('-')
            .next()
            .is_some_and(|year| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()));
    let last = if end_is_full {
        parse_body(end)?
    } else {
        parse_body(&complete_end(start, end)?)?
    };
    // Both ends move forward (fiscal periods overlap their neighbours, so "after the
    // start's last day" would refuse FY2023/FY2024).
    if last.earliest() <= first.earliest() || last.latest() <= first.latest() {
        return Err(format!(
            "a range must end after it starts, and `{}` does not come after `{}`",
            last.canonical(),
            first.canonical()
        ));
    }
    Ok(DateSpec {
        start: first,
        end: Some(last),
        approximate: false,
    })
}

/// The start's leading parts before the short end: `2023-11-21` + `22` → `2023-11-22`.
fn complete_end(start: &str, end: &str) -> Result<String, String> {
    let start_parts: Vec<&str> = start.split('-').collect();
    let end_parts = end.split('-').count();
    if end.is_empty() || end_parts >= start_parts.len() {
        return Err(
            "the end of a range is a full date or the last parts of one (2023-11-21/22)".to_owned(),
        );
    }
    let kept = &start_parts[..start_parts.len() - end_parts];
    Ok(format!("{}-{end}", kept.join("-")))
}

/// "21–22 Nov 2023", "30 Nov – 2 Dec 2023", "Nov–Dec 2023", "2023–2024".
pub(crate) fn human_range(start: &DatePoint, end: &DatePoint) -> String {
    use Precision::*;
    let same_year = start.year == end.year;
    match (start.precision, end.precision) {
        (Day, Day) if same_year && start.month == end.month => {
            format!(
                "{}–{} {} {}",
                start.day,
                end.day,
                end.month_name(),
                end.year
            )
        }
        (Day, Day) if same_year => format!(
            "{} {} – {} {} {}",
            start.day,
            start.month_name(),
            end.day,
            end.month_name(),
            end.year
        ),
        (Month, Month) if same_year => {
            format!("{}–{} {}", start.month_name(), end.month_name(), end.year)
        }
        (Quarter, Quarter) if same_year => {
            format!("Q{}–Q{} {}", start.quarter, end.quarter, end.year)
        }
        (Year, Year) => format!("{}–{}", start.year, end.year),
        _ => format!("{} – {}", start.human(), end.human()),
    }
}

/// The message for a date the file cannot use: the fix when the form is recognised.
pub(crate) fn explain(text: &str, why: &str) -> String {
    let shown = clean_for_message(text);
    if let Some(day) = timestamp_day(text) {
        return format!(
            "`{shown}` is not a valid date: dates carry no time of day; write `{day}`, the day in the timestamp's own offset (or a range like `{day}/…` where the day differs by time zone)"
        );
    }
    if let Some(meant) = read_display_form(text) {
        return format!(
            "`{shown}` is not a valid date: write `{}` (story files write dates in ISO 8601)",
            meant.canonical()
        );
    }
    if let Some([a, b]) = ambiguous_day_month(text) {
        return format!(
            "`{shown}` is not a valid date: the order of day and month is unclear; write `{a}` or `{b}`"
        );
    }
    format!("`{shown}` is not a valid date: {why} ({DATE_FORMS})")
}

/// `2023-11-21` for `2023-11-21T23:00Z` or `2023-11-21 23:00+01:00`.
fn timestamp_day(text: &str) -> Option<String> {
    let text = text.trim();
    let (day, time) = text.split_at_checked(10)?;
    let time = time.strip_prefix(['T', 't', ' '])?;
    let clock = time.as_bytes();
    let looks_like_time = clock.len() >= 5
        && clock[..2].iter().all(u8::is_ascii_digit)
        && clock[2] == b':'
        && clock[3..5].iter().all(u8::is_ascii_digit);
    (looks_like_time && parse_body(day).is_ok_and(|p| p.precision == Precision::Day))
        .then(|| day.to_owned())
}

/// Reads a date as the program shows it or as people write it, for `--as-of`; `None`
/// when it is not one.
pub(super) fn read_display_form(text: &str) -> Option<DateSpec> {
    let text = text.trim();
    let (approximate, body) = ["~", "c.", "ca.", "circa "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .map_or((false, text), |rest| (true, rest.trim()));
    let mut date = match split_display_range(body) {
        Some((left, right)) => {
            let end = display_point(&words(right))?;
            let left_words = words(left);
            let right_words = words(right);
            // "21–22 Nov 2023": a left end that is not a date alone borrows what it
            // leaves out from the right.
            let start = display_point(&left_words).or_else(|| {
                let mut full = left_words.clone();
                full.extend(right_words.iter().skip(left_words.len()).cloned());
                display_point(&full)
            })?;
            (end.earliest() > start.earliest() && end.latest() > start.latest()).then_some(
                DateSpec {
                    start,
                    end: Some(end),
                    approximate: false,
                },
            )?
        }
        None => DateSpec::point(display_point(&words(body))?),
    };
    date.approximate = approximate;
    Some(date)
}

fn split_display_range(text: &str) -> Option<(&str, &str)> {
    text.split_once('–')
        .or_else(|| text.split_once('—'))
        .or_else(|| text.split_once(" - "))
        .or_else(|| text.split_once(" to "))
}

fn words(text: &str) -> Vec<String> {
    text.split([' ', ',', '\t'])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_owned())
        .collect()
}

/// One point from words: "21 Nov 2023", "Nov 21 2023", "Nov 2023", "Q4 2024",
/// "FY2024 Q4", "2023/11/21" …
fn display_point(words: &[String]) -> Option<DatePoint> {
    let iso = |text: String| parse_body(&text).ok();
    match words {
        [one] => iso(one.clone()).or_else(|| numeric_with_separators(one)),
        [a, b] => {
            if let (Some(month), Some(year)) = (month_number(a), year(b)) {
                return iso(format!("{year}-{month:02}"));
            }
            if let (Some(quarter), Some(year)) = (quarter(a), year(b)) {
                return iso(format!("{year}-Q{quarter}"));
            }
            if let (Some(year), Some(quarter)) = (year(a), quarter(b)) {
                return iso(format!("{year}-Q{quarter}"));
            }
            let fiscal = |fy: &str, q: &str| {
                let year = year(fy.strip_prefix("FY").or_else(|| fy.strip_prefix("fy"))?)?;
                Some(format!("FY{year}-Q{}", quarter(q)?))
            };
            if let Some(text) = fiscal(a, b).or_else(|| fiscal(b, a)) {
                return iso(text);
            }
            if a.eq_ignore_ascii_case("FY") {
                return iso(format!("FY{}", year(b)?));
            }
            None
        }
        [a, b, c] => {
            let (day, month) = match (day_number(a), month_number(b)) {
                (Some(day), Some(month)) => (day, month),
                _ => (day_number(b)?, month_number(a)?),
            };
            iso(format!("{}-{month:02}-{day:02}", year(c)?))
        }
        _ => None,
    }
}

/// `2023/11/21` or `2023.11.21`: year first, so the order is clear.
fn numeric_with_separators(text: &str) -> Option<DatePoint> {
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => parse_body(&format!("{y}-{m:0>2}-{d:0>2}")).ok(),
        [d, m, y] if y.len() == 4 => {
            let (first, second) = (d.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
            // Day first when the first number cannot be a month, month first when the
            // second cannot; both small is ambiguous (see `ambiguous_day_month`).
            let (day, month) = match (first > 12, second > 12) {
                (true, false) => (first, second),
                (false, true) => (second, first),
                _ => return None,
            };
            parse_body(&format!("{y}-{month:02}-{day:02}")).ok()
        }
        _ => None,
    }
}

/// `05/11/2023`: both readings, for the message.
fn ambiguous_day_month(text: &str) -> Option<[String; 2]> {
    let parts: Vec<&str> = text.trim().split(['/', '.']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b) = (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?);
    let valid = |month: u8, day: u8| parse_body(&format!("{y}-{month:02}-{day:02}")).ok();
    let first = valid(b, a)?;
    let second = valid(a, b)?;
    (a != b).then(|| [first.canonical(), second.canonical()])
}

fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let found = FULL
        .iter()
        .position(|name| name.starts_with(&lower))
        .or_else(|| (lower == "sept").then_some(8))?;
    debug_assert_eq!(MONTHS.len(), FULL.len());
    u8::try_from(found + 1).ok()
}

fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let day: u8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year(word: &str) -> Option<&str> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then_some(word)
}

fn quarter(word: &str) -> Option<u8> {
    let digit = word.strip_prefix(['Q', 'q'])?;
    matches!(digit, "1" | "2" | "3" | "4").then(|| digit.as_bytes()[0] - b'0')
}
