//! The messages for what a second story's author gets wrong first: closed values with
//! their synonyms, dates that are not ISO 8601, timestamps, backwards ranges, `null`
//! for a left-out field and a dispute about a source. Each fixture is the small story
//! with one thing changed; each message is asserted whole.

use std::path::{Path, PathBuf};

use storyscope::story::Place;
use storyscope::story::load::{Location, load_bytes};
use storyscope::story::{LoadError, Problem};

fn invalid(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

fn refuse(name: &str) -> LoadError {
    let bytes = std::fs::read(invalid(name)).expect("fixture exists");
    match load_bytes(&bytes, name) {
        Ok(_) => panic!("{name} loaded, but it is meant to be invalid"),
        Err(err) => err,
    }
}

/// A problem at `path`, in the record `id`, whose value starts at `line`:`column`.
fn at(
    path: &str,
    (id, line, column): (&str, usize, usize),
    message: &str,
    hint: Option<&str>,
) -> Problem {
    Problem {
        location: Location::Path(path.to_owned()),
        message: message.to_owned(),
        hint: hint.map(str::to_owned),
        place: Some(Place {
            id: Some(id.to_owned()),
            line,
            column,
        }),
    }
}

fn expect(name: &str, expected: &[Problem]) {
    assert_eq!(refuse(name).problems, expected, "{name}");
}

const BOUNDS: &str = "allowed: exact, about, over, exceeding, at_least, up_to, under";

#[test]
fn roughly_is_about() {
    expect(
        "bound_synonym.json",
        &[at(
            "metrics[0].bound",
            ("m-enterprises", 119, 16),
            "`roughly` is not an allowed value",
            Some(&format!("did you mean `about`? {BOUNDS}")),
        )],
    );
}

#[test]
fn more_than_is_over() {
    expect(
        "bound_more_than.json",
        &[at(
            "metrics[1].bound",
            ("m-share-move", 131, 16),
            "`more than` is not an allowed value",
            Some(&format!("did you mean `over`? {BOUNDS}")),
        )],
    );
}

#[test]
fn a_month_in_words_is_told_its_iso_form() {
    expect(
        "date_not_iso.json",
        &[at(
            "events[0].date",
            ("ev-choice", 71, 15),
            "`Nov 2023` is not a valid date: write `2023-11` (story files write dates in ISO 8601)",
            None,
        )],
    );
    expect(
        "date_day_month_year.json",
        &[at(
            "events[0].date",
            ("ev-choice", 71, 15),
            "`21 Nov 2023` is not a valid date: write `2023-11-21` (story files write dates in ISO 8601)",
            None,
        )],
    );
}

#[test]
fn a_timestamp_is_told_dates_have_no_time_of_day() {
    expect(
        "date_timestamp.json",
        &[at(
            "events[0].date",
            ("ev-choice", 71, 15),
            "`2023-11-21T23:00Z` is not a valid date: dates carry no time of day; write `2023-11-21`, the day in the timestamp's own offset (or a range like `2023-11-21/…` where the day differs by time zone)",
            None,
        )],
    );
}

#[test]
fn a_range_must_go_forwards() {
    expect(
        "date_backwards_range.json",
        &[at(
            "events[0].date",
            ("ev-choice", 71, 15),
            "`2023-11-22/21` is not a valid date: a range must end after it starts, and `2023-11-21` does not come after `2023-11-22` (use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn, a range like 2023-11-21/22, with a leading ~ if approximate)",
            None,
        )],
    );
}

#[test]
fn null_is_not_a_left_out_field() {
    expect(
        "null_stage_date.json",
        &[at(
            "candidates[0].stages[1].date",
            ("cand-baidu", 105, 19),
            "must not be null",
            Some(
                "leave an optional field out when there is nothing to say; a required one needs a string",
            ),
        )],
    );
}

#[test]
fn a_dispute_is_about_facts_only() {
    expect(
        "dispute_about_source.json",
        &[
            at(
                "disputes[0].about[1]",
                ("disp-baidu", 142, 31),
                "`wire` is a source: a dispute is about facts (entities, relations, events, candidacies, metrics)",
                Some(
                    "name the fact the sources disagree on; cite the source in a version's `cite`",
                ),
            ),
            at(
                "disputes[0].about[2]",
                ("disp-baidu", 142, 39),
                "`disp-baidu` is a dispute: a dispute is about facts (entities, relations, events, candidacies, metrics)",
                Some("name the facts themselves; one dispute cannot be about another"),
            ),
        ],
    );
}

#[test]
fn every_format_one_file_still_loads() {
    for file in [
        "tests/fixtures/small.json",
        "tests/fixtures/cjk.json",
        "tests/fixtures/boardroom.json",
        "assets/story.json",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let bytes = std::fs::read(&path).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(text.contains("\"format\": 1"), "{file} is format 1");
        load_bytes(&bytes, file).unwrap_or_else(|err| panic!("{err}"));
    }
}

#[test]
fn the_schema_offers_known_kinds_as_examples_not_as_the_only_values() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .arg("schema")
        .output()
        .unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let defs = &schema["$defs"];
    for (name, known) in [
        ("RelationKind", "partners_with"),
        ("SourceKind", "article"),
        ("StageKind", "selected"),
        ("Basis", "year_on_year"),
    ] {
        let def = &defs[name];
        assert!(def.get("enum").is_none(), "{name} is closed: {def}");
        assert_eq!(def["type"], "string", "{name}");
        let examples = def["examples"].as_array().expect("examples for editors");
        assert!(examples.iter().any(|e| e == known), "{name}: {examples:?}");
        assert!(def["pattern"].is_string(), "{name}");
    }
    // Closed vocabularies stay enums.
    assert!(defs["Bound"].to_string().contains("\"about\""));
    // A left-out field is left out: `null` is not a value the schema allows.
    let stage_date = defs["Stage"]["properties"]["date"].to_string();
    assert!(!stage_date.contains("null"), "{stage_date}");
}
