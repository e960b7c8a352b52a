//! The grounded-check fixtures (tests/fixtures/grounded/) pass `check` with every quote
//! found, and their two twins differ only in the records the README's answer key names.

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
    for (name, quotes) in [("clean.json", 12), ("trips.json", 11)] {
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
    // In file order: the story summary, then the six records of the README's table.
    let planted = [
        "story",
        "tidewater",
        "holm-association",
        "ev-winter-cut",
        "ev-statement",
        "ev-meeting",
        "disp-reason",
    ];
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
        differing, planted,
        "records that differ between clean.json and trips.json"
    );
}
