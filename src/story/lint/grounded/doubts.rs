//! The grounded checks' findings turned round for the explorer: for each record, the
//! citations a check doubts and why in a few words, so Detail (and the Markdown `y`
//! copies) can mark each doubted citation where it is shown.

use std::collections::HashMap;

use super::{GIVE_VIA, OWN_ACCOUNT, WRONG_PARAGRAPH, citation_label, grounded};
use crate::story::graph::Story;
use crate::story::graph::passage::SourceTexts;
use crate::story::graph::provenance::fact_path;
use crate::story::model::Citation;

/// One citation a grounded check doubts.
#[derive(Debug, Clone, PartialEq)]
pub struct Doubt {
    /// The citation, as the record carries it.
    pub citation: Citation,
    /// The check and what is wrong, without the advice: "origin-mismatch: credits
    /// “According to …”, but the citation's origin is …".
    pub reason: String,
}

/// Every doubted citation, by the id of the record that carries it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doubts {
    by_record: HashMap<String, Vec<Doubt>>,
}

impl Doubts {
    /// The reasons a check doubts `citation` of the record `record_id`, in check order.
    pub fn of<'a>(
        &'a self,
        record_id: &str,
        citation: &'a Citation,
    ) -> impl Iterator<Item = &'a str> + 'a {
        (self.by_record.get(record_id).into_iter().flatten())
            .filter(move |doubt| doubt.citation == *citation)
            .map(|doubt| doubt.reason.as_str())
    }

    /// How many citations are doubted, over every record.
    pub fn len(&self) -> usize {
        self.by_record.values().map(Vec::len).sum()
    }

    /// True when no citation is doubted.
    pub fn is_empty(&self) -> bool {
        self.by_record.is_empty()
    }
}

/// The citations the grounded checks doubt, by record; nothing when no text is loaded
/// (then no paragraph can be read, and the story is not walked at all).
pub fn doubts(story: &Story, texts: &SourceTexts) -> Doubts {
    let mut out = Doubts::default();
    if texts.is_empty() {
        return out;
    }
    let mut at_location: HashMap<&str, Vec<&super::Finding>> = HashMap::new();
    let found = grounded(story, texts);
    for finding in &found.findings {
        at_location
            .entry(finding.location.as_str())
            .or_default()
            .push(finding);
    }
    for (fact, cite) in story.each_fact() {
        let path = fact_path(fact);
        for (c, citation) in cite.iter().enumerate() {
            let Some(findings) = at_location.get(format!("{path}.cite[{c}]").as_str()) else {
                continue;
            };
            let record = story.record_id(story.fact_record(fact)).to_owned();
            let label = citation_label(citation);
            for finding in findings {
                out.by_record
                    .entry(record.clone())
                    .or_default()
                    .push(Doubt {
                        citation: citation.clone(),
                        reason: format!("{}: {}", finding.check, brief(&finding.message, &label)),
                    });
            }
        }
    }
    out
}

/// A finding's message without the citation it starts with and the advice it ends
/// with: what is wrong, in a few words.
fn brief<'a>(message: &'a str, label: &str) -> &'a str {
    let what = message.strip_prefix(label).map_or(message, str::trim_start);
    let end = [WRONG_PARAGRAPH, GIVE_VIA, OWN_ACCOUNT]
        .iter()
        .filter_map(|advice| what.find(advice))
        .min()
        .unwrap_or(what.len());
    &what[..end]
}

#[cfg(test)]
mod tests {
    use super::brief;

    #[test]
    fn the_brief_reason_drops_the_citation_and_the_advice() {
        let label = "`courier` ¶1";
        let message = format!(
            "{label} credits “According to the Saltmarsh Gazette”, but the citation's origin is Tidewater Ferries{}",
            super::GIVE_VIA
        );
        assert_eq!(
            brief(&message, label),
            "credits “According to the Saltmarsh Gazette”, but the citation's origin is Tidewater Ferries"
        );
        let unsupported = format!(
            "{label} names none of the record's names, figure or date{} It reads: “x”",
            super::WRONG_PARAGRAPH
        );
        assert_eq!(
            brief(&unsupported, label),
            "names none of the record's names, figure or date"
        );
    }
}
