//! A citation as every view writes it, in plain words: the Detail pane, the record
//! copy and the export footnotes all use this one text.

use crate::story::graph::Story;
use crate::story::model::Citation;

/// A citation as every view writes it: outlet, “title”, date, paragraph, the quoted
/// words, and where the statement comes from — the cited source's own `via` (`relying
/// on The Information`), or the citation's (`from CARMA`, `its own reporting`):
/// `Reuters, “Apple picks Alibaba”, 12 Feb 2025, ¶3 (relying on The Information)`.
/// Detail, the record copy and export footnotes all use this.
pub fn citation_text(story: &Story, citation: &Citation) -> String {
    let source = &story.file.sources[story.cited_source(citation)];
    let date = source
        .published
        .map_or_else(|| "undated".to_owned(), |date| date.human());
    let mut text = format!("{}, “{}”, {date}", source.outlet, source.title);
    if let Some(para) = citation.para {
        text.push_str(&format!(", ¶{para}"));
    }
    if let Some(quote) = citation.quote() {
        text.push_str(&format!(": “{quote}”"));
    }
    match citation.via() {
        Some(own) if own == citation.source => text.push_str(" (its own reporting)"),
        Some(via) => {
            let upstream = story.source_name(story.source_index(via));
            text.push_str(&format!(" (from {upstream})"));
        }
        None => {
            if let Some(via) = &source.via {
                let upstream = story.source_name(story.source_index(via));
                text.push_str(&format!(" (relying on {upstream})"));
            }
        }
    }
    text
}
