//! The loading screen's loop: the story is loaded on a thread of its own while this
//! one draws the title and the progress, about twenty times a second, and answers the
//! keys. The quit key ends the wait at once; the loading thread is left to the OS (it
//! holds nothing that needs closing, and the process exits straight after).

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::tui::app::loading::{LoadFailure, Loading};
use crate::tui::input::action::Action;
use crate::tui::input::keymap::{Keymap, Scope};
use crate::tui::ui::loading::draw_loading;
use crate::tui::ui::theme::Theme;

/// How often the progress is drawn again while nothing else happens.
const FRAME: Duration = Duration::from_millis(50);

/// How long one wait for a key lasts: the story's arrival is seen within it (a
/// channel cannot wake the terminal's poll), so the panes follow the load closely.
const WAKE: Duration = Duration::from_millis(4);

/// What came of the wait.
pub enum Waited<T> {
    /// The story loaded: here is what the loading thread made of it.
    Ready(T),
    /// The user quit; `Some` when the file had failed to load (its problems).
    Quit(Option<LoadFailure>),
    /// The file failed to load and has changed on disk since: load it again.
    Changed,
}

/// What the loop works with: the terminal, how to draw, the keys that quit, where
/// events come from, and when to stop.
pub struct LoadingIo<'a, B: Backend> {
    /// Where frames are drawn.
    pub terminal: &'a mut Terminal<B>,
    /// The styles to draw with.
    pub theme: Theme,
    /// The keymap: its quit keys quit here too.
    pub keymap: &'a Keymap,
    /// Waits up to the given time for the next event.
    pub next_event: &'a mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    /// Set from outside (a signal) to end the wait.
    pub stop: &'a AtomicBool,
    /// Whether the file has changed since the load began; asked only after a load
    /// failed (the answer may be throttled by the caller).
    pub file_changed: &'a mut dyn FnMut() -> bool,
}

/// Runs `load` on a thread of its own; its outcome arrives on the receiver. A thread
/// that cannot be started runs the load here instead.
pub fn spawn_load<T: Send + 'static>(
    load: impl FnOnce() -> Result<T, LoadFailure> + Send + 'static,
) -> Receiver<Result<T, LoadFailure>> {
    let (sender, receiver) = channel();
    let sent = sender.clone();
    let spawned = std::thread::Builder::new()
        .name("story-load".to_owned())
        .spawn(move || {
            // The explorer may have quit already; nobody to tell then.
            let _ = sent.send(load());
        });
    if let Err(err) = spawned {
        let _ = sender.send(Err(LoadFailure::said(format!(
            "no thread to load the story on ({err})"
        ))));
    }
    receiver
}

/// Draws the loading screen until the story is ready or the user quits.
pub fn wait_for_story<B: Backend, T>(
    loading: &mut Loading,
    outcome: &Receiver<Result<T, LoadFailure>>,
    io: LoadingIo<'_, B>,
) -> Result<Waited<T>>
where
    B::Error: Send + Sync + 'static,
{
    let mut drawn: Option<std::time::Instant> = None;
    loop {
        if loading.broken.is_none() {
            match outcome.try_recv() {
                Ok(Ok(ready)) => return Ok(Waited::Ready(ready)),
                Ok(Err(broken)) => {
                    loading.broken = Some(broken);
                    drawn = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    let why = "the loader stopped before the story was read".to_owned();
                    loading.broken = Some(LoadFailure::said(why));
                    drawn = None;
                }
            }
        }
        if drawn.is_none_or(|at| at.elapsed() >= FRAME) {
            io.terminal
                .draw(|frame| draw_loading(frame, loading, io.theme))?;
            drawn = Some(std::time::Instant::now());
        }
        if io.stop.load(Ordering::Relaxed) {
            return Ok(Waited::Quit(loading.broken.take()));
        }
        if loading.broken.is_some() && (io.file_changed)() {
            return Ok(Waited::Changed);
        }
        let mut next = (io.next_event)(WAKE)?;
        // Every queued key is looked at before the next frame: a quit is never
        // behind a redraw.
        while let Some(event) = next {
            if quits(&event, io.keymap) {
                return Ok(Waited::Quit(loading.broken.take()));
            }
            // A resize, or a key that does nothing yet: drawn at once.
            drawn = None;
            next = (io.next_event)(Duration::ZERO)?;
        }
    }
}

/// Whether `event` is one of the keymap's quit keys.
fn quits(event: &Event, keymap: &Keymap) -> bool {
    match event {
        Event::Key(key) => keymap.resolve(*key, &[Scope::Global]) == Some(Action::Quit),
        _ => false,
    }
}
