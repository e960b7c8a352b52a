//! Figures: every figure the text layer finds becomes a metric, about the entity named
//! nearest before it in its sentence (else the first one after it; no entity in the
//! sentence, no metric), labelled with the words from that name to the figure, dated
//! by a date in the same sentence when there is one, and citing the origin its
//! sentence credits.

use super::DraftContext;
use super::notes::{drafted, inferred};
use super::reading::{Para, Reading, quote_around};
use crate::story::model::date::DateSpec;
use crate::story::model::{Basis, Bound, Citation, Direction, Metric};
use crate::text::{self, FigureMention};

/// Most words a drafted label keeps (the ones nearest the figure).
const LABEL_WORDS: usize = 12;

/// The metrics of one article.
pub(crate) fn draft_metrics(cx: &mut DraftContext, reading: &Reading) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for para in &reading.paras {
        for figure in &para.figures {
            if let Some(metric) = draft_metric(cx, reading, para, figure) {
                metrics.push(metric);
            }
        }
    }
    metrics
}

fn draft_metric(
    cx: &mut DraftContext,
    reading: &Reading,
    para: &Para,
    figure: &FigureMention,
) -> Option<Metric> {
    let sentence = para.sentence_of(figure.range.start);
    let (subject_mention, subject_id) = subject_of(cx, para, figure, &sentence)?;
    let label_range = subject_mention.range.start.min(figure.range.start)
        ..figure.range.end.max(subject_mention.range.end);
    let label = last_words(&para.text[label_range], LABEL_WORDS);
    let at = figure.range.start;
    let measurer = cx.origins.measurer(reading, para, at, &mut cx.ids);
    let via = measurer.or_else(|| cx.origins.via_at(&reading.source_id, para.number, at));
    let period = period_of(para, &sentence);
    let authored = metric_notes(
        para,
        figure,
        period.as_ref().map(|(_, words)| words.as_str()),
    );
    let (value, range, qualitative) = amount(figure);
    let id = cx.ids.unique(&format!(
        "m-{subject_id}-{}",
        super::notes::slug(&label_tail(&label))
    ));
    Some(Metric {
        id: id.into(),
        subject: subject_id.into(),
        label,
        value,
        range,
        qualitative,
        unit: unit_of(figure),
        currency: figure.currency.clone(),
        scale: figure
            .scale
            .and_then(|s| serde_json::from_value(s.as_str().into()).ok()),
        bound: if figure.qualitative {
            Bound::Exact
        } else {
            bound(figure.bound)
        },
        direction: figure.direction.map(direction),
        period: period.map(|(date, _)| date),
        period_note: None,
        basis: basis_of(figure),
        stated_by: None,
        group: None,
        cite: vec![
            Citation::new(reading.source_id.as_str(), Some(para.number))
                .with_via(via)
                .with_quote(Some(quote_around(&para.text, &figure.range, &sentence))),
        ],
        authored: authored.into(),
    })
}

/// A date in the figure's sentence, and its words.
fn period_of(para: &Para, sentence: &std::ops::Range<usize>) -> Option<(DateSpec, String)> {
    let date = para
        .dates
        .iter()
        .find(|d| d.range.start >= sentence.start && d.range.end <= sentence.end)?;
    Some((
        DateSpec::parse(&date.date.to_story_date()).ok()?,
        date.words.clone(),
    ))
}

fn unit_of(figure: &FigureMention) -> String {
    if figure.percent {
        "%".to_owned()
    } else {
        figure.unit.clone().unwrap_or_default()
    }
}

fn direction(direction: text::Direction) -> Direction {
    match direction {
        text::Direction::Up => Direction::Up,
        text::Direction::Down => Direction::Down,
    }
}

fn basis_of(figure: &FigureMention) -> Basis {
    figure
        .basis
        .and_then(|b| Basis::parse(b.as_str()).ok())
        .unwrap_or_else(|| Basis::parse("level").expect("a known basis"))
}

/// The entity named nearest before the figure in its sentence, else the first after.
fn subject_of<'p>(
    cx: &DraftContext,
    para: &'p Para,
    figure: &FigureMention,
    sentence: &std::ops::Range<usize>,
) -> Option<(&'p crate::text::NameMention, String)> {
    let in_sentence =
        |r: &std::ops::Range<usize>| r.start >= sentence.start && r.end <= sentence.end;
    let entity =
        |n: &'p crate::text::NameMention| Some((n, cx.entities.id_of(&n.text)?.to_owned()));
    para.names
        .iter()
        .rev()
        .filter(|n| in_sentence(&n.range) && n.range.end <= figure.range.start)
        .find_map(entity)
        .or_else(|| {
            para.names
                .iter()
                .filter(|n| in_sentence(&n.range) && n.range.start >= figure.range.end)
                .find_map(entity)
        })
}

fn metric_notes(
    para: &Para,
    figure: &FigureMention,
    period_words: Option<&str>,
) -> Vec<crate::story::model::AuthorNote> {
    let mut authored = vec![
        drafted(
            None,
            format!("rule figures: “{}”", &para.text[figure.range.clone()]),
        ),
        drafted(
            Some("subject"),
            "rule figure-subject: the name nearest the figure in its sentence",
        ),
        drafted(
            Some("label"),
            "rule figure-label: the words from the subject to the figure",
        ),
    ];
    if let Some(words) = period_words {
        authored.push(inferred(
            "period",
            format!("from “{words}” in the same sentence"),
        ));
    }
    authored
}

/// Exactly one of value, range and words, as the format asks.
fn amount(figure: &FigureMention) -> (Option<f64>, Option<[f64; 2]>, Option<String>) {
    if figure.qualitative {
        let words = figure
            .words
            .clone()
            .unwrap_or_else(|| "unstated amount".to_owned());
        return (None, None, Some(words));
    }
    match figure.value_high {
        Some(high) if high > figure.value => (None, Some([figure.value, high]), None),
        _ => (Some(figure.value), None, None),
    }
}

fn bound(bound: text::Bound) -> Bound {
    match bound {
        text::Bound::Exact => Bound::Exact,
        text::Bound::About => Bound::About,
        text::Bound::Over => Bound::Over,
        text::Bound::Exceeding => Bound::Exceeding,
        text::Bound::AtLeast => Bound::AtLeast,
        text::Bound::UpTo => Bound::UpTo,
        text::Bound::Under => Bound::Under,
    }
}

fn last_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let label = words[words.len().saturating_sub(n)..].join(" ");
    if label.is_empty() {
        "figure".to_owned()
    } else {
        label
    }
}

/// The last three words, for the id.
fn label_tail(label: &str) -> String {
    last_words(label, 3)
}
