//! The lint check `future-prose`: a title, summary, claim or reason that tells what
//! was not known yet on the day its record first counts, so the story `--as-of` that
//! day shows it. Two signs, neither needing the articles: the prose states a date
//! after that day ("left the board on 21 Nov" in a record known from 17 Nov), or it
//! names an entity that no record known by that day names.
//!
//! Dates are read with the text layer (`crate::text::dates`), anchored on the day the
//! record first counts; only dates whose words carry a number are used ("21 Nov",
//! "March 2030"), because words like "the next day" in a summary are relative to the
//! event, not to the article.

use super::finding::{Finding, warning};
use crate::story::graph::Story;
use crate::story::model::Citation;
use crate::story::model::date::{DateSpec, DayNumber, civil_from_days};

/// One piece of prose and what it rests on.
struct Prose<'a> {
    /// `events[2].summary`.
    location: String,
    text: &'a str,
    cite: &'a [Citation],
    /// An expectation may name the date it is expected on: dates up to this day are
    /// its own, not news from later.
    own_until: Option<DayNumber>,
    /// Events can tell a later change in `status_changes`; other records cannot.
    is_event: bool,
}

/// The day a fact first counts under the as-of rule: its earliest dated source's
/// last possible publication day. None when no cited source has a date.
pub(crate) fn first_known(story: &Story, cite: &[Citation]) -> Option<DayNumber> {
    let sources = &story.file.sources;
    (cite.iter())
        .filter_map(|c| sources[story.cited_source(c)].published)
        .map(|date| date.latest())
        .min()
}

/// Every titled or summarised fact, with the citations its words rest on.
fn prose<'a>(story: &'a Story) -> Vec<Prose<'a>> {
    let file = &story.file;
    let mut out = Vec::new();
    let mut push = |location: String,
                    text: Option<&'a str>,
                    cite: &'a [Citation],
                    own_until: Option<DayNumber>,
                    is_event: bool| {
        if let Some(text) = text {
            out.push(Prose {
                location,
                text,
                cite,
                own_until,
                is_event,
            });
        }
    };
    for (i, e) in file.entities.iter().enumerate() {
        push(
            format!("entities[{i}].summary"),
            e.summary.as_deref(),
            &e.cite,
            None,
            false,
        );
    }
    for (i, r) in file.relations.iter().enumerate() {
        push(
            format!("relations[{i}].summary"),
            r.summary.as_deref(),
            &r.cite,
            None,
            false,
        );
    }
    for (i, e) in file.events.iter().enumerate() {
        let own = e.status.timing.is_expectation().then(|| e.date.latest());
        push(
            format!("events[{i}].title"),
            Some(e.title()),
            &e.cite,
            own,
            true,
        );
        push(
            format!("events[{i}].summary"),
            Some(e.summary()),
            &e.cite,
            own,
            true,
        );
        for (c, change) in e.status_changes.iter().enumerate() {
            let at = format!("events[{i}].status_changes[{c}].reason");
            push(at, change.reason.as_deref(), &change.cite, None, true);
        }
    }
    out.extend(step_prose(story));
    out
}

/// The prose of candidacy stages and dispute versions.
fn step_prose<'a>(story: &'a Story) -> Vec<Prose<'a>> {
    let file = &story.file;
    let mut out = Vec::new();
    let mut push = |location: String, text: Option<&'a str>, cite: &'a [Citation]| {
        if let Some(text) = text {
            let (own_until, is_event) = (None, false);
            out.push(Prose {
                location,
                text,
                cite,
                own_until,
                is_event,
            });
        }
    };
    for (c, candidacy) in file.candidates.iter().enumerate() {
        for (s, stage) in candidacy.stages.iter().enumerate() {
            let at = format!("candidates[{c}].stages[{s}].reason");
            push(at, stage.reason.as_deref(), &stage.cite);
        }
    }
    for (d, dispute) in file.disputes.iter().enumerate() {
        for (v, variant) in dispute.variants.iter().enumerate() {
            let at = format!("disputes[{d}].variants[{v}].claim");
            push(at, Some(&variant.claim), &variant.cite);
        }
    }
    out
}

