//! What the search index holds, structure by structure, in bytes per name: for a
//! generated story's names (as the explorer indexes them) and for the million names.

use storyscope::story::load::load_bytes;
use storyscope::story::query::{SearchIndex, build_index};
use storyscope::synth::{SynthOptions, generate_json};

use crate::stats::Table;

/// The heap table of the index of a 100k-event story and of the million names, each
/// after one keystroke and with the typo word index built (as after a typed query).
pub fn bench(table: &mut Table, million: &SearchIndex) {
    let json = generate_json(&SynthOptions {
        events: 100_000,
        entities: 5_000,
        seed: 1,
    });
    let story = load_bytes(json.as_bytes(), "bench").expect("generated story");
    drop(json);
    let index = build_index(&story);
    drop(story);
    rows(table, "100k events", &index);
    rows(table, "1M names", million);
}

fn rows(table: &mut Table, label: &str, index: &SearchIndex) {
    index.forget_recent();
    index.search("a", 200);
    index.prepare_typos();
    let names = index.len() as f64;
    let parts = index.heap_parts();
    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    for part in &parts {
        table.row(
            format!(
                "Search index heap, {label} ({} names): {}",
                index.len(),
                part.part
            ),
            format!(
                "{:.1} MiB, {:.1} B/name, {} blocks",
                mib(part.bytes),
                part.bytes as f64 / names,
                part.blocks
            ),
            "",
            "",
            None,
        );
    }
    let bytes: usize = parts.iter().map(|p| p.bytes).sum();
    let blocks: usize = parts.iter().map(|p| p.blocks).sum();
    table.row(
        format!("Search index heap, {label}: total (+ ~16 B of allocator header per block)"),
        format!(
            "{:.1} MiB, {:.1} B/name, {blocks} blocks",
            mib(bytes),
            bytes as f64 / names
        ),
        "",
        "",
        None,
    );
}
