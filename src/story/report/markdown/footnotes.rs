//! Footnotes for Markdown exports: one per distinct (source, paragraph, origin, quote),
//! numbered by first use in a single pass over the citations, defined once at the end.

use std::fmt::Write as _;
use std::hash::BuildHasher as _;

use crate::story::graph::Story;
use crate::story::model::{Citation, Id};
use crate::story::report::markdown::escape_into;

/// Below this many facts, numbering their footnotes on other threads costs more than
/// it saves.
const FEW_TO_SHARE: usize = 4096;

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

/// The keys of a fact's citations, each once, in cited order.
fn distinct_keys(cite: &[Citation]) -> impl Iterator<Item = NoteKeyRef<'_>> {
    (cite.iter().enumerate())
        .filter(|&(position, citation)| {
            // The same key earlier in this list already wrote its reference.
            let key = key_of(citation);
            !cite[..position]
                .iter()
                .any(|earlier| key_of(earlier) == key)
        })
        .map(|(_, citation)| key_of(citation))
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
        for key in distinct_keys(cite) {
            let number = self.number(key);
            let _ = write!(out, "[^{number}]");
        }
    }

    /// Numbers the footnotes of a fact's citations as [`Footnotes::refs`] would, writing
    /// nothing: rows formatted on other threads then find their numbers with
    /// [`Footnotes::numbered_refs_into`], and the numbers are those of one pass in order.
    pub(crate) fn number_refs(&mut self, cite: &[Citation]) {
        for key in distinct_keys(cite) {
            self.number(key);
        }
    }

    /// [`Footnotes::number_refs`] of every item's citations, in the items' order, on
    /// `threads` threads: each part of the list first gathers its own keys in order of
    /// first use, then the parts' keys are numbered one part after another. A key's
    /// first use is in the first part that uses it, and in that part's order, so the
    /// numbers are those of one pass; most of the pass, reading every citation of a big
    /// story, is shared out. Before each item, `ahead` is given the rest of its part
    /// from that item on, to ask early for the memory of items a few places ahead.
    pub(crate) fn number_refs_of_all<'c, T: Sync>(
        &mut self,
        items: &[T],
        cite_of: &(dyn Fn(&T) -> &'c [Citation] + Sync),
        ahead: &(dyn Fn(&[T]) + Sync),
        threads: usize,
    ) {
        let number_all = |notes: &mut Footnotes, part: &[T]| {
            for (at, item) in part.iter().enumerate() {
                ahead(&part[at..]);
                notes.number_refs(cite_of(item));
            }
        };
        if threads <= 1 || items.len() < FEW_TO_SHARE {
            number_all(self, items);
            return;
        }
        let part = items.len().div_ceil(threads);
        let parts: Vec<Footnotes> = std::thread::scope(|scope| {
            let gather = move |chunk: &[T]| {
                let mut local = Footnotes::default();
                number_all(&mut local, chunk);
                local
            };
            let threads: Vec<_> = (items.chunks(part).skip(1))
                .map(|chunk| scope.spawn(move || gather(chunk)))
                .collect();
            let first = gather(items.chunks(part).next().unwrap_or_default());
            let others = threads.into_iter().map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            });
            std::iter::once(first).chain(others).collect()
        });
        for local in &parts {
            for (key, _) in &local.order {
                self.number(borrowed(key));
            }
        }
    }

    /// [`Footnotes::refs_into`] of citations already numbered by
    /// [`Footnotes::number_refs`]: reads the footnotes, so threads can share them.
    pub(crate) fn numbered_refs_into(&self, out: &mut String, cite: &[Citation]) {
        for key in distinct_keys(cite) {
            let number = self
                .find(key)
                .expect("citations numbered before their rows");
            let _ = write!(out, "[^{number}]");
        }
    }

    /// The number of the footnote with this key, if it has one.
    fn find(&self, key: NoteKeyRef<'_>) -> Option<usize> {
        self.find_hashed(key, self.hasher.hash_one(key))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(source: &str, para: u32, quote: Option<&str>) -> Citation {
        Citation::new(source, Some(para)).with_quote(quote)
    }

    #[test]
    fn footnotes_are_numbered_by_first_use_and_listed_once_per_fact() {
        let mut notes = Footnotes::default();
        let (a, b, c) = (
            cited("a", 1, None),
            cited("b", 1, None),
            cited("a", 1, Some("q")),
        );
        assert_eq!(notes.refs(&[a.clone(), b.clone(), a.clone()]), "[^1][^2]");
        assert_eq!(notes.refs(&[c, b, a]), "[^3][^2][^1]");
        assert_eq!(notes.order.len(), 3);
    }

    #[test]
    fn thousands_of_footnotes_keep_their_first_numbers() {
        let mut notes = Footnotes::default();
        let keys: Vec<Citation> = (0..3000)
            .map(|n| cited(&format!("src-{}", n % 300), n / 300, None))
            .collect();
        for (n, citation) in keys.iter().enumerate() {
            assert_eq!(
                notes.refs(std::slice::from_ref(citation)),
                format!("[^{}]", n + 1)
            );
        }
        // Seen again, in another order: the numbers of first use, no new footnote.
        for (n, citation) in keys.iter().enumerate().rev() {
            assert_eq!(
                notes.refs(std::slice::from_ref(citation)),
                format!("[^{}]", n + 1)
            );
        }
        assert_eq!(notes.order.len(), 3000);
    }

    #[test]
    fn numbering_first_then_reading_writes_what_one_pass_writes() {
        let facts: Vec<Vec<Citation>> = (0..2 * FEW_TO_SHARE)
            .map(|n| {
                // New keys all along (`a`), so every part of the list brings its own.
                let a = cited(&format!("s{}", n / 50), 1, None);
                let b = cited(&format!("t{}", n % 37), 1, None);
                vec![a.clone(), b, a]
            })
            .collect();
        let mut one_pass = Footnotes::default();
        let written: Vec<String> = facts.iter().map(|cite| one_pass.refs(cite)).collect();
        let mut numbered = Footnotes::default();
        facts.iter().for_each(|cite| numbered.number_refs(cite));
        for (cite, expected) in facts.iter().zip(&written) {
            let mut out = String::new();
            numbered.numbered_refs_into(&mut out, cite);
            assert_eq!(&out, expected);
        }
        assert_eq!(numbered.order.len(), one_pass.order.len());
        // Numbered on several threads: the same numbers.
        for threads in [1, 2, 3, 7] {
            let mut shared = Footnotes::default();
            let positions: Vec<usize> = (0..facts.len()).collect();
            let cite_of = |&n: &usize| facts[n].as_slice();
            shared.number_refs_of_all(&positions, &cite_of, &|_| {}, threads);
            let keys = |notes: &Footnotes| {
                notes
                    .order
                    .iter()
                    .map(|(k, _)| k.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(keys(&shared), keys(&numbered), "{threads} threads");
        }
    }

    #[test]
    fn before_each_fact_ahead_is_given_the_facts_from_it_to_the_end_of_its_part() {
        let facts: Vec<Vec<Citation>> = (0..FEW_TO_SHARE + 10)
            .map(|n| vec![cited(&format!("s{}", n % 97), 1, None)])
            .collect();
        let positions: Vec<usize> = (0..facts.len()).collect();
        for threads in [1, 3] {
            let given = std::sync::Mutex::new(Vec::new());
            let ahead = |upcoming: &[usize]| {
                let last = upcoming.last().copied();
                given
                    .lock()
                    .unwrap()
                    .push((upcoming.first().copied(), last));
            };
            let mut notes = Footnotes::default();
            let cite_of = |&n: &usize| facts[n].as_slice();
            notes.number_refs_of_all(&positions, &cite_of, &ahead, threads);
            let mut given = given.into_inner().unwrap();
            given.sort();
            // The parts: the whole list on one thread, else thirds (rounded up).
            let part = facts.len().div_ceil(threads);
            let expected: Vec<_> = (0..facts.len())
                .map(|n| (Some(n), Some((n / part * part + part).min(facts.len()) - 1)))
                .collect();
            assert_eq!(given, expected, "{threads} threads");
        }
    }
}
