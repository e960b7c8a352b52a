//! The authoring commands end to end: `new` (a starter that checks, never replacing a
//! file) and `lint` (grouped, selectable checks, the new checks, exit codes).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use storyscope::story::lint::CHECKS;

fn storyscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run storyscope")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("authoring-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn new_writes_a_starter_that_check_and_lint_accept() {
    let dir = scratch("new");
    let file = dir.join("s.json");
    let path = file.to_str().unwrap();
    let output = storyscope(&["new", path]);
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with(&format!("wrote {path}")));
    assert_exit(&storyscope(&["check", "--story", path]), 0);
    assert_exit(&storyscope(&["lint", "--story", path]), 0);
    // The `$schema` it names is there, and is the schema `storyscope schema` prints.
    let story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let schema_name = story["$schema"].as_str().expect("a $schema reference");
    let schema = std::fs::read_to_string(dir.join(schema_name)).expect("schema beside it");
    assert_eq!(schema, stdout(&storyscope(&["schema"])));
    // Every kind of record is there at least once.
    for list in [
        "sources",
        "entities",
        "relations",
        "events",
        "candidates",
        "metrics",
        "disputes",
    ] {
        assert!(
            !story[list].as_array().unwrap().is_empty(),
            "the starter has no {list}"
        );
    }
}

#[test]
fn the_schema_key_is_accepted_also_when_other_things_are_wrong() {
    // A record-level error sends the loader down its slower, record-by-record path,
    // which must know `$schema` too.
    let dir = scratch("schema-key");
    let file = dir.join("s.json");
    let text =
        storyscope::commands::STARTER_STORY.replacen("\"kind\": \"person\"", "\"kind\": 7", 1);
    std::fs::write(&file, text).unwrap();
    let output = storyscope(&["check", "--story", file.to_str().unwrap()]);
    assert_exit(&output, 2);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("1 problem"), "{message}");
    assert!(!message.contains("$schema"), "{message}");
    // And a `$schema` that is not a string is refused like any wrong type.
    let text = storyscope::commands::STARTER_STORY.replacen(
        "\"$schema\": \"storyscope.schema.json\"",
        "\"$schema\": 1",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let output = storyscope(&["check", "--story", file.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("$schema"));
}

#[test]
fn new_never_replaces_a_file() {
    let dir = scratch("new-exists");
    let file = dir.join("mine.json");
    std::fs::write(&file, "my precious story").unwrap();
    let output = storyscope(&["new", file.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(output.stdout.is_empty());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("already exists"), "{message}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my precious story");
    // A schema file of the same name is left alone too, and the story still written.
    let schema = dir.join("storyscope.schema.json");
    std::fs::write(&schema, "{}").unwrap();
    let output = storyscope(&["new", dir.join("other.json").to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("left as is"),
        "{}",
        stdout(&output)
    );
    assert_eq!(std::fs::read_to_string(&schema).unwrap(), "{}");
}

#[test]
fn new_into_a_missing_folder_is_bad_input() {
    let dir = scratch("new-nowhere");
    let output = storyscope(&["new", dir.join("no/such/s.json").to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not exist"));
}

#[test]
fn new_dash_prints_the_starter() {
    let output = storyscope(&["new", "-"]);
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), storyscope::commands::STARTER_STORY);
}

#[test]
fn lint_on_the_shipped_story_fits_a_screen_and_verbose_lists_each() {
    let output = storyscope(&["lint"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.lines().count() < 20, "{text}");
    assert!(
        text.contains("facts rest only on The Information (via MARKETING-INTERACTIVE"),
        "{text}"
    );
    let verbose = stdout(&storyscope(&["lint", "--verbose"]));
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&storyscope(&["lint", "--json"]))).unwrap();
    // Every finding is a line of its own, plus the summary.
    assert_eq!(verbose.lines().count(), json.len() + 1, "{verbose}");
}

#[test]
fn dispute_versions_are_not_single_origin_warnings() {
    for story in [fixture("orchestra.json"), fixture("small.json")] {
        let json: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&storyscope(&["lint", "--story", &story, "--json"])))
                .unwrap();
        assert!(
            json.iter().any(|f| f["check"] == "single-origin"),
            "{story} has single-origin facts"
        );
        assert!(
            !json.iter().any(|f| f["check"] == "single-origin"
                && f["location"].as_str().unwrap().contains("variants")),
            "{story}"
        );
    }
}

#[test]
fn every_check_is_listed_in_help_and_can_be_chosen_or_skipped() {
    let help = stdout(&storyscope(&["lint", "--help"]));
    for (name, _) in CHECKS {
        assert!(
            help.contains(name),
            "{name} missing from lint --help:\n{help}"
        );
    }
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&storyscope(&["lint", "--json"]))).unwrap();
    for (name, _) in CHECKS {
        let only: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&storyscope(&["lint", "--json", "--only", name])))
                .unwrap();
        assert!(only.iter().all(|f| f["check"] == *name), "--only {name}");
        assert_eq!(
            only.len(),
            all.iter().filter(|f| f["check"] == *name).count(),
            "--only {name}"
        );
        let skipped: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&storyscope(&["lint", "--json", "--skip", name])))
                .unwrap();
        assert_eq!(skipped.len() + only.len(), all.len(), "--skip {name}");
    }
    let output = storyscope(&["lint", "--only", "single-origin,past-due"]);
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("warning[past-due]"));
    assert!(!stdout(&output).contains("no-locator"));
    assert_exit(&storyscope(&["lint", "--only", "no-such-check"]), 2);
}

