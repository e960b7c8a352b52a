//! The help overlay scrolls only as far as it has lines: after holding j past the end,
//! the first k scrolls back at once.

mod common;

use common::{app, press, screen};
use storyscope::tui::layout::{help_layout, screen as screen_area};

fn shown(app: &storyscope::tui::app::App) -> String {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|cell| cell.symbol()).collect()
}

#[test]
fn k_scrolls_back_at_once_after_j_past_the_end() {
    let mut app = app(80, 20);
    press(&mut app, "?");
    let max = help_layout(screen_area(&app)).max_scroll;
    assert!(max > 0, "at 80×20 the help does not fit");
    for _ in 0..max + 50 {
        press(&mut app, "j");
    }
    assert_eq!(app.help_scroll, max);
    let at_end = shown(&app);
    press(&mut app, "k");
    assert_eq!(app.help_scroll, max - 1);
    assert_ne!(shown(&app), at_end, "the first k moves the text");
}

#[test]
fn help_that_fits_does_not_scroll() {
    let mut app = app(160, 45);
    press(&mut app, "?");
    assert_eq!(help_layout(screen_area(&app)).max_scroll, 0);
    press(&mut app, "jjj");
    assert_eq!(app.help_scroll, 0);
}

#[test]
fn a_bigger_terminal_keeps_the_scroll_within_the_help() {
    use storyscope::tui::action::Action;
    use storyscope::tui::update::update;
    let mut app = app(80, 20);
    press(&mut app, "?");
    for _ in 0..100 {
        press(&mut app, "j");
    }
    update(&mut app, Action::Resize(80, 30));
    let max = help_layout(screen_area(&app)).max_scroll;
    assert_eq!(app.help_scroll, max);
}
