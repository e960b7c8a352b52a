//! Backspace in Detail comes back to the link that was followed, not to the first one.

use crate::common::{press, screen_text};
use storyscope::tui::app::App;

/// The explorer with Detail on "Apple's choice of Alibaba becomes public", an event
/// with several people and sources to follow.
fn on_event(width: u16, height: u16) -> App {
    let mut app = crate::common::app(width, height);
    press(&mut app, "jjjjjjjjjjj<Enter>");
    assert!(screen_text(&app).contains("Apple's choice of Alibaba becomes public"));
    app
}

#[test]
fn backspace_restores_the_link_that_was_followed() {
    for moves in ["j", "jj"] {
        let mut app = on_event(160, 45);
        let start = app.detail_target();
        press(&mut app, moves);
        let (link, scroll) = (app.detail.link, app.detail.scroll);
        assert_eq!(
            link,
            moves.len(),
            "the cursor moved to link {}",
            moves.len() + 1
        );
        press(&mut app, "<Enter>");
        assert_ne!(app.detail_target(), start, "Enter followed the link");
        assert_eq!(app.detail.link, 0, "a new record starts on its first link");
        press(&mut app, "<BS>");
        assert_eq!(app.detail_target(), start);
        assert_eq!((app.detail.link, app.detail.scroll), (link, scroll));
        // Drawn as well: the screen matches a fresh walk to the same link.
        let mut fresh = on_event(160, 45);
        press(&mut fresh, moves);
        assert_eq!(screen_text(&app), screen_text(&fresh));
    }
}

#[test]
fn backspace_over_two_hops_restores_each_link() {
    let mut app = on_event(160, 45);
    press(&mut app, "j");
    let first = app.detail.link;
    assert_eq!(first, 1);
    press(&mut app, "<Enter>j");
    let middle = app.detail.link;
    assert_eq!(middle, 1);
    press(&mut app, "<Enter><BS>");
    assert_eq!(
        app.detail.link, middle,
        "the middle record's link comes back"
    );
    press(&mut app, "<BS>");
    assert_eq!(app.detail.link, first, "and the first record's");
}

/// `]` goes forward to the record Backspace left with the cursor where it was then,
/// and Backspace after it comes back to the link it left from, as before.
#[test]
fn forward_restores_the_link_as_backspace_does() {
    let mut app = on_event(160, 45);
    press(&mut app, "jj");
    let on_event_link = app.detail.link;
    press(&mut app, "<Enter>");
    let followed = app.detail_target();
    press(&mut app, "j");
    let on_followed = (app.detail.link, app.detail.scroll);
    assert_eq!(on_followed.0, 1, "the cursor moved on the followed record");
    press(&mut app, "<BS>");
    assert_eq!(app.detail.link, on_event_link);
    press(&mut app, "]");
    assert_eq!(app.detail_target(), followed);
    assert_eq!((app.detail.link, app.detail.scroll), on_followed);
    let mut fresh = on_event(160, 45);
    press(&mut fresh, "jj<Enter>j");
    assert_eq!(screen_text(&app), screen_text(&fresh), "drawn the same");
    press(&mut app, "<BS>");
    assert_eq!(app.detail.link, on_event_link, "and back again");
    // A new hop drops what `]` would have retraced, its cursor too.
    press(&mut app, "]<BS>k<Enter>");
    assert!(app.detail.trail.forward_cursors.is_empty());
}
