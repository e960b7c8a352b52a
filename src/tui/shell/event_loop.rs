//! The event loop, generic over ratatui's Backend so tests drive it on TestBackend:
//! draw, wait for an event, turn it into an action, `update`, carry out the effect;
//! reloads from the watcher and background search hits are picked up between events.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use anyhow::Result;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::tui::app::App;
use crate::tui::app::key_context::action_for;
use crate::tui::input::action::Action;
use crate::tui::shell::watch::ShownView;
use crate::tui::ui;
use crate::tui::ui::theme::Theme;
use crate::tui::update::effect::{EditRequest, Effect};
use crate::tui::update::reload::{self, Reload};
use crate::tui::update::{poll_search, search_pending, update};

/// Everything the loop works with besides the state: the terminal it draws on, how
/// it draws, where events come from, when to stop, and the world beyond the terminal
/// (the clipboard, the watcher's reloads, the editor).
pub struct LoopIo<'a, B: Backend> {
    /// Where frames are drawn.
    pub terminal: &'a mut Terminal<B>,
    /// The styles to draw with.
    pub theme: Theme,
    /// Whether mouse events act (capture is on).
    pub mouse: bool,
    /// Waits up to the given time for the next event.
    pub next_event: &'a mut dyn FnMut(Duration) -> io::Result<Option<Event>>,
    /// Set from outside (a signal) to end the loop.
    pub stop: &'a AtomicBool,
    /// Where the clipboard's escape sequence is written.
    pub clipboard: &'a mut dyn Write,
    /// Where the watcher's reloads arrive; None without a watcher.
    pub reloads: Option<&'a Receiver<Reload>>,
    /// Whether `next_event` returns as soon as a reload is sent (the watcher rings
    /// the wait's doorbell); if not, the loop wakes every few ms while one runs.
    pub reloads_ring: bool,
    /// Where the loop tells the watcher what is shown, so a reload is made ready for
    /// it off this thread; None without a watcher.
    pub shown: Option<&'a ShownView>,
    /// Runs the editor on a request, the terminal handed over: Ok carries a note for
    /// the status bar, Err why the editor did not run.
    pub edit: &'a mut dyn FnMut(&EditRequest) -> Result<String, String>,
}

/// Runs until the user quits or `io.stop` is set.
pub fn run_loop<B: Backend>(app: &mut App, mut io: LoopIo<'_, B>) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = io.terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let (mut dirty, mut reloading) = (true, false);
    while !app.session.should_quit && !io.stop.load(Ordering::Relaxed) {
        if dirty {
            io.terminal.draw(|frame| ui::draw(frame, app, io.theme))?;
            if let Some(shown) = io.shown {
                shown.tell(app);
            }
        }
        // After the frame, not before it: the first frame never waits for the index.
        app.start_index_build();
        // While a background search or a reload runs, wake often to pick up its end (a
        // channel cannot wake the terminal's poll, unless the watcher rings it).
        let wait = if reloading && !io.reloads_ring {
            5
        } else if search_pending(app) {
            10
        } else {
            200
        };
        let first = (io.next_event)(Duration::from_millis(wait))?;
        dirty = poll_search(app) | apply_reloads(app, &io, &mut reloading);
        if let Some(first) = first {
            dirty |= handle_burst(app, &mut io, first)?;
        }
    }
    Ok(())
}

/// Applies every reload the watcher has sent, in order; true if there was one.
/// `reloading` is left true while a load announced is not in yet.
fn apply_reloads<B: Backend>(app: &mut App, io: &LoopIo<'_, B>, reloading: &mut bool) -> bool {
    let mut any = false;
    if let Some(reloads) = io.reloads {
        for message in reloads.try_iter() {
            match message {
                Reload::Reading => *reloading = true,
                Reload::Texts(_) => {}
                _ => *reloading = false,
            }
            reload::apply(app, message);
            any = true;
        }
    }
    any
}

/// Handles `first` and everything already queued behind it before drawing again: a
/// burst of resizes or a pasted query costs one frame. True if any event was acted on.
fn handle_burst<B: Backend>(app: &mut App, io: &mut LoopIo<'_, B>, first: Event) -> Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let mut acted = false;
    let mut event = Some(first);
    while let Some(current) = event {
        if let Some(action) = action_for(app, &current, io.mouse) {
            acted = true;
            match update(app, action) {
                Some(Effect::Edit(request)) => edit(app, io, &request)?,
                Some(effect) => perform(app, effect, io.clipboard),
                None => {}
            }
        }
        if app.session.should_quit {
            break;
        }
        event = (io.next_event)(Duration::ZERO)?;
    }
    Ok(acted)
}

/// Hands the terminal to the editor, then draws the whole screen anew.
fn edit<B: Backend>(app: &mut App, io: &mut LoopIo<'_, B>, request: &EditRequest) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let outcome = (io.edit)(request);
    // The editor drew over everything: draw the whole screen anew. (Not
    // `Terminal::clear`, which asks the terminal where its cursor is, and fails after
    // a wait where nothing answers.)
    io.terminal.backend_mut().clear()?;
    io.terminal.draw(|_| {})?;
    let size = io.terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    match outcome {
        Ok(note) => app.info(note),
        Err(why) => app.error(why),
    }
    Ok(())
}

/// Carries out an effect; failures become status-bar messages, never exits.
pub(crate) fn perform(app: &mut App, effect: Effect, clipboard: &mut dyn Write) {
    match effect {
        Effect::Export { stem, markdown } => {
            match crate::fsutil::write_new_file(
                &app.session.export_dir,
                &stem,
                "md",
                markdown.as_bytes(),
            ) {
                Ok(path) => app.info(format!("exported to {}", path.display())),
                Err(err) => app.error(format!(
                    "export failed, nothing written: {} ({})",
                    err,
                    app.session.export_dir.display()
                )),
            }
        }
        Effect::Edit(_) => app.error("the editor can only be opened from the explorer's loop"),
        Effect::Copy(text) => {
            // Said only once it is known where the text went.
            let env = super::clipboard::ClipboardEnv::from_process();
            match super::clipboard::deliver(&text, &env, clipboard) {
                Ok(delivery) => {
                    let what = match app.session.message.take() {
                        Some((what, _)) => what,
                        None => "copied".to_owned(),
                    };
                    app.info(delivery.note(&what));
                }
                Err(why) => app.error(why),
            }
        }
    }
}
