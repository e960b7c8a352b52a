//! The fast path against serde_json's parse of the whole text: the same records for
//! every fixture and for generated stories, on one thread or many, with the text given
//! back a page at a time; nothing for what serde_json refuses (the slow path explains).

use std::path::{Path, PathBuf};

use super::{Tuning, read_records};
use crate::story::EMBEDDED_STORY;
use crate::story::load::progress::Progress;
use crate::story::model::{FORMAT_VERSION, StoryFile};
use crate::synth::{SynthOptions, generate_json};

/// Small sizes: a small story goes through the mapping, the hand-backs and the threads.
const TINY: Tuning = Tuning {
    mapped_from: 0,
    release_step: 4096,
    parallel_from: 0,
};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for dir in [root.clone(), root.join("invalid"), root.join("grounded")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// What serde_json makes of the whole text, as the fast path should: a story of this
/// format, or nothing.
fn whole_text_parse(bytes: &[u8]) -> Option<serde_json::Value> {
    let file: StoryFile = serde_json::from_slice(bytes).ok()?;
    (file.format == FORMAT_VERSION).then(|| serde_json::to_value(&file).unwrap())
}

fn fast_path(path: &Path, threads: usize, tuning: &Tuning) -> Option<serde_json::Value> {
    let (file, length) = read_records(path, &Progress::new(), threads, tuning)?;
    assert_eq!(length as u64, std::fs::metadata(path).unwrap().len());
    Some(serde_json::to_value(&file).unwrap())
}

fn assert_same_as_whole_text(path: &Path) {
    let expected = whole_text_parse(&std::fs::read(path).unwrap());
    for threads in [1, 2, 3, 8] {
        for tuning in [&Tuning::LOADER, &TINY] {
            let got = fast_path(path, threads, tuning);
            assert!(
                got == expected,
                "{}: {threads} threads, {tuning:?}: fast path {}, whole text {}",
                path.display(),
                if got.is_some() { "read it" } else { "refused" },
                if expected.is_some() {
                    "reads it"
                } else {
                    "refuses"
                },
            );
        }
    }
}

#[test]
fn every_fixture_reads_as_its_whole_text_does() {
    let files = fixtures();
    assert!(files.len() > 20, "{}", files.len());
    for path in files {
        assert_same_as_whole_text(&path);
    }
}

#[test]
fn generated_stories_read_as_their_whole_text_does() {
    let dir = tempfile::tempdir().unwrap();
    for (events, seed) in [(0, 1), (1, 2), (40, 3), (2500, 4)] {
        let options = SynthOptions {
            events,
            entities: 50,
            seed,
        };
        let path = dir.path().join(format!("synth-{events}.json"));
        std::fs::write(&path, generate_json(&options)).unwrap();
        assert_same_as_whole_text(&path);
    }
}

#[test]
fn a_byte_order_mark_and_odd_spacing_are_read_as_serde_json_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let compact: serde_json::Value = serde_json::from_str(EMBEDDED_STORY).unwrap();
    let cases = [
        ("shipped.json", EMBEDDED_STORY.to_owned()),
        ("bom.json", format!("\u{feff}{EMBEDDED_STORY}")),
        ("compact.json", compact.to_string()),
        (
            "spaced.json",
            serde_json::to_string_pretty(&compact)
                .unwrap()
                .replace(',', " \t,\r\n "),
        ),
        ("trailing.json", format!("{EMBEDDED_STORY} x")),
        (
            "twice.json",
            EMBEDDED_STORY.replacen("\"format\": 1", "\"format\": 1, \"format\": 1", 1),
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let expected = whole_text_parse(text.trim_start_matches('\u{feff}').as_bytes());
        if name == "bom.json" {
            assert!(
                expected.is_some(),
                "the mark is skipped as the slow path skips it"
            );
        }
        for tuning in [&Tuning::LOADER, &TINY] {
            assert!(fast_path(&path, 2, tuning) == expected, "{name}");
        }
    }
}

#[test]
fn records_and_their_bytes_are_counted_once_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let options = SynthOptions {
        events: 2000,
        entities: 40,
        seed: 9,
    };
    let path = dir.path().join("counted.json");
    std::fs::write(&path, generate_json(&options)).unwrap();
    for threads in [1, 2, 5] {
        let progress = Progress::new();
        let (file, length) = read_records(&path, &progress, threads, &TINY).unwrap();
        let seen = progress.snapshot();
        let records = file.sources.len()
            + file.entities.len()
            + file.relations.len()
            + file.events.len()
            + file.candidates.len()
            + file.metrics.len()
            + file.disputes.len();
        assert_eq!(seen.records, records as u64, "{threads} threads");
        assert_eq!(seen.read, length as u64);
        // The records' own bytes: most of the file, never more than all of it.
        assert!(seen.parsed <= length as u64 && seen.parsed > length as u64 * 9 / 10);
    }
}

