//! Keys and mouse to actions: every action the explorer knows, the one keymap table
//! (which drives key handling, the help palette and the status-bar hints), how keys
//! are written and read back, and the resolution of a terminal event to an action.
//!
//! May import: crossterm and the standard library; nothing else of `tui` (the state
//! it resolves against comes in as a plain `KeyContext`).

pub(crate) mod action;
pub(crate) mod event_action;
pub(crate) mod key_names;
pub(crate) mod keymap;

pub use action::Action;
pub use keymap::{BINDINGS, Binding, Keymap, Scope, by_scope};
