//! Joining a list's parts: every cut gives the list or nothing, never a wrong list;
//! a part is parsed once; the text passed is given back.

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
    let kept = Text::holding(&json, &tuning(usize::MAX));
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
    let text = Text::holding(&json, &tuning(usize::MAX));
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
        assert_eq!((part.start, part.len()), (nested, 401));
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
        let text = Text::holding(&json, &step);
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
fn a_part_joined_is_parsed_once_and_kept_in_order() {
    // The helper's part is several blocks long.
    let json = nested_list(3000);
    let truth: Vec<Value> = serde_json::from_str(&json).unwrap();
    let item = json.find(r#"{"id": "ev-700""#).unwrap();
    let text = Text::holding(&json, &tuning(usize::MAX));
    let progress = Progress::new();
    let (items, _) = parts_from(&text, item, &progress).unwrap();
    assert_eq!(items, truth);
    // Each item counted once: the helper's part was used, not parsed again here.
    assert_eq!(progress.snapshot().records, 3000);
}
