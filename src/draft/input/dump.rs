//! Plain text and web-page text dumps: the headline is the first line, unless a banner
//! stands before a headline the page repeats; share bars, follow and subscribe boxes,
//! "Don't miss:" promos, date and view-count stamps (`02/13 2025 447`), copyright
//! notices and everything from "Related articles:" on are furniture, never the story.

use super::{Article, Form, Line, clean_paragraph};

/// How far into the page a repeated headline is looked for (non-blank lines).
const HEADLINE_WINDOW: usize = 6;

/// Reads plain text or a dump; `Form::Dump` when any furniture besides the headline
/// was found.
pub(super) fn read_text(text: &str) -> Article {
    let lines: Vec<String> = text
        .lines()
        .map(clean_paragraph)
        .filter(|line| !line.is_empty())
        .collect();
    let Some(headline_at) = headline_index(&lines) else {
        return Article {
            form: Some(Form::Plain),
            ..Article::default()
        };
    };
    let title = lines[headline_at].clone();
    let mut article = read_body(&lines, Some(headline_at), &title);
    article.title = title;
    article
}

/// The body after a known headline: the headline's line `headline` (and every line
/// before it, banner lines) and any line repeating `title` are furniture.
pub(super) fn read_body(lines: &[String], headline: Option<usize>, title: &str) -> Article {
    let mut article = Article::default();
    let mut furniture_found = headline.is_some_and(|h| h > 0);
    let mut in_trailer = false;
    let last_lines = lines.len().saturating_sub(3);
    for (i, line) in lines.iter().enumerate() {
        let in_body = headline.is_none_or(|h| i > h);
        let furniture = !in_body
            || line == title
            || in_trailer
            || is_furniture_line(line)
            || (i >= last_lines && is_notice(line));
        if !in_trailer && in_body && starts_trailer(line) {
            in_trailer = true;
        }
        if let Some(day) = stamp_date(line).or_else(|| posted_date(line)) {
            article.published.get_or_insert(day);
        }
        furniture_found |= in_body && (furniture || in_trailer);
        article.lines.push(if furniture || in_trailer {
            Line::Furniture(line.clone())
        } else {
            Line::Paragraph(line.clone())
        });
    }
    article.form = Some(if furniture_found {
        Form::Dump
    } else {
        Form::Plain
    });
    article
}

/// The headline's line: when one of the first lines comes again soon after (a page
/// that prints its headline twice), that line; else, when furniture (a share bar, a
/// date stamp) starts within the first four lines, the line just before it (a banner
/// may stand above the headline); else the first line.
fn headline_index(lines: &[String]) -> Option<usize> {
    let window = &lines[..lines.len().min(HEADLINE_WINDOW)];
    for (i, line) in window.iter().enumerate().take(HEADLINE_WINDOW / 2) {
        if window[i + 1..].contains(line) && !is_furniture_line(line) {
            return Some(i);
        }
    }
    let first_furniture = lines
        .iter()
        .take(4)
        .position(|line| is_furniture_line(line));
    match first_furniture {
        Some(at) if at > 0 => Some(at - 1),
        _ => (!lines.is_empty()).then_some(0),
    }
}

/// Lines a page sets around every article: share and follow bars, subscribe boxes,
/// promos, stamps. Short on purpose: a sentence of the story is never this.
pub(super) fn is_furniture_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = lower.split_whitespace().count();
    const SHORT_BARS: &[&str] = &[
        "share",
        "share on",
        "share this",
        "share this article",
        "follow",
        "subscribe",
        "subscribe now",
        "free newsletter",
        "advertisement",
        "sponsored",
        "print",
        "email",
        "comments",
        "sign up",
        "sign in",
        "log in",
        "menu",
        "search",
    ];
    const PROMO_OPENERS: &[&str] = &[
        "don't miss:",
        "don’t miss:",
        "read more:",
        "also read:",
        "read also:",
        "see also:",
        "recommended:",
        "related:",
        "watch:",
        "listen:",
        "follow us on",
        "subscribe to",
        "sign up for",
        "get the daily",
        "click here",
    ];
    SHORT_BARS
        .iter()
        .any(|bar| lower == *bar || (words <= 6 && lower.starts_with(bar)))
        || PROMO_OPENERS.iter().any(|opener| lower.starts_with(opener))
        || is_stamp(line)
        || is_posted_line(&lower, words)
}

/// "Posted 28 April 2026 · 2,311 views", "Updated 3 May 2026, 10:04": a short line
/// opening with a publishing word that names a year or a view count.
fn is_posted_line(lower: &str, words: usize) -> bool {
    let opener = ["posted", "published", "updated", "last updated"]
        .iter()
        .any(|w| lower.starts_with(w));
    let has_year = lower.split(|c: char| !c.is_ascii_digit()).any(is_year);
    opener && words <= 10 && (has_year || lower.contains("views"))
}

/// A copyright or reprint notice (only looked for in the last lines of a page).
fn is_notice(line: &str) -> bool {
    let lower = line.to_lowercase();
    let about_the_page = [
        "this article",
        "reserved",
        "author",
        "permission",
        "reprint",
        "reproduc",
    ]
    .iter()
    .any(|w| lower.contains(w));
    lower.starts_with('©')
        || lower.starts_with("copyright")
        || (lower.contains("copyright") && about_the_page)
}

/// "Related articles:", "Further reading": the page's own lists follow to the end.
fn starts_trailer(line: &str) -> bool {
    let lower = line.to_lowercase();
    let head = lower.trim_end_matches(':').trim();
    matches!(
        head,
        "related articles"
            | "related stories"
            | "related"
            | "further reading"
            | "read more"
            | "more from this section"
            | "you may also like"
            | "recommended for you"
            | "more stories"
            | "most read"
            | "popular"
    )
}

/// A date, time or view-count stamp: only digits and date punctuation, with a year.
fn is_stamp(line: &str) -> bool {
    let only_stamp_chars = line
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ':' | ' ' | ','));
    only_stamp_chars && line.split([' ', '/', '-', '.']).any(is_year)
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The day a stamp gives, in the story format's spelling: `2025-02-13` from
/// `02/13 2025 447` (month first when the day is over 12) or `2025-02-13`. A stamp
/// whose order of day and month is unclear gives none.
pub(super) fn stamp_date(line: &str) -> Option<String> {
    if !is_stamp(line) {
        return None;
    }
    let parts: Vec<u32> = line
        .split([' ', '/', '-', '.', ','])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (year, a, b) = match parts.as_slice() {
        [y, m, d, ..] if *y >= 1900 => (*y, *m, *d),
        [a, b, y, ..] if *y >= 1900 => match (*a > 12, *b > 12) {
            (false, true) => (*y, *a, *b),
            (true, false) => (*y, *b, *a),
            _ => return None,
        },
        _ => return None,
    };
    let valid = (1..=12).contains(&a) && (1..=31).contains(&b) && (1900..=2100).contains(&year);
    valid.then(|| format!("{year:04}-{a:02}-{b:02}"))
}

/// The day a "Posted …" line names, read by the text layer's date rules (absolute
/// dates only: there is no anchor yet).
fn posted_date(line: &str) -> Option<String> {
    if !is_posted_line(&line.to_lowercase(), line.split_whitespace().count()) {
        return None;
    }
    let date = crate::text::dates(line, None).into_iter().next()?.date;
    let (month, day) = (date.month?, date.day?);
    (!date.approximate && !date.fiscal).then(|| format!("{:04}-{month:02}-{day:02}", date.year))
}
