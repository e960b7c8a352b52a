//! Every fact's footnotes numbered ahead of the rows that write them, a part at a time
//! in order: the numbers of one pass, kept per fact so that rows formatted on any
//! thread write them with no lookup.

use super::{Footnotes, distinct_citations, key_of, push_ref};
use crate::story::model::Citation;
use crate::story::u32_lists::U32Lists;

/// The facts whose footnotes [`NumberingInTurn::number`] numbers, and how to read
/// them.
pub(crate) struct Cited<'r, 'c, T> {
    pub(crate) items: &'r [T],
    pub(crate) cite_of: &'r (dyn Fn(&T) -> &'c [Citation] + Sync),
    /// A citation's source as an index in the one story every item belongs to (the
    /// index `build` recorded), when sure of it: keys of a source and paragraph alone
    /// are then numbered through a small table by index (`ByPlace`).
    pub(crate) source_of: &'r (dyn Fn(&Citation) -> Option<usize> + Sync),
    /// Given, before each item, the rest of the items from it on, to ask early for the
    /// memory of items a few places ahead.
    pub(crate) ahead: &'r (dyn Fn(&[T]) + Sync),
}

/// Numbers facts' footnotes a part at a time, in order, as one pass over them all
/// would: rows formatted on any thread then write each fact's numbers with no lookup
/// ([`RefNumbers::write_refs`]). A timeline numbers each chunk of rows just before it
/// is made, so the citations this reads are still in cache when the row reads them.
#[derive(Default)]
pub(crate) struct NumberingInTurn {
    /// Kept from part to part: the commonest keys come back all through a table.
    by_place: ByPlace,
}

impl NumberingInTurn {
    /// The numbers of the next part's items, in order, as [`Footnotes::refs`] would
    /// give them after every part before it.
    pub(crate) fn number<T>(
        &mut self,
        notes: &mut Footnotes,
        cited: &Cited<'_, '_, T>,
    ) -> RefNumbers {
        let mut numbers = RefNumbers::default();
        let items = cited.items;
        for (at, item) in items.iter().enumerate() {
            (cited.ahead)(&items[at..]);
            for citation in distinct_citations((cited.cite_of)(item)) {
                let number = match ByPlace::slot((cited.source_of)(citation), citation) {
                    Some(slot) => self
                        .by_place
                        .number(slot, || notes.number(key_of(citation))),
                    None => notes.number(key_of(citation)),
                };
                numbers.push(number);
            }
            numbers.end_item();
        }
        numbers
    }
}

/// Paragraphs a `ByPlace` table holds for each source (and "no paragraph").
const PLACE_PARAS: usize = 64;

/// Sources a `ByPlace` table holds: 4,096 at most, a table of 1 MiB at most.
const PLACE_SOURCES: usize = 4096;

/// The footnote numbers of the commonest keys (a source and a paragraph, no `via` of
/// the citation's own, no quote) by the source's index and the paragraph: a table
/// small enough to stay in the nearest cache, in front of the hash of the whole key,
/// whose read of the key's entry was half of the numbering's time at 1M events. It
/// holds what the hash gave, so the numbers are the hash's.
#[derive(Default)]
struct ByPlace {
    /// A source's paragraphs one after another; 0 where no number is known yet.
    numbers: Vec<u32>,
}

impl ByPlace {
    /// Where the citation's number is kept, if its key is of the kind kept here.
    fn slot(source: Option<usize>, citation: &Citation) -> Option<usize> {
        if citation.via().is_some() || citation.quote().is_some() {
            return None;
        }
        let source = source.filter(|&source| source < PLACE_SOURCES)?;
        let para = match citation.para.map(|para| para as usize) {
            None => 0,
            Some(para) if para + 1 < PLACE_PARAS => para + 1,
            Some(_) => return None,
        };
        Some(source * PLACE_PARAS + para)
    }

    /// The number kept at `slot`, else the one `numbered` gives, then kept.
    fn number(&mut self, slot: usize, numbered: impl FnOnce() -> usize) -> usize {
        if slot >= self.numbers.len() {
            self.numbers
                .resize((slot / PLACE_PARAS + 1) * PLACE_PARAS, 0);
        }
        if self.numbers[slot] == 0 {
            self.numbers[slot] = RefNumbers::number_u32(numbered());
        }
        self.numbers[slot] as usize
    }
}

/// Each item's footnote numbers, in the order its references are written (see
/// [`NumberingInTurn::number`]).
#[derive(Debug, Default)]
pub(crate) struct RefNumbers(U32Lists);

impl RefNumbers {
    /// The numbers of the item at `item` in the list numbered.
    pub(crate) fn of(&self, item: usize) -> &[u32] {
        self.0.list(item)
    }

    /// `[^1][^3]`: the item's references, as [`Footnotes::refs`] writes them.
    pub(crate) fn write_refs(&self, out: &mut String, item: usize) {
        for &number in self.of(item) {
            push_ref(out, number as usize);
        }
    }

    fn push(&mut self, number: usize) {
        self.0.push(Self::number_u32(number));
    }

    fn end_item(&mut self) {
        self.0.end_list();
    }

    fn number_u32(number: usize) -> u32 {
        u32::try_from(number).expect("fewer than 2^32 footnotes")
    }
}
