//! A story read from disk is reported exactly as the same bytes in memory: `load_path`
//! lets the file's text go before validation and reads it again only to place
//! problems, and that must not lose or move a line:column.

use std::path::Path;

use storyscope::story::load::{load_bytes, load_path};

fn invalid_fixtures() -> Vec<std::path::PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("the invalid fixtures")
        .map(|entry| entry.expect("a fixture").path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_invalid_fixture_reads_the_same_from_disk_as_from_memory() {
    let mut placed_after_validation = 0;
    for file in invalid_fixtures() {
        let bytes = std::fs::read(&file).expect("fixture exists");
        let origin = file.display().to_string();
        let from_memory = load_bytes(&bytes, &origin).expect_err("an invalid fixture");
        let from_disk = load_path(&file).expect_err("an invalid fixture");
        assert_eq!(from_disk.origin, from_memory.origin);
        assert_eq!(from_disk.problems, from_memory.problems, "{origin}");
        // Problems found by validation (parsed fine, then refused) carry a place.
        if from_disk.problems.iter().any(|p| p.place.is_some()) {
            placed_after_validation += 1;
        }
    }
    assert!(placed_after_validation > 10, "{placed_after_validation}");
}
