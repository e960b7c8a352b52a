//! The loading screen, the explorer's first frame while its story loads: the title and
//! a progress bar at 80×24, the quit key ending the wait at once, the story taken when
//! it arrives, and a file that does not load shown as the broken-file panel.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::channel;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use storyscope::story::load::{Progress, load_path_with_progress};
use storyscope::tui::app::{LoadFailure, Loading};
use storyscope::tui::input::Keymap;
use storyscope::tui::shell::{LoadingIo, Waited, wait_for_story};
use storyscope::tui::ui::{Theme, draw_loading};
use storyscope::tui::update::BrokenFile;

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

fn drawn(loading: &Loading) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| draw_loading(frame, loading, Theme::no_color()))
        .unwrap();
    text_of(&terminal)
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn the_first_frame_shows_the_title_and_the_bar_at_80x24() {
    let loading = Loading::new(
        "stories/deal.json".to_owned(),
        Some("Apple picks \u{1b}[31mAlibaba".to_owned()),
        Arc::new(Progress::new()),
    );
    let screen = drawn(&loading);
    let first_row = screen.lines().next().unwrap();
    assert!(
        first_row.starts_with(" storyscope · Apple picks [31mAlibaba"),
        "{screen}"
    );
    assert!(
        !screen.contains('\u{1b}'),
        "story text never reaches the terminal raw"
    );
    assert!(screen.contains("Opening stories/deal.json"), "{screen}");
    assert!(
        screen.contains("0%") && screen.contains("░░░░"),
        "the bar: {screen}"
    );
    assert!(screen.contains("reading 0.0 MB of 0.0 MB"), "{screen}");
    assert!(screen.contains("q quits"), "{screen}");
}

#[test]
fn without_a_title_the_file_is_named_and_the_bar_follows_the_load() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let progress = Arc::new(Progress::new());
    let story = load_path_with_progress(&path, &progress).unwrap();
    let loading = Loading::new("small.json".to_owned(), None, progress);
    let screen = drawn(&loading);
    assert!(screen.starts_with(" storyscope · small.json"), "{screen}");
    let records = story.file.sources.len() + story.file.entities.len() + story.file.events.len();
    assert!(records > 0);
    assert!(
        screen.contains("100%") && screen.contains("████"),
        "{screen}"
    );
    assert!(screen.contains("checking and indexing"), "{screen}");
}

/// Runs the wait with these events queued, then nothing.
fn wait_with<T>(
    loading: &mut Loading,
    outcome: &std::sync::mpsc::Receiver<Result<T, LoadFailure>>,
    events: Vec<Event>,
) -> (Waited<T>, String, usize) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut queue: VecDeque<Event> = events.into();
    let mut polls = 0;
    let mut next = |_: Duration| {
        polls += 1;
        assert!(polls < 1000, "the wait never ended");
        Ok(queue.pop_front())
    };
    let stop = AtomicBool::new(false);
    let keymap = Keymap::default();
    let waited = wait_for_story(
        loading,
        outcome,
        LoadingIo {
            terminal: &mut terminal,
            theme: Theme::no_color(),
            keymap: &keymap,
            next_event: &mut next,
            stop: &stop,
            file_changed: &mut || false,
        },
    )
    .unwrap();
    (waited, text_of(&terminal), polls)
}

fn loading() -> Loading {
    Loading::new(
        "deal.json".to_owned(),
        Some("Deal".to_owned()),
        Arc::new(Progress::new()),
    )
}

#[test]
fn q_quits_during_the_load_without_waiting_for_it() {
    // The sender stays alive and never sends: a load that has not finished.
    let (_sender, receiver) = channel::<Result<u8, LoadFailure>>();
    let mut loading = loading();
    let (waited, screen, polls) = wait_with(&mut loading, &receiver, vec![key('x'), key('q')]);
    assert!(matches!(waited, Waited::Quit(None)));
    assert!(screen.contains("Deal"), "drawn before the key: {screen}");
    assert_eq!(
        polls, 2,
        "the key behind another is seen before the next frame"
    );
}

