//! `diff` names each new candidacy and stage with what it is for and who weighs it: a
//! row that says only "Sam Altman | considered" cannot be told from another candidacy
//! of the same person (issue 22).

use std::process::Command;

fn diff(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .arg("diff")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The lines of `markdown`'s table under `## title`.
fn table<'a>(markdown: &'a str, title: &str) -> Vec<&'a str> {
    markdown
        .split(&format!("## {title}\n\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("no {title} in {markdown}"))
        .lines()
        .take_while(|line| line.starts_with('|'))
        .collect()
}

#[test]
fn new_stages_and_candidacies_say_the_role_and_the_chooser() {
    let choir = [
        "--story",
        "tests/fixtures/status_changes.json",
        "--from",
        "2026-03-02",
        "--to",
        "2026-05-01",
    ];
    let markdown = diff(&choir);
    let stages = table(&markdown, "New stages");
    assert!(stages[0].contains("| For | Chosen by |"), "{stages:?}");
    let ferreira = stages
        .iter()
        .find(|row| row.contains("Ana Ferreira"))
        .unwrap();
    assert!(
        ferreira.contains("| conductor | Riverside Choral Society | selected |"),
        "{ferreira}"
    );
    let board = [
        "--story",
        "tests/fixtures/search/board_people.json",
        "--from",
        "2023-11-17",
        "--to",
        "2023-11-22",
    ];
    let markdown = diff(&board);
    let candidacies = table(&markdown, "New candidacies");
    let shear = candidacies
        .iter()
        .find(|row| row.contains("Emmett Shear"))
        .unwrap();
    assert!(
        shear.contains("| interim chief executive | OpenAI board of directors |"),
        "{shear}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&diff(&[&choir[..], &["--format", "json"]].concat())).unwrap();
    let stage = &json["new_stages"][0];
    assert_eq!(stage["candidate"], "Ana Ferreira");
    assert_eq!(stage["role"], "conductor");
    assert_eq!(stage["chooser"], "Riverside Choral Society");
    let json: serde_json::Value =
        serde_json::from_str(&diff(&[&board[..], &["--format", "json"]].concat())).unwrap();
    let shear = json["new_candidacies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["candidate"] == "Emmett Shear")
        .unwrap();
    assert_eq!(shear["role"], "interim chief executive");
    assert_eq!(shear["chooser"], "OpenAI board of directors");
}
