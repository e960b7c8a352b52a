//! `storyscope draft` from the command line: a draft of text, HTML and a dump that
//! `check` accepts with every quote found; byte-identical output for the same input;
//! `--merge` leaving reviewed records alone; `lint` listing drafted records; the
//! explorer's record view saying "drafted"; hostile files refused with a message.

use std::path::Path;
use std::process::{Command, Output};

fn storyscope_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Three invented articles in three forms, written into `dir`.
fn write_articles(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "Kestrel Foods picks Marlow Dairy\n\nKestrel Foods chose Marlow Dairy over Penn Creamery as its milk supplier, according to the Harbour Times.\nThe grocer said sales rose 4% last year.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.html"),
        r#"<html><head><meta property="og:title" content="Marlow Dairy wins Kestrel deal"><meta property="og:site_name" content="Dairy Ledger"><meta property="article:published_time" content="2026-03-05T09:00:00Z"></head><body><nav>Home News</nav><article><p>Marlow Dairy will supply more than 40 Kestrel Foods stores from April, the Harbour Times reported on Tuesday, naming both companies in its account.</p><p>Marlow Dairy was founded in 1998 by Ada Quill, who still runs the company from its farm near the coast and signs every contract herself.</p><figure><figcaption>Cows at a dairy farm, photographed for the ledger.</figcaption></figure></article><footer>Copyright Dairy Ledger</footer></body></html>"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("c.txt"),
        "Coastal Wire 2026\nPenn Creamery loses out\n\nPenn Creamery loses out\n\nshare on\n\n03/16 2026 120\n\nPenn Creamery said it had hoped to win the Kestrel Foods contract.\nIts shares fell about 2% on Friday.\n\nRelated articles:\n\nPenn Creamery opens a plant\n",
    )
    .unwrap();
}

#[test]
fn a_draft_of_text_html_and_a_dump_passes_check_with_every_quote_found() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    let out = storyscope_in(
        dir.path(),
        &[
            "draft",
            "a.txt",
            "b.html",
            "c.txt",
            "--date",
            "2026-03-04",
            "--date",
            "-",
            "--date",
            "-",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(dir.path().join("s.json"), &out.stdout).unwrap();
    let check = storyscope_in(dir.path(), &["--story", "s.json", "check"]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{said}{}", stderr(&check));
    let quotes = said
        .lines()
        .find(|l| l.contains("quotes found"))
        .unwrap_or_default()
        .to_owned();
    let citations: usize = said
        .lines()
        .find(|l| l.trim_start().starts_with("citations"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0);
    assert!(
        citations > 0 && quotes.contains(&format!("{citations} quotes found")),
        "{said}"
    );
    let story: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        story["sources"][0]["text"],
        "texts/kestrel-foods-picks-marlow-2026-03-04.txt"
    );
    assert_eq!(story["sources"][1]["outlet"], "Dairy Ledger");
    assert_eq!(story["sources"][2]["published"], "2026-03-16");
    let dump_text = std::fs::read_to_string(dir.path().join("texts").join(format!(
        "{}.txt",
        story["sources"][2]["id"].as_str().unwrap()
    )))
    .unwrap();
    assert!(
        dump_text.contains("# share on") && dump_text.contains("# Penn Creamery opens a plant"),
        "{dump_text}"
    );
}

#[test]
fn the_same_articles_give_a_byte_identical_draft() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    let first = storyscope_in(
        dir.path(),
        &["draft", "a.txt", "b.html", "c.txt", "-o", "one.json"],
    );
    let second = storyscope_in(
        dir.path(),
        &["draft", "a.txt", "b.html", "c.txt", "-o", "two.json"],
    );
    assert!(
        first.status.success() && second.status.success(),
        "{}",
        stderr(&first)
    );
    let one = std::fs::read_to_string(dir.path().join("one.json")).unwrap();
    let two = std::fs::read_to_string(dir.path().join("two.json")).unwrap();
    assert_eq!(one.replace("one.texts", "X"), two.replace("two.texts", "X"));
    assert!(dir.path().join("one.texts").is_dir());
}

#[test]
fn lint_lists_drafted_records_grouped_and_record_export_says_drafted() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    assert!(
        storyscope_in(dir.path(), &["draft", "a.txt", "b.html", "-o", "s.json"])
            .status
            .success()
    );
    let lint = storyscope_in(
        dir.path(),
        &["--story", "s.json", "lint", "--only", "drafted"],
    );
    let said = String::from_utf8_lossy(&lint.stdout).into_owned() + &stderr(&lint);
    assert!(
        said.contains("entities drafted and not yet reviewed"),
        "{said}"
    );
    let story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("s.json")).unwrap()).unwrap();
    let id = story["entities"][0]["id"].as_str().unwrap();
    let record = storyscope_in(
        dir.path(),
        &["--story", "s.json", "export", "record", "--id", id],
    );
    assert!(
        String::from_utf8_lossy(&record.stdout).contains("drafted, not yet checked"),
        "{}",
        stderr(&record)
    );
    let schema = storyscope_in(dir.path(), &["schema"]);
    assert!(
        String::from_utf8_lossy(&schema.stdout).contains("\"drafted\""),
        "the JSON Schema knows the kind"
    );
}

