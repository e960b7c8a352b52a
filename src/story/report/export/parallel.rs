//! Table rows formatted on several threads and written in order: a big table is cut
//! into chunks of rows; this thread prepares each chunk in order (what its rows share),
//! every thread, this one included, takes the next chunk prepared as soon as it is
//! free, and this thread hands the chunks to the sink in the rows' order as they are
//! ready.

mod chunks;

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::story::report::export::{Doc, SPILL_BYTES};
pub(super) use chunks::RowFn;
use chunks::{ChunkMaker, StopOnPanic};

/// How a table's rows are shared out: chunks of `rows_per_chunk` rows, formatted on
/// `threads` threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RowPlan {
    pub(super) threads: usize,
    pub(super) rows_per_chunk: usize,
}

/// Threads to format rows on: the machine's cores, at most this many (past it the
/// writing, which is one thread's, is the bottleneck).
const MAX_THREADS: usize = 4;

/// About 400 KB of Markdown for a timeline: big enough that taking one costs little,
/// small enough that the chunks held stay under a few MB.
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

    /// The most chunks taken and not yet handed to the sink at any time: two for each
    /// thread, so that none waits while the next in order is being written. What
    /// bounds the memory of a big export, and the rows made after the sink fails.
    pub(super) fn most_chunks_ahead(self) -> usize {
        2 * self.threads.max(1)
    }
}

impl Doc<'_> {
    /// Writes `row` of each item, in the items' order, formatting chunks of them on
    /// `self.rows`' threads. Each chunk is first prepared on this thread, in order, by
    /// `prepare` (given the chunk's items); each row is given what was prepared, its
    /// place in its chunk and its item. Once the sink has failed nothing more is
    /// formatted. Before each row, `ahead` is given the rest of its chunk from that row
    /// on, to ask early for the memory of rows a few places ahead (`prefetch`).
    pub(super) fn write_rows<T: Sync, P: Send + Sync>(
        &mut self,
        items: &[T],
        prepare: &mut dyn FnMut(&[T]) -> P,
        row: RowFn<'_, T, P>,
        ahead: &(dyn Fn(&[T]) + Sync),
    ) {
        let plan = self.rows;
        let rows_per_chunk = plan.rows_per_chunk.max(1);
        let maker = ChunkMaker::new(items, rows_per_chunk, row, ahead, plan.most_chunks_ahead());
        if plan.threads <= 1 || maker.chunks() <= 1 {
            while self.failed.is_none() {
                maker.prepare_next(prepare);
                let Some((_, text)) = maker.make_next_if_ready() else {
                    break;
                };
                self.put(&text);
                maker.give_back(text);
            }
            return;
        }
        let (made, ready) = mpsc::sync_channel(plan.most_chunks_ahead());
        std::thread::scope(|scope| {
            for _ in 1..plan.threads {
                let (maker, made) = (&maker, made.clone());
                // A thread the system refuses is one helper fewer: this thread makes
                // whatever no other does.
                let _ = std::thread::Builder::new().spawn_scoped(scope, move || {
                    let _stops_all_if_this_panics = StopOnPanic(maker);
                    while let Some(chunk) = maker.make_next() {
                        if made.send(chunk).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(made);
            let _stops_all_if_this_panics = StopOnPanic(&maker);
            self.put_chunks_in_order(&maker, prepare, ready);
        });
    }

    /// Hands every chunk to the sink in order: those the other threads send on
    /// `ready`, and those this thread makes while the next one is not ready, preparing
    /// chunks as soon as they may be. Stops early once the sink fails.
    fn put_chunks_in_order<T: Sync, P: Sync>(
        &mut self,
        maker: &ChunkMaker<'_, T, P>,
        prepare: &mut dyn FnMut(&[T]) -> P,
        ready: Receiver<(usize, String)>,
    ) {
        let mut held: BTreeMap<usize, String> = BTreeMap::new();
        let mut next = 0;
        while next < maker.chunks() && self.failed.is_none() {
            if let Some(text) = held.remove(&next) {
                self.put(&text);
                maker.give_back(text);
                next += 1;
                continue;
            }
            if maker.prepare_next(prepare) {
                continue;
            }
            let arrived = match ready.try_recv() {
                Ok(chunk) => Some(chunk),
                // Nothing from the others: make one here rather than wait. When every
                // other thread has stopped early (a panic, shown when the scope ends),
                // what is left is made here too.
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => maker.make_next_if_ready(),
            };
            match arrived.or_else(|| ready.recv().ok()) {
                Some((chunk, text)) => {
                    held.insert(chunk, text);
                }
                None => break,
            }
        }
        // The other threads take no more chunks; one blocked on a full channel is
        // freed when `ready` goes, one waiting to take a chunk by the wake-up.
        maker.stop_taking();
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
