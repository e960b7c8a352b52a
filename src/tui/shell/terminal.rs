//! The real terminal for one session: raw mode, alternate screen and mouse capture,
//! restored on quit, on error, on panic and on SIGTERM/SIGHUP; handing it to a child
//! (the editor) and back; reading its events; exiting once.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::watch::StoryWatcher;

/// Hands the terminal to `child` (raw mode off, main screen, mouse released, cursor
/// shown) and takes it back after, whatever `child` did.
pub(crate) fn hand_over_terminal<T>(mouse: bool, child: impl FnOnce() -> T) -> T {
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
    /// can and exits with the signal's code. A terminal that hangs up without a SIGHUP
    /// (it was not this process's controlling terminal) counts as one: otherwise that
    /// retry spins at full CPU for ever.
    fn spawn_watchdog(&self) {
        let flag = Arc::clone(&self.flag);
        let which = Arc::clone(&self.which);
        let _ = std::thread::Builder::new()
            .name("signal-watchdog".to_owned())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    if terminal_hung_up() {
                        // Exits as the SIGHUP (signal 1) it stands for would.
                        let _ = which.compare_exchange(0, 1, Ordering::Relaxed, Ordering::Relaxed);
                        flag.store(true, Ordering::Relaxed);
                    }
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

/// Reads the explorer's events: crossterm's, the wait also ending when the watcher's
/// bell rings (it sent a reload; the reader then returns None and the loop looks at
/// what rang). The bell is heard only where crossterm reads the terminal from standard
/// input (a terminal, on unix); else this is `crossterm_events`. True with the bell.
pub(crate) fn event_reader(watcher: Option<&StoryWatcher>) -> (EventReader<'_>, bool) {
    #[cfg(unix)]
    if let Some(bell) = watcher.and_then(|watcher| watcher.bell.as_ref()) {
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            let reader = move |timeout: Duration| {
                // Events crossterm has read already, and keys typed, come first.
                if timeout.is_zero() || event::poll(Duration::ZERO)? {
                    return crossterm_events(Duration::ZERO);
                }
                bell.wait(libc::STDIN_FILENO, timeout)?;
                crossterm_events(Duration::ZERO)
            };
            return (Box::new(reader), true);
        }
    }
    #[cfg(not(unix))]
    let _ = watcher;
    (Box::new(crossterm_events), false)
}

/// Waits up to the given time for the next terminal event.
pub(crate) type EventReader<'a> = Box<dyn FnMut(Duration) -> io::Result<Option<Event>> + 'a>;

/// Whether the terminal on standard input has hung up (its window was closed): the
/// SIGHUP a controlling terminal's hang-up sends, told without the signal.
#[cfg(unix)]
fn terminal_hung_up() -> bool {
    let mut stdin = libc::pollfd {
        fd: 0,
        events: 0,
        revents: 0,
    };
    // SAFETY: one pollfd on the stack and a zero timeout; poll only writes `revents`.
    let ready = unsafe { libc::poll(&mut stdin, 1, 0) };
    ready > 0 && stdin.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(not(unix))]
fn terminal_hung_up() -> bool {
    false
}
