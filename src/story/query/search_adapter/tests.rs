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
fn fixture_text(story: &Story, entries: &[SearchEntry]) -> String {
    let targets: Vec<SearchKey> = entries.iter().map(|entry| entry.target).collect();
    let mut records: HashMap<RecordRef, usize> = HashMap::new();
    let mut out = String::from("# record\tkind\tweight\ttext\talias_of\n");
    for (i, entry) in entries.iter().enumerate() {
        let name = shown_name(story, &targets, i).expect("every entry has a name");
        let next = records.len();
        let record = *records.entry(entry.target.record()).or_insert(next);
        let kind = match entry.kind {
            NameKind::Own => "own",
            NameKind::Title => "title",
            NameKind::Mention => "mention",
        };
        assert_eq!(entry.alias, name.alias_of.is_some(), "{entry:?}");
        let alias_of = name.alias_of.unwrap_or("");
        assert!(!format!("{}{alias_of}", name.text).contains(['\t', '\n']));
        out.push_str(&format!(
            "{record}\t{kind}\t{}\t{}\t{alias_of}\n",
            entry.weight, name.text
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
    let expected = fixture_text(&story, &search_entries(&story));
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
        let expected = match entry.target.record() {
            RecordRef::Entity(_) => NameKind::Own,
            RecordRef::Relation(_) => NameKind::Mention,
            _ => NameKind::Title,
        };
        assert_eq!(entry.kind, expected, "{entry:?}");
        if entry.alias {
            assert!(
                matches!(entry.target.record(), RecordRef::Entity(_)),
                "{entry:?}"
            );
        }
    }
    assert!(entries.iter().any(|e| e.kind == NameKind::Mention));
}

/// A name is read back from the story by its entry: an entity's aliases by where they
/// stand after its name; an entry the list does not hold, or an alias entry parted
/// from its entity's name by another record's, has no name rather than another
/// record's; with the name's entry left out, the first alias reads as the name.
#[test]
fn names_are_read_back_by_entry_and_only_where_they_stand() {
    let story = small_synthetic_story();
    let entries: Vec<SearchKey> = search_entries(&story).iter().map(|e| e.target).collect();
    let (e, entity) = story
        .file
        .entities
        .iter()
        .enumerate()
        .filter(|(e, _)| *e > 0)
        .find(|(_, entity)| entity.aliases.len() >= 2)
        .expect("an entity with two aliases");
    let first = entries
        .iter()
        .position(|x| x.record() == RecordRef::Entity(e))
        .expect("the entity's name");
    let name = |entries: &[SearchKey], i| shown_name(&story, entries, i);
    assert_eq!(
        name(&entries, first).map(|n| n.text),
        Some(Cow::Borrowed(entity.name.as_str()))
    );
    for (a, alias) in entity.aliases.iter().enumerate() {
        let found = name(&entries, first + 1 + a).expect("the alias");
        assert_eq!(
            (found.text.as_ref(), found.alias_of),
            (alias.as_str(), Some(entity.name.as_str()))
        );
    }
    assert_eq!(name(&entries, entries.len()), None);
    // The entity's name left out: its first alias stands first, as the name (the
    // entries keep no alias flag); another record's entry between the name and its
    // aliases: they stand nowhere.
    let mut cut = entries.clone();
    cut.remove(first);
    let shown = name(&cut, first).expect("the entity's name");
    assert_eq!(
        (shown.text.as_ref(), shown.alias_of),
        (entity.name.as_str(), None)
    );
    let mut split = entries.clone();
    split.insert(first + 1, entries[entries.len() - 1]);
    assert_eq!(name(&split, first + 2), None);
    // An alias entry whose record has fewer aliases than its place says.
    let mut long = entries.clone();
    long.insert(first + 1, entries[first + 1]);
    let last = first + entity.aliases.len() + 1;
    assert_eq!(name(&long, last), None);
}

/// The index of a story keeps its names lower-cased and nothing more of them: no copy
/// as shown (the story has those), and per name only its record, start, slot and
/// ranking facts (own names' words and the typo tier are counted apart).
#[test]
fn the_index_keeps_no_name_as_shown() {
    let story = small_synthetic_story();
    let index = build_index(&story);
    let entries = &index.targets;
    let shown: usize = (0..entries.len())
        .map(|i| shown_name(&story, entries, i).expect("a name").text.len())
        .sum();
    let counted_apart = ["own names", "typo", "recent"];
    let held: usize = index
        .heap_parts()
        .iter()
        .filter(|part| !counted_apart.iter().any(|p| part.part.starts_with(p)))
        .map(|part| part.bytes)
        .sum();
    let per_name = size_of::<SearchKey>() + 4 + 4 + 12;
    assert!(
        held <= shown + shown / 32 + per_name * entries.len() + 4,
        "{held} bytes for {shown} of names: {:?}",
        index.heap_parts()
    );
    let hit = &index.search("a", 1)[0];
    let name = shown_name(&story, entries, hit.entry).expect("the hit's name");
    assert!(hit.positions.iter().all(|&p| p < name.text.chars().count()));
}

/// A key gives back the record it was made from, of every kind, up to the largest
/// index that fits; past it there is no key (the record is left out of the index). An
/// entry is 12 bytes.
#[test]
fn search_keys_give_back_their_records() {
    let largest = (1usize << 29) - 1;
    for i in [0, 1, 12_345, largest] {
        for record in [
            RecordRef::Source(i),
            RecordRef::Entity(i),
            RecordRef::Relation(i),
            RecordRef::Event(i),
            RecordRef::Candidacy(i),
            RecordRef::Metric(i),
            RecordRef::Dispute(i),
        ] {
            assert_eq!(SearchKey::new(record).map(SearchKey::record), Some(record));
        }
    }
    assert_eq!(SearchKey::new(RecordRef::Dispute(largest + 1)), None);
    assert_eq!(SearchKey::new(RecordRef::Source(usize::MAX)), None);
    assert_eq!(size_of::<SearchEntry>(), 12);
}
