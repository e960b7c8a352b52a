//! The terminal explorer: panes, keyboard and mouse, search, export.
//!
//! Five folders, each importing only the ones above it in this list:
//! - `input/`: keys and mouse to actions; the one keymap table (keys, help, hints).
//! - `app/`: the explorer's state, split into panes, Detail, overlays and session.
//! - `ui/`: drawing, one module per pane, overlay and bar; reads `&App` only. Its
//!   geometry (where each pane falls) is also what `update` hit-tests clicks against.
//! - `update/`: `update(&mut App, Action) -> Option<Effect>`; pure, no terminal I/O.
//! - `shell/`: the terminal itself: raw mode, the event loop, the file watcher and the
//!   editor hand-over. The only place that performs I/O.

pub mod app;
pub mod input;
pub mod shell;
pub mod ui;
pub mod update;
