//! Every integration test in one binary (as ripgrep and helix do): one link instead of
//! one per file, and helpers shared as a module, so unused ones are reported.

mod common;
#[path = "../../fuzz/src/lib.rs"]
mod fuzz_checks;

mod architecture;
mod asof_properties;
mod authoring_cli;
mod authoring_tui;
mod board_story;
mod cli;
mod detail_layout;
mod docs;
mod export;
mod export_stream;
mod fact_check;
mod format_messages;
mod fuzz_regressions;
mod hostile_files;
mod json_output;
mod load_from_disk;
mod loader_errors;
mod manners;
mod properties;
mod provenance_views;
mod pty;
mod readme_explorer;
mod record_copy;
mod screen_room;
mod search_typos;
mod second_story;
mod synth;
mod time_travel;
mod tui_index_build;
mod tui_screens;
mod tui_state;
mod tui_themes;
