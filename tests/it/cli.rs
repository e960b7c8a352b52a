//! The `storyscope` binary end to end: every subcommand on the embedded story, its
//! output, and the exit codes (0 ok, 2 bad input, 1 other failure).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use storyscope::story::{self, Story};

fn storyscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .output()
        .expect("run storyscope")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
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

fn embedded() -> Story {
    story::embedded().expect("the embedded story loads")
}

/// A fresh, empty folder under the build's temp area, unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn search_json(query: &str) -> Vec<serde_json::Value> {
    let output = storyscope(&["search", query, "--json"]);
    assert_exit(&output, 0);
    serde_json::from_str(&stdout(&output)).expect("search --json prints a JSON array")
}

#[test]
fn check_prints_the_counts_of_the_embedded_story() {
    let output = storyscope(&["check"]);
    assert_exit(&output, 0);
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    let text = stdout(&output);
    let story = embedded();
    let file = &story.file;
    assert!(
        text.starts_with(&format!("embedded story: ok — “{}”\n", file.story.title)),
        "{text}"
    );
    let count = |name: &str| -> String {
        let line = text
            .lines()
            .find(|line| line.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no `{name}` line in\n{text}"));
        line.trim_start()[name.len()..].trim().to_owned()
    };
    assert!(count("entities").starts_with(&format!("{} (", file.entities.len())));
    assert!(count("entities").contains("companies"), "counts by kind");
    assert_eq!(count("events"), file.events.len().to_string());
    assert_eq!(count("metrics"), file.metrics.len().to_string());
    assert_eq!(count("relations"), file.relations.len().to_string());
    assert!(count("sources").starts_with(&format!("{} (", file.sources.len())));
    assert!(count("sources").contains("independent origin"));
    // More than one independent origin: the articles' own reporting, CARMA, Apple's
    // report, market data and Alibaba's cloud unit besides The Information.
    let origins: usize = count("sources")
        .split('(')
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("an origin count");
    assert!(origins > 1, "{text}");
    let between: usize = (0..file.disputes.len())
        .filter(|&d| story.is_disagreement(d))
        .map(|d| file.disputes[d].variants.len())
        .sum();
    let (disagreements, inconsistencies) = story.dispute_counts();
    assert!(
        inconsistencies > 0,
        "the shipped story has a self-contradiction"
    );
    assert!(
        count("disputes").starts_with(&format!("{disagreements} between sources ({between} versions), {inconsistencies} within one source")),
        "{text}"
    );
    assert_eq!(
        count("authored"),
        format!(
            "{} (◇ the author's inferences and outside knowledge)",
            story.all_notes().len()
        )
    );
}

#[test]
fn check_as_of_a_date_counts_only_what_was_known() {
    let output = storyscope(&["--as-of", "2025-02-12", "check"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("\nas of 12 Feb 2025\n"), "{text}");
    let figures_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("metrics"))
        .unwrap();
    let figures: usize = figures_line.trim_start()["metrics".len()..]
        .trim()
        .parse()
        .unwrap();
    assert!(
        figures < embedded().file.metrics.len(),
        "later figures are left out: {figures_line}"
    );
}

#[test]
fn search_ranks_the_qwen_max_model_first() {
    let output = storyscope(&["search", "qwen max"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let first = text.lines().next().expect("at least one result");
    assert!(first.starts_with(" 1. entity"), "{first}");
    assert!(
        first.contains("Qwen 2.5-Max") && first.contains("[qwen-2-5-max]"),
        "{first}"
    );

    let hits = search_json("qwen max");
    assert_eq!(hits[0]["id"], "qwen-2-5-max");
    assert_eq!(hits[0]["kind"], "entity");
    assert_eq!(hits[0]["name"], "Qwen 2.5-Max");
}

#[test]
fn search_finds_entities_by_alias() {
    let cac = search_json("CAC");
    assert_eq!(cac[0]["id"], "cac");
    assert_eq!(cac[0]["name"], "Cyberspace Administration of China");
    assert_eq!(cac[0]["matched"], "CAC", "the alias is what matched");

    let text = stdout(&storyscope(&["search", "通义千问"]));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("Tongyi Qianwen (as “通义千问”)"),
        "{text}"
    );
}

#[test]
fn every_alias_finds_its_entity() {
    let story = embedded();
    let mut checked = 0;
    for entity in &story.file.entities {
        for alias in &entity.aliases {
            // An alias may also begin a longer name ("Qwen" and "Qwen 2.5-Max"), so the
            // promise is a place near the top, not always the first.
            let hits = search_json(alias);
            let place = hits.iter().position(|hit| hit["id"] == entity.id.as_str());
            assert!(
                place.is_some_and(|p| p < 3),
                "searching alias {alias:?} puts {} at {place:?}",
                entity.id
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} aliases checked");
}

#[test]
fn a_distinctive_alias_ranks_its_entity_first() {
    for (alias, id) in [
        ("CAC", "cac"),
        ("通义千问", "tongyi-qianwen"),
        ("Zhipu AI", "wisdom-spectrum-ai"),
        ("BABA", "alibaba-us-shares"),
        ("9988.HK", "alibaba-hk-shares"),
        ("Apple Inc.", "apple"),
    ] {
        let hits = search_json(alias);
        assert_eq!(hits[0]["id"], id, "searching {alias:?}");
        assert_eq!(hits[0]["matched"], alias);
    }
}

#[test]
fn search_json_is_valid_json_with_the_documented_fields() {
    let output = storyscope(&["search", "apple", "--json", "--limit", "5"]);
    assert_exit(&output, 0);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(hits.len(), 5, "--limit is honoured");
    for hit in &hits {
        for field in ["kind", "id", "name", "matched", "match", "score"] {
            assert!(hit.get(field).is_some(), "{field} missing in {hit}");
        }
        assert_eq!(hit["match"], "fuzzy", "{hit}");
    }
    // The entity named "Apple" comes first; after it, best score first.
    assert_eq!(hits[0]["id"], "apple");
    let scores: Vec<i64> = hits[1..]
        .iter()
        .map(|h| h["score"].as_i64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    let empty = storyscope(&["search", "zzzzqqqq", "--json"]);
    assert_exit(&empty, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&empty)).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn search_forgives_a_typo_and_says_so() {
    let hits = search_json("tencnet");
    assert_eq!(hits[0]["id"], "tencent");
    assert_eq!(hits[0]["match"], "typo");
    assert_eq!(hits[0]["matched"], "Tencent");
    let text = stdout(&storyscope(&["search", "tencnet", "--limit", "1"]));
    assert_eq!(
        text,
        " 1. entity    Tencent (typo)  [tencent]  2 articles · 1 independent origin (The Information)\n"
    );
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/search/board_people.json"
    );
    let output = storyscope(&["search", "sam altmann", "--json", "--story", fixture]);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(hits[0]["id"], "sam-altman");
    assert_eq!(hits[0]["match"], "typo");
    // The events that mention him come after, each found in order.
    assert!(hits.len() > 2, "{hits:?}");
    assert!(
        hits[1..].iter().all(|hit| hit["kind"] != "entity"),
        "{hits:?}"
    );
}

#[test]
fn search_without_a_match_exits_1_and_says_so() {
    let output = storyscope(&["search", "zzzzqqqq"]);
    assert_exit(&output, 1);
    assert!(output.stdout.is_empty());
    assert_eq!(stderr(&output), "no match for “zzzzqqqq”\n");
}

#[test]
fn export_report_to_a_file() {
    let dir = scratch("report");
    let target = dir.join("report.md");
    let output = storyscope(&["export", "report", "-o", target.to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout when writing a file"
    );
    let written = std::fs::read_to_string(&target).expect("the file was written");
    let printed = stdout(&storyscope(&["export", "report"]));
    assert_eq!(written, printed, "the file holds what stdout would");
    assert!(written.starts_with(&format!("# {}\n", embedded().file.story.title)));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["report.md"], "no temp file left behind");
}

#[test]
fn export_to_a_missing_folder_is_an_other_failure() {
    let target = scratch("missing").join("no-such-folder").join("report.md");
    let output = storyscope(&["export", "report", "-o", target.to_str().unwrap()]);
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(
        message.starts_with(&format!("storyscope: cannot write {}", target.display())),
        "{message}"
    );
}

#[test]
fn export_entity_needs_an_id() {
    let output = storyscope(&["export", "entity"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--id <ID>"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

#[test]
fn export_entity_with_an_unknown_id_suggests_one() {
    let output = storyscope(&["export", "entity", "--id", "alibabba"]);
    assert_exit(&output, 2);
    assert_eq!(
        stderr(&output),
        "storyscope: no entity with id `alibabba` (did you mean `alibaba`?)\n"
    );
    let output = storyscope(&["export", "entity", "--id", "alibaba"]);
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("_View: entity · entity Alibaba · "));
}

#[test]
fn every_view_exports() {
    for view in [
        "timeline",
        "candidates",
        "metrics",
        "disputes",
        "sources",
        "report",
    ] {
        let output = storyscope(&["export", view]);
        assert_exit(&output, 0);
        assert!(
            stdout(&output).contains(&format!(
                "_View: {view} · all sources · story: embedded story_"
            )),
            "{view}"
        );
    }
}

#[test]
fn partners_still_exports_the_candidates_for_old_scripts() {
    let output = storyscope(&["export", "partners"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        stdout(&storyscope(&["export", "candidates"]))
    );
    assert!(stdout(&output).contains("## Candidate partners\n"));
    let help = stdout(&storyscope(&["export", "--help"]));
    assert!(
        help.contains("candidates") && !help.contains("partners"),
        "{help}"
    );
}

#[test]
fn schema_is_json_with_a_schema_key() {
    let output = storyscope(&["schema"]);
    assert_exit(&output, 0);
    let schema: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("the schema is JSON");
    assert!(
        schema["$schema"]
            .as_str()
            .is_some_and(|s| s.starts_with("https://json-schema.org/")),
        "{}",
        schema["$schema"]
    );
    assert_eq!(schema["type"], "object");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["format", "story", "sources", "entities"] {
        assert!(required.contains(&field), "{field} is required");
    }
    for field in ["events", "candidates", "metrics", "disputes", "relations"] {
        assert!(
            schema["properties"].get(field).is_some(),
            "{field} is described"
        );
    }
}

#[test]
fn completions_for_bash() {
    let output = storyscope(&["completions", "bash"]);
    assert_exit(&output, 0);
    let script = stdout(&output);
    assert!(
        script.contains("_clap_complete_storyscope()"),
        "defines the completion function"
    );
    assert!(
        script.contains("-F _clap_complete_storyscope storyscope"),
        "registers it"
    );
    // The script asks storyscope itself; what it answers covers every command and flag.
    let ask = |words: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .env("_CLAP_IFS", "\n")
            .arg("--")
            .args(words)
            .output()
            .expect("run storyscope");
        assert_exit(&output, 0);
        stdout(&output)
    };
    let commands = ask(&["storyscope", ""]);
    for word in [
        "check", "export", "search", "schema", "lint", "man", "config",
    ] {
        assert!(
            commands.lines().any(|l| l == word),
            "{word} is completed: {commands}"
        );
    }
    let flags = ask(&["storyscope", "check", "--"]);
    for word in ["--story", "--as-of"] {
        assert!(
            flags.lines().any(|l| l == word),
            "{word} is completed: {flags}"
        );
    }
}

#[test]
fn version_and_help() {
    let output = storyscope(&["--version"]);
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        format!("storyscope {}\n", env!("CARGO_PKG_VERSION"))
    );
    let output = storyscope(&["--help"]);
    assert_exit(&output, 0);
    let help = stdout(&output);
    assert!(
        help.contains("Exit codes: 0 ok, 2 bad input, 1 other failure"),
        "{help}"
    );
    for command in ["check", "export", "search", "lint", "schema", "completions"] {
        assert!(help.contains(command), "{command} in --help");
    }
}

#[test]
fn lint_passes_on_the_embedded_story() {
    let output = storyscope(&["lint"]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("embedded story: 0 errors,"), "{text}");
    let json = storyscope(&["lint", "--json"]);
    assert_exit(&json, 0);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["severity"] == "warning" || f["severity"] == "note")
    );
    // Every place the author added to the sources is counted, as a note.
    let notes = findings.iter().filter(|f| f["check"] == "authored").count();
    assert_eq!(notes, embedded().all_notes().len());
    assert!(
        text.contains(&format!("{notes} notes of the author's own (◇)")),
        "{text}"
    );
}

#[test]
fn an_impossible_as_of_date_is_bad_input() {
    let output = storyscope(&["--as-of", "2025-13-01", "check"]);
    assert_exit(&output, 2);
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).starts_with("storyscope: --as-of: `2025-13-01` is not a valid date: months run from 01 to 12, not 13"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unknown_subcommands_and_flags_are_bad_input() {
    assert_exit(&storyscope(&["frobnicate"]), 2);
    assert_exit(&storyscope(&["check", "--no-such-flag"]), 2);
    assert_exit(&storyscope(&["export", "nonsense"]), 2);
}

#[test]
fn another_story_file_with_story() {
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let output = storyscope(&["check", "--story", small.to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("entities   4 (3 companies, 1 AI model)"),
        "{}",
        stdout(&output)
    );
    let output = storyscope(&[
        "--story",
        small.to_str().unwrap(),
        "search",
        "alibaba group",
        "--json",
    ]);
    assert_exit(&output, 0);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        hits[0]["name"], "阿里巴巴",
        "the CJK-named entity is found by its alias"
    );
}

#[test]
fn a_bare_file_names_the_story_and_a_bare_typo_names_the_nearest_command() {
    let small = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let output = storyscope(&[small.to_str().unwrap(), "check"]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("Apple picks a partner for AI in China"),
        "the bare file is the story checked: {}",
        stdout(&output)
    );
    // With no command the bare file goes to the explorer, which needs a terminal.
    let output = storyscope(&[small.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("needs a terminal"),
        "{}",
        stderr(&output)
    );
    let output = storyscope(&["chekc"]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("neither a story file nor a command")
            && stderr(&output).contains("did you mean `storyscope check`"),
        "{}",
        stderr(&output)
    );
    let output = storyscope(&["--story", small.to_str().unwrap(), small.to_str().unwrap()]);
    assert_exit(&output, 2);
}
