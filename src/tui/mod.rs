//! The terminal explorer: panes, keyboard and mouse, search, export.

pub mod action;
pub mod app;
pub(crate) mod broken_file;
pub mod detail;
mod detail_cursor;
pub mod editor;
pub mod keymap;
pub mod keys;
pub mod layout;
pub(crate) mod new_since;
pub mod palette;
mod palette_update;
pub(crate) mod panes;
mod passage_toggle;
mod passage_view;
pub(crate) mod record_lines;
pub mod reload;
pub mod run;
pub mod theme;
mod themes;
pub mod trail;
pub mod ui;
pub mod update;
pub mod watch;
