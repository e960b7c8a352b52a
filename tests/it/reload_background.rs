//! Reload on save without a pause: while the changed file loads (on the watcher's
//! thread) the old story stays on screen and the status line says "reloading…"; the
//! new story then swaps in; a broken save keeps the old one. What the swap replaces
//! (the old story, a search index build still running for it) is freed elsewhere and
//! is not kept alive.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::{app, screen_text};
use storyscope::story::load;
use storyscope::tui::update::{BrokenFile, Reload, all_freed, apply_reload};

fn status(app: &storyscope::tui::app::App) -> Option<&str> {
    app.session.message.as_ref().map(|(text, _)| text.as_str())
}

fn renamed_story(title: &str) -> storyscope::story::Story {
    let path = format!("{}/assets/story.json", env!("CARGO_MANIFEST_DIR"));
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["story"]["title"] = serde_json::Value::from(title);
    load::load_bytes(json.to_string().as_bytes(), "story.json").unwrap()
}

#[test]
fn the_old_story_stays_with_reloading_until_the_new_one_swaps_in() {
    let mut app = app(120, 30);
    let old_title = app.story.file.story.title.clone();
    apply_reload(&mut app, Reload::Reading);
    assert_eq!(status(&app), Some("reloading…"));
    let screen = screen_text(&app);
    assert!(screen.contains(&old_title), "the old story stays: {screen}");
    assert!(screen.contains("reloading…"), "{screen}");
    apply_reload(
        &mut app,
        Reload::Loaded(Box::new(renamed_story("A new title"))),
    );
    assert_eq!(
        status(&app),
        Some("reloaded story.json · your place is kept")
    );
    assert!(screen_text(&app).contains("A new title"));
}

#[test]
fn a_broken_save_after_reloading_keeps_the_old_story_and_clears_reloading() {
    let mut app = app(120, 30);
    apply_reload(&mut app, Reload::Reading);
    apply_reload(&mut app, Reload::Broken(BrokenFile::missing()));
    assert_eq!(status(&app), None, "no reload is under way any more");
    let screen = screen_text(&app);
    assert!(screen.contains("showing the last good version"), "{screen}");
    assert!(!screen.contains("reloading…"), "{screen}");
}

#[test]
fn reloading_does_not_hide_an_error_already_said() {
    let mut app = app(120, 30);
    app.error("export failed");
    apply_reload(&mut app, Reload::Reading);
    assert_eq!(status(&app), Some("export failed"));
}

#[test]
fn the_old_story_and_a_stale_index_build_are_let_go() {
    let mut app = app(120, 30);
    // A search index build for the old story is under way when the new one arrives.
    app.start_index_build();
    let old = Arc::downgrade(&app.full.file);
    let old_index = app
        .overlay
        .index
        .clone()
        .map(|index| Arc::downgrade(&index));
    apply_reload(&mut app, Reload::Loaded(Box::new(renamed_story("Newer"))));
    assert!(
        app.overlay.index_build.is_none(),
        "the stale build is not waited for"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while (old.upgrade().is_some() || !all_freed()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(old.upgrade().is_none(), "the old story was freed");
    assert!(old_index.is_none_or(|index| index.upgrade().is_none()));
    // The new story gets its own index.
    app.start_index_build();
    assert!(app.overlay.index_build.is_some());
}

#[test]
fn the_next_save_says_reloading_over_the_last_ones_note() {
    let mut app = app(120, 30);
    apply_reload(&mut app, Reload::Loaded(Box::new(renamed_story("Once"))));
    assert_eq!(
        status(&app),
        Some("reloaded story.json · your place is kept")
    );
    apply_reload(&mut app, Reload::Reading);
    assert_eq!(status(&app), Some("reloading…"));
}
