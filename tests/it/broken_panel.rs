//! The broken-file panel at the small sizes: each problem's line, id, message and hint
//! said once, and wrapped to the panel's width rather than cut.

use crate::common::{app_with, screen_text};
use storyscope::story::load;
use storyscope::tui::update::{BrokenFile, Reload, apply_reload};

fn fixture_text() -> String {
    let path = format!(
        "{}/tests/fixtures/orchestra.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

/// The screen after the story file, opened whole, is saved with two unknown ids.
fn broken_screen(width: u16, height: u16) -> (String, String, usize) {
    let good = fixture_text();
    let text = good.replace(
        "\"entities\": [\"sato\", \"orchestra\"]",
        "\"entities\": [\"satto\", \"orkestra\"]",
    );
    let err = load::load_bytes(text.as_bytes(), "story.json").unwrap_err();
    let story = load::load_bytes(good.as_bytes(), "story.json").unwrap();
    let mut app = app_with(story, width, height);
    apply_reload(
        &mut app,
        Reload::Broken(BrokenFile::from_problems(&err.problems, text.as_bytes())),
    );
    let line = text.lines().position(|l| l.contains("satto")).unwrap() + 1;
    (screen_text(&app), err.problems[0].to_string(), line)
}

/// The panel's rows, without borders, joined back into one text.
fn panel_text(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .rposition(|r| r.contains("problems on disk"))
        .expect(screen);
    rows[top + 1..rows.len() - 2]
        .iter()
        .map(|r| r.trim_matches(|c: char| c == '│' || c == '┃' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn each_problem_is_wrapped_and_says_line_id_message_and_hint_once() {
    for (width, height) in [(80, 24), (120, 30)] {
        let (screen, first, line) = broken_screen(width, height);
        let panel = panel_text(&screen);
        assert!(
            !panel.contains('…'),
            "nothing cut at {width}x{height}:\n{screen}"
        );
        // The hint ("did you mean …") is read to its end.
        let hint = first
            .rsplit_once(" (")
            .map(|(_, h)| h.trim_end_matches(')'))
            .unwrap();
        let words: Vec<&str> = hint.split_whitespace().collect();
        let flat: Vec<&str> = panel.split_whitespace().collect();
        assert!(
            flat.windows(words.len()).any(|w| w == words),
            "hint {hint:?} whole:\n{screen}"
        );
        assert_eq!(
            panel.matches(&format!("line {line}")).count(),
            2,
            "line once per problem:\n{screen}"
        );
        assert_eq!(
            panel.matches("ev-first-season").count(),
            2,
            "id once per problem:\n{screen}"
        );
        assert!(
            !panel.contains(" col "),
            "the column is the line's business:\n{screen}"
        );
    }
}
