//! Fills in each citation's source indexes once the story has validated, so later
//! passes over every citation read two numbers instead of hashing two ids; and tallies
//! the facts behind each source on the way (`source_tally`), each citation in cache.

use crate::story::beside::here_and_beside;
use crate::story::graph::id_index::IdIndex;
use crate::story::graph::source_tally::{SourceCounts, SourceTally, sources_via};
use crate::story::graph::validate::event_citations;
use crate::story::model::{Citation, Event, ResolvedCitation, StoryFile};

/// Records in every citation of `file` where its cited source and the source its
/// statement rests on first sit in `file.sources`. `found` holds, citation by citation
/// in the order `Checker` visits them (`Story::facts`' order), the cited source and
/// the citation's own `via` as validation looked them up, so no id is hashed again.
/// A long list of events is resolved in two halves on two threads. Returns, for each
/// source, how many facts it stands behind (`source_tally`).
pub(super) fn resolve_citations(
    file: &mut StoryFile,
    ids: &IdIndex,
    found: &[ResolvedCitation],
) -> SourceCounts {
    resolve_citations_from(file, ids, found, TWO_THREADS_FROM)
}

/// Fewer events than this are resolved on one thread.
const TWO_THREADS_FROM: usize = 20_000;

/// `resolve_citations`, on two threads from `two_threads_from` events on.
pub(super) fn resolve_citations_from(
    file: &mut StoryFile,
    ids: &IdIndex,
    found: &[ResolvedCitation],
    two_threads_from: usize,
) -> SourceCounts {
    let source_via = sources_via(file, ids);
    let resolver = Resolver {
        source_via: &source_via,
    };
    let mut found = found.iter();
    let mut tally = SourceTally::new(&source_via);
    let StoryFile {
        entities,
        relations,
        events,
        candidates,
        metrics,
        disputes,
        ..
    } = file;
    let mut resolve = |cite: &mut [Citation]| resolver.resolve(cite, &mut found, &mut tally);
    entities.iter_mut().for_each(|e| resolve(&mut e.cite));
    relations.iter_mut().for_each(|r| resolve(&mut r.cite));
    resolver.resolve_events(events, (&mut found, &mut tally), two_threads_from);
    let mut resolve = |cite: &mut [Citation]| resolver.resolve(cite, &mut found, &mut tally);
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
    tally.counts()
}

/// What resolving a citation needs besides what validation found for it.
#[derive(Clone, Copy)]
struct Resolver<'a> {
    /// For each source, the source its `via` names.
    source_via: &'a [Option<usize>],
}

type Found<'f> = std::slice::Iter<'f, ResolvedCitation>;

impl Resolver<'_> {
    /// Resolves `cite`, one fact's citations, taking what validation found for each
    /// citation from `found`, and counts the fact in `tally`.
    fn resolve(self, cite: &mut [Citation], found: &mut Found<'_>, tally: &mut SourceTally<'_>) {
        for citation in cite.iter_mut() {
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
                None => self.source_via[cited],
            };
            citation.resolved = ResolvedCitation::new(Some(cited), upstream);
        }
        tally.fact(cite);
    }

    /// The events' citations and their status changes'; the second half of a long
    /// list on another thread, from where its citations start in `found`, with a tally
    /// of its own added to `tally` after.
    fn resolve_events(
        self,
        events: &mut [Event],
        (found, tally): (&mut Found<'_>, &mut SourceTally<'_>),
        two_threads_from: usize,
    ) {
        let in_order =
            |events: &mut [Event], found: &mut Found<'_>, tally: &mut SourceTally<'_>| {
                for event in events {
                    self.resolve(&mut event.cite, found, tally);
                    (event.status_changes.iter_mut())
                        .for_each(|c| self.resolve(&mut c.cite, found, tally));
                }
            };
        if events.len() < two_threads_from.max(2) {
            return in_order(events, found, tally);
        }
        let half = events.len() / 2;
        let front_citations: usize = events[..half].iter().map(event_citations).sum();
        let rest = found.as_slice();
        let mut back_found = rest.get(front_citations..).unwrap_or_default().iter();
        let mut back_tally = SourceTally::new(tally.via());
        let (front, back) = events.split_at_mut(half);
        here_and_beside(
            || in_order(front, found, tally),
            || in_order(back, &mut back_found, &mut back_tally),
        );
        tally.add(back_tally);
        // The second half took its citations from `back_found`: what follows the
        // events in `found` is what it left.
        *found = back_found;
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

    /// A citation's resolved indexes, to compare (`ResolvedCitation`s are all equal).
    type Indexes = (Option<usize>, Option<usize>);

    fn indexes(resolved: ResolvedCitation) -> Indexes {
        (resolved.source(), resolved.upstream())
    }

    /// Every citation's resolved indexes, in the order validation visits them (not
    /// through a `Story`, whose build would resolve them again).
    fn every_resolved(file: &crate::story::model::StoryFile) -> Vec<Indexes> {
        let mut all = Vec::new();
        let mut take = |cite: &[crate::story::model::Citation]| {
            all.extend(cite.iter().map(|c| indexes(c.resolved)));
        };
        file.entities.iter().for_each(|e| take(&e.cite));
        file.relations.iter().for_each(|r| take(&r.cite));
        for event in &file.events {
            take(&event.cite);
            event.status_changes.iter().for_each(|c| take(&c.cite));
        }
        (file.candidates.iter()).for_each(|c| c.stages.iter().for_each(|s| take(&s.cite)));
        file.metrics.iter().for_each(|m| take(&m.cite));
        for dispute in &file.disputes {
            dispute.variants.iter().for_each(|v| take(&v.cite));
            dispute.resolution.iter().for_each(|r| take(&r.cite));
        }
        all
    }

    /// Resolving a long list of events in two halves on two threads gives every
    /// citation what one thread gives it, with status changes in either half, and
    /// tallies the same facts behind each source.
    #[test]
    fn two_threads_resolve_as_one_does() {
        let generated = crate::synth::generated_story(500, 30, 8);
        let embedded = crate::story::embedded().unwrap();
        // The shipped story's one event with status changes is in its second half: once
        // as it is, once moved to the front.
        let changed = (embedded.file.events.iter())
            .position(|e| !e.status_changes.is_empty())
            .unwrap();
        assert!(changed >= embedded.file.events.len() / 2);
        let mut file = (*embedded.file).clone();
        file.events.rotate_left(changed);
        let rotated = crate::story::Story::build(file, "rotated").unwrap();
        for story in [embedded, rotated, generated] {
            // What validation finds for each citation, in the order it visits them.
            let lookup = |id: &str| story.source_index(id);
            let found: Vec<ResolvedCitation> = (story.each_fact())
                .flat_map(|(_, cite)| cite)
                .map(|c| ResolvedCitation::new(Some(lookup(&c.source)), c.via().map(lookup)))
                .collect();
            let resolved = |two_threads_from: usize| {
                let mut file = (*story.file).clone();
                let ids = &story.indexes.ids;
                let counts =
                    super::resolve_citations_from(&mut file, ids, &found, two_threads_from);
                (every_resolved(&file), counts)
            };
            let built: Vec<Indexes> = (story.each_fact())
                .flat_map(|(_, cite)| cite.iter().map(|c| indexes(c.resolved)))
                .collect();
            // The facts behind each source, tallied on the way: `build`'s are checked
            // against a plain count in `graph::tests`.
            let counts = story.source_fact_counts().to_vec();
            assert_eq!(resolved(usize::MAX), (built.clone(), counts.clone()));
            assert_eq!(resolved(0), (built, counts));
        }
    }
}
