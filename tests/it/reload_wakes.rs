//! The watcher on a real file, as the event loop meets it: each message it sends rings
//! the loop's doorbell (so the loop draws it at once, not at its next tick), and a
//! save that lands while a save is loading is loaded after it, never missed.
#![cfg(unix)]

use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use storyscope::synth::{SynthOptions, generate_json};
use storyscope::tui::shell::StoryWatcher;
use storyscope::tui::update::Reload;

/// Long enough that a wait which only a missing ring could end fails the test rather
/// than passing late; short enough that the failure shows within a test run.
const LONG: Duration = Duration::from_secs(20);

/// The story's title in the reload, if it is a loaded story.
fn title(reload: &Reload) -> Option<String> {
    match reload {
        Reload::Ready(ready) => Some(ready.whole_story().file.story.title.clone()),
        _ => None,
    }
}

/// A generated story under `title` (the generator's own title replaced).
fn story_titled(events: usize, title: &str) -> String {
    let json = generate_json(&SynthOptions {
        events,
        entities: 200,
        seed: 7,
    });
    let start = json.find("\"title\":\"").expect("a title") + "\"title\":\"".len();
    let end = start + json[start..].find('"').expect("the title's end");
    format!("{}{title}{}", &json[..start], &json[end..])
}

#[test]
fn each_reload_sent_rings_the_loops_bell() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.json");
    std::fs::write(&file, story_titled(20, "Before")).unwrap();
    let watcher = StoryWatcher::start(&file).expect("watch the file");
    let bell = watcher.bell.as_ref().expect("a doorbell");
    // Stands for the terminal: nothing is typed.
    let (keys, _typist) = UnixStream::pair().unwrap();
    std::fs::write(&file, story_titled(20, "After")).unwrap();
    let mut seen = Vec::new();
    while !seen.iter().any(|reload| title(reload).is_some()) {
        let started = Instant::now();
        let rang = bell.wait(keys.as_raw_fd(), LONG).unwrap();
        assert!(
            rang && started.elapsed() < LONG,
            "the watcher sent {seen:?} and then nothing rang"
        );
        seen.extend(watcher.reloads.try_iter());
    }
    assert!(matches!(seen[0], Reload::Reading), "{seen:?}");
    assert_eq!(title(seen.last().unwrap()).as_deref(), Some("After"));
}

#[test]
fn a_save_during_a_load_is_loaded_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.json");
    // Big enough that its load (a debug build's) is still going when the second save
    // lands a moment after the first load began.
    let events = 20_000;
    std::fs::write(&file, story_titled(events, "Shown")).unwrap();
    let watcher = StoryWatcher::start(&file).expect("watch the file");
    let during = story_titled(events, "Saved during the load");
    std::fs::write(&file, story_titled(events, "Saved first")).unwrap();
    let Ok(Reload::Reading) = watcher.reloads.recv_timeout(LONG) else {
        panic!("the first save was not read");
    };
    // As an editor saves: a new file renamed over the one being loaded.
    let temp = dir.path().join(".story.json.new");
    std::fs::write(&temp, &during).unwrap();
    std::fs::rename(&temp, &file).unwrap();
    let mut titles = Vec::new();
    let deadline = Instant::now() + LONG * 3;
    while titles.last().map(String::as_str) != Some("Saved during the load") {
        let left = deadline.saturating_duration_since(Instant::now());
        match watcher.reloads.recv_timeout(left) {
            Ok(reload) => titles.extend(title(&reload)),
            Err(_) => panic!("the save made during the load was never loaded: {titles:?}"),
        }
    }
    assert!(titles.len() <= 2, "one load per save at most: {titles:?}");
}
