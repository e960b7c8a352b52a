//! The terminal shell: raw mode and the alternate screen (restored on quit, error,
//! panic and signals), the event loop that feeds `update` and draws with `ui`, the
//! story-file watcher, and handing the terminal to the editor.
//!
//! May import: everything in `tui` and the story; nothing in `tui` imports it.

pub(crate) mod clipboard;
#[cfg(unix)]
pub(crate) mod doorbell;
pub(crate) mod editor;
pub(crate) mod editor_template;
pub(crate) mod event_loop;
pub(crate) mod loading;
pub(crate) mod settle;
pub(crate) mod taking_turns;
pub(crate) mod terminal;
pub(crate) mod watch;

#[cfg(unix)]
pub use doorbell::{Doorbell, Ringer};
pub use editor::run_editor;
pub use event_loop::{LoopIo, run_loop};
pub use loading::{LoadingIo, Waited, spawn_load, wait_for_story};
pub use terminal::exit_once;
pub use watch::StoryWatcher;
