//! Any text in every text field of a small valid story: every Markdown export must keep
//! its shape (one H1, whole tables, matching footnotes, no links, images or HTML).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| storyscope_fuzz::check_export_text(data));
