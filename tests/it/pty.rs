//! The explorer end to end, in a real pseudo-terminal: the built binary runs on a pty
//! (portable-pty), a background thread feeds everything it prints into a vt100 parser,
//! and the tests type keys and poll the parsed screen until the expected text appears
//! or a deadline passes, so a hang fails the test instead of blocking `cargo test`.
//!
//! Unix only: the tests send signals, check the raw escape sequences and rely on the
//! pty reporting end of file once the child has exited.
#![cfg(unix)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Reload on save and the editor key, as a story author uses them.
#[path = "pty/authoring.rs"]
mod authoring;
/// `y` where the terminal drops the clipboard sequence.
mod clipboard;
/// The loading screen: title and progress first, quit during the load.
mod hangup;
mod loading;

const BIN: &str = env!("CARGO_BIN_EXE_storyscope");

/// How long any one expectation may take before the test fails. Generous for a loaded
/// 2-core CI machine; a passing run takes a small fraction of it.
const DEADLINE: Duration = Duration::from_secs(10);

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

/// The explorer running on a pty of its own.
struct Explorer {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checking the escape sequences themselves.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set by the reader thread when the pty reports end of file (the child is gone).
    eof: Arc<AtomicBool>,
}

impl Explorer {
    /// Starts `storyscope ARGS` on a `cols`×`rows` pty with TERM=xterm-256color, in `cwd`.
    fn start(cols: u16, rows: u16, args: &[&str], cwd: &Path) -> Explorer {
        Explorer::start_with_term(cols, rows, args, cwd, "xterm-256color")
    }

    fn start_with_term(cols: u16, rows: u16, args: &[&str], cwd: &Path, term: &str) -> Explorer {
        Explorer::start_with_env(cols, rows, args, cwd, &[("TERM", term)])
    }

    /// Starts with these environment variables set (TERM among them).
    fn start_with_env(
        cols: u16,
        rows: u16,
        args: &[&str],
        cwd: &Path,
        env: &[(&str, &str)],
    ) -> Explorer {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(BIN);
        command.args(args);
        command.cwd(cwd);
        for name in [
            "NO_COLOR",
            "TMUX",
            "COLUMNS",
            "LINES",
            "STORYSCOPE_CONFIG",
            "VISUAL",
            "EDITOR",
        ] {
            command.env_remove(name);
        }
        // Never the tester's own config file: the usual place is inside the test folder.
        command.env("XDG_CONFIG_HOME", cwd);
        command.env("TERM", "xterm-256color");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn storyscope");
        // Only the child may hold the slave side, so the reader sees end of file when
        // the child exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        {
            let (parser, raw, eof) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&eof));
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            parser.lock().unwrap().process(&buf[..n]);
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                        }
                    }
                }
                eof.store(true, Ordering::SeqCst);
            });
        }
        Explorer {
            child,
            master: pair.master,
            writer: Some(writer),
            parser,
            raw,
            eof,
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Types bytes as if at the keyboard.
    fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("pty writer");
        writer
            .write_all(bytes.as_bytes())
            .expect("write to the pty");
        writer.flush().expect("flush the pty");
    }

    /// The visible screen as text, one line per row.
    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until `ready` holds for the screen; fails with the screen on timeout.
    #[track_caller]
    fn wait_until(&mut self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if ready(self.parser.lock().unwrap().screen()) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // One last look: the final frame may have arrived just before exit.
                thread::sleep(Duration::from_millis(50));
                if ready(self.parser.lock().unwrap().screen()) {
                    return;
                }
                panic!(
                    "storyscope exited ({status:?}) while waiting for {what}; screen:\n{}",
                    self.screen()
                );
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what}; screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    #[track_caller]
    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |screen| {
            screen.contents().contains(text)
        });
    }

    /// Waits until the screen no longer shows `text`.
    #[track_caller]
    fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to leave the screen"), |screen| {
            !screen.contents().contains(text)
        });
    }

    /// Waits for the explorer's first full frame (title bar and status bar drawn).
    #[track_caller]
    fn wait_ready(&mut self) {
        self.wait_until("the first frame", |screen| {
            let text = screen.contents();
            text.contains("storyscope ·") && text.contains("NORMAL")
        });
    }

    /// Waits for the process to exit and for the pty to drain; returns the exit code.
    #[track_caller]
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + DEADLINE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if Instant::now() > deadline {
                panic!(
                    "storyscope did not exit within {DEADLINE:?}; screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        // Everything the child wrote before exiting is in the pty buffer: wait for the
        // reader to reach end of file so the checks below see all of it.
        while !self.eof.load(Ordering::SeqCst) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
        assert!(
            status.signal().is_none(),
            "storyscope was killed by a signal: {status:?}\n{}",
            self.raw_text()
        );
        status.exit_code()
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw()).into_owned()
    }

    /// Sends a signal to the explorer with the system's `kill`.
    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Resizes the pty (the child gets SIGWINCH) and the parser with it.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        // vt100 0.16 panics (overflow in `Grid::col_wrap`) when a wide character reaches
        // a screen narrower than it, which happens when a frame drawn for the old size
        // arrives after the resize. Two columns were not always enough on a loaded
        // machine; the emulator's screen stays at least 10×3 (what the app draws on a
        // smaller terminal is not read by any test).
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows.max(3), cols.max(10));
    }
}

