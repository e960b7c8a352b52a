//! `check --format json` and `lint --format json`: the same problems as the lines, as
//! Ruff-shaped JSON objects, each pointing at the right place in the file.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use storyscope::story::RecordRef;
use storyscope::story::load::{Location, load_bytes, load_path};
use storyscope::story::model::days_from_civil;
use storyscope::story::report::problem_code;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

fn json_array(text: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"));
    value.as_array().expect("a JSON array").clone()
}

/// The text of `file` from line `row`, column `column` (1-based, in characters) on.
fn text_at(file: &Path, row: u64, column: u64) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let line = text.lines().nth(row as usize - 1).expect("the row exists");
    let rest: String = line.chars().skip(column as usize - 1).collect();
    let after: Vec<&str> = text.lines().skip(row as usize).take(3).collect();
    format!("{rest}\n{}", after.join("\n"))
}

#[test]
fn check_json_carries_the_same_problems_as_the_lines() {
    let file = fixture("invalid/several_problems.json");
    let path = file.to_str().unwrap();
    let (stdout, _, code) = run(&["check", "--format", "json", "--story", path]);
    assert_eq!(code, 2);
    let objects = json_array(&stdout);
    let err = load_path(&file).unwrap_err();
    assert_eq!(objects.len(), err.problems.len());
    let (_, human, _) = run(&["check", "--story", path]);
    for (object, problem) in objects.iter().zip(&err.problems) {
        let place = problem.place.as_ref().expect("placed");
        let Location::Path(record_path) = &problem.location else {
            panic!("a path problem")
        };
        assert_eq!(object["filename"], path);
        assert_eq!(object["path"], record_path.as_str());
        assert_eq!(object["id"], place.id.as_deref().unwrap());
        assert_eq!(object["location"]["row"], place.line);
        assert_eq!(object["location"]["column"], place.column);
        assert_eq!(object["end_location"], object["location"]);
        assert_eq!(object["message"], problem.message.as_str());
        assert_eq!(object["hint"].as_str(), problem.hint.as_deref());
        assert_eq!(object["severity"], "error");
        assert_eq!(object["code"], problem_code(problem));
        assert!(object["fix"].is_null() && object["url"].is_null());
        // The line shows the same place.
        let line = format!(
            "{record_path} ({}), line {} col {}: {}",
            place.id.as_deref().unwrap(),
            place.line,
            place.column,
            problem.message
        );
        assert!(human.contains(&line), "{human} lacks {line}");
    }
    let codes: Vec<&str> = objects
        .iter()
        .map(|o| o["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "duplicate-id",
            "blank",
            "unknown-reference",
            "no-citation",
            "unknown-reference"
        ]
    );
}

#[test]
fn check_json_points_at_the_values_in_the_file() {
    let file = fixture("invalid/several_shape_problems.json");
    let (stdout, _, _) = run(&[
        "check",
        "--format",
        "json",
        "--story",
        file.to_str().unwrap(),
    ]);
    let objects = json_array(&stdout);
    assert_eq!(objects.len(), 4);
    let at = |i: usize| {
        let location = &objects[i]["location"];
        text_at(
            &file,
            location["row"].as_u64().unwrap(),
            location["column"].as_u64().unwrap(),
        )
    };
    assert!(at(0).starts_with("\"News Article\""), "{}", at(0));
    assert!(at(2).starts_with("\"2025-02-30\""), "{}", at(2));
    assert!(at(3).starts_with("\"300000\""), "{}", at(3));
}

