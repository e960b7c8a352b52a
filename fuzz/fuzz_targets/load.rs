//! Any bytes as a story file: the loader must answer with a story or with problems,
//! never a panic; a story that loads must survive search and every export.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| storyscope_fuzz::check_loader(data));