impl Drop for Explorer {
    /// A failed test must not leave the explorer running.
    fn drop(&mut self) {
        kill_hard(&mut *self.child);
        // The writer sends EOF on drop; the child is gone by now, so it reaches no one.
        self.writer.take();
    }
}

/// SIGKILLs the child if it is still running, and reaps it.
fn kill_hard(child: &mut (dyn Child + Send + Sync)) {
    if let Ok(None) = child.try_wait() {
        if let Some(pid) = child.process_id() {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
        }
        let _ = child.wait();
    }
}

/// Where `needle` occurs in `haystack`.
fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rposition(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The alternate screen was entered, and left after that; if mouse capture was turned
/// on, it was turned off after that too.
#[track_caller]
fn assert_terminal_restored(raw: &[u8]) {
    let shown = || String::from_utf8_lossy(raw).escape_debug().to_string();
    let entered = position(raw, ENTER_ALT)
        .unwrap_or_else(|| panic!("never entered the alternate screen:\n{}", shown()));
    let left = rposition(raw, LEAVE_ALT)
        .unwrap_or_else(|| panic!("never left the alternate screen:\n{}", shown()));
    assert!(
        left > entered,
        "left the alternate screen before entering it"
    );
    if let Some(mouse_on) = rposition(raw, MOUSE_ON) {
        let mouse_off = rposition(raw, MOUSE_OFF).unwrap_or_else(|| {
            panic!("mouse capture was enabled and never disabled:\n{}", shown())
        });
        assert!(mouse_off > mouse_on, "mouse capture left on");
    }
}

/// One row of the screen as a string, and the column each char of it starts at.
fn row_text(screen: &vt100::Screen, row: u16) -> (String, Vec<(usize, u16)>) {
    let (_, cols) = screen.size();
    let mut text = String::new();
    let mut columns = Vec::new();
    for col in 0..cols {
        let Some(cell) = screen.cell(row, col) else {
            continue;
        };
        if cell.is_wide_continuation() {
            continue;
        }
        columns.push((text.len(), col));
        if cell.has_contents() {
            text.push_str(cell.contents());
        } else {
            text.push(' ');
        }
    }
    (text, columns)
}

/// Row and column where `needle` first appears on the screen.
fn find(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, _) = screen.size();
    (0..rows).find_map(|row| {
        let (text, columns) = row_text(screen, row);
        let byte = text.find(needle)?;
        let col = columns
            .iter()
            .rev()
            .find(|(offset, _)| *offset <= byte)
            .map(|&(_, col)| col)?;
        Some((row, col))
    })
}

fn cell_is(screen: &vt100::Screen, row: u16, col: u16, chars: &[&str]) -> bool {
    screen
        .cell(row, col)
        .is_some_and(|cell| chars.contains(&cell.contents()))
}

