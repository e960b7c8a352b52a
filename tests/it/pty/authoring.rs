//! Writing a story with the explorer open beside it, in a real pty: the file changed
//! on disk (in place, by write-then-rename, broken, fixed) shows without a key press
//! and the selection survives; the editor key hands the terminal to $EDITOR with the
//! file and the record's line, and takes it back.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{
    ENTER_ALT, Explorer, LEAVE_ALT, MOUSE_OFF, MOUSE_ON, assert_terminal_restored, pane_lines,
    position, rposition, status_bar, tempdir,
};

/// The spec: a save shows within a second, with no key pressed.
const RELOAD_WITHIN: Duration = Duration::from_secs(1);

fn source(name: &str) -> String {
    let path = match name {
        "story.json" => format!("{}/assets/story.json", env!("CARGO_MANIFEST_DIR")),
        _ => format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR")),
    };
    std::fs::read_to_string(path).unwrap()
}

/// The first line of the Detail pane: the selected record's title.
fn detail_title(app: &Explorer) -> String {
    let parser = app.parser.lock().unwrap();
    pane_lines(parser.screen(), "5 Detail")
        .and_then(|lines| lines.first().cloned())
        .unwrap_or_default()
}

/// The story with one event's title replaced.
fn retitled(text: &str, id: &str, title: &str) -> String {
    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    for event in json["events"].as_array_mut().unwrap() {
        if event["id"] == id {
            event["title"] = title.into();
        }
    }
    serde_json::to_string_pretty(&json).unwrap()
}

