//! Table rows formatted on several threads and written in order: a big table is cut
//! into chunks of rows, each chunk formatted into its own buffer by one thread, and the
//! buffers handed to the sink in the rows' order while the next chunks are made.

use std::num::NonZeroUsize;
use std::sync::atomic::Ordering;

use crate::story::report::export::{Doc, SPILL_BYTES};

/// How a table's rows are shared out: `threads` chunks of `rows_per_chunk` rows at a
/// time, so at most two rounds of chunks are held (the one written, the one made).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RowPlan {
    pub(super) threads: usize,
    pub(super) rows_per_chunk: usize,
}

/// Threads to format rows on: the machine's cores, at most this many (past it the
/// writing, which is one thread's, is the bottleneck).
const MAX_THREADS: usize = 4;

/// About 400 KB of Markdown for a timeline: big enough that starting a thread for it
/// costs little, small enough that the chunks held stay under a few MB.
const ROWS_PER_CHUNK: usize = 1024;

impl RowPlan {
    /// As many threads as the machine offers, up to `MAX_THREADS`.
    pub(super) fn for_this_machine() -> RowPlan {
        let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        RowPlan {
            threads: cores.clamp(1, MAX_THREADS),
            rows_per_chunk: ROWS_PER_CHUNK,
        }
    }
}

/// A first chunk's buffer: 256 bytes a row, enough for most tables' rows.
fn chunk_len_guess(rows: usize) -> usize {
    rows.saturating_mul(256)
}

impl Doc<'_> {
    /// Writes `row` of each item (given with its position in `items`), in the items'
    /// order, formatting chunks of them on `self.rows`' threads. Once the sink has failed nothing more is formatted. Before
    /// each row, `ahead` is given the rest of its chunk from that row on, to ask early
    /// for the memory of rows a few places ahead (`prefetch`).
    pub(super) fn write_rows<T: Sync>(
        &mut self,
        items: &[T],
        row: &(dyn Fn(&mut String, usize, &T) + Sync),
        ahead: &(dyn Fn(&[T]) + Sync),
    ) {
        let RowPlan {
            threads,
            rows_per_chunk,
        } = self.rows;
        let rows_per_chunk = rows_per_chunk.max(1);
        // Each chunk's buffer starts as big as the biggest chunk so far, so it is not
        // grown (and copied) as it fills: a guess per row was half the rows' size.
        let biggest = std::sync::atomic::AtomicUsize::new(chunk_len_guess(rows_per_chunk));
        let format = |(first, chunk): (usize, &[T])| {
            let mut text = String::with_capacity(biggest.load(Ordering::Relaxed));
            for (at, item) in chunk.iter().enumerate() {
                ahead(&chunk[at..]);
                row(&mut text, first + at, item);
            }
            biggest.fetch_max(text.len(), Ordering::Relaxed);
            text
        };
        let mut made: Vec<String> = Vec::new();
        let rows_per_round = rows_per_chunk * threads.max(1);
        for (round_at, round) in items.chunks(rows_per_round).enumerate() {
            if self.failed.is_some() {
                return;
            }
            // Each chunk with the position of its first row in `items`.
            let round_first = round_at * rows_per_round;
            let mut chunks = (round.chunks(rows_per_chunk).enumerate())
                .map(|(n, chunk)| (round_first + n * rows_per_chunk, chunk));
            let first = chunks.next().unwrap_or((round_first, &[]));
            made = std::thread::scope(|scope| {
                let others: Vec<_> = chunks.map(|c| scope.spawn(move || format(c))).collect();
                // While the other threads work: hand over the last round, make a chunk.
                made.drain(..).for_each(|text| self.put(&text));
                let mut round_made = vec![format(first)];
                for thread in others {
                    let text = thread
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p));
                    round_made.push(text);
                }
                round_made
            });
        }
        made.drain(..).for_each(|text| self.put(&text));
    }

    /// Appends already-made Markdown: straight to the sink when there is one (after what
    /// is gathered before it), in pieces of at most `SPILL_BYTES` as the rest of the
    /// export, else to the document.
    fn put(&mut self, text: &str) {
        if self.sink.is_none() {
            self.out.push_str(text);
            return;
        }
        self.spill(0);
        for piece in text.as_bytes().chunks(SPILL_BYTES) {
            if let Some(sink) = self.sink.as_mut()
                && self.failed.is_none()
                && let Err(err) = sink.write_all(piece)
            {
                self.failed = Some(err);
            }
        }
    }
}

#[cfg(test)]
mod tests;
