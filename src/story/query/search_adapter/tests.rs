//! The adapter's entries, checked against the search crate's test fixture: the engine's
//! unit tests search the names a generated story gives, so the fixture must be what this
//! adapter gives that story today.

use std::collections::HashMap;

use super::*;
use crate::synth::{SynthOptions, generate};

/// Where the search crate's unit tests read the names of a generated story.
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/search/fixtures/synthetic-names.tsv"
);

/// The fixture's lines: `record`, `kind`, `weight`, `text`, `alias_of` (empty for none),
/// tab-separated; records numbered in order of their first name.
fn fixture_text(entries: &[SearchEntry]) -> String {
    let mut records: HashMap<RecordRef, usize> = HashMap::new();
    let mut out = String::from("# record\tkind\tweight\ttext\talias_of\n");
    for entry in entries {
        let next = records.len();
        let record = *records.entry(entry.target).or_insert(next);
        let kind = match entry.kind {
            NameKind::Own => "own",
            NameKind::Title => "title",
            NameKind::Mention => "mention",
        };
        let alias_of = entry.alias_of.as_deref().unwrap_or("");
        assert!(!format!("{}{alias_of}", entry.text).contains(['\t', '\n']));
        out.push_str(&format!(
            "{record}\t{kind}\t{}\t{}\t{alias_of}\n",
            entry.weight, entry.text
        ));
    }
    out
}

#[test]
fn the_search_crates_fixture_is_what_a_generated_story_gives() {
    let story = Story::build(
        generate(&SynthOptions {
            events: 800,
            entities: 200,
            seed: 11,
        }),
        "synthetic",
    )
    .expect("a generated story validates");
    let expected = fixture_text(&search_entries(&story));
    if std::env::var_os("STORYSCOPE_WRITE_SEARCH_FIXTURE").is_some() {
        std::fs::write(FIXTURE, &expected).expect("fixture written");
    }
    let found = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        found == expected,
        "{FIXTURE} is out of date: rerun this test with STORYSCOPE_WRITE_SEARCH_FIXTURE=1"
    );
}

/// A generated story of 40 events about 12 entities, with relations.
fn small_synthetic_story() -> Story {
    let file = generate(&SynthOptions {
        events: 40,
        entities: 12,
        seed: 2,
    });
    Story::build(file, "synthetic").expect("a generated story validates")
}

#[test]
fn entity_names_are_own_names_and_relation_lines_mention_them() {
    let story = small_synthetic_story();
    let entries = search_entries(&story);
    for entry in &entries {
        let expected = match entry.target {
            RecordRef::Entity(_) => NameKind::Own,
            RecordRef::Relation(_) => NameKind::Mention,
            _ => NameKind::Title,
        };
        assert_eq!(entry.kind, expected, "{entry:?}");
        if entry.alias_of.is_some() {
            assert!(matches!(entry.target, RecordRef::Entity(_)), "{entry:?}");
        }
    }
    assert!(entries.iter().any(|e| e.kind == NameKind::Mention));
}

/// The index keeps every name while the story is open: no name holds spare room
/// (relation and source lines are `format!`ted, which leaves some).
#[test]
fn names_hold_no_spare_room() {
    let story = small_synthetic_story();
    let entries = search_entries(&story);
    assert!(
        entries
            .iter()
            .any(|e| matches!(e.target, RecordRef::Relation(_)))
    );
    for entry in &entries {
        assert_eq!(entry.text.capacity(), entry.text.len(), "{entry:?}");
    }
}
