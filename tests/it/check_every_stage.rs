//! `check` on a file with mistakes of every stage reports all of them in one run: a
//! bad kind, an unknown field and an impossible date (records that do not read) beside
//! a duplicate id, a blank name, a dangling entity, a fact without a citation and an unknown source
//! (found among the records that did read) — each with its id and line:column. A
//! reference to a record that did not read is not called dangling.

use std::path::Path;
use std::process::{Command, Stdio};

use storyscope::story::load::load_bytes;

const FILE: &str = "tests/fixtures/invalid/every_stage.json";

/// (path, id, line, column, what the message says), as `check` must report them.
const EXPECTED: [(&str, &str, usize, usize, &str); 8] = [
    (
        "sources[1].kind",
        "daily",
        18,
        15,
        "`News Article` is not a kind",
    ),
    (
        "entities[2].homepage",
        "baidu",
        72,
        19,
        "unknown field `homepage`",
    ),
    (
        "events[1].date",
        "ev-launch",
        133,
        15,
        "`2025-02-30` is not a valid date",
    ),
    // The fourth entity, though only the third that read: its path is the file's.
    ("entities[3].name", "qwen", 77, 15, "must not be empty"),
    (
        "relations[0].id",
        "apple",
        92,
        13,
        "duplicate id `apple`, first used at entities[0]",
    ),
    (
        "events[0].entities[1]",
        "ev-choice",
        112,
        9,
        "unknown entity `alibabba`",
    ),
    (
        "metrics[1].cite",
        "m-share-move",
        211,
        15,
        "a fact without a citation",
    ),
    (
        "disputes[0].variants[1].cite[0].source",
        "disp-baidu",
        235,
        25,
        "unknown source `wier`",
    ),
];

#[test]
fn check_reports_every_stage_of_problem_in_one_run() {
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["check", "--story", FILE])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .env("NO_COLOR", "1")
        .output()
        .expect("run storyscope");
    assert_eq!(output.status.code(), Some(2));
    let report = String::from_utf8(output.stderr).unwrap();
    assert!(
        report.contains("8 problems, the story was not loaded"),
        "{report}"
    );
    for (path, id, line, column, says) in EXPECTED {
        let head = format!("{path} ({id}), line {line} col {column}: {says}");
        assert!(report.contains(&head), "missing `{head}` in:\n{report}");
    }
}

#[test]
fn references_to_records_that_did_not_read_are_not_dangling() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)).unwrap();
    let err = load_bytes(&bytes, "every_stage").expect_err("refused");
    let messages: Vec<String> = err.problems.iter().map(|p| p.message.clone()).collect();
    // `daily` (bad kind) and `baidu` (unknown field) are cited and named elsewhere.
    for unread in ["`daily`", "`baidu`"] {
        assert!(
            !messages
                .iter()
                .any(|m| m.starts_with("unknown") && m.contains(unread)),
            "{unread} reported as dangling: {messages:#?}"
        );
    }
    assert_eq!(err.problems.len(), EXPECTED.len(), "{messages:#?}");
}
