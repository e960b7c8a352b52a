//! The explorer builds the search index on another thread after its first frame: keys
//! typed meanwhile show at once, the search box says "indexing…", and the search runs
//! when the index arrives.

use std::time::{Duration, Instant};

use crate::common::{app, press, screen_text};
use storyscope::story::query::build_index;
use storyscope::tui::update::{poll_search, search_pending};

#[test]
fn keys_typed_while_the_index_builds_show_at_once_and_search_when_it_arrives() {
    let mut app = app(160, 45);
    // A build under way, finished by hand below.
    let (sender, receiver) = std::sync::mpsc::channel();
    app.overlay.index_build = Some(receiver);
    press(&mut app, "/qwen");
    assert_eq!(app.overlay.search.query, "qwen", "the keys show at once");
    assert!(
        app.overlay.index.is_none(),
        "a key never builds the index while the build runs"
    );
    assert!(app.overlay.search.hits.is_empty());
    assert!(screen_text(&app).contains("indexing…"));
    assert!(search_pending(&app), "the loop wakes often to pick it up");
    sender
        .send(build_index(&app.story))
        .expect("the app listens");
    assert!(poll_search(&mut app), "the arrival redraws");
    let first = app
        .overlay
        .search
        .hits
        .first()
        .expect("searched on arrival");
    assert_eq!(
        app.story.record_title(first.target.record()),
        "Qwen 2.5-Max"
    );
    assert!(!screen_text(&app).contains("indexing…"));
    assert!(!search_pending(&app));
}

#[test]
fn a_build_started_by_the_explorer_arrives() {
    let mut app = app(160, 45);
    app.start_index_build();
    assert!(app.index_pending());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app.collect_index() {
        assert!(Instant::now() < deadline, "the index never arrived");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(app.overlay.index.is_some());
    press(&mut app, "/tencnet");
    let first = app.overlay.search.hits.first().expect("a hit");
    assert_eq!(app.story.record_id(first.target.record()), "tencent");
}
