//! storyscope: a news story as a graph of sourced facts (core in `story`, terminal shell in `tui`).
#![warn(unreachable_pub, missing_docs)]
pub mod allocator;
pub(crate) mod bad_input;
pub mod cli;
pub mod color;
pub mod commands;
pub(crate) mod completion;
pub mod config;
pub mod draft;
pub(crate) mod fsutil;
pub mod story;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod text;
pub mod tui;