#[test]
fn the_new_checks_trip_on_their_fixtures_and_not_elsewhere() {
    for (check, trips) in [
        ("dated-after-sources", "lint/dated_after_sources.json"),
        ("stage-order", "lint/stage_order.json"),
    ] {
        let output = storyscope(&["lint", "--story", &fixture(trips), "--only", check]);
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert!(text.contains(&format!("warning[{check}]")), "{text}");
        assert!(text.ends_with("0 errors, 1 warning\n"), "{text}");
        for clean in ["small.json", "orchestra.json", "../../assets/story.json"] {
            let output = storyscope(&["lint", "--story", &fixture(clean), "--only", check]);
            assert!(
                stdout(&output).ends_with("0 errors, 0 warnings\n"),
                "{check} on {clean}: {}",
                stdout(&output)
            );
        }
    }
}

#[test]
fn lint_exit_codes_for_scripts() {
    // Warnings alone pass; under --deny warnings they fail with 1.
    assert_exit(&storyscope(&["lint"]), 0);
    assert_exit(&storyscope(&["lint", "--deny", "warnings"]), 1);
    let orchestra = fixture("orchestra.json");
    assert_exit(
        &storyscope(&["lint", "--story", &orchestra, "--deny", "warnings"]),
        1,
    );
    // Nothing left to warn about: 0 even under --deny.
    assert_exit(
        &storyscope(&["lint", "--only", "stage-order", "--deny", "warnings"]),
        0,
    );
    // An error is 2, with or without --deny.
    let dir = scratch("lint-error");
    let shared = dir.join("shared.json");
    let text = std::fs::read_to_string(fixture("small.json"))
        .unwrap()
        .replace("\"name\": \"Baidu\"", "\"name\": \"Apple\"");
    std::fs::write(&shared, text).unwrap();
    let output = storyscope(&["lint", "--story", shared.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        stdout(&output).contains(": 1 error, "),
        "{}",
        stdout(&output)
    );
    assert_exit(
        &storyscope(&[
            "lint",
            "--story",
            shared.to_str().unwrap(),
            "--deny",
            "warnings",
        ]),
        2,
    );
    // A story that does not load is bad input, as for check.
    assert_exit(
        &storyscope(&["lint", "--story", &fixture("invalid/truncated.json")]),
        2,
    );
}

#[test]
fn the_format_guide_documents_every_check() {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/story-format.md"))
            .unwrap();
    for (name, _) in CHECKS {
        assert!(
            guide.contains(&format!("| `{name}` |")),
            "docs/story-format.md has no row for the `{name}` check"
        );
    }
}

/// small.json changed so that every check finds something.
fn story_tripping_every_check(dir: &Path) -> PathBuf {
    let mut story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap();
    // no-locator, metric-without-period
    story["entities"][0]["cite"][0]
        .as_object_mut()
        .unwrap()
        .remove("para");
    story["metrics"][0]
        .as_object_mut()
        .unwrap()
        .remove("period");
    // unreferenced-entity, shared-alias
    story["entities"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "lonely", "kind": "person", "name": "Nobody Special", "aliases": ["Apple"],
            "cite": [{ "source": "wire", "para": 2 }]
        }));
    // uncited-source
    story["sources"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "unused", "kind": "article", "outlet": "Nobody's Paper", "title": "Unread"
        }));
    // dated-after-sources, stage-order
    story["events"][0]["date"] = "2025-03-10".into();
    story["candidates"][0]["stages"][0]["date"] = "2025-02".into();
    // dispute-kind: versions from two sources called one source's inconsistency
    story["disputes"][0]["kind"] = "inconsistency".into();
    // authored
    story["events"][0]["authored"] = serde_json::json!([
        { "field": "date", "kind": "inference", "reason": "worked out for the test" }
    ]);
    // near-miss-kind: one letter from `partners_with`
    story["relations"][0]["kind"] = "partner_with".into();
    // past-due and single-origin: as the fixture is.
    let file = dir.join("every.json");
    std::fs::write(&file, story.to_string()).unwrap();
    file
}

#[test]
fn every_check_trips_and_each_can_be_chosen_or_skipped_alone() {
    let dir = scratch("every-check");
    let story = story_tripping_every_check(&dir);
    let story = story.to_str().unwrap();
    let findings = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["lint", "--json", "--story", story];
        args.extend_from_slice(extra);
        let list: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&storyscope(&args))).unwrap();
        list.iter()
            .map(|f| f["check"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = findings(&[]);
    for (name, _) in CHECKS {
        assert!(
            all.iter().any(|c| c == name),
            "{name} did not trip: {all:?}"
        );
        let only = findings(&["--only", name]);
        assert!(
            !only.is_empty() && only.iter().all(|c| c == name),
            "--only {name}"
        );
        let skipped = findings(&["--skip", name]);
        assert!(!skipped.iter().any(|c| c == name), "--skip {name}");
        assert_eq!(skipped.len() + only.len(), all.len(), "--skip {name}");
    }
    assert_exit(&storyscope(&["lint", "--story", story]), 2);
    assert_exit(
        &storyscope(&["lint", "--story", story, "--skip", "shared-alias"]),
        0,
    );
    assert_exit(
        &storyscope(&[
            "lint",
            "--story",
            story,
            "--skip",
            "shared-alias",
            "--deny",
            "warnings",
        ]),
        1,
    );
}
