//! Footnotes for Markdown exports: one per distinct (source, paragraph, origin, quote),
//! numbered by first use in a single pass over the citations, defined once at the end.

use std::fmt::Write as _;
use std::hash::BuildHasher as _;

use crate::story::graph::Story;
use crate::story::model::{Citation, Id};
use crate::story::report::markdown::escape_into;

/// What one footnote stands for: (source, paragraph, the citation's own `via`, quote).
/// The source id is kept inline (`Id`), so comparing a key reads no other block.
type NoteKey = (Id, Option<u32>, Option<Box<str>>, Option<Box<str>>);

/// A citation's footnote key, borrowed: looked up without copying its strings.
type NoteKeyRef<'a> = (&'a str, Option<u32>, Option<&'a str>, Option<&'a str>);

fn key_of(citation: &Citation) -> NoteKeyRef<'_> {
    (
        &citation.source,
        citation.para,
        citation.via(),
        citation.quote(),
    )
}

/// A fact's citations, each key once (its first citation), in cited order.
fn distinct_citations(cite: &[Citation]) -> impl Iterator<Item = &Citation> {
    (cite.iter().enumerate())
        .filter(|&(position, citation)| {
            // The same key earlier in this list already wrote its reference.
            let key = key_of(citation);
            !cite[..position]
                .iter()
                .any(|earlier| key_of(earlier) == key)
        })
        .map(|(_, citation)| citation)
}

/// `[^n]`: a reference to footnote `n`, written without `fmt` (a few per row of every
/// export).
fn push_ref(out: &mut String, number: usize) {
    out.push_str("[^");
    out.push_str(itoa::Buffer::new().format(number));
    out.push(']');
}

fn borrowed((source, para, via, quote): &NoteKey) -> NoteKeyRef<'_> {
    (source, *para, via.as_deref(), quote.as_deref())
}

/// Footnotes keyed by source, paragraph, origin and quote, numbered in order of first
/// use.
#[derive(Debug, Default)]
pub(crate) struct Footnotes {
    /// Each footnote's position in `order`, found by its key's hash: a table of 4-byte
    /// slots small enough to stay in cache while a big story's rows go by (a map of
    /// hashes to lists of numbers cost three dependent reads per citation).
    positions: hashbrown::HashTable<u32>,
    /// The keys in order of first use, each with its hash; footnote n is `order[n - 1]`.
    order: Vec<(NoteKey, u64)>,
    hasher: foldhash::fast::RandomState,
}

impl Footnotes {
    /// `[^1][^3]` for a fact's citations: each distinct footnote once, in cited order.
    pub(crate) fn refs(&mut self, cite: &[Citation]) -> String {
        let mut out = String::new();
        self.refs_into(&mut out, cite);
        out
    }

    /// [`Footnotes::refs`] appended to `out`.
    pub(crate) fn refs_into(&mut self, out: &mut String, cite: &[Citation]) {
        for citation in distinct_citations(cite) {
            push_ref(out, self.number(key_of(citation)));
        }
    }

    fn find_hashed(&self, key: NoteKeyRef<'_>, hash: u64) -> Option<usize> {
        let same = |&at: &u32| {
            let (known, known_hash) = &self.order[at as usize];
            *known_hash == hash && borrowed(known) == key
        };
        self.positions.find(hash, same).map(|&at| at as usize + 1)
    }

    /// The footnote's number, given one at first use.
    fn number(&mut self, key: NoteKeyRef<'_>) -> usize {
        let hash = self.hasher.hash_one(key);
        if let Some(number) = self.find_hashed(key, hash) {
            return number;
        }
        let Self {
            positions, order, ..
        } = self;
        let (source, para, via, quote) = key;
        let at = u32::try_from(order.len()).expect("fewer than 2^32 footnotes");
        order.push((
            (
                source.into(),
                para,
                via.map(Into::into),
                quote.map(Into::into),
            ),
            hash,
        ));
        positions.insert_unique(hash, at, |&at| order[at as usize].1);
        order.len()
    }

    /// The definitions, one per footnote used, each citation written as Detail writes it
    /// (with its quote and origin).
    pub(crate) fn definitions(&self, story: &Story) -> String {
        let mut out = String::new();
        self.definitions_into(&mut out, story);
        out
    }

    /// [`Footnotes::definitions`] appended to `out`.
    pub(crate) fn definitions_into(&self, out: &mut String, story: &Story) {
        for (number, ((source, para, via, quote), _)) in self.order.iter().enumerate() {
            let citation = Citation::new(source.clone(), *para)
                .with_via(via.clone())
                .with_quote(quote.clone());
            let text = crate::story::query::citation::citation_text(story, &citation);
            let _ = write!(out, "[^{}]: ", number + 1);
            escape_into(out, &text);
            out.push_str(".\n");
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

mod numbering;

pub(crate) use numbering::{Cited, NumberingInTurn, RefNumbers};

#[cfg(test)]
mod tests;