/// The lines inside the bordered pane whose title contains `title` (trimmed), or None
/// when no such pane is on screen.
fn pane_lines(screen: &vt100::Screen, title: &str) -> Option<Vec<String>> {
    let (rows, cols) = screen.size();
    let (top, at) = find(screen, title)?;
    let left = (0..=at)
        .rev()
        .find(|&col| cell_is(screen, top, col, &["┌", "┏"]))?;
    let right = (at..cols).find(|&col| cell_is(screen, top, col, &["┐", "┓"]))?;
    let mut lines = Vec::new();
    for row in top + 1..rows {
        if !cell_is(screen, row, left, &["│", "┃"]) {
            break;
        }
        let mut line = String::new();
        for col in left + 1..right {
            if let Some(cell) = screen.cell(row, col) {
                if !cell.is_wide_continuation() {
                    line.push_str(if cell.has_contents() {
                        cell.contents()
                    } else {
                        " "
                    });
                }
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    Some(lines)
}

/// The last row of the screen: the status bar.
fn status_bar(screen: &vt100::Screen) -> String {
    let (rows, _) = screen.size();
    row_text(screen, rows - 1).0.trim_end().to_owned()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("storyscope-pty-")
        .tempdir()
        .expect("make a temp dir")
}

#[test]
fn search_jump_export_and_quit_restore_the_terminal() {
    let dir = tempdir();
    let export_dir = dir.path().join("out");
    std::fs::create_dir(&export_dir).unwrap();
    let export_arg = export_dir.to_str().unwrap();
    let mut app = Explorer::start(160, 45, &["--export-dir", export_arg], dir.path());

    // The wide layout: the three list panes and Detail at once.
    app.wait_ready();
    for title in [
        "1 Timeline",
        "2 Candidate partners",
        "3 Cited metrics",
        "5 Detail",
    ] {
        app.wait_for(title);
    }
    assert!(
        !app.screen().contains("2 Candidate pa…"),
        "no tab bar when wide"
    );

    // Search for qwen and jump to the first result: Detail shows Qwen 2.5-Max.
    app.send("/");
    app.wait_until("the search overlay", |screen| {
        status_bar(screen).contains("SEARCH")
    });
    app.send("qwen");
    app.wait_for("/ qwen");
    app.wait_for("Search · ");
    app.send("\r");
    app.wait_until("the search overlay to close", |screen| {
        status_bar(screen).contains("NORMAL")
    });
    app.wait_until("Detail to show the Qwen 2.5-Max entity", |screen| {
        pane_lines(screen, "5 Detail").is_some_and(|lines| {
            lines.first().is_some_and(|l| l == "Qwen 2.5-Max")
                && lines.iter().any(|l| l.contains("Kind: AI model"))
        })
    });

    // Export the focused view: the status bar names the file, which exists.
    app.send("e");
    app.wait_for("exported to");
    let entries: Vec<_> = std::fs::read_dir(&export_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "one file exported: {entries:?}");
    let file = &entries[0];
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("md"));
    let name = file.file_name().unwrap().to_str().unwrap().to_owned();
    app.wait_until(&format!("the status bar to name {name}"), |screen| {
        let status = status_bar(screen);
        status.contains("exported to") && status.contains(&name)
    });
    let markdown = std::fs::read_to_string(file).unwrap();
    assert!(markdown.starts_with("# "), "{markdown}");
    // Nothing else left behind (no temp file from the atomic write).
    assert!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .all(|e| e.unwrap().file_name() == "out"),
        "export went into --export-dir only"
    );

    app.send("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.raw_text());
    let raw = app.raw();
    assert!(
        position(&raw, MOUSE_ON).is_some(),
        "mouse capture is on by default"
    );
    assert_terminal_restored(&raw);
    assert!(
        !app.parser.lock().unwrap().screen().alternate_screen(),
        "back on the main screen"
    );
}

#[test]
fn narrow_terminal_shows_one_pane_with_tabs_and_help() {
    let dir = tempdir();
    let mut app = Explorer::start(80, 24, &[], dir.path());
    app.wait_ready();
    // The tab bar on the second row names every pane (labels may be shortened).
    app.wait_until("the tab bar", |screen| {
        let (tabs, _) = row_text(screen, 1);
        [
            "1 Timeline",
            "2 Candidates",
            "3 Metrics",
            "4 Sources",
            "5 Detail",
        ]
        .iter()
        .all(|label| tabs.contains(label))
    });
    // Only the Timeline pane is drawn.
    let one_pane = |screen: &vt100::Screen, shown: &str| {
        let panes = [
            "1 Timeline ·",
            "2 Candidate partners ·",
            "3 Cited metrics ·",
        ];
        pane_lines(screen, shown).is_some()
            && panes
                .iter()
                .filter(|&&p| p != shown)
                .all(|p| find(screen, p).is_none())
    };
    app.wait_until("only the Timeline pane", |s| one_pane(s, "1 Timeline ·"));

    app.send("\t");
    app.wait_until("only the Candidate partners pane", |s| {
        one_pane(s, "2 Candidate partners ·")
    });
    app.send("\t");
    app.wait_until("only the Cited metrics pane", |s| {
        one_pane(s, "3 Cited metrics ·")
    });

    // Help lists the keys; Esc closes it.
    app.send("?");
    app.wait_for("Keys and commands");
    // A frame can arrive in pieces: wait for the whole overlay, not just its title.
    app.wait_until("help listing the keys", |screen| {
        let text = screen.contents();
        [
            "search everything",
            "next pane",
            "Detail pane",
            "Tab",
            "Esc",
        ]
        .iter()
        .all(|key| text.contains(key))
            && status_bar(screen).contains("HELP")
    });
    app.send("\x1b");
    app.wait_gone("Keys and commands");
    app.wait_until("the metrics pane again", |s| {
        one_pane(s, "3 Cited metrics ·")
    });

    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

/// Sends `signal` to a running explorer; it must restore the terminal and exit with
/// 128 + the signal's number.
fn signal_restores_the_terminal(signal: &str, code: u32) {
    let dir = tempdir();
    let mut app = Explorer::start(160, 45, &[], dir.path());
    app.wait_ready();
    app.signal(signal);
    assert_eq!(app.wait_exit(), code, "exit code after SIG{signal}");
    assert_terminal_restored(&app.raw());
    assert!(!app.parser.lock().unwrap().screen().alternate_screen());
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_restores_the_terminal("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_restores_the_terminal("HUP", 129);
}

#[test]
fn tiny_terminal_shows_the_minimum_size_and_survives_resizes() {
    let dir = tempdir();
    let mut app = Explorer::start(30, 8, &[], dir.path());
    app.wait_for("needs 40×10");
    // Growing shows the explorer; shrinking to nothing and back never panics.
    app.resize(80, 24);
    app.wait_ready();
    app.resize(1, 1);
    app.resize(20, 3);
    app.resize(30, 8);
    app.wait_for("needs 40×10");
    app.send("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.raw_text());
    let raw = app.raw_text();
    assert!(!raw.contains("panicked"), "{raw}");
    assert_terminal_restored(&app.raw());
}

#[test]
fn explorer_with_stdout_piped_refuses_and_points_to_export() {
    let output = Command::new(BIN)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run storyscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("export"), "{stderr}");
    assert!(
        !output.stdout.windows(2).any(|w| w == b"\x1b["),
        "nothing drawn on stdout"
    );
}

#[test]
fn term_dumb_refuses_on_a_real_terminal() {
    let dir = tempdir();
    let mut app = Explorer::start_with_term(80, 24, &[], dir.path(), "dumb");
    assert_eq!(app.wait_exit(), 2);
    let raw = app.raw();
    assert!(
        position(&raw, ENTER_ALT).is_none(),
        "never entered the alternate screen"
    );
    let screen = app.screen();
    assert!(
        screen.contains("TERM=dumb") && screen.contains("export"),
        "{screen}"
    );
}

/// Presses `e` with an export folder that cannot take the file: the status bar says the
/// export failed, the app keeps working, and `q` still exits 0.
fn failed_export_keeps_running(app: &mut Explorer) {
    app.send("e");
    app.wait_for("export failed");
    let status = status_bar(app.parser.lock().unwrap().screen());
    assert!(status.contains("export failed"), "{status}");
    // Still responsive: switch panes.
    app.send("2");
    app.wait_until("focus to move to Candidate partners", |screen| {
        status_bar(screen).contains("Candidate partners")
    });
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

#[test]
fn export_into_a_read_only_folder_fails_and_the_app_keeps_running() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let export_dir = dir.path().join("read-only");
    std::fs::create_dir(&export_dir).unwrap();
    std::fs::set_permissions(&export_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root (and some CI containers) write into read-only folders anyway.
    let probe = export_dir.join("probe");
    if std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(&probe);
        eprintln!("skipped: this user can write into a read-only folder");
        return;
    }
    let mut app = Explorer::start(
        160,
        45,
        &["--export-dir", export_dir.to_str().unwrap()],
        dir.path(),
    );
    app.wait_ready();
    failed_export_keeps_running(&mut app);
    assert_eq!(
        std::fs::read_dir(&export_dir).unwrap().count(),
        0,
        "nothing written"
    );
    std::fs::set_permissions(&export_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn export_into_a_folder_removed_after_start_fails_and_the_app_keeps_running() {
    let dir = tempdir();
    let export_dir = dir.path().join("gone");
    std::fs::create_dir(&export_dir).unwrap();
    let mut app = Explorer::start(
        160,
        45,
        &["--export-dir", export_dir.to_str().unwrap()],
        dir.path(),
    );
    app.wait_ready();
    std::fs::remove_dir(&export_dir).unwrap();
    failed_export_keeps_running(&mut app);
    assert!(!export_dir.exists(), "the folder was not recreated");
}

/// crossterm 0.29's event source busy-loops inside `event::poll` once the tty is hung
/// up (crossterm-rs/crossterm#793), so the loop never sees the SIGHUP flag; the
/// explorer's signal watchdog must end the process anyway.
#[test]
fn closing_the_terminal_ends_the_explorer() {
    // Like closing the terminal window: every handle on the master side goes away, the
    // kernel hangs up the pty, and the explorer must exit rather than spin or hang.
    let dir = tempdir();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut command = CommandBuilder::new(BIN);
    command.cwd(dir.path());
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).expect("spawn storyscope");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    // Read until the first frame is drawn, then drop the reader with the thread.
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if position(&seen, b"NORMAL").is_some() {
                let _ = ready_tx.send(());
                return;
            }
        }
    });
    if ready_rx.recv_timeout(DEADLINE).is_err() {
        kill_hard(&mut *child);
        panic!("the explorer never drew its first frame");
    }
    drop(pair.master);
    let deadline = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() > deadline {
            kill_hard(&mut *child);
            panic!("the explorer kept running after its terminal was closed");
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.signal().is_none(), "{status:?}");
    assert_eq!(status.exit_code(), 129, "{status:?}");
}

/// The row of the first list item of the pane titled `title`, and its first column.
fn first_row_of(screen: &vt100::Screen, title: &str) -> Option<(u16, u16)> {
    let (top, at) = find(screen, title)?;
    let left = (0..=at)
        .rev()
        .find(|&col| cell_is(screen, top, col, &["┌", "┏"]))?;
    Some((top + 1, left + 1))
}

#[test]
fn a_config_file_rebinds_quit_and_search_and_help_shows_the_new_keys() {
    let dir = tempdir();
    let config = dir.path().join("keys.toml");
    std::fs::write(&config, "[keys]\nquit = \"x\"\nsearch = \"s\"\n").unwrap();
    let mut app = Explorer::start(160, 45, &["--config", config.to_str().unwrap()], dir.path());
    app.wait_ready();
    // The status bar hints at the keys as bound.
    app.wait_until("hints with the new keys", |screen| {
        let status = status_bar(screen);
        status.contains("s search") && status.contains("x quit")
    });
    // The old search key does nothing now; the new one opens search.
    app.send("/");
    app.send("s");
    app.wait_for("Search: names");
    app.send("\x1b");
    app.wait_gone("Search: names");
    // Help lists the keys actually bound.
    app.send("?");
    app.wait_for("Keys and commands");
    app.wait_until("help showing s for search and x for quit", |screen| {
        let rows: Vec<String> = (0..45).map(|row| row_text(screen, row).0).collect();
        let line = |description: &str| {
            rows.iter()
                .find(|row| row.contains(description))
                .cloned()
                .unwrap_or_default()
        };
        let search = line("search everything");
        let quit = line(" quit  ");
        search.contains(" s ") && !search.contains(" / ") && quit.contains(" x ")
    });
    app.send("\x1b");
    app.wait_gone("Keys and commands");
    // `q` no longer quits; `x` does.
    app.send("q");
    thread::sleep(Duration::from_millis(300));
    assert!(app.child.try_wait().unwrap().is_none(), "q still quit");
    app.send("x");
    assert_eq!(app.wait_exit(), 0);
    assert_terminal_restored(&app.raw());
}

#[test]
fn a_broken_config_stops_with_its_line_and_exit_2() {
    let dir = tempdir();
    let config = dir.path().join("broken.toml");
    std::fs::write(
        &config,
        "theme = \"dark\"\nmouse = true\nthme = \"light\"\n",
    )
    .unwrap();
    let path = config.to_str().unwrap().to_owned();
    let mut app = Explorer::start(100, 30, &["--config", &path], dir.path());
    assert_eq!(app.wait_exit(), 2);
    let output = app.raw_text();
    assert!(output.contains(&format!("{path}:3:1:")), "{output}");
    assert!(output.contains("thme"), "{output}");
    // Nothing was drawn: the terminal was never taken over.
    assert!(position(&app.raw(), ENTER_ALT).is_none(), "{output}");
}

#[test]
fn the_terminal_cursor_sits_on_the_selected_row_and_in_the_search_box() {
    let dir = tempdir();
    let mut app = Explorer::start(160, 45, &[], dir.path());
    app.wait_ready();
    let (first, left) = {
        let parser = app.parser.lock().unwrap();
        first_row_of(parser.screen(), "1 Timeline").expect("the timeline pane")
    };
    app.wait_until("the cursor on the first row", |screen| {
        !screen.hide_cursor() && screen.cursor_position() == (first, left)
    });
    app.send("jjj");
    app.wait_until("the cursor on the fourth row", |screen| {
        !screen.hide_cursor() && screen.cursor_position() == (first + 3, left)
    });
    app.send("k");
    app.wait_until("the cursor on the third row", |screen| {
        screen.cursor_position() == (first + 2, left)
    });
    // Another pane: the cursor follows the focus.
    app.send("3j");
    app.wait_until("the cursor on the figures pane's second row", |screen| {
        let Some((row, col)) = first_row_of(screen, "3 Cited metrics") else {
            return false;
        };
        screen.cursor_position() == (row + 1, col)
    });
    // While typing a search, the cursor is after the query.
    app.send("/qwe");
    app.wait_until("the cursor after the query", |screen| {
        let Some((row, col)) = find(screen, "/ qwe") else {
            return false;
        };
        screen.cursor_position() == (row, col + 5)
    });
    app.send("\x1b");
    app.wait_gone("/ qwe");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn palette_typing_exp_and_enter_exports() {
    let dir = tempdir();
    let mut app = Explorer::start(120, 30, &[], dir.path());
    app.wait_ready();
    app.send("?");
    app.wait_for("Keys and commands");
    app.send("exp");
    app.wait_until("export highlighted", |screen| {
        screen.contents().contains("Filter: exp")
            && (0..30).any(|row| {
                let (text, _) = row_text(screen, row);
                text.contains("▶ e") && text.contains("export the focused view")
            })
    });
    app.send("\r");
    app.wait_for("exported to");
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".md"))
        .collect();
    assert_eq!(written.len(), 1, "one export written");
    let markdown = std::fs::read_to_string(written[0].path()).unwrap();
    assert!(markdown.contains("View: timeline"), "{markdown}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_config_in_the_usual_place_is_read_and_flags_beat_it() {
    let dir = tempdir();
    // The harness points XDG_CONFIG_HOME at the test folder.
    std::fs::create_dir_all(dir.path().join("storyscope")).unwrap();
    std::fs::write(
        dir.path().join("storyscope/config.toml"),
        "mouse = false\n[keys]\nquit = \"x\"\n",
    )
    .unwrap();
    let mut app = Explorer::start(120, 30, &[], dir.path());
    app.wait_ready();
    app.wait_until("x quit in the hints", |screen| {
        status_bar(screen).contains("x quit")
    });
    app.send("x");
    assert_eq!(app.wait_exit(), 0);
    // mouse = false: capture never turned on.
    assert!(position(&app.raw(), MOUSE_ON).is_none(), "mouse captured");
    assert_terminal_restored(&app.raw());
}

/// The passages fixture in a real terminal: the story's text files are read relative
/// to the story file, and `p` on a citation opens its paragraph; a missing text file
/// is named on the status line and the story still opens.
#[test]
fn a_citation_opens_its_paragraph_from_the_text_file() {
    let dir = tempdir();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/passages");
    let story = fixtures.join("story.json");
    let mut app = Explorer::start(160, 45, &["--story", story.to_str().unwrap()], dir.path());
    app.wait_ready();
    app.wait_for("Council shortlists three");
    // Detail, past the four people and the council, to the citation.
    app.send("\r");
    app.send("jjjj");
    app.wait_for("▸ Eastport Gazette");
    app.send("p");
    app.wait_for("│ The town council met on Saturday");
    app.send("q");
    app.wait_exit();
    assert_terminal_restored(&app.raw());

    let missing = fixtures.join("missing_text.json");
    let mut app = Explorer::start(160, 45, &["--story", missing.to_str().unwrap()], dir.path());
    app.wait_ready();
    app.wait_for("radio-missing.txt");
    app.send("q");
    app.wait_exit();
}

#[test]
fn stepping_through_dates_shows_the_status_known_then_and_marks_what_is_new() {
    let dir = tempdir();
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/status_changes.json");
    let story = story.to_str().unwrap();
    let args = ["--story", story, "--as-of", "2026-03-02"];
    let mut app = Explorer::start(160, 45, &args, dir.path());
    app.wait_ready();
    app.wait_for("Status: announced · expected");
    assert!(!app.screen().contains("cancelled"), "{}", app.screen());
    // One step later the cancellation counts: the status, its source, the mark.
    app.send(">");
    app.wait_for("new since previous date (2 Mar 2026)");
    app.wait_for("Status: announced · cancelled (per Riverside Post, 10 Mar");
    app.wait_until("the concert row marked changed", |screen| {
        pane_lines(screen, "1 Timeline")
            .is_some_and(|lines| lines.iter().any(|l| l.starts_with("* 14 Mar 2026")))
    });
    // And back: the status known on 2 March again, with nothing marked.
    app.send("<");
    app.wait_for("earliest date");
    app.wait_for("Status: announced · expected");
    app.send("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.raw_text());
    assert_terminal_restored(&app.raw());
}

#[test]
fn color_never_draws_without_colours_and_auto_draws_with_them() {
    let has_colour = |raw: &[u8]| {
        [&b"\x1b[38;"[..], b"\x1b[48;", b";38;5;", b";48;5;"]
            .iter()
            .any(|code| position(raw, code).is_some())
    };
    let dir = tempdir();
    let mut plain = Explorer::start(120, 30, &["--color", "never"], dir.path());
    plain.wait_ready();
    plain.send("q");
    assert_eq!(plain.wait_exit(), 0);
    assert!(
        !has_colour(&plain.raw()),
        "{}",
        plain.raw_text().escape_debug()
    );
    // The selection still shows, in reverse video.
    assert!(
        position(&plain.raw(), b"\x1b[7m").is_some() || position(&plain.raw(), b";7m").is_some()
    );

    let mut coloured = Explorer::start(120, 30, &[], dir.path());
    coloured.wait_ready();
    coloured.send("q");
    assert_eq!(coloured.wait_exit(), 0);
    assert!(has_colour(&coloured.raw()));
}
