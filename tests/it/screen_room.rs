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

/// The status bar's last row.
fn status_row(app: &App) -> String {
    screen_text(app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

/// Sources lists no figures and its rows name no entity: its status bar offers
/// neither the chart nor the entity filter, which would do nothing there. Where they
/// act (a metric selected), they are still offered.
#[test]
fn the_sources_pane_offers_only_keys_that_act_there() {
    for (what, mut app) in every_screen() {
        press(&mut app, "4");
        let status = status_row(&app);
        assert!(status.contains("Sources"), "{what}: {status}");
        for dead in ["f filter", "c chart"] {
            assert!(
                !status.contains(dead),
                "{what}: Sources offers {dead}:\n{status}"
            );
        }
        press(&mut app, "3");
        let status = status_row(&app);
        if app.session.size.0 >= 160 {
            for live in ["f filter", "c chart"] {
                assert!(
                    status.contains(live),
                    "{what}: Metrics lacks {live}:\n{status}"
                );
            }
        }
    }
}

/// `z` gives the focused pane every row between the title and status bars, and the
/// whole width, at every size; `z` again brings back the screen as it was. Help lists
/// the key.
#[test]
fn zoom_shows_the_focused_pane_on_the_whole_screen_and_back() {
    for (what, mut app) in every_screen() {
        press(&mut app, "2");
        let before = screen_text(&app);
        press(&mut app, "z");
        let zoomed = screen_text(&app);
        let rows: Vec<&str> = zoomed.lines().collect();
        let (width, height) = (app.session.size.0 as usize, rows.len());
        let title = app.pane_title(storyscope::tui::app::Pane::Candidates);
        assert!(rows[1].contains(&title), "{what}: not on row 1:\n{zoomed}");
        assert!(
            rows[1].starts_with('┏') && rows[1].ends_with('┓'),
            "{what}: the pane does not span the width:\n{zoomed}"
        );
        assert!(rows[height - 2].starts_with('┗'), "{what}:\n{zoomed}");
        assert_eq!(rows[1].chars().count(), width, "{what}");
        for other in ["Sources ·", "Timeline ·", " 1 Timeline"] {
            assert!(
                !zoomed.contains(other),
                "{what}: {other} still shown:\n{zoomed}"
            );
        }
        press(&mut app, "z");
        assert_eq!(
            screen_text(&app),
            before,
            "{what}: z twice changed the screen"
        );
    }
    let mut app = app_with(embedded_story(), 160, 45);
    press(&mut app, "?zoom");
    let help = screen_text(&app);
    assert!(
        help.contains("whole screen"),
        "help does not list zoom:\n{help}"
    );
}