/// The id of the event whose title starts with `title` (Detail wraps long titles).
fn event_id(text: &str, title: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"].as_str().unwrap().starts_with(title))
        .unwrap_or_else(|| panic!("no event titled {title}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Waits until the Detail pane's title is `title`, and checks it came in time.
#[track_caller]
fn expect_title_soon(app: &mut Explorer, title: &str, since: Instant) {
    app.wait_until(&format!("Detail to show {title:?}"), |screen| {
        pane_lines(screen, "5 Detail")
            .is_some_and(|lines| lines.first().is_some_and(|l| l == title))
    });
    let took = since.elapsed();
    assert!(
        took < RELOAD_WITHIN,
        "the change took {took:?} to show (no key was pressed)"
    );
}

fn reload_round_trip(story: &str) {
    let dir = tempdir();
    let file = dir.path().join("story.json");
    let text = source(story);
    std::fs::write(&file, &text).unwrap();
    let mut app = Explorer::start(160, 45, &["--story", "story.json"], dir.path());
    app.wait_ready();
    // Select the third event; it is the record the edits below touch.
    app.send("jj");
    app.wait_until("the third event selected", |screen| {
        super::find(screen, "Timeline · 3/").is_some()
    });
    let title = detail_title(&app);
    let id = event_id(&text, &title);

    // 1. Written in place (same file, truncated and rewritten).
    let in_place = retitled(&text, &id, "Retitled in place");
    let since = Instant::now();
    std::fs::write(&file, &in_place).unwrap();
    expect_title_soon(&mut app, "Retitled in place", since);
    app.wait_until("the status bar to say reloaded", |screen| {
        status_bar(screen).contains("reloaded story.json")
    });

    // 2. Written to a new file and renamed over the old one, as vim and IDEs save.
    let renamed = retitled(&text, &id, "Retitled by rename");
    let temp = dir.path().join(".story.json.swp-new");
    std::fs::write(&temp, &renamed).unwrap();
    let since = Instant::now();
    std::fs::rename(&temp, &file).unwrap();
    expect_title_soon(&mut app, "Retitled by rename", since);

    // 3. Broken (cut off mid-write): the last good story stays, the problem shows with
    //    its line.
    let cut = &renamed[..renamed.len() / 2];
    let line = cut.lines().count();
    std::fs::write(&file, cut).unwrap();
    app.wait_for("1 problem on disk");
    app.wait_for(&format!("line {line} col "));
    assert_eq!(
        detail_title(&app),
        "Retitled by rename",
        "last good story kept"
    );
    // Keys still work meanwhile, and the panel stays.
    app.send("jk");
    thread_sleep(200);
    assert!(app.screen().contains("1 problem on disk"));

    // 3b. Broken by a typo in a field name: the problem names the record's id and
    //     the line the typo is on.
    let typo = renamed.replacen("\"summary\"", "\"sumary\"", 1);
    let typo_line = typo.lines().position(|l| l.contains("\"sumary\"")).unwrap() + 1;
    std::fs::write(&file, &typo).unwrap();
    app.wait_for(&format!("line {typo_line} · `"));
    app.wait_for("unknown field `sumary`");
    assert_eq!(
        detail_title(&app),
        "Retitled by rename",
        "last good story kept"
    );

    // 4. Fixed: the panel goes, the change shows, the selection is the same record.
    let fixed = retitled(&text, &id, "Fixed and saved");
    let since = Instant::now();
    std::fs::write(&file, &fixed).unwrap();
    expect_title_soon(&mut app, "Fixed and saved", since);
    app.wait_gone("problem on disk");

    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

fn thread_sleep(ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
}

#[test]
fn a_saved_change_shows_without_a_key_and_keeps_the_selection() {
    reload_round_trip("story.json");
}

#[test]
fn a_saved_change_shows_on_a_story_of_people_too() {
    reload_round_trip("orchestra.json");
}

/// When idle the explorer waits 200 ms at a time for a key; a reload that waited for
/// that wait to end would show up to 200 ms after the save. Each save here lands just
/// after a key's frame, as that wait begins: the watcher must wake the loop, so the
/// change shows long before the wait would have ended (median of five saves).
#[test]
fn a_save_shows_without_waiting_for_the_loops_idle_wait() {
    let dir = tempdir();
    let file = dir.path().join("story.json");
    let text = source("story.json");
    std::fs::write(&file, &text).unwrap();
    let mut app = Explorer::start(160, 45, &["--story", "story.json"], dir.path());
    app.wait_ready();
    let id = event_id(&text, &detail_title(&app));
    let mut took = Vec::new();
    for round in 0..5 {
        let title = format!("Saved in round {round}");
        let temp = dir.path().join(".story.json.new");
        std::fs::write(&temp, retitled(&text, &id, &title)).unwrap();
        // Nothing pending (the last reload's search index is in): the loop idles.
        thread_sleep(400);
        let (key, row) = if round % 2 == 0 {
            ("j", "2/")
        } else {
            ("k", "1/")
        };
        app.send(key);
        app.wait_until("the key's frame", |screen| {
            super::find(screen, &format!("Timeline · {row}")).is_some()
        });
        let since = Instant::now();
        std::fs::rename(&temp, &file).unwrap();
        app.wait_for(&title);
        took.push(since.elapsed());
    }
    took.sort();
    assert!(
        took[2] < Duration::from_millis(100),
        "saves showed after {took:?}: the loop waited out its idle wait"
    );
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn no_watch_leaves_the_story_as_it_was() {
    unwatched(&["--story", "s.json", "--no-watch"], false);
}

#[test]
fn watch_false_in_the_config_file_leaves_the_story_as_it_was() {
    unwatched(&["--story", "s.json"], true);
}

/// The explorer started with `args` (and, with `config`, a config file saying
/// `watch = false`) does not pick up a change on disk.
fn unwatched(args: &[&str], config: bool) {
    let dir = tempdir();
    let file = dir.path().join("s.json");
    let text = source("orchestra.json");
    std::fs::write(&file, &text).unwrap();
    if config {
        // The pty harness points XDG_CONFIG_HOME at the test folder.
        std::fs::create_dir_all(dir.path().join("storyscope")).unwrap();
        std::fs::write(dir.path().join("storyscope/config.toml"), "watch = false\n").unwrap();
    }
    let mut app = Explorer::start(160, 45, args, dir.path());
    app.wait_ready();
    let title = detail_title(&app);
    std::fs::write(&file, retitled(&text, &event_id(&text, &title), "Changed")).unwrap();
    thread_sleep(800);
    assert_eq!(detail_title(&app), title);
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

/// A fake editor named like a real one (so it is given the line its way) that records
/// its arguments and whether the terminal was handed over in cooked mode.
fn fake_editor(dir: &Path, name: &str) -> std::path::PathBuf {
    let script = dir.join(name);
    let log = dir.join("editor.log");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{log}.new'\nstty -a < /dev/tty | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon' >> '{log}.new'\nmv '{log}.new' '{log}'\n",
            log = log.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

fn wait_for_file(path: &Path) -> String {
    let deadline = Instant::now() + super::DEADLINE;
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{} never written",
            path.display()
        );
        thread_sleep(20);
    }
}

fn editor_round_trip(story: &str, editor: &str, expect: impl Fn(&str, usize) -> Vec<String>) {
    let dir = tempdir();
    let file = dir.path().join("story.json");
    let text = source(story);
    std::fs::write(&file, &text).unwrap();
    let script = fake_editor(dir.path(), editor);
    let env = [("EDITOR", script.to_str().unwrap())];
    let mut app = Explorer::start_with_env(160, 45, &["--story", "story.json"], dir.path(), &env);
    app.wait_ready();
    app.send("jjj");
    app.wait_until("the fourth event selected", |screen| {
        super::find(screen, "Timeline · 4/").is_some()
    });
    let id = event_id(&text, &detail_title(&app));
    // The line where the record opens: the one before its `"id"`.
    let line = text
        .lines()
        .position(|l| l.contains(&format!("\"id\": \"{id}\"")))
        .unwrap();
    let before = app.raw().len();
    app.send("E");
    let log = wait_for_file(&dir.path().join("editor.log"));
    let mut lines: Vec<String> = log.lines().map(str::to_owned).collect();
    let mode = lines.pop().unwrap();
    assert_eq!(mode, "icanon", "the editor got a terminal in cooked mode");
    let absolute = std::fs::canonicalize(&file).unwrap();
    let path = absolute.to_str().unwrap();
    assert_eq!(lines, expect(path, line), "editor arguments");
    // Back: the explorer took the terminal back and drew the whole screen again.
    app.wait_for("back from");
    app.wait_ready();
    let raw = app.raw()[before..].to_vec();
    let left = position(&raw, LEAVE_ALT).expect("left the alternate screen for the editor");
    let entered = rposition(&raw, ENTER_ALT).expect("entered it again after");
    assert!(entered > left);
    // The mouse was released for the editor and captured again after.
    let released = position(&raw, MOUSE_OFF).expect("mouse released for the editor");
    let captured = rposition(&raw, MOUSE_ON).expect("mouse captured again");
    assert!(released < entered && captured > released);
    assert!(app.screen().contains("1 Timeline"), "{}", app.screen());
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

#[test]
fn the_editor_key_opens_vim_at_the_record_line() {
    editor_round_trip("story.json", "vim", |file, line| {
        vec![format!("+{line}"), file.to_owned()]
    });
}

#[test]
fn the_editor_key_gives_vs_code_its_goto_form() {
    editor_round_trip("orchestra.json", "code", |file, line| {
        vec!["-g".to_owned(), format!("{file}:{line}")]
    });
}

#[test]
fn an_editor_that_does_not_start_leaves_the_explorer_running() {
    let dir = tempdir();
    std::fs::write(dir.path().join("s.json"), source("orchestra.json")).unwrap();
    let env = [("EDITOR", "/no/such/editor --wait")];
    let mut app = Explorer::start_with_env(160, 45, &["--story", "s.json"], dir.path(), &env);
    app.wait_ready();
    app.send("E");
    app.wait_for("could not start the editor");
    app.wait_ready();
    app.send("j");
    app.wait_until("the explorer to answer keys", |screen| {
        super::find(screen, "Timeline · 2/").is_some()
    });
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_editor_key_on_the_embedded_story_explains() {
    let dir = tempdir();
    let mut app = Explorer::start(160, 45, &[], dir.path());
    app.wait_ready();
    app.send("E");
    app.wait_for("no file to edit");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}
