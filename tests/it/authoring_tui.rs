//! The explorer as an authoring tool, at the state and screen level: a reload keeps
//! the reader's place by id, a broken save keeps the last good story and shows its
//! problems until fixed, and the editor key asks for the right file and record (or
//! says why it cannot). The same in a real terminal is in `pty_authoring.rs`.

use std::sync::atomic::AtomicBool;
use std::sync::mpsc::channel;
use std::time::Duration;

use crate::common::{app_with, fixture, press, screen_text};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use storyscope::story::{RecordRef, Story, load};
use storyscope::tui::app::{App, MessageKind, Pane};
use storyscope::tui::shell::{LoopIo, run_loop};
use storyscope::tui::ui::Theme;
use storyscope::tui::update::Effect;
use storyscope::tui::update::{BrokenFile, Reload, apply_reload};
use storyscope::tui::update::{EditRequest, EditTarget};

fn source_text(name: &str) -> String {
    let path = if name == "story.json" {
        format!("{}/assets/story.json", env!("CARGO_MANIFEST_DIR"))
    } else {
        format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
    };
    std::fs::read_to_string(path).unwrap()
}

fn load(text: &str) -> Story {
    load::load_bytes(text.as_bytes(), "story.json").unwrap_or_else(|err| panic!("{err}"))
}

/// The story edited as an author might: events and sources in another order, one
/// event retitled. Every record keeps its id, none at its old index.
fn reshuffled(text: &str, retitle: &str, new_title: &str) -> String {
    let mut json: Value = serde_json::from_str(text).unwrap();
    for list in ["events", "sources", "metrics", "candidates"] {
        json[list].as_array_mut().unwrap().reverse();
    }
    for event in json["events"].as_array_mut().unwrap() {
        if event["id"] == retitle {
            event["title"] = Value::from(new_title);
        }
    }
    serde_json::to_string_pretty(&json).unwrap()
}

fn selected_id(app: &App, pane: Pane) -> String {
    let record = app.selected_record(pane).expect("a selection");
    app.story.record_id(record).to_owned()
}

fn ids(app: &App, records: &[RecordRef]) -> Vec<String> {
    records
        .iter()
        .map(|&r| app.story.record_id(r).to_owned())
        .collect()
}

/// Puts the reader somewhere particular: rows chosen in every list, a filter, two
/// hops into Detail, focus on Detail.
fn wander(app: &mut App) {
    // The filter first: it narrows every list and starts each at its top.
    press(app, "1jj");
    press(app, "f");
    assert!(app.panes.filter.is_some(), "a filter is set");
    press(app, "2j3jj4j1j");
    press(app, "5<Enter>j<Enter>");
    assert!(
        app.detail.trail.followed.is_some(),
        "Detail followed a link"
    );
    assert!(!app.detail.trail.back.is_empty(), "two hops make a trail");
}

struct Place {
    focus: Pane,
    /// A list the filter leaves empty has no selection.
    selected: Vec<(Pane, Option<String>)>,
    followed: Option<String>,
    trail: Vec<String>,
    filter: Option<String>,
}

fn place(app: &App) -> Place {
    Place {
        focus: app.panes.focus,
        selected: [
            Pane::Timeline,
            Pane::Candidates,
            Pane::Metrics,
            Pane::Sources,
        ]
        .into_iter()
        .map(|pane| {
            let record = app.selected_record(pane);
            (pane, record.map(|r| app.story.record_id(r).to_owned()))
        })
        .collect(),
        followed: app
            .detail
            .trail
            .followed
            .map(|r| app.story.record_id(r).to_owned()),
        trail: ids(app, &app.detail.trail.back),
        filter: app
            .panes
            .filter
            .map(|e| app.story.file.entities[e].id.to_string()),
    }
}

#[track_caller]
fn assert_same_place(app: &App, before: &Place) {
    let now = place(app);
    assert_eq!(now.focus, before.focus, "focus");
    assert_eq!(now.selected, before.selected, "selections");
    assert_eq!(now.followed, before.followed, "Detail");
    assert_eq!(now.trail, before.trail, "trail");
    assert_eq!(now.filter, before.filter, "filter");
}

