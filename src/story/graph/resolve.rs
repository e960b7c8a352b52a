//! Fills in each citation's source indexes once the story has validated, so later
//! passes over every citation read two numbers instead of hashing two ids.

use crate::story::graph::RecordRef;
use crate::story::graph::id_index::{IdIndex, IdLookup};
use crate::story::model::{Citation, ResolvedCitation, StoryFile};

/// For each source, the arena index of the source its `via` names, if any.
fn sources_via(file: &StoryFile, ids: &IdIndex) -> Vec<Option<usize>> {
    let ids = IdLookup { index: ids, file };
    (file.sources.iter())
        .map(
            |source| match source.via.as_deref().and_then(|via| ids.get(via)) {
                Some(RecordRef::Source(index)) => Some(index),
                _ => None,
            },
        )
        .collect()
}

/// Records in every citation of `file` where its cited source and the source its
/// statement rests on first sit in `file.sources`. `found` holds, citation by citation
/// in the order `Checker` visits them (`Story::facts`' order), the cited source and
/// the citation's own `via` as validation looked them up, so no id is hashed again.
pub(super) fn resolve_citations(file: &mut StoryFile, ids: &IdIndex, found: &[ResolvedCitation]) {
    let source_via = sources_via(file, ids);
    let mut found = found.iter();
    let mut resolve = |cite: &mut [Citation]| {
        for citation in cite {
            // Whatever the citation held before (cloned from another story) goes.
            citation.resolved = ResolvedCitation::default();
            let Some(own) = found.next() else {
                continue;
            };
            let Some(cited) = own.source() else {
                continue;
            };
            let upstream = match citation.via() {
                Some(via) if via == citation.source => None,
                Some(_) => own.upstream(),
                None => source_via[cited],
            };
            citation.resolved = ResolvedCitation::new(Some(cited), upstream);
        }
    };
    let StoryFile {
        entities,
        relations,
        events,
        candidates,
        metrics,
        disputes,
        ..
    } = file;
    entities.iter_mut().for_each(|e| resolve(&mut e.cite));
    relations.iter_mut().for_each(|r| resolve(&mut r.cite));
    for event in events {
        resolve(&mut event.cite);
        (event.status_changes.iter_mut()).for_each(|c| resolve(&mut c.cite));
    }
    for candidacy in candidates {
        candidacy
            .stages
            .iter_mut()
            .for_each(|s| resolve(&mut s.cite));
    }
    metrics.iter_mut().for_each(|m| resolve(&mut m.cite));
    for dispute in disputes {
        dispute
            .variants
            .iter_mut()
            .for_each(|v| resolve(&mut v.cite));
        if let Some(resolution) = &mut dispute.resolution {
            resolve(&mut resolution.cite);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::story::model::ResolvedCitation;

    /// A story narrowed to a date numbers its sources anew: its citations, cloned from
    /// the whole story's, must hold its own indexes, and origins read from them agree
    /// with origins found by id.
    #[test]
    fn a_narrowed_story_resolves_its_citations_anew() {
        let full = crate::story::embedded().unwrap();
        let day = crate::story::model::date::DateSpec::parse("2024-03-01")
            .unwrap()
            .latest();
        let narrowed = full.as_of(day).unwrap();
        assert!(narrowed.file.sources.len() < full.file.sources.len());
        // The same records with the sources in reverse order: every index changes.
        let mut file = (*full.file).clone();
        file.sources.reverse();
        let reversed = crate::story::Story::build(file, "reversed").unwrap();
        for story in [&full, &narrowed, &reversed] {
            let mut by_id = std::collections::BTreeSet::new();
            for citation in story.each_fact().flat_map(|(_, cite)| cite) {
                let cited = story.source_index(&citation.source);
                assert_eq!(citation.resolved.source(), Some(cited));
                let upstream = (citation.via())
                    .filter(|via| *via != citation.source)
                    .or(story.file.sources[cited]
                        .via
                        .as_deref()
                        .filter(|_| citation.via().is_none()));
                let root = upstream.map_or(cited, |up| story.source_root(story.source_index(up)));
                by_id.insert(root);
            }
            assert_eq!(story.story_origins(), by_id);
        }
    }

    #[test]
    fn every_citation_of_a_built_story_knows_its_sources() {
        let story = crate::story::embedded().unwrap();
        let mut citations = 0;
        for citation in story.each_fact().flat_map(|(_, cite)| cite) {
            citations += 1;
            let cited = story.source_index(&citation.source);
            assert_eq!(citation.resolved.source(), Some(cited));
            let upstream = match citation.via() {
                Some(via) if via == citation.source => None,
                Some(via) => Some(story.source_index(via)),
                None => (story.file.sources[cited].via.as_deref()).map(|v| story.source_index(v)),
            };
            assert_eq!(citation.resolved.upstream(), upstream, "{citation:?}");
        }
        assert!(citations > 20);
    }

    /// A citation carrying another story's indexes (or none) is answered by its ids.
    #[test]
    fn stale_indexes_are_never_trusted() {
        let story = crate::story::embedded().unwrap();
        let sources = story.file.sources.len();
        for (i, citation) in story.each_fact().flat_map(|(_, cite)| cite).enumerate() {
            let mut unresolved = citation.clone();
            unresolved.resolved = ResolvedCitation::default();
            let wrong = ResolvedCitation::new(Some((i + 1) % sources), Some(i % sources));
            let mut stale = citation.clone();
            stale.resolved = wrong;
            for other in [&unresolved, &stale] {
                assert_eq!(story.cited_source(other), story.cited_source(citation));
                assert_eq!(
                    story.citation_upstream(other),
                    story.citation_upstream(citation)
                );
                assert_eq!(
                    story.citation_origin(other),
                    story.citation_origin(citation)
                );
                assert_eq!(story.citation_chain(other), story.citation_chain(citation));
            }
            // Equal whatever the indexes: `diff` compares citations of two stories.
            assert_eq!(&stale, citation);
        }
    }
}
