//! Asking early for the memory that rows a few places ahead will read, so that their
//! cache misses overlap instead of following one another. A timeline is written in
//! date order, which in a big story is no order in memory at all: each row's event,
//! title, summary and citations were each a miss, waited for in turn, and the waits
//! were most of the rows' time (the escape's first read of a title, the numbering's
//! first read of a citation list).

use crate::story::graph::Story;
use crate::story::model::Event;

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
    pieces_ahead(story, upcoming, Reads::Rows, &mut fetch_bytes);
}

/// As [`timeline_rows_ahead`], for a pass that reads only the events' citations (the
/// footnotes' numbering).
pub(super) fn citations_ahead(story: &Story, upcoming: &[usize]) {
    pieces_ahead(story, upcoming, Reads::Citations, &mut fetch_bytes);
}

/// What a pass over the events reads of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// A timeline row: the title, summary, citations and entity indexes.
    Rows,
    /// The citations alone.
    Citations,
}

/// Hands `fetch` each piece of memory (start, length in bytes) to ask for now: the
/// record of the event `RECORD_AHEAD` rows on (and, for rows, where its entities'
/// indexes start), and what `reads` needs of the event `POINTED_AHEAD` rows on (empty
/// lists, which point nowhere, left out).
fn pieces_ahead(
    story: &Story,
    upcoming: &[usize],
    reads: Reads,
    fetch: &mut dyn FnMut(*const u8, usize),
) {
    let events = &story.file.events;
    if let Some(&far) = upcoming.get(RECORD_AHEAD) {
        let record = &events[far];
        fetch((record as *const Event).cast(), size_of::<Event>());
        if reads == Reads::Rows
            && let Some(start) = story.event_entities().start_of(far)
        {
            fetch((start as *const u32).cast(), size_of::<u32>());
        }
    }
    let Some(&near) = upcoming.get(POINTED_AHEAD) else {
        return;
    };
    let event = &events[near];
    let mut slice = |start: *const u8, len: usize| {
        if len > 0 {
            fetch(start, len);
        }
    };
    slice(event.cite.as_ptr().cast(), size_of_val(&event.cite[..]));
    if reads == Reads::Rows {
        // The texts as one piece: slicing out the title or summary would read a byte
        // of the text (to find a character's edge), a wait for the very memory asked for.
        let texts = event.text.joined();
        slice(texts.as_ptr(), texts.len());
        let entities = story.event_entities().of_event(near);
        slice(entities.as_ptr().cast(), size_of_val(entities));
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

#[cfg(test)]
mod tests;