fn check_reload_keeps_place(name: &str, as_of: Option<&str>) {
    let text = source_text(name);
    let date = as_of.map(|date| storyscope::story::model::DateSpec::parse(date).unwrap());
    let mut app = App::new(load(&text), date, crate::common::fixed_today());
    storyscope::tui::update::update(&mut app, storyscope::tui::input::Action::Resize(160, 45));
    assert_eq!(app.as_of, date);
    wander(&mut app);
    let before = place(&app);
    let event_id = selected_id(&app, Pane::Timeline);
    let edited = reshuffled(&text, &event_id, "A title changed on disk");
    apply_reload(&mut app, Reload::Loaded(Box::new(load(&edited))));
    assert_same_place(&app, &before);
    assert_eq!(app.as_of.map(|d| d.canonical()), as_of.map(str::to_owned));
    assert_eq!(
        app.session
            .message
            .as_ref()
            .map(|(text, kind)| (text.as_str(), *kind)),
        Some((
            "reloaded story.json · your place is kept",
            MessageKind::Info
        ))
    );
    let timeline = app.selected_record(Pane::Timeline).unwrap();
    assert_eq!(app.story.record_title(timeline), "A title changed on disk");
    // The index moved with the reshuffle, the selection followed the id.
    assert!(screen_text(&app).contains("A title changed on disk"));
}

#[test]
fn a_reload_keeps_the_place_on_the_shipped_story() {
    check_reload_keeps_place("story.json", None);
}

#[test]
fn a_reload_keeps_the_place_on_a_story_of_people() {
    check_reload_keeps_place("orchestra.json", None);
}

#[test]
fn a_reload_keeps_the_as_of_date() {
    check_reload_keeps_place("story.json", Some("2025-02-13"));
}

#[test]
fn a_record_removed_on_disk_lets_go_of_its_place_without_panicking() {
    let text = source_text("orchestra.json");
    let mut app = app_with(load(&text), 160, 45);
    press(&mut app, "1G");
    let last = selected_id(&app, Pane::Timeline);
    let mut json: Value = serde_json::from_str(&text).unwrap();
    let events = json["events"].as_array_mut().unwrap();
    events.retain(|e| e["id"] != last.as_str());
    json["disputes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .for_each(|d| {
            d["about"]
                .as_array_mut()
                .unwrap()
                .retain(|id| id != last.as_str())
        });
    // Mid-search too: the hits found in the old story must not point into the new one
    // (removing the first event renumbers every other).
    let mut json: Value = serde_json::from_str(&json.to_string()).unwrap();
    let first = json["events"][0]["id"].as_str().unwrap().to_owned();
    json["events"].as_array_mut().unwrap().remove(0);
    for dispute in json["disputes"].as_array_mut().unwrap() {
        dispute["about"]
            .as_array_mut()
            .unwrap()
            .retain(|id| id != first.as_str());
    }
    let fewer = load(&json.to_string());
    press(&mut app, "/s");
    assert!(!app.overlay.search.hits.is_empty());
    apply_reload(&mut app, Reload::Loaded(Box::new(fewer)));
    assert!(app.cursor(Pane::Timeline).selected < app.panes.timeline_events.len());
    assert!(app.story.lookup(&last).is_none());
    let mut fresh = app_with(load(&json.to_string()), 160, 45);
    press(&mut fresh, "/s");
    let targets = |app: &App| {
        app.overlay
            .search
            .hits
            .iter()
            .map(|h| h.target.record())
            .collect::<Vec<_>>()
    };
    assert_eq!(targets(&app), targets(&fresh), "hits from the new story");
    screen_text(&app);
    press(&mut app, "<Enter>");
    screen_text(&app);
}

