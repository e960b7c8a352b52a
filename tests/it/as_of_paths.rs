//! `--as-of` on the command line stays honest about the file: lint paths name the
//! file's own records, stages and citations (a narrowed story numbers only what was
//! known then); a record not known yet is "not known as of", not missing; and `check`
//! before the first source says nothing is known rather than "ok" with zeros.

use crate::common::storyscope_in_repo as storyscope;

const WIRE: &str = "tests/fixtures/wire_reports.json";

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The record at `list[index]` of the fixture file, as JSON.
fn file_record(list: &str, index: usize) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(WIRE);
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file[list][index].clone()
}

/// `entities[9]` → ("entities", 9) and the rest of the line, for each report line
/// naming a whole record.
fn record_lines(report: &str) -> Vec<(String, usize, String)> {
    report
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once("] ")?;
            let path = &rest[..rest.find(' ')?];
            let (list, index) = path.split_once('[')?;
            let index = index.strip_suffix(']')?.parse().ok()?;
            Some((list.to_owned(), index, rest.to_owned()))
        })
        .collect()
}

#[test]
fn lint_as_of_paths_name_the_files_own_records() {
    let output = storyscope(&[
        "lint",
        "--story",
        WIRE,
        "--as-of",
        "2031-06-03",
        "--verbose",
    ]);
    let report = text(&output.stdout);
    let mut named = 0;
    for (list, index, line) in record_lines(&report) {
        // The finding is about the record the path names in the file: its id and its
        // name, title or label (the message names the record it is about).
        let record = file_record(&list, index);
        let id = record["id"].as_str().unwrap();
        assert!(
            line.contains(&format!("({id})")),
            "{list}[{index}] is {id}: {line}"
        );
        let shown = ["name", "title", "label"]
            .iter()
            .find_map(|k| record[k].as_str());
        if let Some(shown) = shown {
            assert!(line.contains(shown), "{list}[{index}] is {shown}: {line}");
            named += 1;
        }
    }
    assert!(named > 5, "{report}");
}

#[test]
fn lint_as_of_paths_name_the_files_own_stages_and_citations() {
    let output = storyscope(&[
        "lint",
        "--story",
        WIRE,
        "--as-of",
        "2031-06-03",
        "--verbose",
    ]);
    let report = text(&output.stdout);
    // On 3 June cand-okonkwo is the second candidacy known and its first stage known is
    // its second in the file; ev-allies keeps only its second citation.
    assert!(
        report.contains("candidates[2].stages[1] (cand-okonkwo)"),
        "{report}"
    );
    assert!(report.contains("events[3].cite[1] (ev-allies)"), "{report}");
    let json = storyscope(&["lint", "--story", WIRE, "--as-of", "2031-06-03", "--json"]);
    let json = text(&json.stdout);
    assert!(
        json.contains("\"location\": \"events[3].cite[1]\""),
        "{json}"
    );
}

#[test]
fn a_record_not_yet_known_is_not_called_missing() {
    let output = storyscope(&[
        "export",
        "entity",
        "--id",
        "sato",
        "--story",
        WIRE,
        "--as-of",
        "2031-06-03",
    ]);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.contains("entity `sato` is not known as of 3 Jun 2031 (first known 5 Jun 2031)"),
        "{message}"
    );
    let output = storyscope(&[
        "export",
        "record",
        "--id",
        "ev-meeting",
        "--story",
        WIRE,
        "--as-of",
        "2031-06-05",
    ]);
    let message = text(&output.stderr);
    assert!(
        message
            .contains("event `ev-meeting` is not known as of 5 Jun 2031 (first known 6 Jun 2031)"),
        "{message}"
    );
    // An id the file lacks is still missing.
    let output = storyscope(&[
        "export",
        "entity",
        "--id",
        "nobody",
        "--story",
        WIRE,
        "--as-of",
        "2031-06-03",
    ]);
    assert!(text(&output.stderr).contains("no entity with id `nobody`"));
}

#[test]
fn check_before_the_first_source_says_nothing_is_known() {
    let output = storyscope(&["check", "--story", WIRE, "--as-of", "2031-06-01"]);
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("nothing is known as of 1 Jun 2031: no source counts before 2 Jun 2031"),
        "{out}"
    );
    assert!(!out.contains("entities   0"), "{out}");
    // On the first source's day the counts are back.
    let output = storyscope(&["check", "--story", WIRE, "--as-of", "2031-06-02"]);
    assert!(text(&output.stdout).contains("as of 2 Jun 2031\n  entities"));
}
