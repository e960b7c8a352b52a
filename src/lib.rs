//! storyscope: a news story as a graph of sourced facts (core in `story`, terminal shell in `tui`).
pub mod cli;
pub mod color;
pub mod commands;
pub(crate) mod commands_meta;
pub mod completion;
pub mod config;
mod diagnostics_cli;
pub mod fsutil;
pub mod starter;
pub mod story;
pub mod synth;
pub mod tui;