#[test]
fn merge_keeps_reviewed_records_adds_citations_and_duplicates_no_entity() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path());
    assert!(
        storyscope_in(dir.path(), &["draft", "a.txt", "-o", "s.json"])
            .status
            .success()
    );
    let mut story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("s.json")).unwrap()).unwrap();
    // A person reviews the first entity: the drafted note goes, the rest stays.
    let entities = story["entities"].as_array_mut().unwrap();
    let reviewed_index = 0;
    entities[reviewed_index]
        .as_object_mut()
        .unwrap()
        .remove("authored");
    let reviewed = entities[reviewed_index].clone();
    let drafted_name = entities[1]["name"].clone();
    let drafted_cites = entities[1]["cite"].as_array().unwrap().len();
    std::fs::write(
        dir.path().join("s.json"),
        serde_json::to_string_pretty(&story).unwrap(),
    )
    .unwrap();
    let out = storyscope_in(
        dir.path(),
        &[
            "draft",
            "c.txt",
            "b.html",
            "--merge",
            "s.json",
            "-o",
            "merged.json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("new sources"), "{}", stderr(&out));
    let merged: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("merged.json")).unwrap())
            .unwrap();
    let merged_entities = merged["entities"].as_array().unwrap();
    assert_eq!(
        serde_json::to_string(&merged_entities[reviewed_index]).unwrap(),
        serde_json::to_string(&reviewed).unwrap()
    );
    let names: Vec<String> = merged_entities
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_lowercase())
        .collect();
    let unique: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    let again = merged_entities
        .iter()
        .find(|e| e["name"] == drafted_name)
        .unwrap();
    assert!(
        again["cite"].as_array().unwrap().len() > drafted_cites,
        "{again}"
    );
    assert_eq!(
        merged["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["text"].is_string())
            .count(),
        3
    );
    let check = storyscope_in(dir.path(), &["--story", "merged.json", "check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn hostile_articles_get_a_message_and_exit_2_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::write(path.join("empty.txt"), "  \n").unwrap();
    std::fs::write(
        path.join("binary.txt"),
        (0..3000u32).map(|i| (i % 5) as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(
        path.join("huge.html"),
        "<p>x</p>".repeat(50 * 1024 * 1024 / 8),
    )
    .unwrap();
    std::fs::write(
        path.join("nothing.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    for (file, says) in [
        ("empty.txt", "empty"),
        ("binary.txt", "not text"),
        ("huge.html", "too large"),
        ("nothing.html", "no article"),
        ("missing.txt", "missing.txt"),
    ] {
        let out = storyscope_in(path, &["draft", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{file}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{file}");
    }
    std::fs::write(
        path.join("cjk.txt"),
        "苹果选择阿里巴巴\n苹果公司宣布与阿里巴巴合作。\n",
    )
    .unwrap();
    let out = storyscope_in(path, &["draft", "cjk.txt", "-o", "cjk.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        storyscope_in(path, &["--story", "cjk.json", "check"])
            .status
            .success()
    );
    let flags = storyscope_in(path, &["draft", "cjk.txt", "--date", "a", "--date", "b"]);
    assert_eq!(flags.status.code(), Some(2));
    assert!(
        stderr(&flags).contains("once per article"),
        "{}",
        stderr(&flags)
    );
}