/// For each entity, the first day a known record names or describes it: its own
/// citations, or any event, relation, metric or candidacy referring to it.
fn entity_named_from(story: &Story) -> Vec<Option<DayNumber>> {
    let file = &story.file;
    let mut named: Vec<Option<DayNumber>> = (file.entities.iter())
        .map(|e| first_known(story, &e.cite))
        .collect();
    let mut note = |id: &str, day: Option<DayNumber>| {
        let slot = &mut named[story.entity_index(id)];
        *slot = match (*slot, day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    };
    for event in &file.events {
        let day = first_known(story, &event.cite);
        event.entities.iter().for_each(|id| note(id, day));
    }
    for relation in &file.relations {
        let day = first_known(story, &relation.cite);
        note(&relation.from, day);
        note(&relation.to, day);
    }
    for metric in &file.metrics {
        let day = first_known(story, &metric.cite);
        note(&metric.subject, day);
        metric.stated_by.iter().for_each(|id| note(id, day));
    }
    for candidacy in &file.candidates {
        let day = (candidacy.stages.iter())
            .filter_map(|s| first_known(story, &s.cite))
            .min();
        note(&candidacy.candidate, day);
        note(&candidacy.seeker, day);
    }
    named
}

/// True when `name` appears in `text` as a whole word (case as written).
pub(crate) fn names_word(text: &str, name: &str) -> bool {
    if name.chars().count() < 3 {
        return false;
    }
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The first date the prose states that lies wholly after `known` (and after the
/// record's own expected date), as words and the date shown.
/// A date after the last source of the story is one no source could report as past:
/// the prose states an expectation the sources give, not news from a later article.
fn later_date(
    prose: &Prose<'_>,
    known: DayNumber,
    last_source: DayNumber,
) -> Option<(String, DateSpec)> {
    let (year, month, day) = civil_from_days(known);
    let anchor = crate::text::Day { year, month, day };
    crate::text::dates(prose.text, Some(anchor))
        .into_iter()
        .filter(|m| m.words.chars().any(|c| c.is_ascii_digit()))
        .filter_map(|m| {
            let date = DateSpec::parse(&m.date.to_story_date()).ok()?;
            let after_own = prose.own_until.is_none_or(|own| date.earliest() > own);
            let reportable = date.earliest() <= last_source;
            (date.earliest() > known && after_own && reportable).then_some((m.words, date))
        })
        .next()
}

/// An entity the prose names that no record names by `known`. Names of entities
/// known by then are blanked out first, longest first, so an alias inside a longer
/// known name ("Qwen" in "Qwen 2.5-Max") is not taken for the later entity.
fn later_name(
    story: &Story,
    named_from: &[Option<DayNumber>],
    prose: &Prose<'_>,
    known: DayNumber,
) -> Option<(usize, DayNumber)> {
    let entities = &story.file.entities;
    let names_of = |e: usize| std::iter::once(&entities[e].name).chain(&entities[e].aliases);
    let mut known_names: Vec<&String> = (0..entities.len())
        .filter(|&e| named_from[e].is_none_or(|day| day <= known))
        .flat_map(names_of)
        .collect();
    known_names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    let mut text = prose.text.to_owned();
    for name in known_names.into_iter().filter(|name| !name.is_empty()) {
        text = text.replace(name.as_str(), &" ".repeat(name.len()));
    }
    (0..entities.len())
        .filter_map(|e| Some((e, named_from[e]?)))
        .find(|&(e, day)| day > known && names_of(e).any(|name| names_word(&text, name)))
}

/// One warning per piece of prose that tells the future of its record.
pub(crate) fn future_prose(story: &Story) -> Vec<Finding> {
    let named_from = entity_named_from(story);
    let last_source = (story.file.sources.iter())
        .filter_map(|s| s.published.map(|d| d.latest()))
        .max()
        .unwrap_or(DayNumber::MIN);
    let mut findings = Vec::new();
    for prose in prose(story) {
        let Some(known) = first_known(story, prose.cite) else {
            continue;
        };
        let known_text = DateSpec::from_day_number(known).human();
        let what = if let Some((words, date)) = later_date(&prose, known, last_source) {
            format!("mentions {} (“{words}”)", date.human())
        } else if let Some((e, day)) = later_name(story, &named_from, &prose, known) {
            format!(
                "names {}, which no record names before {}",
                story.file.entities[e].name,
                DateSpec::from_day_number(day).human()
            )
        } else {
            continue;
        };
        let fix = if prose.is_event {
            "tell the later part as a `status_changes` entry citing the source that reports it, or cite only that later source"
        } else {
            "leave the later part out, or cite only the later source that tells it (the record then appears from that day)"
        };
        findings.push(Finding {
            group: Some("prose that tells the future".to_owned()),
            ..warning(
            "future-prose",
            prose.location.clone(),
            format!(
                "“{}” {what}, but the record counts from {known_text}: as of then it tells the future; {fix}",
                clipped(prose.text)
            ),
        )
        });
    }
    findings
}

/// The prose cleaned for the terminal and cut to a length a report line can carry.
fn clipped(text: &str) -> String {
    let clean = crate::story::safe_text::clean_line(text);
    match clean.char_indices().nth(70) {
        Some((at, _)) => format!("{}…", &clean[..at]),
        None => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LATER: &str = include_str!("../../../tests/fixtures/lint/later_days.json");

    fn story(text: &str) -> Story {
        crate::story::load::load_bytes(text.as_bytes(), "t").unwrap_or_else(|err| panic!("{err}"))
    }

    fn flagged(text: &str) -> Vec<String> {
        future_prose(&story(text))
            .into_iter()
            .map(|f| f.location)
            .collect()
    }

    #[test]
    fn prose_naming_someone_no_record_names_yet_is_flagged() {
        let found = flagged(LATER);
        assert!(
            found.contains(&"relations[0].summary".to_owned()),
            "{found:?}"
        );
        // Cited to the article that names him: known from that day, nothing to flag.
        let fixed = LATER.replacen(
            "\"summary\": \"Sat on the board until Bayo Okon's review.\",\n      \"cite\": [{ \"source\": \"gazette-1\", \"para\": 2 }]",
            "\"summary\": \"Sat on the board until Bayo Okon's review.\",\n      \"cite\": [{ \"source\": \"bulletin\", \"para\": 2 }]",
            1,
        );
        assert_ne!(fixed, LATER);
        assert!(!flagged(&fixed).contains(&"relations[0].summary".to_owned()));
    }

    #[test]
    fn a_date_later_than_the_first_source_is_flagged_but_an_expectation_is_not() {
        let found = flagged(LATER);
        assert!(
            found.contains(&"entities[1].summary".to_owned()),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|l| l.starts_with("events[2]")),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|l| l.starts_with("events[0]")),
            "{found:?}"
        );
        // The same date in a record known only from the later article is fine.
        let later = LATER.replacen(
            "\"cite\": [{ \"source\": \"gazette-1\", \"para\": 2 }, { \"source\": \"gazette-2\", \"para\": 1 }]",
            "\"cite\": [{ \"source\": \"gazette-2\", \"para\": 1 }]",
            1,
        );
        assert_ne!(later, LATER);
        assert!(!flagged(&later).contains(&"entities[1].summary".to_owned()));
        // A date after every source is an expectation the sources give, even in a
        // record that is not an expected event.
        let expected = LATER.replacen(
            "left the board on 21 Nov 2031",
            "leaves the board on 9 Dec 2031",
            1,
        );
        assert_ne!(expected, LATER);
        assert!(!flagged(&expected).contains(&"entities[1].summary".to_owned()));
    }

    #[test]
    fn whole_words_only() {
        assert!(names_word("met Ana Lee on Friday", "Ana Lee"));
        assert!(!names_word("Banana Leeks", "Ana Lee"));
        assert!(
            !names_word("an AI", "AI"),
            "names under three letters are not matched"
        );
    }
}
