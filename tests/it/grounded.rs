//! Issue 21: the story checked against its own articles (`--texts`), the prose that
//! tells the future and the status with no history, through the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn storyscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("storyscope runs")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The checks of `lint --format json`, one per finding.
fn codes(output: &Output) -> Vec<(String, String)> {
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("lint --format json prints JSON");
    json.as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            let code = d["code"].as_str().unwrap_or_default().to_owned();
            let id = d["id"].as_str().unwrap_or_default().to_owned();
            (code, id)
        })
        .collect()
}

#[test]
fn the_later_days_story_names_its_future_prose_and_its_status_without_history() {
    let story = fixture("lint/later_days.json");
    let output = storyscope(&[
        "--story",
        &story,
        "lint",
        "--format",
        "json",
        "--only",
        "future-prose,status-no-history",
    ]);
    let found = codes(&output);
    assert!(
        found.contains(&("future-prose".to_owned(), "rel-ruud-board".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("status-no-history".to_owned(), "ev-investor-day".to_owned())),
        "{found:?}"
    );
    // The expectation naming its own date is not news from later.
    assert!(!found.iter().any(|(_, id)| id == "ev-review"), "{found:?}");
}

#[test]
fn grounded_findings_carry_the_record_line_and_paragraph_in_json() {
    let story = fixture("passages/story.json");
    let output = storyscope(&[
        "--story",
        &story,
        "lint",
        "--format",
        "json",
        "--only",
        "unmarked-inference",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &json[0];
    assert_eq!(first["code"], "unmarked-inference", "{json}");
    assert!(
        first["location"]["row"].as_u64().unwrap_or(0) > 0,
        "{first}"
    );
    // And check says how many citations it read and how many are doubtful.
    let check = storyscope(&["--story", &story, "check"]);
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        text.contains("citations read against their paragraphs") && text.contains("doubtful"),
        "{text}"
    );
}

/// The seed articles, when this checkout sits beside them.
fn seeds() -> Option<PathBuf> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let seeds = if seeds.is_dir() {
        seeds
    } else {
        PathBuf::from("/work/shared/seeds")
    };
    seeds.is_dir().then_some(seeds)
}

#[test]
fn the_shipped_story_passes_the_grounded_checks_against_its_articles() {
    let Some(seeds) = seeds() else {
        eprintln!("skipped: no ../shared/seeds beside this checkout to rebuild the texts from");
        return;
    };
    let out = std::env::temp_dir().join(format!("storyscope-seed-texts-{}", std::process::id()));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/seed-texts.py");
    let built = Command::new("python3")
        .arg(&script)
        .arg("--seeds")
        .arg(&seeds)
        .arg("--out")
        .arg(&out)
        .output();
    let Ok(built) = built else {
        eprintln!("skipped: python3 is not available to run scripts/seed-texts.py");
        return;
    };
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let texts = out.display().to_string();
    let lint = storyscope(&[
        "lint",
        "--texts",
        &texts,
        "--format",
        "json",
        "--only",
        "unsupported-citation,origin-mismatch,unmarked-inference,one-origin-dispute,future-prose,status-no-history",
    ]);
    assert_eq!(codes(&lint), Vec::new());
    let check = storyscope(&["check", "--texts", &texts]);
    let summary = String::from_utf8_lossy(&check.stdout);
    assert!(summary.contains("2 read"), "{summary}");
    assert!(summary.contains(", 0 doubtful"), "{summary}");
    // Without the texts, lint still fits on one screen.
    let plain = storyscope(&["lint"]);
    assert!(String::from_utf8_lossy(&plain.stdout).lines().count() <= 20);
    let _ = std::fs::remove_dir_all(&out);
}

const GROUNDED_CHECKS: &str = "unsupported-citation,origin-mismatch,unmarked-inference,one-origin-dispute,future-prose,status-no-history";

/// D3's fixtures: `trips.json` gives exactly the answer key's findings (one per
/// check, by check and record id), its clean twin none.
#[test]
fn the_grounded_fixtures_trip_each_check_once_and_the_twin_none() {
    let key: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("grounded/expected.json")).expect("the answer key"),
    )
    .expect("the answer key is JSON");
    for file in ["trips.json", "clean.json"] {
        let story = fixture(&format!("grounded/{file}"));
        // Before the winter cut is due, so past-due stays quiet.
        let output = storyscope(&[
            "--as-of",
            "2026-05-31",
            "--story",
            &story,
            "lint",
            "--format",
            "json",
            "--only",
            GROUNDED_CHECKS,
        ]);
        let mut found = codes(&output);
        found.sort();
        let mut expected: Vec<(String, String)> = (key[file].as_array().expect("a list"))
            .iter()
            .map(|f| {
                let check = f["check"].as_str().unwrap_or_default().to_owned();
                (check, f["id"].as_str().unwrap_or_default().to_owned())
            })
            .collect();
        expected.sort();
        assert_eq!(found, expected, "{file}");
    }
}

/// The story's title and summary are written for its end: the report as of an
/// earlier date prints neither, and says why; from the last source on, both.
#[test]
fn the_report_leaves_out_the_ending_under_an_earlier_date() {
    let story = fixture("boardroom.json");
    let title = "then takes her back";
    let summary = "reinstates her the next Wednesday";
    let early = storyscope(&[
        "--story",
        &story,
        "--as-of",
        "2023-11-17",
        "export",
        "report",
    ]);
    let early = String::from_utf8_lossy(&early.stdout);
    assert!(
        early.starts_with("# The story as of 17 Nov 2023"),
        "{early}"
    );
    assert!(
        !early.contains(title) && !early.contains(summary),
        "{early}"
    );
    assert!(early.contains("written as of 22 Nov 2023"), "{early}");
    let end = storyscope(&[
        "--story",
        &story,
        "--as-of",
        "2023-11-22",
        "export",
        "report",
    ]);
    let end = String::from_utf8_lossy(&end.stdout);
    assert!(end.contains(title) && end.contains(summary), "{end}");
    assert!(!end.contains("written as of"), "{end}");
}
