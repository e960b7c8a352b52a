//! How many facts each source stands behind — the Sources pane's two counts — tallied
//! fact by fact from the source indexes `build` records in every citation. The whole
//! story's tally is taken while `build` resolves the citations, when each is in cache
//! anyway: counted afterwards, every citation of a big story was a cache miss, most of
//! the sources pane's 15 ms at 100k events (and of each reload's preparation).
//!
//! A statement's way is walked link by link (`via` after `via`), never kept per source:
//! a hostile file chaining 20,000 sources would make every source's chain a list of
//! thousands, on the path of every load.

use crate::story::graph::RecordRef;
use crate::story::graph::id_index::{IdIndex, IdLookup};
use crate::story::model::{Citation, StoryFile};

/// For each source: (facts with a citation tracing to it, facts every citation of
/// which traces to it).
pub(crate) type SourceCounts = Vec<(usize, usize)>;

/// For each source, the arena index of the source its `via` names, if any.
pub(crate) fn sources_via(file: &StoryFile, ids: &IdIndex) -> Vec<Option<usize>> {
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

/// The counts so far, and per source the marks that let each fact count a source
/// once, however many of its citations pass through it.
#[derive(Debug, Clone)]
pub(crate) struct SourceTally<'v> {
    /// For each source, the source its `via` names.
    via: &'v [Option<usize>],
    counts: SourceCounts,
    /// The fact, and the citation's walk, that last reached each source.
    fact_mark: Vec<usize>,
    walk_mark: Vec<usize>,
    /// How many of the current fact's citations reach each source it touched.
    hits: Vec<usize>,
    touched: Vec<usize>,
    facts: usize,
    walks: usize,
}

impl<'v> SourceTally<'v> {
    /// Nothing counted yet, for sources whose `via` links are `via`.
    pub(crate) fn new(via: &'v [Option<usize>]) -> SourceTally<'v> {
        SourceTally {
            via,
            counts: vec![(0, 0); via.len()],
            fact_mark: vec![0; via.len()],
            walk_mark: vec![0; via.len()],
            hits: vec![0; via.len()],
            touched: Vec::new(),
            facts: 0,
            walks: 0,
        }
    }

    /// The `via` links it counts with.
    pub(crate) fn via(&self) -> &'v [Option<usize>] {
        self.via
    }

    /// Counts one fact, cited by `cite`; a citation whose sources were not recorded
    /// (`build` had not resolved it) is left out.
    pub(crate) fn fact(&mut self, cite: &[Citation]) {
        self.facts += 1;
        self.touched.clear();
        let mut citations = 0;
        for citation in cite {
            let resolved = citation.resolved;
            if let Some(cited) = resolved.source() {
                citations += 1;
                self.walk(cited, resolved.upstream());
            }
        }
        for &source in &self.touched {
            self.counts[source].0 += 1;
            if self.hits[source] == citations {
                self.counts[source].1 += 1;
            }
        }
    }

    /// Marks every source one statement passes through, as `Story::citation_chain`
    /// lists them: the cited source, the one the statement rests on first, then `via`
    /// after `via`, until the way comes back to a source already on it.
    fn walk(&mut self, cited: usize, upstream: Option<usize>) {
        self.walks += 1;
        let (fact, walk) = (self.facts, self.walks);
        let mut next = Some(cited);
        let mut first = true;
        while let Some(source) = next {
            if self.walk_mark[source] == walk {
                break;
            }
            self.walk_mark[source] = walk;
            if self.fact_mark[source] != fact {
                self.fact_mark[source] = fact;
                self.hits[source] = 0;
                self.touched.push(source);
            }
            self.hits[source] += 1;
            next = if first { upstream } else { self.via[source] };
            first = false;
        }
    }

    /// Adds what `other` counted (the other half of a list counted on another thread).
    pub(crate) fn add(&mut self, other: SourceTally<'_>) {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }

    /// The counts.
    pub(crate) fn counts(self) -> SourceCounts {
        self.counts
    }
}
