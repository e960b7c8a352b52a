//! The loading screen in a real terminal: on a story big enough to take a while (a
//! generated one), the first frame shows the story's title and the progress before
//! the panes are there; `q` during the load quits at once; a file that does not load
//! shows its problems and says them again on the terminal after; a save made while
//! the story loads is shown once it has loaded.

use storyscope::synth::{SynthOptions, generate_json};

use super::{Explorer, LEAVE_ALT, assert_terminal_restored, position, tempdir};

/// A generated story of `events` events, written into `dir`.
fn big_story(dir: &std::path::Path, events: usize) -> std::path::PathBuf {
    let options = SynthOptions {
        events,
        entities: 500,
        seed: 7,
    };
    let path = dir.join("big.json");
    std::fs::write(&path, generate_json(&options)).unwrap();
    path
}

#[test]
fn the_title_and_the_progress_show_before_the_story_is_ready() {
    let dir = tempdir();
    let story = big_story(dir.path(), 20_000);
    let story = story.to_str().unwrap();
    let mut app = Explorer::start(80, 24, &["--no-watch", "--story", story], dir.path());
    app.wait_until("the title and the progress, before the panes", |screen| {
        let text = screen.contents();
        assert!(!text.contains("NORMAL"), "the panes came first:\n{text}");
        text.contains("storyscope · Synthetic coverage: 20000 events")
            && text.contains("MB of")
            && text.contains("loading…")
    });
    app.wait_ready();
    assert!(app.screen().contains("Timeline"));
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

#[test]
fn q_during_the_load_quits_at_once() {
    let dir = tempdir();
    let story = big_story(dir.path(), 20_000);
    let story = story.to_str().unwrap();
    let mut app = Explorer::start(80, 24, &["--no-watch", "--story", story], dir.path());
    app.wait_for("loading…");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let raw = app.raw();
    assert_terminal_restored(&raw);
    let left = position(&raw, LEAVE_ALT).expect("left the alternate screen");
    assert!(
        !String::from_utf8_lossy(&raw[..left]).contains("NORMAL"),
        "quit before the story was there"
    );
}

#[test]
fn a_broken_file_shows_its_problems_then_says_them_after() {
    let dir = tempdir();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{\"format\": 1,\n  \"story\": 3}\n").unwrap();
    let story = path.to_str().unwrap();
    let mut app = Explorer::start(100, 24, &["--no-watch", "--story", story], dir.path());
    app.wait_for("the story did not load");
    assert!(app.screen().contains("line 2"), "{}", app.screen());
    app.send("q");
    assert_eq!(app.wait_exit(), 2);
    let raw = app.raw_text();
    let after = &raw[raw
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen")..];
    assert!(after.contains("story"), "the problems said after: {after}");
}

#[test]
fn a_broken_file_at_start_loads_when_it_is_saved_fixed() {
    let dir = tempdir();
    let path = dir.path().join("story.json");
    std::fs::write(&path, "{\"format\": 1,\n  \"story\": 3}\n").unwrap();
    let story = path.to_str().unwrap();
    let mut app = Explorer::start(100, 24, &["--story", story], dir.path());
    app.wait_for("a save loads it again");
    // Saved as editors do: a new file renamed over the old one.
    let fixed = dir.path().join("story.json.tmp");
    let small = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    std::fs::copy(small, &fixed).unwrap();
    std::fs::rename(&fixed, &path).unwrap();
    app.wait_until("the fixed story's panes", |screen| {
        screen
            .contents()
            .contains("Apple picks a partner for AI in China")
            && screen.contents().contains("NORMAL")
    });
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

#[test]
fn a_save_during_the_first_load_is_shown_once_loaded() {
    let dir = tempdir();
    let path = big_story(dir.path(), 20_000);
    let text = std::fs::read_to_string(&path).unwrap();
    let saved = text.replacen(
        "Synthetic coverage: 20000 events",
        "Saved while it loaded",
        1,
    );
    assert_ne!(saved, text);
    let story = path.to_str().unwrap();
    let mut app = Explorer::start(80, 24, &["--story", story], dir.path());
    app.wait_for("loading…");
    // Saved as editors do, while the loading screen is up.
    let temp = dir.path().join("big.json.new");
    std::fs::write(&temp, &saved).unwrap();
    std::fs::rename(&temp, &path).unwrap();
    assert!(
        !String::from_utf8_lossy(&app.raw()).contains("NORMAL"),
        "the load was over before the save: this test needs a longer one"
    );
    app.wait_until("the saved story, with its panes", |screen| {
        let text = screen.contents();
        text.contains("storyscope · Saved while it loaded") && text.contains("NORMAL")
    });
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}