#[test]
fn a_file_not_as_long_as_it_was_said_to_be_is_left_to_the_slow_path() {
    use super::text::Text;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    std::fs::write(&path, EMBEDDED_STORY).unwrap();
    let length = EMBEDDED_STORY.len();
    let read = |said: usize, tuning: &Tuning, threads: usize| {
        let file = std::fs::File::open(&path).unwrap();
        Text::read(file, said, tuning, threads, |_| {}).unwrap()
    };
    for tuning in [&Tuning::LOADER, &TINY] {
        for threads in [1, 2, 3, 8] {
            // Shorter than said (cut while read), longer (written to since): not read.
            assert!(read(length + 10, tuning, threads).is_none());
            assert!(read(length - 10, tuning, threads).is_none());
            let text = read(length, tuning, threads).expect("as long as said");
            assert_eq!(text.bytes(), EMBEDDED_STORY.as_bytes());
        }
    }
}

/// Text in one-, two-, three- and four-byte characters, so page edges and cuts fall
/// inside characters.
fn mixed_script(length: usize) -> String {
    let pieces = ["a", "é", "中", "😀", " ", "ß", "漢字", "\n"];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < length {
        text.push_str(pieces[i % pieces.len()]);
        i = (i * 7 + 3) % 1009;
    }
    text
}

#[test]
fn utf8_is_checked_in_pieces_exactly_as_whole() {
    use super::text::is_utf8;
    let good = mixed_script(10_000).into_bytes();
    for parts in 1..=8 {
        assert!(is_utf8(&good, parts), "{parts} pieces");
    }
    // A stray continuation byte, a cut-short character and a byte never in UTF-8, at
    // places around where the pieces are cut.
    for at in [0, 1, 2, 1249, 1250, 1251, 2500, 3333, 5000, 9_999] {
        for bad in [&[0x80u8][..], &[0xE4, 0xB8], &[0xFF]] {
            let mut broken = good.clone();
            broken.splice(at..at, bad.iter().copied());
            assert!(std::str::from_utf8(&broken).is_err());
            for parts in 1..=8 {
                assert!(!is_utf8(&broken, parts), "{bad:?} at {at}, {parts} pieces");
            }
        }
    }
}

#[test]
fn what_is_given_back_leaves_the_text_utf8() {
    use super::text::{Releaser, Text};
    let text_of = mixed_script(256 * 1024);
    let tuning = Tuning {
        release_step: 32 * 1024,
        ..TINY
    };
    for step in [1usize, 999, 4096, 5000] {
        let text = Text::holding(&text_of, &tuning);
        let mut releaser = Releaser::new(&text, 0);
        for position in (0..text_of.len()).step_by(step) {
            releaser.passed(position);
            if position % 4096 < step {
                assert!(
                    std::str::from_utf8(text.bytes()).is_ok(),
                    "step {step}, at {position}"
                );
            }
        }
        assert!(std::str::from_utf8(text.bytes()).is_ok());
        // Most of it is gone: only a page where an edge falls inside a character is
        // kept, and the last step.
        let kept = text.bytes().iter().filter(|&&b| b != 0).count();
        assert!(kept < text_of.len() / 2, "step {step}: {kept} bytes kept");
    }
}
