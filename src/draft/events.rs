//! Events: a sentence that pairs a date with an action verb (launched, unveiled,
//! chose, approved, rose …) and names at least one entity becomes an event on that
//! date, titled "Subject verb Object" from the names around the verb (the subject is
//! the first name of the verb's clause, so "Alibaba's US shares rose" is Alibaba's).
//! The date is marked as the author's inference when its words are relative ("last
//! week") or leave out the year. An action sentence with no date of its own ("later
//! that evening, X announced …") takes the last date named before it in its own or
//! the previous paragraph, or else the article's own date, as approximate (`~`) and
//! inferred. Sentences saying "will", "expected", "plans to" are expected
//! events; with an "if" clause, conditional on it. The same subject, verb and date in
//! several articles is one event citing each.

use super::DraftContext;
use super::notes::{drafted, inferred, slug};
use super::reading::{Para, Reading, quote_around};
use super::verbs::{EXPECTATION_CUES, contains_word, find_verb};
use crate::story::model::date::DateSpec;
use std::ops::Range;

use crate::story::model::{AuthorNote, Citation, Event, EventText, Sourcing, Status, Timing};

/// The events of one article, merged into `events` (same subject, verb and date).
pub(crate) fn draft_events(cx: &mut DraftContext, reading: &Reading, events: &mut Vec<Event>) {
    let published = reading
        .article
        .published
        .as_deref()
        .and_then(|d| DateSpec::parse(d).ok());
    let own_date = published.map(|d| (d, "the article's own date".to_owned()));
    // The last date named, and in which paragraph: it carries over to the next
    // paragraph at most, since a later paragraph has usually moved on in time.
    let mut last_named: Option<((DateSpec, String), u32)> = None;
    for para in &reading.paras {
        for sentence in &para.sentences {
            let carried = last_named
                .as_ref()
                .filter(|(_, at)| para.number - at <= 1)
                .map(|(named, _)| named);
            let _ = draft_event(
                cx,
                reading,
                para,
                sentence.clone(),
                events,
                carried.or(own_date.as_ref()),
            );
            let named_here = para
                .dates
                .iter()
                .rfind(|d| d.range.start >= sentence.start && d.range.end <= sentence.end);
            if let Some(date) = named_here
                && let Ok(spec) = DateSpec::parse(&date.date.to_story_date())
            {
                last_named = Some((
                    (spec, format!("“{}”, named before it", date.words)),
                    para.number,
                ));
            }
        }
    }
}

/// The date an action sentence is put on: its own date nearest the verb, or the one
/// named before it, approximate; with the words to give as the reason.
fn event_date(
    para: &Para,
    sentence: &std::ops::Range<usize>,
    verb_at: usize,
    earlier: Option<&(DateSpec, String)>,
) -> Option<(DateSpec, std::ops::Range<usize>, Option<String>)> {
    let inside = |r: &std::ops::Range<usize>| r.start >= sentence.start && r.end <= sentence.end;
    let own = para
        .dates
        .iter()
        .filter(|d| inside(&d.range))
        .min_by_key(|d| d.range.start.abs_diff(verb_at));
    if let Some(date) = own {
        let spec = DateSpec::parse(&date.date.to_story_date()).ok()?;
        let inferred = (date.relative || date.date.approximate)
            .then(|| format!("from “{}” and the article's date", date.words));
        return Some((spec, date.range.clone(), inferred));
    }
    let (spec, words) = earlier?;
    let canonical = spec.canonical();
    let approximate =
        DateSpec::parse(&format!("~{}", canonical.trim_start_matches('~'))).unwrap_or(*spec);
    let quote_at = verb_at..verb_at;
    Some((
        approximate,
        quote_at,
        Some(format!("no date in the sentence: {words}, approximately")),
    ))
}

/// Who an event sentence names: the subject's id and name, the object's name, and
/// every entity id (subject first).
struct Parties {
    subject_id: String,
    subject_name: String,
    object_name: Option<String>,
    entity_ids: Vec<String>,
}

fn parties(
    cx: &DraftContext,
    para: &Para,
    sentence: &Range<usize>,
    verb_at: usize,
) -> Option<Parties> {
    let inside = |r: &Range<usize>| r.start >= sentence.start && r.end <= sentence.end;
    let named: Vec<(usize, String, String)> = para
        .names
        .iter()
        .filter(|n| inside(&n.range))
        .filter_map(|n| {
            Some((
                n.range.start,
                cx.entities.id_of(&n.text)?.to_owned(),
                n.text.clone(),
            ))
        })
        .collect();
    // The verb's clause starts after the last comma before it.
    let clause_start = para.text[sentence.start..verb_at]
        .rfind(',')
        .map_or(sentence.start, |c| sentence.start + c);
    let subject = named
        .iter()
        .find(|(at, ..)| *at >= clause_start && *at < verb_at)
        .or(named.first())?;
    let (_, subject_id, subject_name) = subject.clone();
    let object = named.iter().find(|(at, id, _)| {
        *at > verb_at
            && *at - verb_at <= 40
            && *id != subject_id
            && !para.text[verb_at..*at].contains([',', ';'])
    });
    let mut entity_ids = vec![subject_id.clone()];
    for (_, id, _) in &named {
        if !entity_ids.contains(id) {
            entity_ids.push(id.clone());
        }
    }
    Some(Parties {
        subject_id,
        subject_name,
        object_name: object.map(|o| o.2.clone()),
        entity_ids,
    })
}

