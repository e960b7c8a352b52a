//! The event loop (generic over ratatui's Backend, so tests drive it on TestBackend)
//! and the real terminal session: raw mode, alternate screen, mouse capture, and
//! restoring all of it on quit, on error, on panic and on SIGTERM/SIGHUP.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use std::sync::mpsc::Receiver;

use crate::tui::action::{Action, PaletteAction};
use crate::tui::app::{App, Mode, Pane};
use crate::tui::editor::EditRequest;
use crate::tui::keymap::Scope;
use crate::tui::reload::Reload;
use crate::tui::theme::Theme;
use crate::tui::ui;
use crate::tui::update::{Effect, poll_search, search_pending, update};

/// Turns a terminal event into an action for the current mode, if it means one.
pub fn action_for(app: &App, event: &Event, mouse: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let scopes: &[Scope] = match app.mode {
                Mode::Search => &[Scope::Search],
                Mode::Help => &[Scope::Help],
                Mode::Normal if app.focus == Pane::Detail => &[Scope::Detail, Scope::Global],
                Mode::Normal => &[Scope::Lists, Scope::Global],
            };
            if let Some(action) = app.keymap.resolve(*key, scopes) {
                return Some(action);
            }
            let typed = !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match (app.mode, key.code) {
                (Mode::Search, KeyCode::Char(c)) if typed => Some(Action::SearchInput(c)),
                (Mode::Help, KeyCode::Char(c)) if typed => {
                    Some(Action::Palette(PaletteAction::Input(c)))
                }
                _ => None,
            }
        }
        Event::Mouse(m) if mouse && app.mode == Mode::Normal => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// Carries out an effect; failures become status-bar messages, never exits.
pub(crate) fn perform(app: &mut App, effect: Effect, clipboard: &mut dyn Write) {
    match effect {
        Effect::Export { stem, markdown } => {
            match crate::fsutil::write_new_file(&app.export_dir, &stem, "md", markdown.as_bytes()) {
                Ok(path) => app.info(format!("exported to {}", path.display())),
                Err(err) => app.error(format!(
                    "export failed, nothing written: {} ({})",
                    err,
                    app.export_dir.display()
                )),
            }
        }
        Effect::Edit(_) => app.error("the editor can only be opened from the explorer's loop"),
        Effect::Copy(text) => {
            if let Err(err) = clipboard
                .write_all(osc52(&text).as_bytes())
                .and_then(|()| clipboard.flush())
            {
                app.error(format!("copy failed: {err}"));
            }
        }
    }
}

/// The OSC 52 sequence that asks the terminal to set the clipboard; inside tmux it is
/// wrapped in a passthrough so it reaches the outer terminal.
pub(crate) fn osc52(text: &str) -> String {
    use base64::Engine;
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let sequence = format!("\x1b]52;c;{payload}\x07");
    if std::env::var_os("TMUX").is_some() {
        format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
    } else {
        sequence
    }
}

/// What the loop hears from and hands to the world beyond the terminal: reloads of
/// the story file, and the editor (run with the terminal handed over).
pub struct Outside<'a> {
    /// Where the watcher's reloads arrive; None without a watcher.
    pub reloads: Option<&'a Receiver<Reload>>,
    /// Runs the editor on a request, the terminal handed over: Ok carries a note for
    /// the status bar, Err why the editor did not run.
    pub edit: &'a mut dyn FnMut(&EditRequest) -> Result<String, String>,
}

/// Runs until the user quits or `stop` is set. `next_event` waits up to the given time.
#[allow(clippy::too_many_arguments)]
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: Theme,
    mouse: bool,
    next_event: &mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    stop: &AtomicBool,
    clipboard: &mut dyn Write,
    outside: &mut Outside<'_>,
) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut dirty = true;
    while !app.should_quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
            dirty = false;
        }
        // While a background search runs, wake often to pick up its hits.
        let wait = if search_pending(app) { 10 } else { 200 };
        let first = next_event(Duration::from_millis(wait))?;
        if poll_search(app) {
            dirty = true;
        }
        if let Some(reloads) = outside.reloads {
            // In order: a story, then its texts.
            for reload in reloads.try_iter() {
                crate::tui::reload::apply(app, reload);
                dirty = true;
            }
        }
        let Some(first) = first else {
            continue;
        };
        // Handle everything already queued before drawing again: a burst of resizes
        // or a pasted query costs one frame.
        let mut event = Some(first);
        while let Some(current) = event {
            if let Some(action) = action_for(app, &current, mouse) {
                match update(app, action) {
                    Some(Effect::Edit(request)) => {
                        let outcome = (outside.edit)(&request);
                        // The editor drew over everything: draw the whole screen anew.
                        // (Not `Terminal::clear`, which asks the terminal where its
                        // cursor is, and fails after a wait where nothing answers.)
                        terminal.backend_mut().clear()?;
                        terminal.draw(|_| {})?;
                        let size = terminal.size()?;
                        update(app, Action::Resize(size.width, size.height));
                        match outcome {
                            Ok(note) => app.info(note),
                            Err(why) => app.error(why),
                        }
                    }
                    Some(effect) => perform(app, effect, clipboard),
                    None => {}
                }
                dirty = true;
            }
            if app.should_quit {
                break;
            }
            event = next_event(Duration::ZERO)?;
        }
    }
    Ok(())
}

