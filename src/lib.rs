//! storyscope: a news story as a graph of sourced facts (core in `story`, terminal shell in `tui`).
pub mod cli;
pub mod commands;
mod diagnostics_cli;
pub mod fsutil;
pub mod story;
pub mod synth;
pub mod tui;
