//! What an index holds in memory, structure by structure, counted from the lengths and
//! capacities of what it allocated (the allocator's own header and rounding, about 16
//! bytes a block, come on top: `HeapPart::blocks` says how many blocks).

use std::mem::size_of;

use super::{Key, SearchIndex};

/// Heap bytes one structure of an index holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapPart {
    /// What the structure is.
    pub part: &'static str,
    /// Bytes allocated for it.
    pub bytes: usize,
    /// How many separate heap blocks they are in.
    pub blocks: usize,
}

impl<K: Key> SearchIndex<K> {
    /// The index's heap, structure by structure (the typo word index only once built,
    /// the recent match lists only while remembered).
    pub fn heap_parts(&self) -> Vec<HeapPart> {
        let part = |part, bytes, blocks| HeapPart {
            part,
            bytes,
            blocks,
        };
        let texts: usize = self.entries.iter().map(|e| e.text.capacity()).sum();
        let aliases = self.entries.iter().filter_map(|e| e.alias_of.as_ref());
        let (alias_bytes, alias_blocks) =
            aliases.fold((0, 0), |(b, n), a| (b + a.capacity(), n + 1));
        let (narrowed_bytes, narrowed_blocks) = self.narrowed_heap();
        let (own_bytes, own_blocks) = self.own_names.heap();
        vec![
            part(
                "name records (`SearchEntry`: record, kind, text, alias, weight)",
                vec_bytes(&self.entries),
                1,
            ),
            part(
                "names as shown (`SearchEntry::text`)",
                texts,
                self.entries.len(),
            ),
            part(
                "aliases' main names (`SearchEntry::alias_of`)",
                alias_bytes,
                alias_blocks,
            ),
            part(
                "names lower-cased, end to end",
                self.haystacks.capacity(),
                1,
            ),
            part("where each name starts in them", vec_bytes(&self.starts), 1),
            part("scan order (entry per slot)", vec_bytes(&self.order), 1),
            part("ranking facts per slot", vec_bytes(&self.ranks), 1),
            part("own names (entity names' words)", own_bytes, own_blocks),
            part(
                "typo word index (FST and postings)",
                self.typo_heap_bytes(),
                3,
            ),
            part("recent match lists", narrowed_bytes, narrowed_blocks),
        ]
    }

    /// Bytes and blocks of the remembered match lists.
    fn narrowed_heap(&self) -> (usize, usize) {
        let Ok(narrowed) = self.narrowed.lock() else {
            return (0, 0);
        };
        narrowed.iter().fold((0, 0), |(bytes, blocks), n| {
            let words = n.terms.len();
            let lists = n.matches.capacity() * 4
                + n.exact.iter().map(|e| e.capacity() * 4).sum::<usize>()
                + n.ends.iter().map(|e| e.capacity() * 2).sum::<usize>();
            (bytes + lists, blocks + 1 + 2 * words)
        })
    }
}

/// Bytes a vector allocated.
fn vec_bytes<T>(list: &Vec<T>) -> usize {
    list.capacity() * size_of::<T>()
}
