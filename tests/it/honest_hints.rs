//! The explorer offers only what is true and works where the reader is: the chart key
//! only on the cited metrics, an empty list saying why it is empty (never a date when
//! none is shown), and the broken-file panel's title whole at 80 columns.

use crate::common::{app_with, fixture, press, screen_text};
use crate::screen_room::every_screen;
use serde_json::Value;
use storyscope::story::{Story, load};
use storyscope::tui::update::{BrokenFile, Reload, apply_reload};

/// `c chart` is offered on the cited metrics (when the status bar has room) and on no
/// other pane, where `c` draws nothing.
#[test]
fn the_chart_key_is_offered_only_on_the_cited_metrics() {
    for (what, mut app) in every_screen() {
        for pane in ["1", "2", "4", "1<Enter>"] {
            press(&mut app, &format!("<Esc>{pane}"));
            let status = screen_text(&app).lines().last().unwrap().to_owned();
            assert!(
                !status.contains("c chart"),
                "{what} after {pane}:\n{status}"
            );
        }
        press(&mut app, "3");
        let status = screen_text(&app).lines().last().unwrap().to_owned();
        if app.session.size.0 >= 160 {
            assert!(status.contains("c chart"), "{what}:\n{status}");
        }
    }
}

/// The wire story without its candidacies.
fn without_candidates() -> Story {
    let path = format!(
        "{}/tests/fixtures/wire_reports.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["candidates"] = Value::Array(Vec::new());
    let text = serde_json::to_string(&json).unwrap();
    load::load_bytes(text.as_bytes(), "no_candidates.json").unwrap_or_else(|e| panic!("{e}"))
}

/// An empty Candidates pane says the story has none, not "as of this date" with no
/// date shown; under a date it names the date; under the filter, the filter.
#[test]
fn an_empty_list_says_why_it_is_empty() {
    for (width, height) in [(80, 24), (120, 30), (160, 45)] {
        let mut app = app_with(without_candidates(), width, height);
        // Zoomed, so the message is on one row at every size.
        press(&mut app, "2z");
        let screen = screen_text(&app);
        assert!(screen.contains("no candidates in this story"), "{screen}");
        assert!(!screen.contains("as of this date"), "{screen}");
        press(&mut app, "<lt>");
        let date = app.as_of.unwrap().human();
        let screen = screen_text(&app);
        assert!(
            screen.contains(&format!("no candidates known as of {date}")),
            "{screen}"
        );
    }
    let mut app = app_with(fixture("wire_reports.json"), 160, 45);
    // Filtered to the rival, whom no candidacy names.
    press(&mut app, "/corrigan photonics<Enter>f2");
    let screen = screen_text(&app);
    assert!(
        screen.contains("no candidates for this entity (f clears"),
        "{screen}"
    );
}

/// The broken-file panel's title is whole at 80 columns, even for a long path: the
/// path gives way to the file's name, then words, never the count.
#[test]
fn the_broken_file_title_is_whole_at_80_columns() {
    let good = std::fs::read_to_string(format!(
        "{}/tests/fixtures/orchestra.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let text = good.replace("\"sato\", \"orchestra\"]", "\"satto\", \"orkestra\"]");
    let err = load::load_bytes(text.as_bytes(), "story.json").unwrap_err();
    for (width, path) in [
        (
            80,
            "/home/someone/stories/a-rather-long-folder-name/orchestra.json",
        ),
        (120, "orchestra.json"),
        (160, "/home/someone/stories/orchestra.json"),
    ] {
        let mut app = app_with(
            load::load_bytes(good.as_bytes(), "story.json").unwrap(),
            width,
            24,
        );
        app.session.story_file = Some(path.into());
        let broken = BrokenFile::from_problems(&err.problems, text.as_bytes());
        apply_reload(&mut app, Reload::Broken(broken));
        let screen = screen_text(&app);
        let title = screen
            .lines()
            .find(|row| row.contains("on disk"))
            .unwrap_or_else(|| panic!("no panel title:\n{screen}"));
        assert!(!title.contains('…'), "{width}: cut:\n{title}");
        assert!(title.contains("2 problems on disk"), "{width}:\n{title}");
        assert!(title.contains("E opens it there"), "{width}:\n{title}");
        if width >= 120 {
            assert!(
                title.contains("showing the last good version"),
                "{width}:\n{title}"
            );
        }
        assert!(title.contains("orchestra.json"), "{width}:\n{title}");
    }
}
