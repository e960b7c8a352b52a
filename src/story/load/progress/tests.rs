//! The progress-reporting load: the same story and the same problems as `load_path`,
//! and figures that are the parse's own.

use super::*;
use crate::story::load::load_path;
use crate::story::model::StoryFile;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn records(file: &StoryFile) -> u64 {
    (file.sources.len()
        + file.entities.len()
        + file.relations.len()
        + file.events.len()
        + file.candidates.len()
        + file.metrics.len()
        + file.disputes.len()) as u64
}

#[test]
fn loads_the_same_story_as_load_path_and_counts_every_record() {
    for name in [
        "small.json",
        "boardroom.json",
        "wire_reports.json",
        "cjk.json",
    ] {
        let path = fixture(name);
        let progress = Progress::new();
        let story = load_path_with_progress(&path, &progress).unwrap();
        let plain = load_path(&path).unwrap();
        assert_eq!(
            serde_json::to_string(&*story.file).unwrap(),
            serde_json::to_string(&*plain.file).unwrap(),
            "{name}"
        );
        let length = std::fs::metadata(&path).unwrap().len();
        let seen = progress.snapshot();
        assert_eq!(seen.records, records(&story.file), "{name}");
        assert_eq!(
            (seen.total, seen.read, seen.parsed),
            (length, length, length)
        );
        assert_eq!(seen.stage, Stage::Checking);
        assert_eq!(seen.ratio(), 1.0);
    }
}

#[test]
fn a_broken_file_gets_the_problems_load_path_gives() {
    for name in [
        "invalid/several_problems.json",
        "invalid/unknown_field.json",
        "invalid/truncated.json",
        "invalid/duplicate_id.json",
        "invalid/wrong_format.json",
        "invalid/not_utf8.json",
        "invalid/empty.json",
    ] {
        let path = fixture(name);
        let with_progress = load_path_with_progress(&path, &Progress::new()).unwrap_err();
        let plain = load_path(&path).unwrap_err();
        assert_eq!(with_progress.to_string(), plain.to_string(), "{name}");
    }
}

#[test]
fn ratio_follows_the_stage() {
    let mut seen = ProgressSnapshot {
        stage: Stage::Reading,
        total: 200,
        read: 50,
        parsed: 0,
        records: 0,
    };
    assert_eq!(seen.ratio(), 0.25);
    seen.stage = Stage::Parsing;
    seen.parsed = 150;
    assert_eq!(seen.ratio(), 0.75);
    seen.total = 0;
    assert_eq!(seen.ratio(), 0.0);
}

#[test]
fn the_bytes_read_only_grow_when_readers_report_out_of_order() {
    // Parts of a file are read on several threads; a slower one's older total must not
    // move the bar back.
    let progress = Progress::new();
    progress.read_to(2048);
    progress.read_to(1024);
    assert_eq!(progress.snapshot().read, 2048);
}

/// A big story loaded to be shown (the explorer, its reloads, exports) comes with its
/// timeline order made; loaded to be checked, without.
#[test]
fn a_big_story_loaded_to_be_shown_comes_sorted() {
    let events = crate::story::graph::SORTED_WHILE_CHECKING_FROM;
    let json = crate::synth::generate_json(&crate::synth::SynthOptions {
        events,
        entities: 200,
        seed: 6,
    });
    let path = std::env::temp_dir().join(format!("storyscope-sorted-{}.json", std::process::id()));
    std::fs::write(&path, json).unwrap();
    let sort = |story: Result<Story, LoadError>| story.unwrap().sort_of_narrowed();
    let shown = sort(crate::story::load::load_path_to_show(&path));
    let with_progress = sort(load_path_with_progress(&path, &Progress::new()));
    let checked = sort(load_path(&path));
    std::fs::remove_file(&path).unwrap();
    assert_eq!(shown, Sort::WhileChecking);
    assert_eq!(with_progress, Sort::WhileChecking);
    assert_eq!(checked, Sort::OnFirstUse);
}
