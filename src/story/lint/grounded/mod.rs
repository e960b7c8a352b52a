//! Citations checked against the paragraphs they cite, when the sources' text files
//! are at hand (`check` and `lint` read them; see `story::passage`):
//!
//! - `unsupported-citation`: the paragraph names none of the record's names or
//!   aliases (nor its entities'), states none of its figure's written forms, and
//!   gives neither the year nor the month of its date;
//! - `origin-mismatch`: the paragraph credits its words to someone other than the
//!   citation's origin, or the citation's own `via` claims an origin the paragraph
//!   never names;
//! - `unmarked-inference`: a date whose year or month no cited paragraph gives, or a
//!   summary most of whose words no cited paragraph has, with no `authored` note.
//!
//! Reading prose is the text layer's job (`crate::text`): attributions, written forms
//! of figures and name keys come from there. What is decided here is only how a
//! record's own words meet its paragraphs.

mod doubts;
mod facts;
mod inference;
mod words;

use std::collections::BTreeSet;

use super::finding::{Finding, warning};
use crate::story::graph::Story;
use crate::story::graph::passage::SourceTexts;
use crate::story::graph::provenance::fact_path;
use crate::story::model::Citation;
use facts::{FactWords, fact_words};
use words::{clip, has_word};

pub use doubts::{Doubt, Doubts, doubts};

/// Where an `unsupported-citation` message turns from what is wrong to advice: a
/// citation's mark in the explorer shows only the part before.
const WRONG_PARAGRAPH: &str = " — the wrong paragraph?";
/// Where an `origin-mismatch` message about another credit turns to advice.
const GIVE_VIA: &str = ": give the citation the matching `via`";
/// Where an `origin-mismatch` message about an origin never named turns to advice.
const OWN_ACCOUNT: &str = ": if the article says it on its own account";

/// What the grounded checks found, and how many citations they could read.
#[derive(Debug, Default)]
pub struct Grounded {
    /// Citations whose paragraph was read.
    pub checked: usize,
    /// Citations with at least one finding.
    pub doubtful: usize,
    /// Every finding, fact by fact in file order.
    pub findings: Vec<Finding>,
}

/// Every grounded check over every citation whose source text is loaded.
pub fn grounded(story: &Story, texts: &SourceTexts) -> Grounded {
    let mut out = Grounded::default();
    // Without a text no paragraph can be read: no walk over every citation.
    if texts.is_empty() {
        return out;
    }
    let mut doubtful: BTreeSet<String> = BTreeSet::new();
    for (fact, cite) in story.each_fact() {
        let readable: Vec<(usize, &Citation, &str)> = (cite.iter().enumerate())
            .filter_map(|(c, citation)| {
                let paragraph = texts.paragraph(&citation.source, citation.para?)?;
                Some((c, citation, paragraph))
            })
            .collect();
        // Most facts of a story without texts have nothing to read: their words are
        // not worked out at all (that was an eighth of `check` on a large story).
        if readable.is_empty() {
            continue;
        }
        let path = fact_path(fact);
        let words = fact_words(story, fact);
        for &(c, citation, paragraph) in &readable {
            out.checked += 1;
            let at = format!("{path}.cite[{c}]");
            let label = citation_label(citation);
            let mut found = Vec::new();
            found.extend(unsupported(&words, paragraph, &at, &label));
            found.extend(origin_mismatch(story, citation, paragraph, &at, &label));
            if !found.is_empty() {
                doubtful.insert(at);
            }
            out.findings.extend(found);
        }
        // Inference is judged on every cited paragraph together, and only when each
        // citation's paragraph could be read.
        if readable.len() == cite.len() {
            let paragraphs: Vec<&str> = readable.iter().map(|&(_, _, p)| p).collect();
            out.findings
                .extend(inference::unmarked(&words, &paragraphs, &path));
        }
    }
    out.doubtful = doubtful.len();
    out
}

/// "`mi-2025-02-12` ¶7".
fn citation_label(citation: &Citation) -> String {
    match citation.para {
        Some(para) => format!("`{}` ¶{para}", citation.source),
        None => format!("`{}`", citation.source),
    }
}

/// `unsupported-citation`: nothing of the record is in the paragraph.
fn unsupported(words: &FactWords<'_>, paragraph: &str, at: &str, label: &str) -> Option<Finding> {
    let named = words.names.iter().any(|name| words::names(paragraph, name));
    let figure = (words.figure_forms.iter()).any(|form| has_word(paragraph, form));
    let dated = words.date.is_some_and(|(date, _)| {
        words::year_in(paragraph, date) || words::month_in(paragraph, date)
    });
    let anything =
        !words.names.is_empty() || !words.figure_forms.is_empty() || words.date.is_some();
    if !anything || named || figure || dated {
        return None;
    }
    Some(warning(
        "unsupported-citation",
        at.to_owned(),
        format!(
            "{label} names none of the record's names, figure or date{WRONG_PARAGRAPH} It reads: “{}”",
            clip(paragraph, 90)
        ),
    ))
}

/// `origin-mismatch`: the paragraph credits someone else, or never names the origin
/// the citation claims.
fn origin_mismatch(
    story: &Story,
    citation: &Citation,
    paragraph: &str,
    at: &str,
    label: &str,
) -> Option<Finding> {
    let sources = &story.file.sources;
    let cited = story.cited_source(citation);
    let origin = story.citation_origin(citation);
    let origin_name = &sources[origin].outlet;
    let credits: Vec<crate::text::Attribution> = crate::text::attributions(paragraph)
        .into_iter()
        .filter(|a| a.who.is_some())
        .collect();
    let credits_origin = |who: &str| words::same_name(who, origin_name);
    let credited_elsewhere = !credits.is_empty()
        && !credits
            .iter()
            .any(|a| a.who.as_deref().is_some_and(credits_origin))
        // A source retelling its own reporting names itself only by accident.
        && !credits
            .iter()
            .any(|a| a.who.as_deref().is_some_and(|w| origin == cited && words::same_name(w, &sources[cited].outlet)));
    if credited_elsewhere {
        let credit = &credits[0];
        return Some(warning(
            "origin-mismatch",
            at.to_owned(),
            format!(
                "{label} credits “{}”, but the citation's origin is {origin_name}{GIVE_VIA}",
                clip(&paragraph[credit.range.clone()], 60)
            ),
        ));
    }
    let names_origin = words::outlet_named(paragraph, origin_name)
        || crate::text::attributions(paragraph)
            .iter()
            .any(|a| a.kind == crate::text::AttributionKind::TheReport);
    // Only a citation's own `via` claims an origin for that paragraph: a source's `via`
    // is a default for the whole article, whose paragraphs name the report once.
    let claimed_here = citation.via().is_some();
    if claimed_here && origin != cited && !names_origin {
        return Some(warning(
            "origin-mismatch",
            at.to_owned(),
            format!(
                "{label} never names {origin_name}, the origin the citation claims{OWN_ACCOUNT}, give the citation `\"via\": \"{}\"`",
                citation.source
            ),
        ));
    }
    None
}
