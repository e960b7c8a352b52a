//! Every event in timeline order, sorted fast: each event's place as one 128-bit
//! number (earliest day, precision, latest day, whether approximate, its index), the
//! two halves sorted on two threads and merged; for a big story loaded to be shown,
//! made beside `build`'s check instead. At a million events the sort of five-field keys
//! was 140–220 ms of the explorer's preparation and of an export.

use crate::story::beside::here_and_beside;
use crate::story::model::Event;
use crate::story::model::date::{DayNumber, Precision};

/// An event's place in the timeline, field by field, in the order they are compared.
type Key = (DayNumber, Precision, DayNumber, bool, usize);

/// Below this many events one thread sorts: a thread costs more than it saves.
const TWO_THREADS_FROM: usize = 50_000;

/// When a story's timeline order is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sort {
    /// On first use: a story loaded to be checked, linted or searched never sorts.
    OnFirstUse,
    /// A big story's while `build` checks it, for a story loaded to be shown or
    /// exported: the panes and exports then find the order made. Most of the check
    /// (18 ms at 100k events) runs on one core, its events on two, so the sort beside
    /// it hides 1.5–4.4 of its 5 ms at 100k (BENCHMARKS.md, ninth stop). `check` does
    /// not ask: it would pay a thread and a share of the memory's speed for an order
    /// it never reads (2 % of its wall time at 100k).
    WhileChecking,
}

/// From this many events on, `Sort::WhileChecking` sorts beside the check. Below, a
/// thread costs more than the sort, and the order waits for its first use.
pub(crate) const SORTED_WHILE_CHECKING_FROM: usize = 20_000;

/// `check()` here and, when `sort` asks and there are `sorted_from` events or more, the
/// events' timeline order beside it, on one thread (the check has the other core, or
/// both for its events). None otherwise.
pub(super) fn check_and_sort<T>(
    events: &[Event],
    (sort, sorted_from): (Sort, usize),
    check: impl FnOnce() -> T,
) -> (T, Option<Vec<usize>>) {
    if sort == Sort::OnFirstUse || events.len() < sorted_from {
        return (check(), None);
    }
    let (checked, order) = here_and_beside(check, || events_by_date_with(events, usize::MAX));
    (checked, Some(order))
}

/// The events' arena indexes, earliest first; ties by precision (coarse first), then
/// latest day, then exact before approximate, then file order.
pub(super) fn events_by_date(events: &[Event]) -> Vec<usize> {
    events_by_date_with(events, TWO_THREADS_FROM)
}

pub(super) fn events_by_date_with(events: &[Event], two_threads_from: usize) -> Vec<usize> {
    let keys = events
        .iter()
        .enumerate()
        .map(|(index, event)| key_of(event, index));
    match keys.clone().map(packed).collect::<Option<Vec<u128>>>() {
        Some(packed) => sorted_indexes(packed, two_threads_from),
        // A day too far from ours for 32 bits, or more than 2^32 events: the plain sort.
        None => {
            let mut keys: Vec<Key> = keys.collect();
            keys.sort_unstable();
            keys.iter().map(|&(.., index)| index).collect()
        }
    }
}

fn key_of(event: &Event, index: usize) -> Key {
    let date = &event.date;
    (
        date.earliest(),
        date.precision(),
        date.latest(),
        date.approximate,
        index,
    )
}

/// The key as one number that orders as the key does; None when a field does not fit.
fn packed((earliest, precision, latest, approximate, index): Key) -> Option<u128> {
    // Days shifted by 2^31 so that the order of signed days is the order of the bits.
    let day = |day: DayNumber| u32::try_from(day + (1 << 31)).ok().map(u128::from);
    let index = u128::from(u32::try_from(index).ok()?);
    Some(
        day(earliest)? << 96
            | (precision as u128) << 88
            | day(latest)? << 56
            | u128::from(approximate) << 48
            | index,
    )
}

/// The index a packed key ends with.
fn index_of(key: &u128) -> usize {
    (key & u128::from(u32::MAX)) as usize
}

/// The indexes of `keys` in the keys' order: two halves sorted on two threads, then
/// merged, from `two_threads_from` keys on.
fn sorted_indexes(mut keys: Vec<u128>, two_threads_from: usize) -> Vec<usize> {
    if keys.len() < two_threads_from.max(2) {
        keys.sort_unstable();
        return keys.iter().map(index_of).collect();
    }
    let middle = keys.len() / 2;
    let (front, back) = keys.split_at_mut(middle);
    here_and_beside(|| front.sort_unstable(), || back.sort_unstable());
    merged_indexes(&keys[..middle], &keys[middle..])
}

/// The indexes of two sorted runs of keys, in the keys' order (keys are distinct:
/// each ends with its own index).
fn merged_indexes(front: &[u128], back: &[u128]) -> Vec<usize> {
    let mut merged = Vec::with_capacity(front.len() + back.len());
    let (mut f, mut b) = (0, 0);
    while f < front.len() && b < back.len() {
        if back[b] < front[f] {
            merged.push(index_of(&back[b]));
            b += 1;
        } else {
            merged.push(index_of(&front[f]));
            f += 1;
        }
    }
    merged.extend(front[f..].iter().map(index_of));
    merged.extend(back[b..].iter().map(index_of));
    merged
}

#[cfg(test)]
mod tests;
