//! The explorer at 80×24, 120×30 and 160×45 on the shipped story and on the board
//! story (two reports of one outlet, a long title, people with long names): what
//! must stay on screen at every size, and text that must not be cut while its row
//! has room.

use crate::common::{app_with, embedded_story, fixture, press, screen_text};
use storyscope::story::Story;
use storyscope::tui::app::App;

/// The sizes the explorer is tried at: narrow (one pane and a tab bar), the smallest
/// wide one, and a roomy one.
pub const SIZES: [(u16, u16); 3] = [(80, 24), (120, 30), (160, 45)];

/// Each story the screens are tried on, by name.
pub fn stories() -> Vec<(&'static str, Story)> {
    vec![
        ("shipped", embedded_story()),
        ("board", fixture("board_rehire.json")),
    ]
}

/// Every story at every size.
pub fn every_screen() -> Vec<(String, App)> {
    let mut apps = Vec::new();
    for (name, story) in stories() {
        for (width, height) in SIZES {
            let app = app_with(story.clone(), width, height);
            apps.push((format!("{name} at {width}×{height}"), app));
        }
    }
    apps
}

/// The title bar names the date shown and how much is new since the previous date at
/// every size: a long story title is what gives way.
#[test]
fn the_as_of_date_and_the_new_count_are_always_in_the_title_bar() {
    for (what, mut app) in every_screen() {
        // The latest date, then the one before: each step has a previous date.
        for keys in ["<lt>", "<lt>"] {
            press(&mut app, keys);
            let date = app.as_of.expect("a step sets a date").human();
            let new = app.new_since.as_ref().expect("a step counts what is new");
            let count = new.diff.len();
            let screen = screen_text(&app);
            let title = screen.lines().next().unwrap();
            assert!(
                title.contains(&format!("as of {date}")),
                "{what}: the as-of date is cut:\n{title}"
            );
            if new.since.is_some() {
                let after = title
                    .split("new since previous date")
                    .nth(1)
                    .unwrap_or_else(|| panic!("{what}: no new-since count:\n{title}"));
                assert!(
                    after.contains(&format!(": {count}")),
                    "{what}: the count ({count}) is cut:\n{title}"
                );
            }
            assert!(title.starts_with(" storyscope"), "{what}:\n{title}");
        }
    }
}
