//! Fuzzy search over every named thing: entities (by name and alias), events, figures,
//! sources and disputes. Every word of a query must match; scores add up.
//!
//! Haystacks are lower-cased once when the index is built so a cheap subsequence test
//! can reject most names before fuzzy-matcher scores them.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::graph::{RecordRef, Story};

#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub target: RecordRef,
    /// The name as shown; for an alias, the alias itself.
    pub text: String,
    /// Set when `text` is an alias: the entity's main name.
    pub alias_of: Option<String>,
    /// How much of the story refers to the record: breaks ties between equal scores.
    pub weight: u32,
    lower: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub target: RecordRef,
    /// Index into `SearchIndex::entries` of the name that matched best.
    pub entry: usize,
    pub score: i64,
    /// Char positions in the entry's text that matched, for highlighting.
    pub positions: Vec<usize>,
}

pub struct SearchIndex {
    pub entries: Vec<SearchEntry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl SearchIndex {
    pub fn build(story: &Story) -> SearchIndex {
        let file = &story.file;
        let mut entries = Vec::new();
        let mut push = |target: RecordRef, text: &str, alias_of: Option<&str>| {
            entries.push(SearchEntry {
                target,
                text: text.to_owned(),
                alias_of: alias_of.map(str::to_owned),
                weight: weight(story, target),
                lower: text.to_lowercase(),
            });
        };
        for (i, entity) in file.entities.iter().enumerate() {
            push(RecordRef::Entity(i), &entity.name, None);
            for alias in &entity.aliases {
                push(RecordRef::Entity(i), alias, Some(&entity.name));
            }
        }
        for (i, event) in file.events.iter().enumerate() {
            push(RecordRef::Event(i), &event.title, None);
        }
        for (i, metric) in file.metrics.iter().enumerate() {
            push(RecordRef::Metric(i), &metric.label, None);
        }
        for (i, source) in file.sources.iter().enumerate() {
            push(
                RecordRef::Source(i),
                &format!("{} — {}", source.outlet, source.title),
                None,
            );
        }
        for (i, dispute) in file.disputes.iter().enumerate() {
            push(RecordRef::Dispute(i), &dispute.point, None);
        }
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Best `limit` records for `query`, one hit per record, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut scored: Vec<(i64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| terms.iter().all(|term| is_subsequence(term, &entry.lower)))
            .filter_map(|(index, entry)| {
                self.score(&entry.lower, &terms).map(|score| (score, index))
            })
            .collect();
        // Best score first. Among equals: a record's own name before an alias, then the
        // record more of the story refers to, then the shorter name, then file order,
        // so results never shuffle between runs.
        scored.sort_by(|a, b| {
            let (ea, eb) = (&self.entries[a.1], &self.entries[b.1]);
            b.0.cmp(&a.0)
                .then(ea.alias_of.is_some().cmp(&eb.alias_of.is_some()))
                .then(eb.weight.cmp(&ea.weight))
                .then(ea.text.len().cmp(&eb.text.len()))
                .then(a.1.cmp(&b.1))
        });
        let mut hits: Vec<SearchHit> = Vec::with_capacity(limit);
        for (score, index) in scored {
            let target = self.entries[index].target;
            if hits.iter().any(|hit| hit.target == target) {
                continue;
            }
            hits.push(SearchHit {
                target,
                entry: index,
                score,
                positions: self.positions(index, &terms),
            });
            if hits.len() == limit {
                break;
            }
        }
        hits
    }

    fn score(&self, haystack: &str, terms: &[String]) -> Option<i64> {
        terms.iter().try_fold(0i64, |total, term| {
            self.matcher.fuzzy_match(haystack, term).map(|s| total + s)
        })
    }

    /// Matched char positions for every term, merged and sorted.
    fn positions(&self, entry: usize, terms: &[String]) -> Vec<usize> {
        let lower = &self.entries[entry].lower;
        let mut positions: Vec<usize> = terms
            .iter()
            .filter_map(|term| self.matcher.fuzzy_indices(lower, term).map(|(_, p)| p))
            .flatten()
            .collect();
        positions.sort_unstable();
        positions.dedup();
        // Lower-casing can change char counts (rare: 'İ'); keep positions in range of
        // the shown text.
        let shown = self.entries[entry].text.chars().count();
        positions.retain(|&p| p < shown);
        positions
    }
}

/// How many records refer to an entity (relations, events, figures, candidacies,
/// disputes); other records weigh nothing.
fn weight(story: &Story, target: RecordRef) -> u32 {
    match target {
        RecordRef::Entity(i) => {
            let links = story.links(i);
            let total = links.relations.len()
                + links.events.len()
                + links.metrics.len()
                + links.candidacies.len()
                + story.disputes_about(target).len();
            u32::try_from(total).unwrap_or(u32::MAX)
        }
        _ => 0,
    }
}

/// True when the chars of `needle` appear in order in `haystack`.
fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut chars = haystack.chars();
    needle.chars().all(|n| chars.any(|h| h == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence("qwn", "qwen 2.5-max"));
        assert!(!is_subsequence("qxn", "qwen 2.5-max"));
        assert!(is_subsequence("", "anything"));
    }
}