#[test]
fn a_broken_save_keeps_the_last_good_story_until_fixed() {
    for name in ["story.json", "orchestra.json"] {
        let text = source_text(name);
        let mut app = app_with(load(&text), 160, 45);
        wander(&mut app);
        let before = place(&app);
        let title = app.story.file.story.title.clone();
        // Half a file, as an editor caught mid-write leaves it.
        let half = &text.as_bytes()[..text.len() / 2];
        let err = load::load_bytes(half, "story.json").unwrap_err();
        apply_reload(
            &mut app,
            Reload::Broken(BrokenFile::from_problems(&err.problems, half)),
        );
        assert_same_place(&app, &before);
        assert_eq!(app.story.file.story.title, title);
        let screen = screen_text(&app);
        assert!(screen.contains("1 problem on disk"), "{name}:\n{screen}");
        assert!(screen.contains("showing the last good version"), "{screen}");
        let line = text[..text.len() / 2].lines().count();
        assert!(
            screen.contains(&format!("line {line} col ")),
            "{name}: the problem's line {line}:\n{screen}"
        );
        // Keys still work on the last good story, and the panel stays.
        press(&mut app, "1j");
        assert!(screen_text(&app).contains("problem on disk"));
        // Fixed: the panel goes, the place is kept.
        let before = place(&app);
        apply_reload(&mut app, Reload::Loaded(Box::new(load(&text))));
        assert!(app.session.broken_file.is_none());
        assert_same_place(&app, &before);
        let screen = screen_text(&app);
        assert!(!screen.contains("problem on disk"), "{screen}");
        assert!(screen.contains("the problems are fixed"), "{screen}");
    }
}

#[test]
fn a_broken_save_lists_the_first_problems_and_counts_the_rest() {
    let text = source_text("orchestra.json").replace(
        "\"entities\": [\"sato\", \"orchestra\"]",
        "\"entities\": [\"satto\", \"orkestra\"]",
    );
    let err = load::load_bytes(text.as_bytes(), "story.json").unwrap_err();
    let broken = BrokenFile::from_problems(&err.problems, text.as_bytes());
    assert!(broken.count >= 2, "{err}");
    let mut app = app_with(load(&source_text("orchestra.json")), 160, 45);
    apply_reload(&mut app, Reload::Broken(broken));
    let screen = screen_text(&app);
    assert!(screen.contains("problems on disk"), "{screen}");
    assert!(screen.contains("unknown entity `satto`"), "{screen}");
    // Each with its line and the id of its record.
    let line = text.lines().position(|l| l.contains("satto")).unwrap() + 1;
    assert!(
        screen.contains(&format!(
            "line {line} · `ev-first-season` · events[4].entities[0]"
        )),
        "{screen}"
    );
}

#[test]
fn the_editor_key_on_the_embedded_story_says_why_it_cannot() {
    let mut app = crate::common::app(160, 45);
    let effects = press(&mut app, "E");
    assert!(effects.is_empty());
    let (message, kind) = app.session.message.clone().unwrap();
    assert_eq!(kind, MessageKind::Error);
    assert!(message.contains("no file to edit"), "{message}");
}

