//! A reload made ready on the watcher's thread (narrowed to the date shown, rows for
//! the filter shown, new-since, doubts) leaves the explorer exactly as a reload the UI
//! thread prepares; one made ready for a view the reader has left during the load (a
//! filter or date changed meanwhile) is prepared again for the view now shown. The
//! search index the loading thread builds after the story is taken only with a story
//! that fits.

use std::sync::Arc;

use crate::common::{app, screen_text};
use storyscope::story::query::build_index;
use storyscope::story::{SourceTexts, Story, load};
use storyscope::tui::app::App;
use storyscope::tui::app::prepared::PreparedStory;
use storyscope::tui::input::Action;
use storyscope::tui::update::{Reload, all_freed, apply_reload, update};

/// The shipped story with a new title, one event fewer and The Information's report
/// dated to a day (so what is new at the last date changes too).
fn edited_story() -> Story {
    let path = format!("{}/assets/story.json", env!("CARGO_MANIFEST_DIR"));
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["story"]["title"] = serde_json::Value::from("Saved again");
    json["events"].as_array_mut().unwrap().remove(0);
    for source in json["sources"].as_array_mut().unwrap() {
        if source["outlet"] == "The Information" {
            source["published"] = serde_json::Value::from("2025-02-20");
        }
    }
    load::load_bytes(json.to_string().as_bytes(), "story.json").unwrap()
}

/// An explorer showing the story as of its last publication date, filtered to the
/// entity in focus: the rows, the narrowing and new-since all depend on the view.
fn narrowed_and_filtered() -> App {
    let mut app = app(140, 40);
    app.step_as_of(false);
    update(&mut app, Action::ToggleFilter);
    assert!(app.as_of.is_some() && app.panes.filter.is_some());
    assert!(app.new_since.is_some());
    app
}

/// What a reload could get wrong, side by side.
fn state(app: &App) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?} {:?}\n{:?}\n{:?}\n{}",
        app.panes.timeline_events,
        app.panes.candidate_rows,
        app.panes.metric_rows,
        app.panes.source_rows,
        app.as_of,
        app.panes.filter,
        app.new_since,
        app.detail.doubts,
        screen_text(app)
    )
}

fn no_texts() -> Arc<SourceTexts> {
    Arc::new(SourceTexts::default())
}

#[test]
fn a_reload_made_ready_for_the_view_shown_shows_what_the_ui_thread_would() {
    let mut ready = narrowed_and_filtered();
    let mut plain = narrowed_and_filtered();
    let prepared = PreparedStory::prepare(edited_story(), no_texts(), Some(ready.view_wanted()));
    apply_reload(&mut ready, Reload::Ready(Box::new(prepared)));
    apply_reload(&mut plain, Reload::Loaded(Box::new(edited_story())));
    assert_eq!(&*ready.story.file.story.title, "Saved again");
    assert_eq!(state(&ready), state(&plain));
}

#[test]
fn a_reload_made_ready_for_a_view_left_during_the_load_is_prepared_again() {
    let mut ready = app(140, 40);
    // The load began on the whole story, unfiltered ...
    let view = ready.view_wanted();
    // ... and the reader stepped back a date and filtered before it was in.
    ready.step_as_of(false);
    update(&mut ready, Action::ToggleFilter);
    let mut plain = narrowed_and_filtered();
    let prepared = PreparedStory::prepare(edited_story(), no_texts(), Some(view));
    apply_reload(&mut ready, Reload::Ready(Box::new(prepared)));
    apply_reload(&mut plain, Reload::Loaded(Box::new(edited_story())));
    assert_eq!(state(&ready), state(&plain));
}

#[test]
fn a_story_loaded_before_the_explorer_told_its_view_is_prepared_on_the_ui_thread() {
    let mut ready = narrowed_and_filtered();
    let mut plain = narrowed_and_filtered();
    let prepared = PreparedStory::prepare(edited_story(), no_texts(), None);
    apply_reload(&mut ready, Reload::Ready(Box::new(prepared)));
    apply_reload(&mut plain, Reload::Loaded(Box::new(edited_story())));
    assert_eq!(state(&ready), state(&plain));
}

#[test]
fn the_search_index_built_with_the_story_is_taken_with_it() {
    let mut app = narrowed_and_filtered();
    let mut prepared = PreparedStory::prepare(edited_story(), no_texts(), Some(app.view_wanted()));
    let (story, index) = prepared.build_index_later().expect("a view to build for");
    apply_reload(&mut app, Reload::Ready(Box::new(prepared)));
    assert!(app.index_pending(), "waiting for the loader's index");
    index
        .send(build_index(&story))
        .expect("the explorer waits for it");
    assert!(app.collect_index());
    let names = app.overlay.index.as_ref().map(|index| index.len());
    assert_eq!(names, Some(build_index(&app.story).len()));
}

#[test]
fn the_search_index_built_for_a_view_left_is_not_taken() {
    let mut app = app(140, 40);
    let view = app.view_wanted();
    app.step_as_of(false);
    let mut prepared = PreparedStory::prepare(edited_story(), no_texts(), Some(view));
    let (story, index) = prepared.build_index_later().expect("a view to build for");
    apply_reload(&mut app, Reload::Ready(Box::new(prepared)));
    assert!(
        !app.index_pending(),
        "the whole story's index would be wrong"
    );
    // What the swap replaced is freed on another thread: wait for it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !all_freed() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(index.send(build_index(&story)).is_err(), "dropped unused");
}
