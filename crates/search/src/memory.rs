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
        let (narrowed_bytes, narrowed_blocks) = self.narrowed_heap();
        let (own_bytes, own_blocks) = self.own_names.heap();
        vec![
            part(
                "name records (`SearchEntry::target`)",
                vec_bytes(&self.targets),
                1,
            ),
            part(
                "names lower-cased, end to end",
                self.haystacks.capacity(),
                1,
            ),
            part("where each name starts in them", vec_bytes(&self.starts), 1),
            part(
                "shown char counts where lower case differs",
                vec_bytes(&self.shown_chars),
                usize::from(self.shown_chars.capacity() > 0),
            ),
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
            (bytes + n.bytes(), blocks + 1 + 3 * n.terms.len())
        })
    }
}

/// Bytes a vector allocated.
fn vec_bytes<T>(list: &Vec<T>) -> usize {
    list.capacity() * size_of::<T>()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{Names, synthetic};
    use super::super::{NameKind, SearchEntry};
    use super::*;

    fn bytes_of(index: &SearchIndex<u32>, part: &str) -> usize {
        let parts = index.heap_parts();
        let found = parts.iter().find(|p| p.part.starts_with(part));
        found
            .unwrap_or_else(|| panic!("no part {part:?} in {parts:?}"))
            .bytes
    }

    /// Each part counts what it says: a record a name, the names' bytes lower-cased
    /// (the names as shown are the caller's), 4 bytes a start, 12 of ranking facts a
    /// name, the typo index once built, the match lists while remembered.
    #[test]
    fn parts_count_what_the_index_holds() {
        let fixture = synthetic();
        let names = fixture.entries.len();
        let text: usize = fixture.texts.iter().map(String::len).sum();
        let index = fixture.index();
        let record = size_of::<u32>();
        assert_eq!(bytes_of(&index, "name records"), record * names);
        assert!(bytes_of(&index, "names lower-cased") >= text);
        assert!(bytes_of(&index, "names lower-cased") <= text + text / 32);
        assert_eq!(bytes_of(&index, "shown char counts"), 0);
        assert_eq!(bytes_of(&index, "where each name starts"), 4 * (names + 1));
        assert_eq!(bytes_of(&index, "ranking facts"), 12 * names);
        assert!(bytes_of(&index, "own names") > 0);
        assert_eq!(bytes_of(&index, "typo word index"), 0);
        assert_eq!(bytes_of(&index, "recent match lists"), 0);
        index.search("tencent", 10);
        assert!(bytes_of(&index, "typo word index") > 0);
        index.forget_recent();
        index.search_in_order("e a", 10);
        let holds = |s: usize| index.haystack(s).contains('e') && index.haystack(s).contains('a');
        let matched = (0..names).filter(|&s| holds(s)).count();
        // Per name that matched, its slot, and per word a score, a match end, a ceiling.
        let per_match = 4 + 2 * (2 + 2 + 2);
        assert_eq!(bytes_of(&index, "recent match lists"), matched * per_match);
        index.forget_recent();
        assert_eq!(bytes_of(&index, "recent match lists"), 0);
    }

    /// The newest match list is always kept (the next keystroke narrows from it); the
    /// older ones only within their budget, so a first letter's list, which holds most
    /// names, is gone once a second letter is typed, and a short list stays.
    #[test]
    fn older_match_lists_are_kept_within_their_budget() {
        use super::super::in_order::OLDER_LISTS_BYTES_PER_NAME;
        let fixture = synthetic();
        let index = fixture.index();
        let budget = fixture.entries.len() * OLDER_LISTS_BYTES_PER_NAME;
        let lists = || -> Vec<(Vec<String>, usize)> {
            let narrowed = index.narrowed.lock().expect("lock");
            narrowed
                .iter()
                .map(|n| (n.terms.clone(), n.bytes()))
                .collect()
        };
        index.search_in_order("t", 10);
        let first = lists();
        assert_eq!(first.len(), 1);
        assert!(first[0].1 > budget, "{first:?} within {budget}");
        for typed in ["te", "ten", "tenc", "tence", "tencent"] {
            index.search_in_order(typed, 10);
            let kept = lists();
            let (newest, older) = kept.split_last().expect("a list");
            assert_eq!(newest.0, [typed]);
            assert!(older.iter().map(|(_, bytes)| bytes).sum::<usize>() <= budget);
            assert!(older.iter().all(|(terms, _)| terms != &["t"]));
        }
        // A short older list (`tence`, for a backspace) is kept beside the newest.
        assert_eq!(lists().len(), 2, "{:?}", lists());
    }

    /// An entry for a record's title, of no weight.
    fn title(target: u32) -> SearchEntry<u32> {
        SearchEntry {
            target,
            kind: NameKind::Title,
            alias: false,
            weight: 0,
        }
    }

    /// Names past the text a start can reach are left out, and match nothing, rather
    /// than failing the build; the rest are searched as before.
    #[test]
    fn names_past_the_addressable_text_are_left_out() {
        let names = Names {
            entries: vec![title(0), title(1), title(2)],
            texts: ["Qwen Max", "Qwen Plus", "Qwen Coder"]
                .map(str::to_owned)
                .to_vec(),
        };
        let index =
            SearchIndex::build_within(names.entries.clone(), &|_, i| names.text(i), 17, false);
        let found: Vec<u32> = index
            .search_in_order("qwen", 10)
            .iter()
            .map(|h| h.target)
            .collect();
        // Shortest first: "qwen max" and "qwen plus" fit in 17 bytes, "qwen coder" not.
        assert_eq!(found, vec![0, 1]);
        assert_eq!(index.haystack(2), "");
    }

    /// A name whose lower case has more chars than it ('İ' lower-cases to two) keeps
    /// its shown count, and only such a name: highlights stay within the name shown.
    #[test]
    fn highlights_stay_within_a_name_that_lower_cases_longer() {
        let names = Names {
            entries: vec![title(0), title(1)],
            texts: ["İzmir Intel", "Izmir Intel"].map(str::to_owned).to_vec(),
        };
        let index = names.index();
        assert_eq!(bytes_of(&index, "shown char counts"), 8);
        let hits = index.search("izmir intel", 5);
        for hit in &hits {
            let shown = names.texts[hit.entry].chars().count();
            assert!(hit.positions.iter().all(|&p| p < shown), "{hit:?}");
        }
        // Positions are the lower case's: past the dotted I they run one ahead, and
        // the last ("l", char 11 of 12) falls outside the 11 shown (as it always has).
        let dotted = hits.iter().find(|hit| hit.entry == 0).expect("found");
        assert_eq!(dotted.positions, [0, 2, 3, 4, 5, 7, 8, 9, 10]);
        let plain = hits.iter().find(|hit| hit.entry == 1).expect("found");
        assert_eq!(plain.positions, [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    }

    /// A name's ranking facts keep its length and both flags apart in 12 bytes; a
    /// length past 1 GiB ranks as 1 GiB.
    #[test]
    fn ranking_facts_pack_length_and_flags() {
        use super::super::{LONGEST_LEN, SlotRank};
        assert_eq!(size_of::<SlotRank>(), 12);
        for (len, alias, ascii) in [(5, true, false), (5, false, true), (0, true, true)] {
            let facts = SlotRank::new(7, 3, len, alias, ascii);
            let got = (
                facts.len(),
                facts.alias(),
                facts.ascii(),
                facts.weight,
                facts.starts,
            );
            assert_eq!(got, (len as u32, alias, ascii, 3, 7));
        }
        let long = SlotRank::new(0, 0, usize::MAX, false, true);
        assert_eq!(
            (long.len(), long.alias(), long.ascii()),
            (LONGEST_LEN, false, true)
        );
    }
}
