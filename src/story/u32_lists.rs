//! Short lists of numbers kept one after another in one buffer, each found by where it
//! starts: the shape of the tables a big view reads a list from per row (each event's
//! entity indexes, each row's footnote numbers) instead of hashing, two reads and no
//! allocation per list.

/// Lists of `u32`, the `n`th found with [`U32Lists::list`].
#[derive(Debug, Clone)]
pub(crate) struct U32Lists {
    /// Where each list starts in `values`; one more than the lists, the last where the
    /// last list ends.
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl Default for U32Lists {
    fn default() -> Self {
        U32Lists {
            starts: vec![0],
            values: Vec::new(),
        }
    }
}

impl U32Lists {
    /// The next value of the list being made.
    pub(crate) fn push(&mut self, value: u32) {
        self.values.push(value);
    }

    /// Ends the list being made; the next push starts the next list.
    pub(crate) fn end_list(&mut self) {
        self.starts.push(self.end());
    }

    /// Another's lists after these, as if made here in turn.
    pub(crate) fn append(&mut self, other: U32Lists) {
        let offset = self.end();
        self.starts
            .extend(other.starts[1..].iter().map(|start| start + offset));
        self.values.extend(other.values);
    }

    /// The `n`th list; empty beyond the lists made.
    pub(crate) fn list(&self, n: usize) -> &[u32] {
        match (self.starts.get(n), self.starts.get(n + 1)) {
            (Some(&start), Some(&end)) => &self.values[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Where the `n`th list is said to start: what [`U32Lists::list`] reads first, for
    /// asking the memory early; None beyond the lists.
    pub(crate) fn start_of(&self, n: usize) -> Option<&u32> {
        self.starts.get(n)
    }

    /// How many lists are made.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Gives back the room the buffers grew into beyond what they hold.
    pub(crate) fn fit(&mut self) {
        self.starts.shrink_to_fit();
        self.values.shrink_to_fit();
    }

    fn end(&self) -> u32 {
        // Fewer than 2^32 values in all: each stands for an id or a citation of at
        // least a few bytes in a file read whole into memory.
        self.values.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(lists: &[&[u32]]) -> U32Lists {
        let mut made = U32Lists::default();
        for list in lists {
            list.iter().for_each(|&value| made.push(value));
            made.end_list();
        }
        made
    }

    #[test]
    fn each_list_is_found_whole_and_in_order() {
        let lists = made(&[&[3, 1], &[], &[7, 3, 3]]);
        assert_eq!(lists.len(), 3);
        assert_eq!(lists.list(0), [3, 1]);
        assert_eq!(lists.list(1), [] as [u32; 0]);
        assert_eq!(lists.list(2), [7, 3, 3]);
        assert_eq!(lists.list(3), [] as [u32; 0]);
    }

    #[test]
    fn appended_lists_read_as_lists_made_in_turn() {
        let first: &[&[u32]] = &[&[0], &[1, 2]];
        let second: &[&[u32]] = &[&[], &[5], &[6, 7]];
        let mut joined = made(first);
        joined.append(made(second));
        let whole = made(&[first, second].concat());
        assert_eq!(joined.len(), 5);
        for n in 0..6 {
            assert_eq!(joined.list(n), whole.list(n), "list {n}");
        }
    }
}
