//! A terminal event to the action it means, resolved against a plain snapshot of what
//! the keys act on now ([`KeyContext`]): the keymap's scopes first, then typing into
//! the search box or the palette's filter, then the mouse.

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::{Action, PaletteAction};
use super::keymap::{Keymap, Scope};

/// Where typed characters go when no binding claims them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// Nowhere: the panes have the keys.
    Nowhere,
    /// Into the search box's query.
    Search,
    /// Into the help palette's filter.
    Palette,
}

/// What an event is resolved against: the scopes whose bindings apply, in order,
/// where typing goes, and whether the mouse acts.
#[derive(Debug, Clone, Copy)]
pub struct KeyContext {
    /// The keymap scopes tried, first match wins.
    pub scopes: &'static [Scope],
    /// Where a character no binding takes is typed.
    pub typing: Typing,
    /// Whether clicks and the wheel mean anything now.
    pub mouse: bool,
}

/// The action `event` means in `context`, if any.
pub(crate) fn action_for(keymap: &Keymap, context: KeyContext, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if let Some(action) = keymap.resolve(*key, context.scopes) {
                return Some(action);
            }
            let typed = !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match (context.typing, key.code) {
                (Typing::Search, KeyCode::Char(c)) if typed => Some(Action::SearchInput(c)),
                (Typing::Palette, KeyCode::Char(c)) if typed => {
                    Some(Action::Palette(PaletteAction::Input(c)))
                }
                _ => None,
            }
        }
        Event::Mouse(m) if context.mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}
