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

/// Each item's footnote numbers, in the order its references are written (see
/// [`Footnotes::number_refs_of_all`]).
#[derive(Debug)]
pub(crate) struct RefNumbers {
    /// Where each item's numbers start in `numbers`; one more than the items.
    starts: Vec<u32>,
    numbers: Vec<u32>,
}

impl Default for RefNumbers {
    fn default() -> Self {
        RefNumbers {
            starts: vec![0],
            numbers: Vec::new(),
        }
    }
}

impl RefNumbers {
    /// The numbers of the item at `item` in the list numbered.
    pub(crate) fn of(&self, item: usize) -> &[u32] {
        match (self.starts.get(item), self.starts.get(item + 1)) {
            (Some(&start), Some(&end)) => &self.numbers[start as usize..end as usize],
            _ => &[],
        }
    }

    /// `[^1][^3]`: the item's references, as [`Footnotes::refs`] writes them.
    pub(crate) fn write_refs(&self, out: &mut String, item: usize) {
        let mut digits = itoa::Buffer::new();
        for &number in self.of(item) {
            out.push_str("[^");
            out.push_str(digits.format(number));
            out.push(']');
        }
    }

    fn push(&mut self, number: usize) {
        self.numbers.push(Self::number_u32(number));
    }

    fn end_item(&mut self) {
        // Fewer than 2^32 references: each is a citation of at least a dozen bytes in
        // a file read whole into memory.
        self.starts.push(self.numbers.len() as u32);
    }

    /// Another list's items after this one's, each number `n` of theirs as
    /// `to_whole[n - 1]`.
    fn append_translated(&mut self, other: RefNumbers, to_whole: &[u32]) {
        let offset = self.numbers.len() as u32;
        self.starts
            .extend(other.starts[1..].iter().map(|start| start + offset));
        (self.numbers).extend(other.numbers.iter().map(|&n| to_whole[n as usize - 1]));
    }

    fn number_u32(number: usize) -> u32 {
        u32::try_from(number).expect("fewer than 2^32 footnotes")
    }
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
    /// nothing: the numbers, in the order the references are written, go to `numbers`.
    fn number_refs(&mut self, numbers: &mut RefNumbers, cite: &[Citation]) {
        for key in distinct_keys(cite) {
            numbers.push(self.number(key));
        }
        numbers.end_item();
    }

    /// [`Footnotes::refs`] of every item's citations, in the items' order, on `threads`
    /// threads, writing nothing: each item's numbers are kept for its row, which then
    /// writes them ([`RefNumbers::write_refs`]) on any thread with no lookup. Each part
    /// of the list first numbers its own keys by first use, then the parts' keys are
    /// numbered one part after another and each part's numbers translated. A key's
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
    ) -> RefNumbers {
        let number_all = |notes: &mut Footnotes, part: &[T]| {
            let mut numbers = RefNumbers::default();
            for (at, item) in part.iter().enumerate() {
                ahead(&part[at..]);
                notes.number_refs(&mut numbers, cite_of(item));
            }
            numbers
        };
        if threads <= 1 || items.len() < FEW_TO_SHARE {
            return number_all(self, items);
        }
        let part = items.len().div_ceil(threads);
        let parts: Vec<(Footnotes, RefNumbers)> = std::thread::scope(|scope| {
            let gather = move |chunk: &[T]| {
                let mut local = Footnotes::default();
                let numbers = number_all(&mut local, chunk);
                (local, numbers)
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
        let mut all = RefNumbers::default();
        for (local, numbers) in parts {
            let to_whole: Vec<u32> = (local.order.iter())
                .map(|(key, _)| RefNumbers::number_u32(self.number(borrowed(key))))
                .collect();
            all.append_translated(numbers, &to_whole);
        }
        all
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
mod tests;
