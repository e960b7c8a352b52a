//! One record list (`"events": [...]`) parsed item by item straight from the text; a
//! big one is cut at guessed item starts and the parts parsed on several threads, then
//! joined in order once each part is known to begin exactly where the one before ends.

use std::thread;

use serde::de::DeserializeOwned;

use super::split::{guesses, next_item_start, skip_space};
use super::text::Releaser;
use super::{Context, one};

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

/// Items parsed by a helper from its own start.
struct Part<T> {
    start: usize,
    items: Vec<T>,
    end: RunEnd,
    gave_back: bool,
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
        // A helper that panicked or found no start left its part untouched.
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
                items.reserve_exact(part.items.len());
                items.extend(part.items);
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
        if one::<T>(bytes, start).is_some() {
            let mut items = Vec::new();
            let mut releaser = Releaser::new(context.text, start);
            let end = run_releasing(context, start, stop, &mut items, &mut releaser)?;
            let gave_back = releaser.gave_back_any(start);
            return Some(Part {
                start,
                items,
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
    items: &mut Vec<T>,
    releaser: &mut Releaser<'_>,
) -> Option<RunEnd> {
    let bytes = context.text.bytes();
    let mut tally = context.tally();
    let mut at = start;
    loop {
        let (item, after) = one::<T>(bytes, at)?;
        items.push(item);
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
mod tests {
    use super::*;
    use crate::story::load::parallel_parse::Tuning;
    use crate::story::load::parallel_parse::text::Text;
    use crate::story::load::progress::Progress;
    use serde_json::Value;

    /// A list of items with nested lists of objects, so that guesses land on nested
    /// objects too, which parse as `Value`s just as well as items do.
    fn nested_list(items: usize) -> String {
        let one = |i: usize| {
            format!(
                r#"{{"id": "ev-{i}", "cite": [{{"source": "a"}},{{"source": "b", "note": "}},{{"}}], "n": {i}}}"#
            )
        };
        let body: Vec<String> = (0..items).map(one).collect();
        format!("[{}]", body.join(",\n  "))
    }

    fn tuning(release_step: usize) -> Tuning {
        Tuning {
            mapped_from: 0,
            release_step,
            parallel_from: 0,
        }
    }

    fn parts_from(text: &Text, cut: usize, progress: &Progress) -> Option<(Vec<Value>, usize)> {
        let context = Context {
            text,
            progress,
            threads: 2,
            tuning: &tuning(usize::MAX),
        };
        let mut items = Vec::new();
        let after = in_parts(&context, 1, &[cut], &mut items)?;
        Some((items, after))
    }

    #[test]
    fn every_cut_gives_the_list_or_nothing_never_a_wrong_list() {
        let json = nested_list(60);
        let truth: Vec<Value> = serde_json::from_str(&json).unwrap();
        // Text never given back: every cut is recovered from, nothing is refused.
        let kept = Text::holding(json.as_bytes(), &tuning(usize::MAX));
        let mut cuts = 0;
        for cut in 2..json.len() {
            let Some(cut) = next_item_start(json.as_bytes(), cut, json.len()) else {
                break;
            };
            cuts += 1;
            let got = parts_from(&kept, cut, &Progress::new());
            assert_eq!(got, Some((truth.clone(), json.len())), "cut at {cut}");
        }
        assert!(
            cuts > 100,
            "guesses on nested objects are tried too: {cuts}"
        );
    }

    /// `nested_list(items)` with item 10 holding a long list of objects: a helper cut
    /// inside it parses them as items for pages on end before its `]`.
    fn with_long_nested_list(items: usize) -> String {
        let long: Vec<String> = (0..400)
            .map(|i| format!(r#"{{"source": "x{i}"}}"#))
            .collect();
        nested_list(items).replacen(
            r#""id": "ev-10", "cite": ["#,
            &format!(r#""id": "ev-10", "cite": [{},"#, long.join(",\n")),
            1,
        )
    }

    #[test]
    fn a_wrong_cut_is_joined_over_only_if_its_helper_gave_nothing_back() {
        let json = with_long_nested_list(100);
        let truth: Vec<Value> = serde_json::from_str(&json).unwrap();
        let nested = json.find(r#"{"source": "x1"}"#).unwrap();
        let text = Text::holding(json.as_bytes(), &tuning(usize::MAX));
        let progress = Progress::new();
        let context = Context {
            text: &text,
            progress: &progress,
            threads: 2,
            tuning: &tuning(usize::MAX),
        };
        let mut before: Vec<Value> = Vec::new();
        let end = run(&context, 1, nested, &mut before).unwrap();
        assert!(
            matches!(end, RunEnd::Next(next) if next > nested),
            "{end:?}"
        );
        for gave_back in [false, true] {
            let mut part = helper::<Value>(&context, nested, usize::MAX).unwrap();
            // The rest of the long list, then the item's own two citations.
            assert_eq!((part.start, part.items.len()), (nested, 401));
            part.gave_back = gave_back;
            let mut items = before.clone();
            let joined = join(&context, &mut items, end, vec![part]);
            if gave_back {
                assert_eq!(
                    joined, None,
                    "text it passed is gone: the load starts again"
                );
            } else {
                assert_eq!((joined, &items), (Some(json.len()), &truth));
            }
        }
    }

    #[test]
    fn threads_giving_text_back_give_the_list_or_nothing() {
        let json = with_long_nested_list(2000);
        let truth: Vec<Value> = serde_json::from_str(&json).unwrap();
        let nested = json.find(r#"{"source": "x1"}"#).unwrap();
        let item = json.find(r#"{"id": "ev-1000""#).unwrap();
        let step = tuning(4096);
        for (cut, right) in [(nested, false), (item, true)] {
            let text = Text::holding(json.as_bytes(), &step);
            let progress = Progress::new();
            let context = Context {
                text: &text,
                progress: &progress,
                threads: 2,
                tuning: &step,
            };
            let mut items: Vec<Value> = Vec::new();
            match in_parts(&context, 1, &[cut], &mut items) {
                Some(after) => assert_eq!((after, &items), (json.len(), &truth)),
                None => assert!(!right, "a right cut is joined"),
            }
            if right {
                // The text both threads passed was given back: whole pages of zeros.
                let zeroed = (text.bytes().chunks(4096)).filter(|p| p.iter().all(|&b| b == 0));
                assert!(zeroed.count() * 4096 > json.len() / 2);
            }
        }
    }

    #[test]
    fn a_part_joined_is_parsed_once() {
        let json = nested_list(300);
        let item = json.find(r#"{"id": "ev-150""#).unwrap();
        let text = Text::holding(json.as_bytes(), &tuning(usize::MAX));
        let progress = Progress::new();
        let (items, _) = parts_from(&text, item, &progress).unwrap();
        assert_eq!(items.len(), 300);
        // Each item counted once: the helper's part was used, not parsed again here.
        assert_eq!(progress.snapshot().records, 300);
    }
}