#[test]
fn check_json_of_a_good_story_is_an_empty_list_and_of_junk_a_syntax_problem() {
    let (stdout, _, code) = run(&["check", "--format", "json"]);
    assert_eq!((stdout.trim(), code), ("[]", 0));
    let file = fixture("invalid/invalid_json.json");
    let (stdout, stderr, code) = run(&[
        "check",
        "--format",
        "json",
        "--story",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    let objects = json_array(&stdout);
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["code"], "syntax");
    assert_eq!(objects[0]["path"], "");
    assert!(objects[0]["location"]["row"].as_u64().unwrap() > 1);
    let (stdout, _, code) = run(&["check", "--format", "json", "--story", "/no/such/file"]);
    assert_eq!(code, 2);
    let objects = json_array(&stdout);
    assert_eq!(
        (
            objects[0]["code"].as_str(),
            objects[0]["location"].is_null()
        ),
        (Some("file"), true)
    );
}

#[test]
fn every_lint_finding_names_its_record_and_line() {
    let file = fixture("boardroom.json");
    let path = file.to_str().unwrap();
    // `--verbose`: one line per finding, not one per group.
    let (human, _, _) = run(&["lint", "--verbose", "--story", path]);
    let (json, _, _) = run(&["lint", "--format", "json", "--story", path]);
    let (plain, _, _) = run(&["lint", "--json", "--story", path]);
    let objects = json_array(&json);
    // `--json` keeps the shape scripts read before `--format json`: the same findings.
    let plain = json_array(&plain);
    assert_eq!(plain.len(), objects.len());
    for (old, new) in plain.iter().zip(&objects) {
        assert_eq!(old["check"], new["code"]);
        assert_eq!(old["location"], new["path"]);
        assert_eq!(old["message"], new["message"]);
    }
    let lines: Vec<&str> = human.lines().filter(|l| l.contains('[')).collect();
    assert_eq!(objects.len(), lines.len());
    assert!(objects.len() > 10);
    for (object, line) in objects.iter().zip(&lines) {
        let row = object["location"]["row"].as_u64().expect("a row");
        let column = object["location"]["column"].as_u64().expect("a column");
        let record_path = object["path"].as_str().unwrap();
        let id = object["id"].as_str().expect("an id");
        assert!(
            line.contains(&format!("{record_path} ({id}), line {row} col {column}: ")),
            "{line}"
        );
        // A finding about a whole record points at the record, which holds its id.
        if !record_path.contains('.') {
            let text = text_at(&file, row, column);
            assert!(text.starts_with('{'), "{record_path}: {text}");
            assert!(
                text.contains(&format!("\"id\": \"{id}\"")),
                "{record_path}: {text}"
            );
        }
    }
}

#[test]
fn lint_as_of_a_date_still_points_into_the_file() {
    // As of 20 Nov only some sources count, so the story's lists are shorter and
    // `events[1]` of the narrowed story need not be `events[1]` of the file: the path
    // printed is the file's (issue 22).
    let file = fixture("boardroom.json");
    let path = file.to_str().unwrap();
    let (json, stderr, _) = run(&[
        "--as-of",
        "20 Nov 2023",
        "lint",
        "--format",
        "json",
        "--story",
        path,
    ]);
    let objects = json_array(&json);
    assert!(!objects.is_empty(), "{stderr}");
    let full = load_path(&file).unwrap();
    let narrowed = full
        .as_of(days_from_civil(2023, 11, 20))
        .expect("the story narrows to 20 Nov");
    let mut shifted = 0;
    for object in objects
        .iter()
        .filter(|o| !o["path"].as_str().unwrap().contains('.'))
    {
        // The path is the file's: the id is the whole story's record at that path …
        let record_path = object["path"].as_str().unwrap();
        let (list, index) = record_path.trim_end_matches(']').split_once('[').unwrap();
        let index: usize = index.parse().unwrap();
        let record = match list {
            "sources" => RecordRef::Source(index),
            "entities" => RecordRef::Entity(index),
            "relations" => RecordRef::Relation(index),
            "events" => RecordRef::Event(index),
            "candidates" => RecordRef::Candidacy(index),
            "metrics" => RecordRef::Metric(index),
            _ => RecordRef::Dispute(index),
        };
        assert_eq!(object["id"], full.record_id(record), "{object}");
        // (a record the narrowed story numbers otherwise makes the test able to fail)
        if narrowed.lookup(full.record_id(record)) != Some(record) {
            shifted += 1;
        }
        // … and the line and column are where that record is in the file.
        let (row, column) = (
            object["location"]["row"].as_u64().unwrap(),
            object["location"]["column"].as_u64().unwrap(),
        );
        let id = object["id"].as_str().unwrap();
        assert!(
            text_at(&file, row, column).contains(&format!("\"id\": \"{id}\"")),
            "{object}"
        );
    }
    assert!(
        shifted > 0,
        "no record moved: the test would not see a wrong place"
    );
}

#[test]
fn every_loader_problem_has_a_code_of_its_own() {
    for entry in std::fs::read_dir(fixture("invalid")).unwrap() {
        let file = entry.unwrap().path();
        let bytes = std::fs::read(&file).unwrap();
        let Err(err) = load_bytes(&bytes, "fixture") else {
            panic!("{} loaded", file.display())
        };
        for problem in &err.problems {
            assert_ne!(
                problem_code(problem),
                "invalid",
                "{}: no code for {problem}",
                file.display()
            );
        }
    }
}
