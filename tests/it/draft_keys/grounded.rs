//! The grounded-check fixtures (tests/fixtures/grounded/) pass `check` with every quote
//! found, and their two twins differ only in the records expected.json (the answer key
//! that README.md explains) names.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn grounded(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/grounded")
        .join(name)
}

#[test]
fn grounded_fixtures_pass_check_with_every_quote_found() {
    for (name, quotes) in [("clean.json", 12), ("trips.json", 12)] {
        let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
            .args(["--story", grounded(name).to_str().unwrap(), "check"])
            .output()
            .expect("storyscope runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            stdout.contains(&format!("{quotes} quotes found")),
            "{name}: {stdout}"
        );
    }
}

/// Every record of a story file by id (the story block under "story").
fn records_by_id(path: &Path) -> Vec<(String, Value)> {
    let story: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut records = vec![("story".to_owned(), story["story"].clone())];
    for list_name in [
        "sources",
        "entities",
        "relations",
        "events",
        "candidates",
        "metrics",
        "disputes",
    ] {
        for record in story[list_name].as_array().into_iter().flatten() {
            records.push((
                record["id"]
                    .as_str()
                    .expect("every record has an id")
                    .to_owned(),
                record.clone(),
            ));
        }
    }
    records
}

#[test]
fn grounded_twins_differ_only_in_the_planted_records() {
    // The story summary (which says what the twin is), then the records expected.json
    // names, in the order they appear in the file.
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(grounded("expected.json")).unwrap()).unwrap();
    let named: Vec<&str> = expected["trips.json"]
        .as_array()
        .expect("expected.json lists the findings of trips.json")
        .iter()
        .map(|finding| {
            finding["id"]
                .as_str()
                .expect("each finding names its record")
        })
        .collect();
    assert_eq!(
        named.len(),
        6,
        "one finding for each of the six grounded checks"
    );
    let (clean, trips) = (
        records_by_id(&grounded("clean.json")),
        records_by_id(&grounded("trips.json")),
    );
    let ids =
        |records: &[(String, Value)]| records.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&clean),
        ids(&trips),
        "the twins hold the same records in the same order"
    );
    let differing: Vec<&str> = clean
        .iter()
        .zip(&trips)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((id, _), _)| id.as_str())
        .collect();
    assert_eq!(
        differing[0], "story",
        "the twins' summaries say which twin is which"
    );
    let mut planted: Vec<&str> = differing[1..].to_vec();
    let mut named_sorted = named.clone();
    planted.sort_unstable();
    named_sorted.sort_unstable();
    assert_eq!(
        planted, named_sorted,
        "records that differ between clean.json and trips.json, against expected.json"
    );
}
