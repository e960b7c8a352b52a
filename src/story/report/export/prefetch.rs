//! Asking early for the memory that rows a few places ahead will read, so that their
//! cache misses overlap instead of following one another. A timeline is written in
//! date order, which in a big story is no order in memory at all: each row's event,
//! title, summary and citations were each a miss, waited for in turn, and the waits
//! were most of the rows' time (the escape's first read of a title, the numbering's
//! first read of a citation list).

use crate::story::graph::Story;

/// How many rows ahead an event's record is asked for.
const RECORD_AHEAD: usize = 16;

/// How many rows ahead what the record points at (title, summary, citations, entity
/// ids) is asked for: fewer than `RECORD_AHEAD`, so the record itself, read to find
/// those, is already in cache.
const POINTED_AHEAD: usize = 8;

/// At most this many bytes of one piece are asked for (a long summary's start is
/// enough: the processor's own prefetcher follows a string read in order).
const MOST_BYTES: usize = 256;

const LINE: usize = 64;

/// For the rows of `upcoming` (arena indexes of events, the next row's first): asks for
/// what a timeline row reads of the events a few rows on.
pub(super) fn timeline_rows_ahead(story: &Story, upcoming: &[usize]) {
    let events = &story.file.events;
    if let Some(&far) = upcoming.get(RECORD_AHEAD) {
        fetch_value(&events[far]);
    }
    if let Some(&near) = upcoming.get(POINTED_AHEAD) {
        let event = &events[near];
        fetch_slice(event.title.as_bytes());
        fetch_slice(event.summary.as_bytes());
        fetch_slice(event.cite.as_slice());
        fetch_slice(event.entities.as_slice());
    }
}

/// As [`timeline_rows_ahead`], for a pass that reads only the events' citations (the
/// footnotes' numbering).
pub(super) fn citations_ahead(story: &Story, upcoming: &[usize]) {
    let events = &story.file.events;
    if let Some(&far) = upcoming.get(RECORD_AHEAD) {
        fetch_value(&events[far]);
    }
    if let Some(&near) = upcoming.get(POINTED_AHEAD) {
        fetch_slice(events[near].cite.as_slice());
    }
}

fn fetch_value<T>(value: &T) {
    fetch_bytes((value as *const T).cast(), size_of::<T>());
}

fn fetch_slice<T>(items: &[T]) {
    if !items.is_empty() {
        fetch_bytes(items.as_ptr().cast(), size_of_val(items));
    }
}

/// Asks for the cache lines of the first `len` bytes at `start` (at most `MOST_BYTES`).
fn fetch_bytes(start: *const u8, len: usize) {
    let mut offset = 0;
    while offset < len.min(MOST_BYTES) {
        fetch_line(start.wrapping_add(offset));
        offset += LINE;
    }
}

/// A hint only: the line is read into the cache if the processor has time, nothing is
/// read by the program and no address can fault.
#[cfg(target_arch = "x86_64")]
fn fetch_line(at: *const u8) {
    use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
    // SAFETY: a prefetch reads nothing the program sees and never faults, whatever the
    // address; SSE, which it needs, is part of every x86-64 processor.
    unsafe { _mm_prefetch::<_MM_HINT_T0>(at.cast()) };
}

/// Elsewhere, no hint: the rows read the same memory, only later.
#[cfg(not(target_arch = "x86_64"))]
fn fetch_line(_at: *const u8) {}