#[test]
fn the_editor_key_asks_for_the_file_at_the_record_in_detail() {
    let mut app = app_with(fixture("orchestra.json"), 160, 45);
    app.session.story_file = Some("stories/orchestra.json".into());
    press(&mut app, "2j");
    let id = selected_id(&app, Pane::Candidates);
    let effects = press(&mut app, "E");
    assert_eq!(
        effects,
        [Effect::Edit(EditRequest {
            file: "stories/orchestra.json".into(),
            target: EditTarget::Record {
                path: Some(format!(
                    "candidates[{}]",
                    app.story
                        .lookup(&id)
                        .map(|r| match r {
                            RecordRef::Candidacy(i) => i,
                            _ => unreachable!(),
                        })
                        .unwrap()
                )),
                id,
            },
        })]
    );
    // While the file is broken it opens at the first problem instead.
    let text = "{\n  \"format\": 1,\n  oops\n}";
    let err = load::load_bytes(text.as_bytes(), "x").unwrap_err();
    apply_reload(
        &mut app,
        Reload::Broken(BrokenFile::from_problems(&err.problems, text.as_bytes())),
    );
    let effects = press(&mut app, "E");
    let [Effect::Edit(request)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(request.target, EditTarget::Line(3));
}

/// The loop itself on a TestBackend: a reload arriving on the channel is shown without
/// a key press, and the editor key runs the editor hook, then redraws in full.
#[test]
fn the_loop_applies_reloads_and_runs_the_editor() {
    let text = source_text("orchestra.json");
    let mut app = app_with(load(&text), 120, 30);
    app.session.story_file = Some("orchestra.json".into());
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let (sender, reloads) = channel();
    let retitled = text.replace("Sato named music director", "Sato appointed");
    sender
        .send(Reload::Loaded(Box::new(load(&retitled))))
        .unwrap();
    let mut asked = Vec::new();
    let mut edit = |request: &EditRequest| {
        asked.push(request.clone());
        Err("could not start the editor `nope`".to_owned())
    };
    let mut script = vec![
        None,
        Some(Event::Key(KeyEvent::new(
            KeyCode::Char('E'),
            KeyModifiers::SHIFT,
        ))),
        None,
        Some(Event::Key(KeyEvent::new(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
        ))),
    ]
    .into_iter();
    let mut screens = Vec::new();
    let mut next = |_: Duration| Ok(script.next().flatten());
    let stop = AtomicBool::new(false);
    run_loop(
        &mut app,
        LoopIo {
            terminal: &mut terminal,
            theme: Theme::no_color(),
            mouse: true,
            next_event: &mut next,
            stop: &stop,
            clipboard: &mut Vec::new(),
            reloads: Some(&reloads),
            reloads_ring: false,
            shown: None,
            edit: &mut edit,
        },
    )
    .unwrap();
    screens.push(format!("{:?}", terminal.backend()));
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].file, std::path::Path::new("orchestra.json"));
    assert!(
        app.story
            .file
            .events
            .iter()
            .any(|e| e.title() == "Sato appointed")
    );
    let last = &screens[0];
    assert!(last.contains("could not start the editor `nope`"), "{last}");
}

/// The watcher itself, on a real file: a save arrives as the new story with the
/// sources' texts read again (a text file named by the save included), with no event
/// loop involved.
#[test]
fn the_watcher_sends_the_saved_story_and_its_texts() {
    use storyscope::tui::shell::StoryWatcher;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("orchestra.json");
    let text = source_text("orchestra.json");
    std::fs::write(&file, &text).unwrap();
    let watcher = StoryWatcher::start(&file).expect("watch the file");
    std::fs::write(
        dir.path().join("herald.txt"),
        "First paragraph.\n\nSecond one.\n",
    )
    .unwrap();
    let with_text = text.replacen(
        "\"id\": \"herald\",",
        "\"id\": \"herald\",\n      \"text\": \"herald.txt\",",
        1,
    );
    assert_ne!(with_text, text);
    std::fs::write(&file, &with_text).unwrap();
    let wait = Duration::from_secs(5);
    // Each change is announced before it is loaded (the status line says "reloading…").
    let Ok(Reload::Reading) = watcher.reloads.recv_timeout(wait) else {
        panic!("no notice of the reload");
    };
    let Ok(Reload::Ready(ready)) = watcher.reloads.recv_timeout(wait) else {
        panic!("no reload");
    };
    let story = ready.whole_story();
    assert_eq!(story.file.sources[0].text.as_deref(), Some("herald.txt"));
    assert_eq!(ready.texts().paragraph("herald", 2), Some("Second one."));
    // A broken save arrives as its problems.
    std::fs::write(&file, &with_text[..with_text.len() / 3]).unwrap();
    let Ok(Reload::Reading) = watcher.reloads.recv_timeout(wait) else {
        panic!("no notice of the second reload");
    };
    let Ok(Reload::Broken(broken)) = watcher.reloads.recv_timeout(wait) else {
        panic!("no problems");
    };
    assert_eq!(broken.count, 1);
}
