//! Every integration test in one binary (as ripgrep and helix do): one link instead of
//! one per file, and helpers shared as a module, so unused ones are reported.

mod common;
#[path = "../../fuzz/src/lib.rs"]
mod fuzz_checks;

mod architecture;
mod as_of_paths;
mod asof_properties;
mod authoring_cli;
mod authoring_tui;
mod board_story;
mod broken_panel;
mod check_every_stage;
mod cli;
mod date_prompt;
mod detail_layout;
mod diff_candidacies;
mod docs;
mod draft_eval;
mod draft_keys;
mod draft_scores;
mod draft_seeds;
mod drafting;
mod editor_setting;
mod export;
mod export_stream;
mod fact_check;
mod filter_panes;
mod format_messages;
mod fuzz_regressions;
mod grounded;
mod grounded_detail;
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
mod text_layer;
mod time_travel;
mod trail_cursor;
mod tui_index_build;
mod tui_screens;
mod tui_state;
mod tui_themes;
mod usage_honesty;
mod wire_reports;
mod wire_screens;
