//! The chunks of a table's rows and who may take which: a chunk is first prepared, in
//! order, by the writing thread (what its rows share, such as their footnotes'
//! numbers), then taken by whichever thread is free, never too far ahead of the
//! writing; spent buffers are filled again.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

/// A row's writer: the chunk's prepared part, the row's place in its chunk, the item.
pub(in crate::story::report::export) type RowFn<'r, T, P> =
    &'r (dyn Fn(&mut String, &P, usize, &T) + Sync);

/// What taking the next chunk found.
pub(super) enum Take {
    Chunk(usize),
    NoneLeft,
    /// The next chunk is not prepared yet, or too far ahead of the writing.
    NotYet,
}

/// Chunks formatted by any thread.
pub(super) struct ChunkMaker<'r, T, P> {
    pub(super) items: &'r [T],
    pub(super) rows_per_chunk: usize,
    pub(super) row: RowFn<'r, T, P>,
    pub(super) ahead: &'r (dyn Fn(&[T]) + Sync),
    /// Each chunk's prepared part, set by the writing thread before it may be taken.
    pub(super) prepared: Vec<OnceLock<P>>,
    /// How many chunks are prepared (in order, from the first).
    pub(super) prepared_count: AtomicUsize,
    /// The next chunk to take.
    pub(super) next: AtomicUsize,
    /// How many chunks the sink has been handed: none is taken `most_ahead` or more
    /// chunks past it.
    pub(super) written: AtomicUsize,
    pub(super) most_ahead: usize,
    /// Rung when `written` or `prepared_count` moves, for threads waiting to take one.
    pub(super) moved: (Mutex<()>, Condvar),
    stop: AtomicBool,
    pub(super) spare: Mutex<Vec<String>>,
    /// Each new buffer starts as big as the biggest chunk so far, so it is not grown
    /// (and copied) as it fills: a guess per row was half the rows' size.
    pub(super) biggest: AtomicUsize,
}

impl<'r, T: Sync, P: Sync> ChunkMaker<'r, T, P> {
    pub(super) fn new(
        items: &'r [T],
        rows_per_chunk: usize,
        row: RowFn<'r, T, P>,
        ahead: &'r (dyn Fn(&[T]) + Sync),
        most_ahead: usize,
    ) -> Self {
        let chunks = items.len().div_ceil(rows_per_chunk);
        ChunkMaker {
            items,
            rows_per_chunk,
            row,
            ahead,
            prepared: (0..chunks).map(|_| OnceLock::new()).collect(),
            prepared_count: AtomicUsize::new(0),
            next: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            most_ahead,
            moved: (Mutex::new(()), Condvar::new()),
            stop: AtomicBool::new(false),
            spare: Mutex::new(Vec::new()),
            // 256 bytes a row at first, enough for most tables' rows.
            biggest: AtomicUsize::new(rows_per_chunk.saturating_mul(256)),
        }
    }

    pub(super) fn chunks(&self) -> usize {
        self.prepared.len()
    }

