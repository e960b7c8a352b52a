//! Table rows formatted on several threads and written in order: a big table is cut
//! into chunks of rows; every thread, this one included, takes the next chunk not yet
//! taken as soon as it is free, and this thread hands the chunks to the sink in the
//! rows' order as they are ready. Spent buffers are used again.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::story::report::export::{Doc, SPILL_BYTES};

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

/// Stops the taking of chunks if the thread holding it panics: the others, waiting
/// for a chunk this one would have sent or written, stop too, and the panic shows at
/// the scope's end instead of every thread waiting.
struct StopOnPanic<'m, 'r, T: Sync>(&'m ChunkMaker<'r, T>);

impl<T: Sync> Drop for StopOnPanic<'_, '_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop.store(true, Ordering::Relaxed);
            self.0.wake();
        }
    }
}

/// What taking the next chunk found.
enum Take {
    Chunk(usize),
    NoneLeft,
    TooFarAhead,
}

/// A first chunk's buffer: 256 bytes a row, enough for most tables' rows.
fn chunk_len_guess(rows: usize) -> usize {
    rows.saturating_mul(256)
}

/// Chunks formatted by any thread: the next one to take, how many are written, and
/// spent buffers to reuse.
struct ChunkMaker<'r, T> {
    items: &'r [T],
    rows_per_chunk: usize,
    row: &'r (dyn Fn(&mut String, usize, &T) + Sync),
    ahead: &'r (dyn Fn(&[T]) + Sync),
    /// The next chunk to take.
    next: AtomicUsize,
    /// How many chunks the sink has been handed: none is taken `most_ahead` or more
    /// chunks past it.
    written: AtomicUsize,
    most_ahead: usize,
    /// Rung when `written` moves, for the threads waiting to take a chunk.
    moved: (Mutex<()>, Condvar),
    stop: AtomicBool,
    spare: Mutex<Vec<String>>,
    /// Each new buffer starts as big as the biggest chunk so far, so it is not grown
    /// (and copied) as it fills: a guess per row was half the rows' size.
    biggest: AtomicUsize,
}

impl<T: Sync> ChunkMaker<'_, T> {
    fn chunks(&self) -> usize {
        self.items.len().div_ceil(self.rows_per_chunk)
    }

    /// Takes the next chunk nobody has taken and formats it, waiting while it would be
    /// too far ahead of the writing (the other threads' way); None once all are taken
    /// or the writing has stopped.
    fn make_next(&self) -> Option<(usize, String)> {
        loop {
            match self.take() {
                Take::Chunk(chunk) => return Some((chunk, self.make(chunk))),
                Take::NoneLeft => return None,
                Take::TooFarAhead => {
                    let (lock, moved) = &self.moved;
                    let Ok(guard) = lock.lock() else { return None };
                    if self.take_is_too_far_ahead() {
                        // A timeout too, so a wake-up missed costs a millisecond.
                        let _ = moved.wait_timeout(guard, Duration::from_millis(1));
                    }
                }
            }
        }
    }

    /// As `make_next`, but never waits (the writing thread's way: the writing is its).
    fn make_next_if_near(&self) -> Option<(usize, String)> {
        match self.take() {
            Take::Chunk(chunk) => Some((chunk, self.make(chunk))),
            Take::NoneLeft | Take::TooFarAhead => None,
        }
    }

    fn take(&self) -> Take {
        loop {
            let chunk = self.next.load(Ordering::Acquire);
            if chunk >= self.chunks() || self.stop.load(Ordering::Relaxed) {
                return Take::NoneLeft;
            }
            if chunk >= self.written.load(Ordering::Acquire) + self.most_ahead {
                return Take::TooFarAhead;
            }
            let taken =
                (self.next).compare_exchange(chunk, chunk + 1, Ordering::AcqRel, Ordering::Acquire);
            if taken.is_ok() {
                return Take::Chunk(chunk);
            }
        }
    }

    fn take_is_too_far_ahead(&self) -> bool {
        let next = self.next.load(Ordering::Acquire);
        next < self.chunks()
            && !self.stop.load(Ordering::Relaxed)
            && next >= self.written.load(Ordering::Acquire) + self.most_ahead
    }

    /// One more chunk handed to the sink (or the writing stopped): waiting threads
    /// look again.
    fn wake(&self) {
        drop(self.moved.0.lock());
        self.moved.1.notify_all();
    }

    fn make(&self, chunk: usize) -> String {
        let first = chunk * self.rows_per_chunk;
        let rows = &self.items[first..(first + self.rows_per_chunk).min(self.items.len())];
        let reused = self.spare.lock().ok().and_then(|mut spare| spare.pop());
        let mut text =
            reused.unwrap_or_else(|| String::with_capacity(self.biggest.load(Ordering::Relaxed)));
        for (at, item) in rows.iter().enumerate() {
            (self.ahead)(&rows[at..]);
            (self.row)(&mut text, first + at, item);
        }
        self.biggest.fetch_max(text.len(), Ordering::Relaxed);
        text
    }

    /// A buffer handed to the sink, kept to be filled again.
    fn give_back(&self, mut text: String) {
        self.written.fetch_add(1, Ordering::AcqRel);
        self.wake();
        text.clear();
        if let Ok(mut spare) = self.spare.lock() {
            spare.push(text);
        }
    }
}

impl Doc<'_> {
    /// Writes `row` of each item (given with its position in `items`), in the items'
    /// order, formatting chunks of them on `self.rows`' threads. Once the sink has
    /// failed nothing more is formatted. Before each row, `ahead` is given the rest of
    /// its chunk from that row on, to ask early for the memory of rows a few places
    /// ahead (`prefetch`).
    pub(super) fn write_rows<T: Sync>(
        &mut self,
        items: &[T],
        row: &(dyn Fn(&mut String, usize, &T) + Sync),
        ahead: &(dyn Fn(&[T]) + Sync),
    ) {
        let plan = self.rows;
        let rows_per_chunk = plan.rows_per_chunk.max(1);
        let maker = ChunkMaker {
            items,
            rows_per_chunk,
            row,
            ahead,
            next: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            most_ahead: plan.most_chunks_ahead(),
            moved: (Mutex::new(()), Condvar::new()),
            stop: AtomicBool::new(false),
            spare: Mutex::new(Vec::new()),
            biggest: AtomicUsize::new(chunk_len_guess(rows_per_chunk)),
        };
        if plan.threads <= 1 || maker.chunks() <= 1 {
            while self.failed.is_none()
                && let Some((_, text)) = maker.make_next()
            {
                self.put(&text);
                maker.give_back(text);
            }
            return;
        }
        let (made, ready) = mpsc::sync_channel(plan.most_chunks_ahead());
        std::thread::scope(|scope| {
            for _ in 1..plan.threads {
                let (maker, made) = (&maker, made.clone());
                scope.spawn(move || {
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
            self.put_chunks_in_order(&maker, ready);
        });
    }

    /// Hands every chunk to the sink in order: those the other threads send on
    /// `ready`, and those this thread makes while the next one is not ready. Stops
    /// early once the sink fails.
    fn put_chunks_in_order<T: Sync>(
        &mut self,
        maker: &ChunkMaker<'_, T>,
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
            let arrived = match ready.try_recv() {
                Ok(chunk) => Some(chunk),
                // Nothing from the others: make one here rather than wait. When every
                // other thread has stopped early (a panic, shown when the scope ends),
                // what is left is made here too.
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => maker.make_next_if_near(),
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
        maker.stop.store(true, Ordering::Relaxed);
        maker.wake();
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
