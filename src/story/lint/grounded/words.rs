//! How a record's own words are looked for in a paragraph: whole words, case
//! forgiven, a name by its name key, a date by its year or month name.

use crate::story::model::date::{DateSpec, civil_from_days};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// True when `word` sits in `text` as a whole word or phrase, case forgiven.
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    let word = word.trim();
    if word.is_empty() {
        return false;
    }
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        edge(before) && edge(after)
    })
}

/// Words of a name too common to stand for it alone.
const GENERIC: &[&str] = &[
    "group",
    "holding",
    "holdings",
    "company",
    "limited",
    "the",
    "and",
    "inc",
    "corp",
    "international",
    "global",
    "china",
    "chinese",
    "news",
    "media",
    "times",
    "daily",
];

/// True when the paragraph names `name`: as written, by its name key (the text
/// layer's form without possessive or corporate suffix), or by one of its own words
/// of four letters or more that is not generic ("Lindqvist" for "Mara Lindqvist",
/// "the library" for "Eastport Library"): a citation is doubted only when nothing of
/// the name is there.
pub(crate) fn names(paragraph: &str, name: &str) -> bool {
    if name.chars().count() < 2 {
        return false;
    }
    let key = crate::text::name_key(name);
    // A name in the plural ("iPhones") is still the name.
    has_word(paragraph, name)
        || has_word(paragraph, &format!("{name}s"))
        || (key.chars().count() >= 3 && has_word(paragraph, &key))
        || name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .filter(|w| !GENERIC.contains(&w.to_lowercase().as_str()))
            .any(|w| has_word(paragraph, w))
}

/// True when two written names are one (by name key, or one inside the other).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (ka, kb) = (crate::text::name_key(a), crate::text::name_key(b));
    let (ka, kb) = if ka.is_empty() || kb.is_empty() {
        (a.to_lowercase(), b.to_lowercase())
    } else {
        (ka, kb)
    };
    ka == kb || has_word(&ka, &kb) || has_word(&kb, &ka)
}

/// True when the paragraph names an outlet: its whole name, or one of its own words
/// of four letters or more that is not generic, case forgiven ("the council" for
/// "Eastport Town Council", "Apple's" for "Apple").
pub(crate) fn outlet_named(paragraph: &str, outlet: &str) -> bool {
    has_word(paragraph, outlet)
        || outlet
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().count() >= 4)
            .filter(|w| !GENERIC.contains(&w.to_lowercase().as_str()))
            .any(|w| has_word(paragraph, w))
}

/// The year and month of a date's first day.
fn year_month(date: DateSpec) -> (i32, u8) {
    let (year, month, _) = civil_from_days(date.earliest());
    (year, month)
}

/// True when the paragraph states the date's year.
pub(crate) fn year_in(paragraph: &str, date: DateSpec) -> bool {
    has_word(paragraph, &year_month(date).0.to_string())
}

/// True when the paragraph names the date's month (in full or by its first three
/// letters, "Feb").
pub(crate) fn month_in(paragraph: &str, date: DateSpec) -> bool {
    let name = MONTHS[usize::from(year_month(date).1 - 1)];
    has_word(paragraph, name) || has_word(paragraph, &name[..3])
}

/// The text cleaned for the terminal and cut to `max` characters.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let clean = crate::story::safe_text::clean_line(text);
    match clean.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &clean[..at]),
        None => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_whole_and_case_forgiven() {
        assert!(has_word("The Mill's board met.", "mill"));
        assert!(!has_word("Millstone Ltd", "Mill"));
        assert!(has_word("up 13bn on the year", "13bn"));
        assert!(!has_word("anything", ""));
    }

    #[test]
    fn dates_by_year_or_month() {
        let date = DateSpec::parse("2031-11-21").unwrap();
        assert!(year_in("in 2031 the line", date));
        assert!(!year_in("in 20311 the line", date));
        assert!(month_in("on Nov. 21", date));
        assert!(month_in("in November", date));
        assert!(!month_in("a novel plan", date));
    }

    #[test]
    fn outlets_by_a_proper_word() {
        assert!(outlet_named("Kestrel's annual report shows", "Kestrel"));
        assert!(outlet_named(
            "the town council said",
            "Eastport Town Council"
        ));
        assert!(!outlet_named("the board said", "Eastport Town Council"));
    }
}
