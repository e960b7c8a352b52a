//! Where a citation's sources sit in the story's arena, found once when the story is
//! built so that sourcing labels, origins and lint do not hash a source id at every
//! citation of a big story.

/// A slot not yet filled in (a citation made outside `Story::build`).
const UNSET: u32 = u32::MAX;

/// The arena indexes of a citation's cited source and of the source its statement
/// rests on first. Not part of the file: serde and the schema skip it, and two
/// citations are equal whatever it holds (a story narrowed to a date numbers its
/// sources differently). A reader checks the index against the id it stands for
/// before trusting it (see `Story::cited_source`), so a stale one costs only a lookup.
#[derive(Clone, Copy)]
pub struct ResolvedCitation {
    pub(crate) source: u32,
    pub(crate) upstream: u32,
}

impl ResolvedCitation {
    /// Indexes as found by `Story::build`; `upstream` is None when the cited source is
    /// the statement's origin.
    pub(crate) fn new(source: Option<usize>, upstream: Option<usize>) -> ResolvedCitation {
        let slot = |index: Option<usize>| index.and_then(|i| u32::try_from(i).ok());
        ResolvedCitation {
            source: slot(source).unwrap_or(UNSET),
            upstream: slot(upstream).unwrap_or(UNSET),
        }
    }

    /// The cited source's index, if one was recorded.
    pub(crate) fn source(self) -> Option<usize> {
        (self.source != UNSET).then_some(self.source as usize)
    }

    /// The upstream source's index, if one was recorded.
    pub(crate) fn upstream(self) -> Option<usize> {
        (self.upstream != UNSET).then_some(self.upstream as usize)
    }
}

impl Default for ResolvedCitation {
    fn default() -> Self {
        ResolvedCitation {
            source: UNSET,
            upstream: UNSET,
        }
    }
}

impl PartialEq for ResolvedCitation {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ResolvedCitation {}

impl std::fmt::Debug for ResolvedCitation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("…")
    }
}
