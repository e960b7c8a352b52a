//! Valid or invalid files that were once slow to load or refuse: each names the walk it
//! guards. Their behaviour is tested in tests/it/hostile_files.rs; how fast they are is
//! measured here, in release, since a timed test fails on a busy machine.

use serde_json::{Value, json};
use storyscope::story::load::load_bytes;
use storyscope::story::model::days_from_civil;

use crate::stats::{Table, ms, repeat};

const SMALL: &str = include_str!("../../tests/fixtures/small.json");

fn small_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut story: Value = serde_json::from_str(SMALL).expect("small.json parses");
    edit(&mut story);
    serde_json::to_string_pretty(&story).expect("serialises")
}

/// The small story plus `count` sources, each relying on the one before.
fn via_chain(count: usize) -> String {
    small_with(|story| {
        let sources = story["sources"].as_array_mut().unwrap();
        for i in 0..count {
            let via = if i == 0 {
                "wire".to_owned()
            } else {
                format!("s{}", i - 1)
            };
            sources.push(json!({
                "id": format!("s{i}"), "kind": "article", "outlet": "o", "title": "t",
                "published": "2025-01-01", "via": via,
            }));
        }
    })
}

fn wide_event(count: usize) -> String {
    small_with(|story| {
        let entities = story["entities"].as_array_mut().unwrap();
        for i in 0..count {
            entities.push(json!({
                "id": format!("e{i}"), "kind": "company", "name": format!("E{i}"),
                "cite": [{"source": "wire", "para": 1}],
            }));
        }
        story["events"][0]["entities"] = (0..count).map(|i| json!(format!("e{i}"))).collect();
    })
}

/// Loading (or refusing) each file, median of `runs`, against a limit in milliseconds.
pub fn bench(table: &mut Table, runs: usize) {
    let long = "x".repeat(10 * 1024 * 1024);
    let cases: Vec<(&str, String, f64)> = vec![
        (
            "10 MB summary (valid)",
            small_with(|s| s["story"]["summary"] = json!(long)),
            1000.0,
        ),
        (
            "10 MB field name in a record (refused)",
            small_with(|s| s["events"][0][long.as_str()] = json!(1)),
            1000.0,
        ),
        (
            "10 MB top-level field name (refused)",
            small_with(|s| s[long.as_str()] = json!(1)),
            1000.0,
        ),
        (
            "10 MB entity reference (refused)",
            small_with(|s| s["events"][0]["entities"][0] = json!(long)),
            1000.0,
        ),
        (
            "10 MB date (refused)",
            small_with(|s| s["events"][0]["date"] = json!(long)),
            1000.0,
        ),
        ("20,000 chained sources (via)", via_chain(20_000), 1000.0),
        (
            "an event naming 100,000 entities",
            wide_event(100_000),
            1000.0,
        ),
    ];
    for (what, text, limit) in cases {
        let sample = repeat(runs, || {
            std::hint::black_box(load_bytes(text.as_bytes(), "bench").is_ok())
        });
        let took = ms(sample.median());
        table.row(
            format!("Hostile file: {what}, median of {runs}"),
            format!("{took:.0} ms"),
            String::new(),
            format!("< {limit:.0} ms"),
            Some(took < limit),
        );
    }
    let chain = load_bytes(via_chain(1_000).as_bytes(), "bench").expect("valid");
    let day = days_from_civil(2025, 6, 30);
    let sample = repeat(runs, || std::hint::black_box(chain.as_of(day)));
    let took = ms(sample.median());
    table.row(
        format!("Hostile file: 1,000 chained sources as of a date, median of {runs}"),
        format!("{took:.0} ms"),
        String::new(),
        "< 1000 ms".to_owned(),
        Some(took < 1000.0),
    );
}
