//! One record list (`"events": [...]`) parsed item by item straight from the text; a
//! big one is cut at guessed item starts and the parts parsed on several threads, then
//! joined in order once each part is known to begin exactly where the one before ends.

use std::thread;

use serde::de::DeserializeOwned;

use super::split::{guesses, next_item_start};
use super::text::Releaser;
use super::{Context, one};
use crate::story::load::json_spans::skip_space;

/// How many guessed starts a helper tries before it leaves its part to the others.
const TRIES: usize = 16;

/// Where a run of items stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunEnd {
    /// The next item starts here, at or after where the run was to stop.
    Next(usize),
    /// The list closed: the text after its `]` starts here.
    Closed(usize),
}

/// How many items a helper keeps in one block: its part is handed over a block at a
/// time, each freed once moved, so the list is never held twice (a whole second copy
/// of a helper's items was the peak of a load).
const BLOCK: usize = 1024;

/// Items parsed by a helper from its own start, in blocks of `BLOCK`.
struct Part<T> {
    start: usize,
    blocks: Vec<Vec<T>>,
    end: RunEnd,
    gave_back: bool,
}

impl<T> Part<T> {
    fn len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }
}

/// Where parsed items go: one list, or blocks of `BLOCK`.
trait Sink<T> {
    fn put(&mut self, item: T);
}

impl<T> Sink<T> for Vec<T> {
    fn put(&mut self, item: T) {
        self.push(item);
    }
}

impl<T> Sink<T> for Vec<Vec<T>> {
    fn put(&mut self, item: T) {
        match self.last_mut() {
            Some(block) if block.len() < BLOCK => block.push(item),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push(item);
                self.push(block);
            }
        }
    }
}

/// The list whose `[` is at `open`: its items, and where the text after its `]` starts.
pub(super) fn list<T: DeserializeOwned + Send>(
    context: &Context<'_>,
    open: usize,
) -> Option<(Vec<T>, usize)> {
    let bytes = context.text.bytes();
    if bytes.get(open) != Some(&b'[') {
        return None;
    }
    let first = skip_space(bytes, open + 1);
    if *bytes.get(first)? == b']' {
        return Some((Vec::new(), first + 1));
    }
    let cuts = if context.threads > 1 && bytes.len() - first >= context.tuning.parallel_from {
        guesses(bytes, first, context.threads)
    } else {
        Vec::new()
    };
    let mut items = Vec::new();
    let after = if cuts.is_empty() {
        match run(context, first, usize::MAX, &mut items)? {
            RunEnd::Closed(after) => after,
            RunEnd::Next(_) => return None,
        }
    } else {
        in_parts(context, first, &cuts, &mut items)?
    };
    items.shrink_to_fit();
    Some((items, after))
}

/// The list from `first`, cut at `cuts`: this thread parses up to the first cut while a
/// helper per cut parses from there; then the parts are joined.
fn in_parts<T: DeserializeOwned + Send>(
    context: &Context<'_>,
    first: usize,
    cuts: &[usize],
    items: &mut Vec<T>,
) -> Option<usize> {
    thread::scope(|scope| {
        let helpers: Vec<_> = (cuts.iter().enumerate())
            .map(|(k, &cut)| {
                let stop = cuts.get(k + 1).copied().unwrap_or(usize::MAX);
                scope.spawn(move || helper::<T>(context, cut, stop))
            })
            .collect();
        let end = run(context, first, cuts[0], items);
        // A helper that panicked or found no start adds nothing: this thread parses its
        // part (and if it had given text back, that parse fails on the zeros and the
        // file is read again by the slow path).
        let parts: Vec<Part<T>> = (helpers.into_iter())
            .filter_map(|helper| helper.join().ok().flatten())
            .collect();
        join(context, items, end?, parts)
    })
}

/// Appends the helpers' parts to `items`, parsing on this thread whatever lies between
/// where one part ends and the next begins. None when a part does not begin where the
/// list's items do (a wrong guess) after its helper gave text back.
fn join<T: DeserializeOwned>(
    context: &Context<'_>,
    items: &mut Vec<T>,
    mut end: RunEnd,
    parts: Vec<Part<T>>,
) -> Option<usize> {
    for part in parts {
        let next = match end {
            RunEnd::Next(next) if next < part.start => run(context, next, part.start, items)?,
            other => other,
        };
        match next {
            RunEnd::Next(next) if next == part.start => {
                items.reserve_exact(part.len());
                for block in part.blocks {
                    items.extend(block);
                }
                end = part.end;
            }
            // The list closed before the part, or the part began inside an item.
            _ if part.gave_back => return None,
            _ => end = next,
        }
    }
    match end {
        RunEnd::Closed(after) => Some(after),
        RunEnd::Next(next) => match run(context, next, usize::MAX, items)? {
            RunEnd::Closed(after) => Some(after),
            RunEnd::Next(_) => None,
        },
    }
}

/// A helper's part: items from the first guessed start at or after `cut` that parses
/// as an item, until the list closes or the next item starts at or after `stop`.
fn helper<T: DeserializeOwned>(context: &Context<'_>, cut: usize, stop: usize) -> Option<Part<T>> {
    let bytes = context.text.bytes();
    let mut start = cut;
    for _ in 0..TRIES {
        if start >= stop {
            return None;
        }
        if one::<T>(context.text, start).is_some() {
            let mut blocks = Vec::new();
            let mut releaser = Releaser::new(context.text, start);
            let end = run_releasing::<T>(context, start, stop, &mut blocks, &mut releaser)?;
            let gave_back = releaser.gave_back_any(start);
            return Some(Part {
                start,
                blocks,
                end,
                gave_back,
            });
        }
        start = next_item_start(bytes, start + 1, stop)?;
    }
    None
}

/// Items from `start` (where one begins) until the list closes or the next item would
/// begin at or after `stop`, giving back the text passed.
fn run<T: DeserializeOwned>(
    context: &Context<'_>,
    start: usize,
    stop: usize,
    items: &mut Vec<T>,
) -> Option<RunEnd> {
    let mut releaser = Releaser::new(context.text, start);
    run_releasing(context, start, stop, items, &mut releaser)
}

fn run_releasing<T: DeserializeOwned>(
    context: &Context<'_>,
    start: usize,
    stop: usize,
    items: &mut impl Sink<T>,
    releaser: &mut Releaser<'_>,
) -> Option<RunEnd> {
    let bytes = context.text.bytes();
    let mut tally = context.tally();
    let mut at = start;
    loop {
        let (item, after) = one::<T>(context.text, at)?;
        items.put(item);
        tally.record(after - at);
        let separator = skip_space(bytes, after);
        match *bytes.get(separator)? {
            b',' => at = skip_space(bytes, separator + 1),
            b']' => return Some(RunEnd::Closed(separator + 1)),
            _ => return None,
        }
        releaser.passed(at);
        if at >= stop {
            return Some(RunEnd::Next(at));
        }
    }
}

#[cfg(test)]
mod tests;
