//! One invalid story file per class of loader error: each must be refused with the
//! exact message, location and hint a story author needs, through the library and
//! through `storyscope check`.

use std::path::{Path, PathBuf};
use std::process::Command;

use storyscope::story::Place;
use storyscope::story::load::{Location, load_bytes, load_path};
use storyscope::story::{LoadError, Problem};

/// `problem` as found in the file: inside the record `id`, at `line`:`column`.
fn placed(problem: Problem, id: &str, line: usize, column: usize) -> Problem {
    Problem {
        place: Some(Place {
            id: Some(id.to_owned()),
            line,
            column,
        }),
        ..problem
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn invalid(name: &str) -> PathBuf {
    fixture("invalid").join(name)
}

fn path(p: &str) -> Location {
    Location::Path(p.to_owned())
}

/// Loads a fixture from bytes and returns the error (the file must be refused).
fn refuse(name: &str) -> LoadError {
    let bytes = std::fs::read(invalid(name)).expect("fixture exists");
    match load_bytes(&bytes, name) {
        Ok(_) => panic!("{name} loaded, but it is meant to be invalid"),
        Err(err) => err,
    }
}

/// The one problem a fixture must produce, checked field by field, and the same problem
/// as `storyscope check --story FILE` reports it.
fn expect_single(name: &str, location: Location, message: &str, hint: Option<&str>) {
    let err = refuse(name);
    assert_eq!(err.origin, name);
    assert_eq!(
        err.problems.len(),
        1,
        "{name}: expected one problem, got {:#?}",
        err.problems
    );
    let problem = &err.problems[0];
    assert_eq!(problem.location, location, "{name}: location");
    assert_eq!(problem.message, message, "{name}: message");
    assert_eq!(problem.hint.as_deref(), hint, "{name}: hint");
    if matches!(problem.location, Location::Path(_)) {
        let place = problem.place.as_ref();
        assert!(
            place.is_some_and(|p| p.line > 0 && p.column > 0),
            "{name}: every message at a path gives its line and column: {problem:?}"
        );
    }
    check_binary_reports(&invalid(name), std::slice::from_ref(problem));
}

/// Runs `storyscope check --story FILE`: exit 2, nothing on stdout, and stderr naming
/// the file, each problem's location and message.
fn check_binary_reports(file: &Path, problems: &[Problem]) {
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .arg("check")
        .arg("--story")
        .arg(file)
        .output()
        .expect("run storyscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: stderr was {stderr}",
        file.display()
    );
    assert!(output.stdout.is_empty(), "nothing on stdout for a bad file");
    let shown = file.display().to_string();
    let noun = if problems.len() == 1 {
        "problem"
    } else {
        "problems"
    };
    assert!(
        stderr.starts_with(&format!(
            "storyscope: {shown}: {} {noun}, the story was not loaded:\n",
            problems.len()
        )),
        "{stderr}"
    );
    for problem in problems {
        let line = format!("  {shown}: {problem}");
        assert!(stderr.contains(&line), "stderr lacks {line:?}:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_base_fixture_is_valid() {
    let story = load_path(&fixture("small.json")).expect("small.json loads");
    let file = &story.file;
    assert_eq!(file.entities.len(), 4);
    assert!(
        file.entities.iter().any(|e| e.name == "阿里巴巴"),
        "a CJK name is covered"
    );
    assert_eq!(file.candidates.len(), 1);
    assert_eq!(file.disputes.len(), 1);
    assert_eq!(file.metrics.len(), 2);
    let daily = story.source_index("daily");
    let wire = story.source_index("wire");
    assert_eq!(file.sources[daily].via.as_deref(), Some("wire"));
    assert_eq!(story.source_root(daily), wire, "two articles, one origin");
}

#[test]
fn invalid_json_points_at_line_and_column() {
    // A comma is missing after `"kind": "report"` on line 10; the parser notices at the
    // next field.
    expect_single(
        "invalid_json.json",
        Location::LineColumn {
            line: 11,
            column: 7,
        },
        "expected `,` or `}`",
        Some("the file is not valid JSON"),
    );
}

#[test]
fn truncated_json_says_it_ends_too_early() {
    expect_single(
        "truncated.json",
        Location::LineColumn {
            line: 44,
            column: 6,
        },
        "EOF while parsing an object",
        Some("the file ends too early; was it cut off?"),
    );
}

#[test]
fn wrong_type_names_the_field_and_the_json_type_wanted() {
    expect_single(
        "wrong_type.json",
        path("metrics[0].value"),
        "invalid type: string \"300000\", expected a number",
        Some("write the number without quotes"),
    );
}

#[test]
fn unknown_field_suggests_the_near_miss() {
    expect_single(
        "unknown_field.json",
        path("events[0].titel"),
        "unknown field `titel`",
        Some("did you mean `title`?"),
    );
}

#[test]
fn unknown_top_level_field_suggests_the_near_miss() {
    let text = std::fs::read_to_string(fixture("small.json"))
        .unwrap()
        .replacen("\"events\":", "\"evnets\":", 1);
    let err = load_bytes(text.as_bytes(), "typo").unwrap_err();
    let expected =
        Problem::at("evnets", "unknown field `evnets`").with_hint("did you mean `events`?");
    // A top-level field has no record, so no id; the place is the value's.
    let expected = Problem {
        place: Some(Place {
            id: None,
            line: 67,
            column: 13,
        }),
        ..expected
    };
    assert_eq!(err.problems, [expected]);
}

#[test]
fn duplicate_id_names_the_first_use() {
    expect_single(
        "duplicate_id.json",
        path("entities[3].id"),
        "duplicate id `alibaba`, first used at entities[1]",
        Some("ids must be unique across the whole file"),
    );
}

#[test]
fn reference_to_an_unknown_id_suggests_the_near_miss() {
    expect_single(
        "unknown_reference.json",
        path("events[0].entities[1]"),
        "unknown entity `alibabba`",
        Some("did you mean `alibaba`?"),
    );
}

#[test]
fn reference_to_the_wrong_kind_of_record_says_which_kind() {
    let text = std::fs::read_to_string(fixture("small.json"))
        .unwrap()
        .replacen("\"to\": \"qwen\"", "\"to\": \"ev-choice\"", 1);
    let err = load_bytes(text.as_bytes(), "wrong kind").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{:#?}", err.problems);
    assert_eq!(err.problems[0].location, path("relations[0].to"));
    assert_eq!(
        err.problems[0].message,
        "`ev-choice` is an event, not an entity"
    );
}

const DATE_FORMS: &str = "(use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn, a range like 2023-11-21/22, with a leading ~ if approximate)";

#[test]
fn impossible_day_of_february() {
    expect_single(
        "date_february_30.json",
        path("events[0].date"),
        &format!(
            "`2025-02-30` is not a valid date: Feb 2025 has days 1 to 28, not 30 {DATE_FORMS}"
        ),
        None,
    );
}

#[test]
fn impossible_month() {
    expect_single(
        "date_month_13.json",
        path("events[0].date"),
        &format!("`2025-13-40` is not a valid date: months run from 01 to 12, not 13 {DATE_FORMS}"),
        None,
    );
}

#[test]
fn five_digit_year() {
    expect_single(
        "date_five_digit_year.json",
        path("events[0].date"),
        &format!("`99999` is not a valid date: the year must be 4 digits {DATE_FORMS}"),
        None,
    );
}

#[test]
fn empty_name() {
    expect_single(
        "empty_name.json",
        path("entities[1].name"),
        "must not be empty or only spaces",
        None,
    );
}

#[test]
fn whitespace_only_name() {
    expect_single(
        "blank_name.json",
        path("entities[1].name"),
        "must not be empty or only spaces",
        None,
    );
}

#[test]
fn fact_without_citation() {
    expect_single(
        "fact_without_citation.json",
        path("events[0].cite"),
        "a fact without a citation",
        Some("add {\"source\": \"<source id>\", \"para\": N}"),
    );
}

#[test]
fn citation_of_an_unknown_source() {
    expect_single(
        "unknown_source.json",
        path("events[0].cite[1].source"),
        "unknown source `dialy`",
        Some("did you mean `daily`?"),
    );
}

#[test]
fn wrong_format_version() {
    expect_single(
        "wrong_format.json",
        path("format"),
        "format 2 is not one this build reads",
        Some("this build reads format 1"),
    );
}

#[test]
fn top_level_array() {
    let err = refuse("top_level_array.json");
    assert_eq!(err.problems[0].location.to_string(), "top level");
    expect_single(
        "top_level_array.json",
        path(""),
        "the story must be a JSON object, not an array",
        Some("see docs/story-format.md for the layout"),
    );
}

#[test]
fn empty_file() {
    expect_single(
        "empty.json",
        Location::File,
        "the file is empty",
        Some("a story file is a JSON object; see docs/story-format.md"),
    );
}

#[test]
fn whitespace_only_file_counts_as_empty() {
    expect_single(
        "whitespace_only.json",
        Location::File,
        "the file is empty",
        Some("a story file is a JSON object; see docs/story-format.md"),
    );
}

#[test]
fn not_utf8_gives_the_offset_and_line() {
    let bytes = std::fs::read(invalid("not_utf8.json")).unwrap();
    let offset = bytes
        .iter()
        .position(|&b| b == 0xE9)
        .expect("the fixture holds a Latin-1 é");
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    expect_single(
        "not_utf8.json",
        Location::File,
        &format!("not UTF-8 text: invalid byte at offset {offset} (line {line})"),
        Some("story files are JSON in UTF-8"),
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(fixture("small.json")).unwrap());
    let story = load_bytes(&bytes, "with BOM").expect("a UTF-8 BOM does not make a file invalid");
    assert_eq!(story.file.entities.len(), 4);
}

#[test]
fn missing_file() {
    let missing = invalid("no-such-story.json");
    let err = load_path(&missing).unwrap_err();
    assert_eq!(err.origin, missing.display().to_string());
    assert_eq!(err.problems, [Problem::file("no such file")]);
    check_binary_reports(&missing, &err.problems);
}

#[test]
fn a_directory_is_not_a_story() {
    let folder = fixture("invalid");
    let err = load_path(&folder).unwrap_err();
    assert_eq!(
        err.problems,
        [Problem::file("this is a folder, not a story file")]
    );
    check_binary_reports(&folder, &err.problems);
}

#[test]
fn every_broken_reference_name_and_citation_is_reported_at_once() {
    let err = refuse("several_problems.json");
    let expected = [
        placed(
            Problem::at(
                "entities[2].id",
                "duplicate id `apple`, first used at entities[0]",
            )
            .with_hint("ids must be unique across the whole file"),
            "apple",
            63,
            13,
        ),
        placed(
            Problem::at("entities[3].name", "must not be empty or only spaces"),
            "qwen",
            76,
            15,
        ),
        placed(
            Problem::at("events[0].entities[1]", "unknown entity `alibabba`")
                .with_hint("did you mean `alibaba`?"),
            "ev-choice",
            111,
            9,
        ),
        placed(
            Problem::at("metrics[1].cite", "a fact without a citation")
                .with_hint("add {\"source\": \"<source id>\", \"para\": N}"),
            "m-share-move",
            210,
            15,
        ),
        placed(
            Problem::at(
                "disputes[0].variants[1].cite[0].source",
                "unknown source `wier`",
            )
            .with_hint("did you mean `wire`?"),
            "disp-baidu",
            234,
            25,
        ),
    ];
    assert_eq!(err.problems, expected);
    check_binary_reports(&invalid("several_problems.json"), &expected);
}

#[test]
fn every_malformed_record_is_reported_at_once() {
    let err = refuse("several_shape_problems.json");
    let expected = [
        placed(
            Problem::at(
                "sources[1].kind",
                "`News Article` is not a kind: a kind is lowercase words joined by `_`, like `member_of`, at most 64 characters; write `news_article`",
            ),
            "daily",
            18,
            15,
        ),
        placed(
            Problem::at("events[0].titel", "unknown field `titel`")
                .with_hint("did you mean `title`?"),
            "ev-choice",
            127,
            16,
        ),
        placed(
            Problem::at(
                "events[1].date",
                format!(
                    "`2025-02-30` is not a valid date: Feb 2025 has days 1 to 28, not 30 {DATE_FORMS}"
                ),
            ),
            "ev-launch",
            132,
            15,
        ),
        placed(
            Problem::at(
                "metrics[0].value",
                "invalid type: string \"300000\", expected a number",
            )
            .with_hint("write the number without quotes"),
            "m-enterprises",
            187,
            16,
        ),
    ];
    assert_eq!(err.problems, expected);
    check_binary_reports(&invalid("several_shape_problems.json"), &expected);
}

#[test]
fn every_invalid_fixture_is_refused_without_panicking() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixture("invalid")).unwrap() {
        let file = entry.unwrap().path();
        let bytes = std::fs::read(&file).unwrap();
        let err = load_bytes(&bytes, "fixture").err();
        let err = err.unwrap_or_else(|| panic!("{} loaded", file.display()));
        assert!(!err.problems.is_empty());
        for problem in &err.problems {
            assert!(
                !problem.message.trim().is_empty(),
                "{}: empty message",
                file.display()
            );
        }
        seen += 1;
    }
    assert!(seen >= 19, "only {seen} invalid fixtures");
}

#[test]
fn a_metric_without_value_range_or_words() {
    expect_single(
        "metric_without_amount.json",
        path("metrics[1]"),
        "a metric needs a `value`, a `range` or `qualitative` words",
        Some("write \"value\": 13, \"range\": [2, 3], or \"qualitative\": \"nearly all\""),
    );
}

#[test]
fn a_range_written_high_to_low() {
    expect_single(
        "metric_range_backwards.json",
        path("metrics[1].range"),
        "a range runs from low to high",
        Some("write [3, 5]"),
    );
}

#[test]
fn a_currency_symbol_where_a_code_goes() {
    expect_single(
        "metric_currency_symbol.json",
        path("metrics[0].currency"),
        "`$` is not a currency code",
        Some("write `USD`"),
    );
}

#[test]
fn words_with_a_bound() {
    expect_single(
        "metric_words_with_bound.json",
        path("metrics[0].bound"),
        "the words already say how far (\"nearly all\")",
        Some("drop `bound` from a qualitative metric"),
    );
}
