//! What the keys act on now, as `input` needs it to resolve an event: the keymap
//! scopes of the mode and focused pane, where typing goes, whether the mouse acts.

use crossterm::event::Event;

use crate::tui::input::action::Action;
use crate::tui::input::event_action::{self, KeyContext, Typing};
use crate::tui::input::keymap::Scope;

use super::{App, Mode, Pane};

impl App {
    /// The snapshot `input` resolves events against; `mouse` is whether capture is on.
    pub fn key_context(&self, mouse: bool) -> KeyContext {
        let (scopes, typing): (&'static [Scope], Typing) = match self.overlay.mode {
            // The date prompt takes search's editing keys: Enter, Esc, Backspace.
            Mode::Search | Mode::Date => (&[Scope::Search], Typing::Search),
            Mode::Help => (&[Scope::Help], Typing::Palette),
            Mode::Normal if self.panes.focus == Pane::Detail => {
                (&[Scope::Detail, Scope::Global], Typing::Nowhere)
            }
            Mode::Normal => (&[Scope::Lists, Scope::Global], Typing::Nowhere),
        };
        KeyContext {
            scopes,
            typing,
            mouse: mouse && self.overlay.mode == Mode::Normal,
        }
    }
}

/// Turns a terminal event into an action for the current mode, if it means one.
pub fn action_for(app: &App, event: &Event, mouse: bool) -> Option<Action> {
    event_action::action_for(&app.session.keymap, app.key_context(mouse), event)
}
