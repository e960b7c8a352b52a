//! The explorer's memory over reloads, as a process of its own measures it: a story
//! reloaded ten times through the real watcher (a new file renamed over it, as
//! editors save), each reload taken in by the explorer's state as the event loop does,
//! the search index with it, the old story retired. The resident memory after ten
//! reloads stays within 1.2x of after one (issue 23). A binary of its own, apart from
//! the other tests: their threads would move the process's memory under the count.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::path::Path;
use std::time::{Duration, Instant};

use storyscope::synth::{SynthOptions, generate_json};
use storyscope::tui::app::App;
use storyscope::tui::shell::StoryWatcher;
use storyscope::tui::update::{Reload, all_freed, apply_reload};

/// Long enough for a debug build's load of the story below; a missed reload fails.
const LONG: Duration = Duration::from_secs(120);

/// The process's resident memory in bytes, from /proc.
fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("/proc/self/statm");
    let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

/// A generated story whose title ends in `mark`.
fn story_marked(json: &str, mark: &str) -> String {
    let start = json.find("\"title\":\"").expect("a title") + "\"title\":\"".len();
    let end = start + json[start..].find('"').expect("the title's end");
    format!("{}{mark}{}", &json[..end], &json[end..])
}

/// Saves the story with `mark` as an editor does, takes the reload in, and waits
/// until the new story's index is built and the old story is freed.
fn save_and_reload(app: &mut App, watcher: &StoryWatcher, file: &Path, json: &str, mark: &str) {
    let copy = file.with_extension("saving");
    std::fs::write(&copy, story_marked(json, mark)).unwrap();
    std::fs::rename(&copy, file).unwrap();
    let started = Instant::now();
    loop {
        let left = LONG.saturating_sub(started.elapsed());
        match watcher.reloads.recv_timeout(left).expect("a reload") {
            Reload::Ready(ready) => {
                assert!(ready.whole_story().file.story.title.ends_with(mark));
                apply_reload(app, Reload::Ready(ready));
                break;
            }
            Reload::Broken(broken) => panic!("the saved story did not load: {broken:?}"),
            other => apply_reload(app, other),
        }
    }
    while app.index_pending() || !all_freed() {
        assert!(
            started.elapsed() < LONG,
            "the index or the free never ended"
        );
        app.collect_index();
        std::thread::sleep(Duration::from_millis(5));
    }
    // As the explorer does after each frame: a no-op when the reload brought its index.
    app.start_index_build();
    while app.index_pending() {
        app.collect_index();
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn memory_after_ten_reloads_stays_within_a_fifth_of_after_one() {
    storyscope::allocator::keep_big_blocks_out_of_the_arenas();
    let json = generate_json(&SynthOptions {
        events: 20_000,
        entities: 1_000,
        seed: 3,
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.json");
    std::fs::write(&file, &json).unwrap();
    let story = storyscope::story::load::load_path(&file).expect("the story loads");
    let mut app = App::new(story, None, 20_300);
    let watcher = StoryWatcher::start(&file).expect("watch the file");
    let mut after = Vec::new();
    for round in 0..10 {
        save_and_reload(&mut app, &watcher, &file, &json, &format!(" round {round}"));
        after.push(resident_bytes());
    }
    let mib = |bytes: usize| bytes as f64 / (1 << 20) as f64;
    let (first, last) = (mib(after[0]), mib(after[9]));
    let all: Vec<String> = after.iter().map(|&b| format!("{:.1}", mib(b))).collect();
    assert!(
        last <= 1.2 * first,
        "after one reload {first:.1} MiB, after ten {last:.1} MiB ({:.2}x); each: {}",
        last / first,
        all.join(", ")
    );
}