/// Hands the terminal to `child` (raw mode off, main screen, mouse released, cursor
/// shown) and takes it back after, whatever `child` did.
pub fn hand_over_terminal<T>(mouse: bool, child: impl FnOnce() -> T) -> T {
    restore_terminal();
    let result = child();
    let _ = enable_raw_mode();
    let mut stdout = io::stdout();
    let _ = if mouse {
        execute!(stdout, EnterAlternateScreen, EnableMouseCapture)
    } else {
        execute!(stdout, EnterAlternateScreen)
    };
    result
}

/// Puts the terminal back: raw mode off, main screen, mouse released, cursor shown.
/// Safe to call more than once.
pub(crate) fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// The real terminal for the length of one session.
pub(crate) struct TerminalSession {
    /// Never dropped: ratatui's `Terminal` drop shows the cursor and `eprintln!`s if
    /// that fails, which panics once the terminal is gone (a closed window). The
    /// session shows the cursor itself in `restore_terminal`; the process is ending.
    pub terminal: std::mem::ManuallyDrop<Terminal<CrosstermBackend<io::Stdout>>>,
}

impl TerminalSession {
    pub(crate) fn enter(mouse: bool) -> Result<TerminalSession> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        let setup = if mouse {
            execute!(stdout, EnterAlternateScreen, EnableMouseCapture)
        } else {
            execute!(stdout, EnterAlternateScreen)
        };
        if let Err(err) = setup {
            restore_terminal();
            return Err(err.into());
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(TerminalSession {
                terminal: std::mem::ManuallyDrop::new(terminal),
            }),
            Err(err) => {
                restore_terminal();
                Err(err.into())
            }
        }
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
        // Never `eprintln!` in a panic hook: if stderr is gone it would panic again,
        // and a panic inside the hook aborts.
        let _ = writeln!(
            io::stderr(),
            "\nstoryscope crashed; the terminal has been restored. Please report this, with the message above and the story file if it is not the embedded one, as an issue to the storyscope maintainers."
        );
    }));
}

/// Signals that end the session cleanly: the flag stops the loop, the number says which.
pub(crate) struct StopSignals {
    pub flag: Arc<AtomicBool>,
    pub which: Arc<AtomicI32>,
}

impl StopSignals {
    pub(crate) fn install() -> StopSignals {
        let flag = Arc::new(AtomicBool::new(false));
        let which = Arc::new(AtomicI32::new(0));
        #[cfg(unix)]
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
            let which = Arc::clone(&which);
            // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
            let _ = unsafe {
                signal_hook::low_level::register(signal, move || {
                    which.store(signal, Ordering::Relaxed)
                })
            };
        }
        let signals = StopSignals { flag, which };
        signals.spawn_watchdog();
        signals
    }

    /// The event loop sees the flag within one poll, except when the terminal is gone:
    /// crossterm 0.29 then retries a dead tty forever inside `poll` (crossterm#793).
    /// If the loop has not ended shortly after a signal, this thread restores what it
    /// can and exits with the signal's code.
    fn spawn_watchdog(&self) {
        let flag = Arc::clone(&self.flag);
        let which = Arc::clone(&self.which);
        let _ = std::thread::Builder::new()
            .name("signal-watchdog".to_owned())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                }
                std::thread::sleep(Duration::from_millis(750));
                restore_terminal();
                std::process::exit(128 + which.load(Ordering::Relaxed).max(1));
            });
    }

    /// The conventional exit code for the signal received (128 + number), if any.
    pub(crate) fn exit_code(&self) -> Option<i32> {
        match self.which.load(Ordering::Relaxed) {
            0 => None,
            signal => Some(128 + signal),
        }
    }
}

/// Exits the process; of two threads racing to exit (the watchdog and `main`
/// returning at the same moment) only the first proceeds, since libc's `exit` must not
/// run twice at once.
pub fn exit_once(code: i32) -> ! {
    static EXITING: AtomicBool = AtomicBool::new(false);
    if EXITING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    std::process::exit(code)
}

/// Reads crossterm events, waiting at most `timeout`.
pub(crate) fn crossterm_events(timeout: Duration) -> io::Result<Option<Event>> {
    if event::poll(timeout)? {
        event::read().map(Some)
    } else {
        Ok(None)
    }
}
