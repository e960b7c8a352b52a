//! The misspellings people make (tests/fixtures/search/misspellings.tsv) find the entity
//! they meant, first, on three stories of different shapes: the shipped one (companies),
//! a board firing and rehiring its chief executive (people), and a generated one (made-up
//! names, a third in Chinese). An exact name or alias comes first over the records that
//! only mention it.

use storyscope::story::load::{load_bytes, load_path};
use storyscope::story::query::{MatchTier, build_index};
use storyscope::story::{self, RecordRef, Story};
use storyscope::synth::{SynthOptions, generate_json};

struct Row {
    story: String,
    query: String,
    intended: String,
    tier: MatchTier,
    slip: String,
}

fn table() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/search/misspellings.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the table reads");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "five columns: {line:?}");
            Row {
                story: cells[0].to_owned(),
                query: cells[1].to_owned(),
                intended: cells[2].to_owned(),
                tier: match cells[3] {
                    "typo" => MatchTier::Typo,
                    "fuzzy" => MatchTier::Fuzzy,
                    other => panic!("tier {other:?}"),
                },
                slip: cells[4].to_owned(),
            }
        })
        .collect()
}

fn load(name: &str) -> Story {
    match name {
        "shipped" => story::embedded().expect("the embedded story loads"),
        "boardroom" => load_path(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/search/board_people.json"
        )))
        .expect("the boardroom fixture loads"),
        "generated" => {
            let json = generate_json(&SynthOptions {
                events: 3_000,
                entities: 300,
                seed: 7,
            });
            load_bytes(json.as_bytes(), "generated").expect("a generated story loads")
        }
        other => panic!("unknown story {other:?}"),
    }
}

#[test]
fn misspellings_find_the_intended_entity_first() {
    let rows = table();
    assert!(rows.len() >= 30, "{} rows", rows.len());
    let mut failures = Vec::new();
    let mut in_order_alone = 0;
    let mut typo_rows = 0;
    for name in ["shipped", "boardroom", "generated"] {
        let story = load(name);
        let index = build_index(&story);
        for row in rows.iter().filter(|row| row.story == name) {
            let hits = index.search(&row.query, 10);
            let first = hits.first().map(|hit| {
                (
                    story.record_id(hit.target.record()).to_owned(),
                    hit.tier,
                    matches!(hit.target.record(), RecordRef::Entity(_)),
                    // An exact name or alias ranks as named, above mere mentions.
                    hit.named || !row.slip.contains("exact"),
                )
            });
            let expected = (row.intended.clone(), row.tier, true, true);
            if first.as_ref() != Some(&expected) {
                let shown: Vec<String> = hits
                    .iter()
                    .take(3)
                    .map(|hit| format!("{} ({:?})", story.record_id(hit.target.record()), hit.tier))
                    .collect();
                failures.push(format!(
                    "{name}: {:?} ({}) wanted {} ({:?}), got {shown:?}",
                    row.query, row.slip, row.intended, row.tier
                ));
            }
            // The matched name is highlighted, whichever tier found it.
            if let Some(hit) = hits.first() {
                assert!(!hit.positions.is_empty(), "{:?}: no highlight", row.query);
            }
            if row.tier == MatchTier::Typo {
                typo_rows += 1;
                let before = index.search_in_order(&row.query, 10);
                if before
                    .first()
                    .is_some_and(|hit| story.record_id(hit.target.record()) == row.intended)
                {
                    in_order_alone += 1;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
    // The typo rows really need the typo tier: in-order matching alone finds almost
    // none of them first.
    assert!(
        in_order_alone * 5 < typo_rows,
        "in-order search alone finds {in_order_alone} of {typo_rows} typo rows"
    );
}

#[test]
fn every_story_in_the_table_is_used() {
    let rows = table();
    for name in ["shipped", "boardroom", "generated"] {
        assert!(
            rows.iter().filter(|row| row.story == name).count() >= 8,
            "{name}"
        );
    }
}

#[test]
fn cjk_queries_are_never_matched_by_typo() {
    let story = load("shipped");
    let index = build_index(&story);
    // One character off a Chinese alias finds nothing by typo: typo tolerance is for
    // alphabetic scripts.
    for query in ["通义千向", "阿里巴巴", "通义"] {
        for hit in index.search(query, 20) {
            assert_eq!(hit.tier, MatchTier::Fuzzy, "{query:?}");
        }
    }
    assert!(index.search("通义千向", 20).is_empty());
    // A long Chinese alias with one character changed is not matched by typo either
    // (with ten characters, a word in an alphabetic script could carry two).
    let story = load("generated");
    let index = build_index(&story);
    let exact = index.search("国家互联网信息办公室", 5);
    assert_eq!(story.record_id(exact[0].target.record()), "reg-16");
    let changed = index.search("国家互联网信息办公厅", 5);
    assert!(
        changed.iter().all(|hit| hit.tier == MatchTier::Fuzzy),
        "{changed:?}"
    );
    assert!(
        changed
            .iter()
            .all(|hit| story.record_id(hit.target.record()) != "reg-16")
    );
}

/// An entity named outright ranks first, even when written as one word and typed as
/// two ("open ai" for OpenAI) and a source's line matches the words better: here the
/// boardroom story without its "Open AI" alias, and a statement from OpenAI itself,
/// whose line ("OpenAI — … AI …") scores above the entity's name.
#[test]
fn an_entity_named_outright_ranks_above_a_source_that_mentions_it() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/search/board_people.json"
    );
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the fixture reads"))
            .expect("the fixture is JSON");
    for entity in json["entities"].as_array_mut().expect("entities") {
        if entity["id"] == "openai" {
            entity["aliases"] = serde_json::json!([]);
        }
    }
    json["sources"]
        .as_array_mut()
        .expect("sources")
        .push(serde_json::json!({
            "id": "openai-statement",
            "kind": "statement",
            "outlet": "OpenAI",
            "title": "Our board's statement on AI safety",
            "published": "2023-11-21"
        }));
    let story = load_bytes(json.to_string().as_bytes(), "boardroom").expect("the story loads");
    let index = build_index(&story);
    let hits = index.search("open ai", 5);
    let first: Vec<&str> = hits
        .iter()
        .map(|hit| story.record_id(hit.target.record()))
        .collect();
    assert_eq!(first.first(), Some(&"openai"), "{first:?}");
    assert!(hits[0].named);
    // The statement still matches; it comes after the entities the query names.
    assert!(first.contains(&"openai-statement"), "{first:?}");
}
