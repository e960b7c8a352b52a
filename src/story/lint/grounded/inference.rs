//! `unmarked-inference`: what a record says that none of its cited paragraphs gives,
//! with no `authored` note saying it is the author's own.
//!
//! Dates: a date whose year, or (for a month or a day) whose month, no cited paragraph
//! names — a year taken from the article's own date, "on Tuesday" worked out to a day.
//!
//! Summaries (a heuristic, measured in docs/story-format.md): the summary's content
//! words — four letters or more, not on a short list of function words — are looked
//! for in the cited paragraphs by their first five letters ("launched" meets
//! "launch"). A summary of three content words or more is flagged when fewer than
//! two in five of them are found: paraphrase keeps enough of the article's words to
//! pass, while a description from outside knowledge ("internet regulator", "maker of
//! the iPhone") shares almost none.

use super::facts::FactWords;
use super::words::{month_in, year_in};
use crate::story::lint::finding::{Finding, warning};
use crate::story::model::date::Precision;

/// Words that carry no content of their own.
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "also", "among", "been", "before", "being", "between", "both", "could",
    "does", "down", "during", "each", "from", "have", "into", "its", "more", "most", "much",
    "only", "other", "over", "said", "says", "some", "such", "than", "that", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "under", "until", "very", "were",
    "what", "when", "where", "which", "while", "whose", "will", "with", "would",
];

/// The findings for one fact, given every one of its cited paragraphs.
pub(super) fn unmarked(words: &FactWords<'_>, paragraphs: &[&str], path: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some((date, field)) = words.date {
        let monthly = matches!(date.precision(), Precision::Month | Precision::Day);
        let year = paragraphs.iter().any(|p| year_in(p, date));
        let month = !monthly || paragraphs.iter().any(|p| month_in(p, date));
        if !(words.marked(field) || year && month) {
            let missing = if year { "month" } else { "year" };
            findings.push(warning(
                "unmarked-inference",
                format!("{path}.{field}"),
                format!(
                    "{} — no cited paragraph gives its {missing}: if it is worked out (from the article's date, \"last week\"), say so in `authored` ({{ \"field\": \"{field}\", \"kind\": \"inference\", … }})",
                    date.human()
                ),
            ));
        }
    }
    if let Some(summary) = words.summary {
        if !words.marked("summary") {
            let missing = missing_words(summary, paragraphs);
            if let Some(missing) = missing {
                findings.push(warning(
                    "unmarked-inference",
                    format!("{path}.summary"),
                    format!(
                        "the summary's words {} are in no cited paragraph: mark what is the author's own in `authored` (\"field\": \"summary\"), or cite the paragraph that says it",
                        missing.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        }
    }
    findings
}

/// The summary's content words.
fn content_words(summary: &str) -> Vec<String> {
    let mut out: Vec<String> = summary
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    out.dedup();
    out
}

/// The first five letters of a word: what two forms of it share.
fn stem(word: &str) -> String {
    word.chars().take(5).collect()
}

/// The content words no paragraph has, when too few of them are found (None when
/// the summary passes).
pub(super) fn missing_words(summary: &str, paragraphs: &[&str]) -> Option<Vec<String>> {
    let words = content_words(summary);
    if words.len() < 3 {
        return None;
    }
    let stems: std::collections::BTreeSet<String> = paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .map(|w| stem(&w.to_lowercase()))
        .collect();
    let (found, missing): (Vec<String>, Vec<String>) =
        words.into_iter().partition(|w| stems.contains(&stem(w)));
    // Fewer than two in five found.
    (found.len() * 5 < (found.len() + missing.len()) * 2)
        .then(|| missing.into_iter().take(4).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paraphrase_passes_and_outside_knowledge_does_not() {
        let paragraph =
            "Kestrel Rail said on Monday it had launched a night service between the two ports.";
        assert!(
            missing_words(
                "Kestrel launches a night service linking the ports",
                &[paragraph]
            )
            .is_none()
        );
        let outside = missing_words(
            "Britain's oldest privately owned freight carrier",
            &[paragraph],
        );
        assert!(outside.is_some());
        assert!(outside.unwrap().contains(&"oldest".to_owned()));
        // Too short to judge.
        assert!(missing_words("Freight carrier", &[paragraph]).is_none());
    }

    #[test]
    fn a_date_needs_its_year_and_month_in_a_cited_paragraph_or_a_mark() {
        let date = crate::story::model::date::DateSpec::parse("2026-05-05").unwrap();
        let words = FactWords {
            names: Vec::new(),
            figure_forms: Vec::new(),
            date: Some((date, "date")),
            summary: None,
            notes: &[],
        };
        let count = |paragraph: &str| unmarked(&words, &[paragraph], "events[0]").len();
        assert_eq!(
            count("On 5 May the ferry stopped."),
            1,
            "the year is missing"
        );
        assert_eq!(
            count("In 2026 the ferry stopped."),
            1,
            "the month is missing"
        );
        assert_eq!(count("On 5 May 2026 the ferry stopped."), 0);
    }
}
