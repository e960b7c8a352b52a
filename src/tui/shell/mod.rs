//! The terminal shell: raw mode and the alternate screen (restored on quit, error,
//! panic and signals), the event loop that feeds `update` and draws with `ui`, the
//! story-file watcher, and handing the terminal to the editor.
//!
//! May import: everything in `tui` and the story; nothing in `tui` imports it.

pub mod editor;
pub mod event_loop;
pub mod terminal;
pub mod watch;