/// Happened, expected (expectation words) or conditional (and on what: the "if …"
/// clause).
fn timing_of(text: &str) -> (Timing, Option<String>) {
    // ASCII lower case keeps byte offsets (the condition is cut from `text` by them).
    let lower = text.to_ascii_lowercase();
    let expected = EXPECTATION_CUES
        .iter()
        .any(|cue| contains_word(&lower, cue));
    let condition = lower.find("if ").filter(|_| expected).map(|at| {
        let rest = &text[at..];
        rest[..rest.find([',', '.', ';']).unwrap_or(rest.len())]
            .trim()
            .to_owned()
    });
    let timing = match (&condition, expected) {
        (Some(_), _) => Timing::Conditional,
        (None, true) => Timing::Expected,
        (None, false) => Timing::Happened,
    };
    (timing, condition)
}

fn event_notes(verb: &str, date_reason: Option<String>) -> Vec<AuthorNote> {
    let mut authored = vec![
        drafted(
            None,
            format!("rule events: a date and “{verb}” in one sentence"),
        ),
        drafted(
            Some("title"),
            "rule event-title: subject, verb and object as named in the sentence",
        ),
        drafted(
            Some("status"),
            "rule event-status: expectation words, else happened, as reported",
        ),
    ];
    if let Some(reason) = date_reason {
        authored.push(inferred("date", reason));
    }
    authored
}

/// Adds `citation` to an event already drafted with the same date, subject and verb;
/// whether there was one.
fn cite_again(
    events: &mut [Event],
    date: &DateSpec,
    subject: &str,
    verb: &str,
    citation: Citation,
) -> bool {
    let same = events.iter_mut().find(|e| {
        e.date == *date
            && e.entities.first().map(|id| id.as_str()) == Some(subject)
            && e.title().contains(verb)
    });
    let Some(event) = same else { return false };
    if !event.cite.iter().any(|c| c.source == citation.source) {
        let mut cite = std::mem::take(&mut event.cite).into_vec();
        cite.push(citation);
        event.cite = cite.into_boxed_slice();
    }
    true
}

pub(crate) fn cite(reading: &Reading, para: &Para, via: Option<String>, quote: String) -> Citation {
    Citation::new(reading.source_id.as_str(), Some(para.number))
        .with_via(via)
        .with_quote(Some(quote))
}

fn draft_event(
    cx: &mut DraftContext,
    reading: &Reading,
    para: &Para,
    sentence: Range<usize>,
    events: &mut Vec<Event>,
    earlier: Option<&(DateSpec, String)>,
) -> Option<()> {
    let text = &para.text[sentence.clone()];
    let (verb_at, verb) = find_verb(text)?;
    let verb_at = sentence.start + verb_at;
    let (date_spec, date_range, date_reason) = event_date(para, &sentence, verb_at, earlier)?;
    let parties = parties(cx, para, &sentence, verb_at)?;
    let date_text = date_spec.canonical();
    let via = cx.origins.via_at(&reading.source_id, para.number, verb_at);
    let citation = cite(
        reading,
        para,
        via,
        quote_around(&para.text, &date_range, &sentence),
    );
    if cite_again(
        events,
        &date_spec,
        &parties.subject_id,
        verb,
        citation.clone(),
    ) {
        return Some(());
    }
    let title = match &parties.object_name {
        Some(object) => format!("{} {verb} {object}", parties.subject_name),
        None => format!("{} {verb}", parties.subject_name),
    };
    let (timing, condition) = timing_of(text);
    let id = cx.ids.unique(&format!(
        "ev-{}-{}-{}",
        parties.subject_id,
        slug(verb),
        slug(&date_text)
    ));
    events.push(Event {
        id: id.into(),
        text: EventText::new(&title, text, condition.as_deref()).ok()?,
        date: date_spec,
        entities: parties.entity_ids.into_iter().map(Into::into).collect(),
        status: Status {
            sourcing: Sourcing::Reported,
            timing,
        },
        cite: Box::new([citation]),
        authored: event_notes(verb, date_reason).into(),
        status_changes: Vec::new().into(),
    });
    Some(())
}