#[test]
fn ctrl_c_quits_too() {
    let (_sender, receiver) = channel::<Result<u8, LoadFailure>>();
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let (waited, _, _) = wait_with(&mut loading(), &receiver, vec![ctrl_c]);
    assert!(matches!(waited, Waited::Quit(None)));
}

#[test]
fn the_story_is_taken_when_it_arrives() {
    let (sender, receiver) = channel::<Result<u8, LoadFailure>>();
    sender.send(Ok(7)).unwrap();
    let (waited, _, _) = wait_with(&mut loading(), &receiver, vec![]);
    assert!(matches!(waited, Waited::Ready(7)));
}

#[test]
fn a_file_that_does_not_load_shows_the_broken_file_panel_until_q() {
    let (sender, receiver) = channel::<Result<u8, LoadFailure>>();
    let bytes = br#"{"format": 1,
  "story": 3}"#;
    let problems = storyscope::story::load::load_bytes(bytes, "deal.json")
        .unwrap_err()
        .problems;
    let failure = LoadFailure {
        panel: BrokenFile::from_problems(&problems, bytes),
        message: "deal.json: the story did not load".to_owned(),
    };
    sender.send(Err(failure)).unwrap();
    let quiet = vec![None, None, Some(key('q'))];
    let mut loading = loading();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut queue: VecDeque<Option<Event>> = quiet.into();
    let mut next = |_: Duration| Ok(queue.pop_front().flatten());
    let keymap = Keymap::default();
    let waited = wait_for_story(
        &mut loading,
        &receiver,
        LoadingIo {
            terminal: &mut terminal,
            theme: Theme::no_color(),
            keymap: &keymap,
            next_event: &mut next,
            stop: &AtomicBool::new(false),
            file_changed: &mut || false,
        },
    )
    .unwrap();
    let screen = text_of(&terminal);
    assert!(
        screen.contains("problems; the story did not load"),
        "{screen}"
    );
    assert!(
        screen.contains("line 2"),
        "the problems are placed: {screen}"
    );
    assert!(
        screen.contains("the story did not load · q quits"),
        "{screen}"
    );
    match waited {
        Waited::Quit(Some(failure)) => assert!(failure.message.contains("did not load")),
        _ => panic!("q after a failed load quits with the failure"),
    }
}

/// A failed load and a file that changes after `quiet_polls` looks: what the wait does.
fn failed_then_changed(reloads_on_save: bool, quiet_polls: usize) -> (Waited<u8>, String) {
    let (sender, receiver) = channel::<Result<u8, LoadFailure>>();
    sender
        .send(Err(LoadFailure::said("the story did not load".to_owned())))
        .unwrap();
    let mut loading = loading();
    loading.reloads_on_save = reloads_on_save;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut polls = 0;
    let mut next = |_: Duration| {
        polls += 1;
        // Nothing typed for a while, then q: the wait must have ended before.
        Ok((polls > 50).then(|| key('q')))
    };
    let mut looks = 0;
    let mut changed = || {
        looks += 1;
        looks > quiet_polls
    };
    let waited = wait_for_story(
        &mut loading,
        &receiver,
        LoadingIo {
            terminal: &mut terminal,
            theme: Theme::no_color(),
            keymap: &Keymap::default(),
            next_event: &mut next,
            stop: &AtomicBool::new(false),
            file_changed: &mut changed,
        },
    )
    .unwrap();
    (waited, text_of(&terminal))
}

#[test]
fn a_save_after_a_failed_load_ends_the_wait_to_load_again() {
    let (waited, screen) = failed_then_changed(true, 3);
    assert!(
        matches!(waited, Waited::Changed),
        "a save of the broken file loads it again"
    );
    assert!(
        screen.contains("a save loads it again"),
        "the screen says what a save does: {screen}"
    );
}

#[test]
fn without_watching_the_screen_does_not_promise_a_reload() {
    let (waited, screen) = failed_then_changed(false, 1000);
    assert!(matches!(waited, Waited::Quit(Some(_))));
    assert!(
        !screen.contains("a save loads it again") && screen.contains("q quits"),
        "{screen}"
    );
}
