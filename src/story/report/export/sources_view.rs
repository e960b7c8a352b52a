//! The Sources view in exports: which sources stand behind the facts shown (all of
//! them, or those about one entity), the summary line that opens it, and addresses
//! written as Markdown links that work.

use std::collections::BTreeSet;

use crate::story::graph::provenance::FactRef;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::Citation;
use crate::story::query::views::SourceRow;
use crate::story::report::markdown::escape;

impl Story {
    /// The facts about one entity, with their citations: the entity itself, its
    /// relations, events, figures, candidacies' stages, and disputes touching it.
    pub fn facts_about(&self, entity: usize) -> Vec<(FactRef, &[Citation])> {
        let file = &self.file;
        let links = self.links(entity);
        let mut facts: Vec<(FactRef, &[Citation])> = vec![(
            FactRef::Record(RecordRef::Entity(entity)),
            file.entities[entity].cite.as_slice(),
        )];
        facts.extend(links.relations.iter().map(|&i| {
            (
                FactRef::Record(RecordRef::Relation(i)),
                file.relations[i].cite.as_slice(),
            )
        }));
        facts.extend(links.event_indexes().map(|i| {
            (
                FactRef::Record(RecordRef::Event(i)),
                &file.events[i].cite[..],
            )
        }));
        facts.extend(links.metrics.iter().map(|&i| {
            (
                FactRef::Record(RecordRef::Metric(i)),
                file.metrics[i].cite.as_slice(),
            )
        }));
        for &c in &links.candidacies {
            for (s, stage) in file.candidates[c].stages.iter().enumerate() {
                facts.push((FactRef::Stage(c, s), stage.cite.as_slice()));
            }
        }
        for d in 0..file.disputes.len() {
            if self.dispute_touches_entity(d, entity) {
                for (v, variant) in file.disputes[d].variants.iter().enumerate() {
                    facts.push((FactRef::Variant(d, v), variant.cite.as_slice()));
                }
            }
        }
        facts
    }

    /// The Sources pane under the entity filter: the sources behind the facts about
    /// `entity` (see `facts_about`), in file order, counting those facts only, as the
    /// export's Sources view about an entity does.
    pub fn source_rows_about(&self, entity: usize) -> Vec<SourceRow> {
        let facts = self.facts_about(entity);
        let counts = self.source_fact_counts_of(facts.iter().map(|(_, cite)| *cite));
        (counted_sources(&counts))
            .map(|s| self.source_row_with(s, counts[s]))
            .collect()
    }

    /// Sources behind some facts (cited, or on a cited statement's way to its origin),
    /// and the facts' distinct origins.
    pub fn sources_behind(
        &self,
        facts: &[(FactRef, &[Citation])],
    ) -> (BTreeSet<usize>, BTreeSet<usize>) {
        let counts = self.source_fact_counts_of(facts.iter().map(|(_, cite)| *cite));
        (counted_sources(&counts).collect(), self.origins_of(facts))
    }

    /// The distinct origins of some facts' citations.
    fn origins_of(&self, facts: &[(FactRef, &[Citation])]) -> BTreeSet<usize> {
        (facts.iter())
            .flat_map(|(_, cite)| cite.iter())
            .map(|citation| self.citation_origin(citation))
            .collect()
    }
}

/// The sources some facts' counts (`source_fact_counts_of`) count any fact behind, in
/// file order: those a citation's statement passed through, since the tally walks
/// each citation's whole way (`citation_chain`).
fn counted_sources(counts: &[(usize, usize)]) -> impl Iterator<Item = usize> + '_ {
    (0..counts.len()).filter(|&s| counts[s].0 > 0)
}

/// "7 sources · 7 independent origins".
pub(crate) fn sources_summary(sources: usize, origins: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} · {}",
        plural(sources, "source", "sources"),
        plural(origins, "independent origin", "independent origins")
    )
}

/// An address as a Markdown link that works: `[example.com/a](https://example.com/a)`.
/// Only http and https addresses become links; anything else (a `javascript:` address
/// in a hostile file, say) stays inert text. Characters that would end the link or
/// split a table cell are percent-encoded in the target.
pub(crate) fn markdown_link(url: &str) -> String {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    let scheme_len = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return escape(url);
    };
    if trimmed.len() == scheme_len || trimmed.chars().any(|c| c.is_control()) {
        return escape(url);
    }
    let mut target = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '|' | '\\' | '`' | '"' | '[' | ']' => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    target.push_str(&format!("%{byte:02X}"));
                }
            }
            c if c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    target.push_str(&format!("%{byte:02X}"));
                }
            }
            c => target.push(c),
        }
    }
    format!("[{}]({target})", escape(&trimmed[scheme_len..]))
}

/// The Sources section's opening line and table rows, for every source or only those
/// behind the facts about `entity`. Counts cover the same facts.
pub(crate) fn sources_table(
    story: &Story,
    entity: Option<usize>,
) -> (String, Vec<(usize, Vec<String>)>) {
    // The whole story's counts are the ones `build` tallied.
    let (facts, counted) = match entity {
        Some(entity) => {
            let facts = story.facts_about(entity);
            let counts = story.source_fact_counts_of(facts.iter().map(|(_, cite)| *cite));
            (facts, Some(counts))
        }
        None => (story.facts(), None),
    };
    let counts = counted.as_deref().unwrap_or(story.source_fact_counts());
    let behind: Vec<usize> = counted_sources(counts).collect();
    let origins = story.origins_of(&facts);
    let mut summary = sources_summary(behind.len(), origins.len());
    if let Some(entity) = entity {
        summary.push_str(&format!(
            " behind the facts about {}",
            escape(&story.file.entities[entity].name)
        ));
    }
    let rows = behind
        .into_iter()
        .map(|s| {
            let source = &story.file.sources[s];
            let (facts, alone) = counts[s];
            let via = source
                .via
                .as_deref()
                .map(|via| escape(story.source_name(story.source_index(via))));
            let mut published = source
                .published
                .map_or_else(|| "undated".to_owned(), |d| d.human());
            if let Some(note) = source
                .authored
                .iter()
                .find(|n| n.field.as_deref() == Some("published"))
            {
                published.push_str(&format!(
                    " {}",
                    crate::story::graph::authored::note_text(note)
                ));
            }
            let cells = vec![
                format!("“{}”", escape(&source.title)),
                escape(&source.outlet),
                escape(&published),
                via.unwrap_or_else(|| "— (an origin)".to_owned()),
                facts.to_string(),
                alone.to_string(),
                source.url.as_deref().map(markdown_link).unwrap_or_default(),
            ];
            (s, cells)
        })
        .collect();
    (summary, rows)
}

/// The entities a report lists: all of them, or under a filter the entity itself and
/// those at the other end of its relations, in file order.
pub(crate) fn entities_in_view(story: &Story, entity: Option<usize>) -> Vec<usize> {
    let Some(entity) = entity else {
        return (0..story.file.entities.len()).collect();
    };
    let mut shown = BTreeSet::from([entity]);
    for &r in &story.links(entity).relations {
        let relation = &story.file.relations[r];
        shown.insert(story.entity_index(&relation.from));
        shown.insert(story.entity_index(&relation.to));
    }
    shown.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            markdown_link("https://example.com/a-b"),
            "[example.com/a-b](https://example.com/a-b)"
        );
        assert_eq!(
            markdown_link("http://e.com/x (1)|y"),
            "[e.com/x (1)\\|y](http://e.com/x%20%281%29%7Cy)"
        );
        assert_eq!(markdown_link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(markdown_link("https://"), "https:\\//");
    }
}