    /// The rows of chunk `chunk`.
    pub(super) fn rows_of(&self, chunk: usize) -> &'r [T] {
        let first = chunk * self.rows_per_chunk;
        &self.items[first..(first + self.rows_per_chunk).min(self.items.len())]
    }

    /// Prepares the next chunk not yet prepared with `prepare`, if it is not too far
    /// ahead of the writing; true when one was.
    pub(super) fn prepare_next(&self, prepare: &mut dyn FnMut(&[T]) -> P) -> bool {
        let chunk = self.prepared_count.load(Ordering::Acquire);
        if chunk >= self.chunks() || chunk >= self.written.load(Ordering::Acquire) + self.most_ahead
        {
            return false;
        }
        let _ = self.prepared[chunk].set(prepare(self.rows_of(chunk)));
        self.prepared_count.store(chunk + 1, Ordering::Release);
        self.wake();
        true
    }

    /// Takes the next chunk nobody has taken and formats it, waiting while it is not
    /// prepared or too far ahead of the writing (the other threads' way); None once
    /// all are taken or the writing has stopped.
    pub(super) fn make_next(&self) -> Option<(usize, String)> {
        loop {
            match self.take() {
                Take::Chunk(chunk) => return Some((chunk, self.make(chunk))),
                Take::NoneLeft => return None,
                Take::NotYet => {
                    let (lock, moved) = &self.moved;
                    let Ok(guard) = lock.lock() else { return None };
                    if matches!(self.take_state(), Take::NotYet) {
                        // A timeout too, so a wake-up missed costs a millisecond.
                        let _ = moved.wait_timeout(guard, Duration::from_millis(1));
                    }
                }
            }
        }
    }

    /// As `make_next`, but never waits (the writing thread's way: the writing and the
    /// preparing are its).
    pub(super) fn make_next_if_ready(&self) -> Option<(usize, String)> {
        match self.take() {
            Take::Chunk(chunk) => Some((chunk, self.make(chunk))),
            Take::NoneLeft | Take::NotYet => None,
        }
    }

    fn take(&self) -> Take {
        loop {
            let chunk = match self.take_state() {
                Take::Chunk(chunk) => chunk,
                other => return other,
            };
            let taken =
                (self.next).compare_exchange(chunk, chunk + 1, Ordering::AcqRel, Ordering::Acquire);
            if taken.is_ok() {
                return Take::Chunk(chunk);
            }
        }
    }

    /// What taking would find now, without taking.
    fn take_state(&self) -> Take {
        let chunk = self.next.load(Ordering::Acquire);
        if chunk >= self.chunks() || self.stop.load(Ordering::Relaxed) {
            Take::NoneLeft
        } else if chunk >= self.prepared_count.load(Ordering::Acquire)
            || chunk >= self.written.load(Ordering::Acquire) + self.most_ahead
        {
            Take::NotYet
        } else {
            Take::Chunk(chunk)
        }
    }

    fn make(&self, chunk: usize) -> String {
        let rows = self.rows_of(chunk);
        let Some(prepared) = self.prepared[chunk].get() else {
            unreachable!("a chunk is taken only once prepared");
        };
        let reused = self.spare.lock().ok().and_then(|mut spare| spare.pop());
        let mut text =
            reused.unwrap_or_else(|| String::with_capacity(self.biggest.load(Ordering::Relaxed)));
        for (at, item) in rows.iter().enumerate() {
            (self.ahead)(&rows[at..]);
            (self.row)(&mut text, prepared, at, item);
        }
        self.biggest.fetch_max(text.len(), Ordering::Relaxed);
        text
    }

    /// A buffer handed to the sink, kept to be filled again.
    pub(super) fn give_back(&self, mut text: String) {
        self.written.fetch_add(1, Ordering::AcqRel);
        self.wake();
        text.clear();
        if let Ok(mut spare) = self.spare.lock() {
            spare.push(text);
        }
    }

    /// No chunk is taken from now on; threads waiting for one stop waiting.
    pub(super) fn stop_taking(&self) {
        self.stop.store(true, Ordering::Relaxed);
        self.wake();
    }

    /// Something moved (or the writing stopped): waiting threads look again.
    pub(super) fn wake(&self) {
        drop(self.moved.0.lock());
        self.moved.1.notify_all();
    }
}

/// Stops the taking of chunks if the thread holding it panics: the others, waiting
/// for a chunk this one would have sent, prepared or written, stop too, and the panic
/// shows at the scope's end instead of every thread waiting.
pub(super) struct StopOnPanic<'m, 'r, T: Sync, P: Sync>(pub(super) &'m ChunkMaker<'r, T, P>);

impl<T: Sync, P: Sync> Drop for StopOnPanic<'_, '_, T, P> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop_taking();
        }
    }
}
