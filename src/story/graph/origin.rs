//! Where each cited statement comes from. A source's `via` is the default for every
//! fact it states; a citation's own `via` overrides it for that one statement (an
//! article taking one figure from a data firm and the next from a wire report). The
//! end of the `via` chain is the statement's independent origin.
//!
//! A citation whose `via` names the cited source itself marks the source's own
//! reporting: the source is then the origin of that statement.

use std::collections::BTreeSet;

use crate::story::graph::Story;
use crate::story::model::Citation;

/// Names of at most this many origins are given in a sourcing label.
pub(crate) const NAMED_ORIGINS: usize = 3;

impl Story {
    /// The source a cited statement rests on first: the citation's own `via` when it
    /// has one, else the cited source's `via`; None when the cited source is the origin.
    pub fn citation_upstream(&self, citation: &Citation) -> Option<usize> {
        let via = match citation.via() {
            Some(via) if via == citation.source => return None,
            Some(via) => via,
            None => self.file.sources[self.cited_source(citation)]
                .via
                .as_deref()?,
        };
        // `build` recorded the index; it is trusted only while it still names `via`.
        match citation.resolved.upstream() {
            Some(index) if self.is_source_at(index, via) => Some(index),
            _ => Some(self.source_index(via)),
        }
    }

    /// The independent origin of one cited statement (a source index).
    pub fn citation_origin(&self, citation: &Citation) -> usize {
        match self.citation_upstream(citation) {
            Some(upstream) => self.source_root(upstream),
            None => self.cited_source(citation),
        }
    }

    /// `citation_origin` of a citation of this very story (reached through
    /// `self.file`), from the indexes `build` recorded in it without checking them
    /// against the ids: they were found for this file, as every other index of the
    /// story was.
    pub(crate) fn own_citation_origin(&self, citation: &Citation) -> usize {
        let resolved = citation.resolved;
        match (resolved.source(), resolved.upstream()) {
            (Some(_), Some(upstream)) => self.source_root(upstream),
            (Some(cited), None) => cited,
            (None, _) => self.citation_origin(citation),
        }
    }

    /// `cited_source` of a citation of this very story, as `own_citation_origin` reads
    /// it: the index `build` recorded, not checked against the id.
    pub(crate) fn own_cited_source(&self, citation: &Citation) -> usize {
        match citation.resolved.source() {
            Some(cited) => cited,
            None => self.cited_source(citation),
        }
    }

    /// Every source a cited statement passes through, from the cited source to its
    /// origin.
    pub fn citation_chain(&self, citation: &Citation) -> Vec<usize> {
        let mut chain = vec![self.cited_source(citation)];
        let mut next = self.citation_upstream(citation);
        while let Some(current) = next {
            if chain.contains(&current) {
                break;
            }
            chain.push(current);
            next = self.file.sources[current]
                .via
                .as_deref()
                .map(|via| self.source_index(via));
        }
        chain
    }

    /// True when the cited statement is `ancestor`'s or passes through it.
    pub fn citation_traces_to(&self, citation: &Citation, ancestor: usize) -> bool {
        self.citation_chain(citation).contains(&ancestor)
    }

    /// The distinct origins of a fact's citations, in the order first cited.
    pub fn fact_origins(&self, cite: &[Citation]) -> Vec<usize> {
        let mut origins: Vec<usize> = Vec::new();
        for citation in cite {
            let origin = self.citation_origin(citation);
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        origins
    }

    /// "The Information; CARMA": who the origins are, by name (two reports of one outlet
    /// told apart), for sourcing labels.
    pub fn origin_names(&self, origins: &[usize]) -> String {
        let mut names: Vec<&str> = Vec::new();
        for &origin in origins {
            let name = self.source_name(origin);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let shown = names.len().min(NAMED_ORIGINS);
        let mut text = names[..shown].join("; ");
        if names.len() > shown {
            text.push_str(&format!("; {} more", names.len() - shown));
        }
        text
    }

    /// Every independent origin the story's statements rest on.
    pub fn story_origins(&self) -> BTreeSet<usize> {
        // Marked in a flag per source first: a big story has far more citations than
        // sources.
        let mut seen = vec![false; self.file.sources.len()];
        for (_, cite) in self.each_fact() {
            for citation in cite {
                seen[self.own_citation_origin(citation)] = true;
            }
        }
        (seen.iter().enumerate())
            .filter_map(|(source, &seen)| seen.then_some(source))
            .collect()
    }

    /// Ids of the sources that citations of `known` sources rest on through their own
    /// `via`, with the chains above them: the as-of view keeps them so every origin
    /// still counts.
    pub(crate) fn sources_behind_citations_of(&self, known: &BTreeSet<&str>) -> BTreeSet<String> {
        let mut behind = BTreeSet::new();
        for (_, cite) in self.each_fact() {
            for citation in cite {
                if citation.via().is_none() || !known.contains(citation.source.as_str()) {
                    continue;
                }
                for source in self.citation_chain(citation).into_iter().skip(1) {
                    behind.insert(self.file.sources[source].id.to_string());
                }
            }
        }
        behind
    }
}
