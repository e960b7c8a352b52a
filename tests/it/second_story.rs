//! A story of another shape than the shipped one (`tests/fixtures/boardroom.json`: a
//! board fires and rehires its chief executive; people, a board, open kinds, date
//! ranges): it loads, and its own kinds show humanised in the explorer, in search, in
//! lint and in every export.

use std::path::Path;
use std::process::Command;

use crate::common::{app_with, fixture, press, screen, screen_text};
use storyscope::story::lint::lint;
use storyscope::story::model::days_from_civil;
use storyscope::story::model::{KnownRelation, RelationKind};
use storyscope::story::query::build_index;

const FIXTURE: &str = "boardroom.json";

fn fixture_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(FIXTURE)
}

fn storyscope(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn it_loads_with_kinds_the_program_does_not_know() {
    let story = fixture(FIXTURE);
    let kinds: Vec<&str> = story
        .file
        .relations
        .iter()
        .map(|r| r.kind.label())
        .collect();
    assert_eq!(
        kinds,
        ["member of", "member of", "works for", "runs", "invests in"]
    );
    assert_eq!(
        story.file.relations[3].kind,
        RelationKind::Known(KnownRelation::Runs)
    );
    let blog = &story.file.sources[3];
    assert_eq!((blog.kind.key(), blog.kind.label()), ("blog", "blog"));
    assert_eq!(story.file.metrics[1].basis.label(), "close to close");
    let stages: Vec<&str> = story.file.candidates[0]
        .stages
        .iter()
        .map(|s| s.stage.label())
        .collect();
    assert_eq!(stages, ["removed", "reinstated"]);
    // The range sorts by its first day and shows both.
    let letter = &story.file.events[2];
    assert_eq!(letter.date.human(), "19–20 Nov 2023");
    assert_eq!(letter.date.earliest(), days_from_civil(2023, 11, 19));
    assert_eq!(letter.date.latest(), days_from_civil(2023, 11, 20));
}

#[test]
fn none_of_its_kinds_is_taken_for_a_typo() {
    let story = fixture(FIXTURE);
    let findings = lint(&story, days_from_civil(2026, 1, 1));
    let near: Vec<_> = findings
        .iter()
        .filter(|f| f.check == "near-miss-kind")
        .collect();
    assert!(near.is_empty(), "{near:?}");
}

#[test]
fn a_kind_one_edit_from_a_known_one_gets_a_lint_note() {
    let text = std::fs::read_to_string(fixture_path())
        .unwrap()
        .replace("\"kind\": \"runs\"", "\"kind\": \"run\"")
        .replace("\"basis\": \"share\"", "\"basis\": \"shares\"")
        .replace("\"stage\": \"stood_down\"", "\"stage\": \"selectd\"");
    let story = storyscope::story::load::load_bytes(text.as_bytes(), "typo").unwrap();
    let findings = lint(&story, days_from_civil(2026, 1, 1));
    let near: Vec<(String, String)> = findings
        .iter()
        .filter(|f| f.check == "near-miss-kind")
        .map(|f| (f.location.clone(), f.message.clone()))
        .collect();
    assert_eq!(
        near,
        [
            (
                "relations[3].kind".to_owned(),
                "relation kind `run` is not one storyscope knows, but `runs` is: a typo? (any other kind is fine and shown as written)".to_owned()
            ),
            (
                "candidates[2].stages[1].stage".to_owned(),
                "stage `selectd` is not one storyscope knows, but `selected` is: a typo? (any other kind is fine and shown as written)".to_owned()
            ),
            (
                "metrics[0].basis".to_owned(),
                "basis `shares` is not one storyscope knows, but `share` is: a typo? (any other kind is fine and shown as written)".to_owned()
            ),
        ]
    );
}

#[test]
fn search_finds_a_relation_by_its_own_kind() {
    let story = fixture(FIXTURE);
    let index = build_index(&story);
    let hits = index.search("member of", 5);
    let titles: Vec<String> = hits
        .iter()
        .map(|hit| story.record_title(hit.target.record()))
        .collect();
    assert!(
        titles.contains(&"Ines Albers member of Lumen board".to_owned()),
        "{titles:?}"
    );
}

#[test]
fn the_explorer_shows_it() {
    let mut app = app_with(fixture(FIXTURE), 160, 45);
    let text = screen_text(&app);
    assert!(text.contains("19–20 Nov 2023"), "{text}");
    assert!(text.contains("reinstated"), "{text}");
    insta::assert_snapshot!("boardroom_main", screen(&app).backend());

    // The board's Detail lists its members as sentences: "member of" has no inverse.
    press(&mut app, "/Lumen board<Enter>");
    let text = screen_text(&app);
    assert!(text.contains("Ines Albers member of Lumen board"), "{text}");
    insta::assert_snapshot!("boardroom_board_detail", screen(&app).backend());

    // A person's Detail reads the same link forwards.
    press(&mut app, "/Ines Albers<Enter>");
    assert!(screen_text(&app).contains("member of Lumen board"));

    // The blog source shows its kind.
    press(&mut app, "/Notes from the Floor<Enter>");
    assert!(
        screen_text(&app).contains("Kind: blog"),
        "{}",
        screen_text(&app)
    );

    // The share move shows its basis humanised.
    press(&mut app, "/share price after<Enter>");
    assert!(screen_text(&app).contains("close to close"));
}

#[test]
fn every_export_shows_the_kinds_humanised() {
    // A path relative to the package root (where cargo runs tests), so the snapshot's
    // "story:" line is the same in every checkout.
    let path = format!("tests/fixtures/{FIXTURE}");
    let (report, stderr, code) = storyscope(&["--story", &path, "export", "report"]);
    assert_eq!(code, 0, "{stderr}");
    for shown in [
        "member of",
        "works for",
        "invests in",
        "reinstated",
        "declined",
        "stood down",
        "close to close",
        "| blog |",
        "exchange notice",
        "19–20 Nov 2023",
        "21–22 Nov 2023",
    ] {
        assert!(report.contains(shown), "report lacks {shown:?}");
    }
    for raw in [
        "member_of",
        "close_to_close",
        "stood_down",
        "exchange_notice",
    ] {
        assert!(!report.contains(raw), "report shows the raw kind {raw:?}");
    }
    insta::assert_snapshot!("boardroom_report", report);
}

#[test]
fn as_of_takes_the_dates_the_explorer_shows() {
    let path = fixture_path();
    let path = path.to_str().unwrap();
    // Only the wire report was out on 18 Nov; the return on the 21st–22nd is not known.
    let (timeline, stderr, code) = storyscope(&[
        "--story",
        path,
        "--as-of",
        "18 Nov 2023",
        "export",
        "timeline",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(timeline.contains("The board removes Okafor"), "{timeline}");
    assert!(!timeline.contains("reinstated"), "{timeline}");
    let (iso, _, _) = storyscope(&[
        "--story",
        path,
        "--as-of",
        "2023-11-18",
        "export",
        "timeline",
    ]);
    assert_eq!(timeline, iso);
    for form in [
        "Nov 2023",
        "Q4 2023",
        "FY2024",
        "FY2024 Q1",
        "21–22 Nov 2023",
        "c. Nov 2023",
    ] {
        let (_, stderr, code) = storyscope(&["--story", path, "--as-of", form, "check"]);
        assert_eq!(code, 0, "--as-of {form:?}: {stderr}");
    }
    let (_, stderr, code) = storyscope(&["--story", path, "--as-of", "next Tuesday", "check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("18 Nov 2023, Nov 2023"), "{stderr}");
}
