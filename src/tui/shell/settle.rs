//! When the watcher reads the story file after it changed: at once when the event
//! itself says the write is over (closed after writing, or a new file renamed over the
//! path, as editors save), after a short quiet spell otherwise (bare writes, a
//! truncation, a create, a remove: a save may be half done). A save that lands while
//! the file is being read is read again after. Pure decisions and one loop; the
//! reading itself is the caller's.

use std::ffi::OsStr;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::EventKind;
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};

/// How long the file must stay quiet after a bare write before it is read: long enough
/// to let a writer finish (write, fsync, rename), short enough to feel immediate.
pub(crate) const SETTLE: Duration = Duration::from_millis(120);

/// What one file-system event says about the story file, for deciding when to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signal {
    /// The write is over: the file was closed after writing, or renamed onto the path.
    Complete,
    /// A change that may be the middle of a save: read once things are quiet.
    Partial,
}

impl Signal {
    /// What `event` says about the file called `name` in the watched folder; None when
    /// it is not about that file, or only reads it (the reload's own reading).
    pub(crate) fn of(event: &notify::Event, name: &OsStr) -> Option<Signal> {
        if event.need_rescan() {
            // Events were lost (the queue overflowed): the file may have changed.
            return Some(Signal::Partial);
        }
        let is_ours = |path: &std::path::PathBuf| path.file_name() == Some(name);
        match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                event.paths.iter().any(is_ours).then_some(Signal::Complete)
            }
            // Opened, read, closed after reading: nothing changed.
            EventKind::Access(_) => None,
            // A rename onto the path (the last path is where it went) ends a save; one
            // away from it leaves the path empty until the next save.
            EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
                if event.paths.last().is_some_and(is_ours) =>
            {
                Some(Signal::Complete)
            }
            _ => event.paths.iter().any(is_ours).then_some(Signal::Partial),
        }
    }
}

/// When the file is due to be read, from the signals seen since it was last read.
#[derive(Debug)]
pub(crate) struct Settle {
    quiet: Duration,
    due: Option<Instant>,
}

impl Settle {
    /// Nothing seen yet; a bare write is read after `quiet` of silence.
    pub(crate) fn new(quiet: Duration) -> Settle {
        Settle { quiet, due: None }
    }

    /// Takes a signal seen at `now`: the latest one decides (a write after a
    /// completed one waits again; a completion after bare writes is read at once).
    pub(crate) fn saw(&mut self, signal: Signal, now: Instant) {
        self.due = Some(match signal {
            Signal::Complete => now,
            Signal::Partial => now + self.quiet,
        });
    }

    /// How long to wait for the next signal before reading; None when nothing waits.
    pub(crate) fn wait(&self, now: Instant) -> Option<Duration> {
        self.due.map(|due| due.saturating_duration_since(now))
    }

    /// Whether the file is due to be read at `now`; if so, nothing waits any more.
    pub(crate) fn take_due(&mut self, now: Instant) -> bool {
        let due = self.due.is_some_and(|due| due <= now);
        if due {
            self.due = None;
        }
        due
    }
}

/// Reads the file (`read`) each time the signals say it is due, until the sending end
/// is gone. Signals that arrive during a read wait in the channel and are taken after
/// it, so a save made while the file was being read is read in turn.
pub(crate) fn run(signals: &Receiver<Signal>, quiet: Duration, mut read: impl FnMut()) {
    let mut settle = Settle::new(quiet);
    loop {
        let next = match settle.wait(Instant::now()) {
            None => signals.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(wait) => signals.recv_timeout(wait),
        };
        match next {
            Ok(signal) => settle.saw(signal, Instant::now()),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        // A save raises many events at once: take all that are in before deciding.
        while let Ok(signal) = signals.try_recv() {
            settle.saw(signal, Instant::now());
        }
        if settle.take_due(Instant::now()) {
            read();
        }
    }
}

#[cfg(test)]
mod tests;
