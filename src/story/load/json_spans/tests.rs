//! Unit tests of `json_spans`: spans, lines and columns, paths, record offsets.

use super::*;

const DOC: &str = r#"{
  "format": 1,
  "story": {"title": "Héllo \"quoted\" [x]", "id": "s"},
  "sources": [ {"id": "a", "note": "}]"}, {"id": "b\u0041"} ],
  "events": [
    {"id": "e0", "entities": ["x", "y"]},
    {"entities": [], "id": 7},
    [1, 2]
  ],
  "candidates": [{"id": "c", "stages": [{"date": "2025"}, {"date": "2026"}]}]
}"#;

fn value_at(path: &str) -> Option<&'static str> {
    locate(DOC, path).map(|at| &DOC[at..value_end(DOC, at)])
}

#[test]
fn value_end_skips_strings_with_brackets_and_escaped_quotes() {
    let text = r#"["a\"]", {"b": "}"}, 12 ] tail"#;
    assert_eq!(value_end(text, 0), text.len() - " tail".len());
    assert_eq!(value_end(text, 1), r#"["a\"]""#.len());
    let number = text.find("12").unwrap();
    assert_eq!(&text[number..value_end(text, number)], "12");
}

#[test]
fn items_and_members_cut_values_apart() {
    let found: Vec<&str> = items(" [1, \"two\" ,{\"x\":[]} ]", 0).unwrap().collect();
    assert_eq!(found, ["1", "\"two\"", "{\"x\":[]}"]);
    assert_eq!(items("[ ]", 0).unwrap().count(), 0);
    let found: Vec<(&str, &str)> = members("{\"a\" : 1,\"b\":{}}", 0).unwrap().collect();
    assert_eq!(found, [("\"a\"", "1"), ("\"b\"", "{}")]);
    assert!(items("{}", 0).is_none());
    assert!(members("[]", 0).is_none());
}

#[test]
fn kind_names_a_value_by_its_first_byte() {
    assert_eq!(kind(" {"), "an object");
    assert_eq!(kind("["), "an array");
    assert_eq!(kind("\"x\""), "a string");
    assert_eq!(kind("false"), "a boolean");
    assert_eq!(kind("null"), "null");
    assert_eq!(kind("-3"), "a number");
}

#[test]
fn line_col_counts_lines_and_characters() {
    let text = "ab\nçé\"x\n";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, 2), (1, 3));
    assert_eq!(line_col(text, 3), (2, 1));
    let quote = text.find('"').unwrap();
    assert_eq!(
        line_col(text, quote),
        (2, 3),
        "columns count characters, not bytes"
    );
    assert_eq!(
        line_col(text, quote - 1),
        (2, 2),
        "inside a character: its start"
    );
    assert_eq!(line_col(text, 999), (3, 1));
    assert_eq!(line_col("", 0), (1, 1));
}

#[test]
fn line_col_places_a_config_file_error() {
    // The config file's TOML errors are placed by the same function.
    let text = "a = 1\nbé = 2\n";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, 6), (2, 1));
    assert_eq!(line_col(text, 10), (2, 4));
}

#[test]
fn line_index_agrees_with_line_col() {
    let index = LineIndex::new(DOC);
    for byte in 0..=DOC.len() + 2 {
        assert_eq!(index.line_col(byte), line_col(DOC, byte), "byte {byte}");
    }
}

#[test]
fn line_index_agrees_with_line_col_across_its_checkpoints() {
    // Lines far longer than the index's checkpoint step, with characters of every
    // width straddling the checkpoints, and short lines after them.
    let long: String = "aé中😀".repeat(3_000);
    let text = format!("{long}\n{long}\nx\n\n{long}");
    let index = LineIndex::new(&text);
    for byte in (0..=text.len() + 1).step_by(61).chain(4090..4110) {
        assert_eq!(index.line_col(byte), line_col(&text, byte), "byte {byte}");
    }
}

#[test]
fn locate_follows_keys_and_indexes() {
    assert_eq!(value_at("format"), Some("1"));
    assert_eq!(value_at("story.title"), Some(r#""Héllo \"quoted\" [x]""#));
    assert_eq!(value_at("sources[1]"), Some(r#"{"id": "b\u0041"}"#));
    assert_eq!(value_at("events[0].entities[1]"), Some("\"y\""));
    assert_eq!(value_at("events[1].id"), Some("7"));
    assert_eq!(value_at("events[2][1]"), Some("2"));
    assert_eq!(value_at("candidates[0].stages[1].date"), Some("\"2026\""));
    assert_eq!(locate(DOC, ""), Some(0));
    let (line, column) = line_col(DOC, locate(DOC, "events[0].entities[1]").unwrap());
    assert_eq!((line, column), (6, 36));
}

#[test]
fn locate_says_none_for_what_is_not_there() {
    for path in [
        "nope",
        "events[3]",
        "events[0].when",
        "story[0]",
        "format.x",
        "events[x]",
        "events[0]..id",
        ".format",
        "events[0",
    ] {
        assert_eq!(locate(DOC, path), None, "{path}");
    }
}

#[test]
fn record_offsets_lists_every_record_with_its_id() {
    let records = record_offsets(DOC);
    let shown: Vec<(&str, Option<&str>, &str)> = records
        .iter()
        .map(|(path, id, at)| (path.as_str(), id.as_deref(), &DOC[*at..*at + 1]))
        .collect();
    assert_eq!(
        shown,
        [
            ("sources[0]", Some("a"), "{"),
            ("sources[1]", Some("bA"), "{"),
            ("events[0]", Some("e0"), "{"),
            ("events[1]", None, "{"),
            ("events[2]", None, "["),
            ("candidates[0]", Some("c"), "{"),
        ]
    );
    for (path, _, at) in &records {
        assert_eq!(locate(DOC, path), Some(*at), "{path}");
    }
}

#[test]
fn record_offsets_takes_a_repeated_list_once_and_skips_non_lists() {
    let text =
        "\u{feff} {\"events\": [{\"id\": \"a\"}], \"events\": [{\"id\": \"b\"}], \"metrics\": 3}";
    let records = record_offsets(text);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].1.as_deref(), Some("a"));
    assert_eq!(
        locate(text, "events[0].id").map(|at| &text[at..at + 3]),
        Some("\"a\"")
    );
    assert!(record_offsets("[1, 2]").is_empty());
}

#[test]
fn broken_text_gives_no_panic() {
    let broken = [
        "",
        "{",
        "[",
        "\"",
        "{\"events\": [{\"id\": \"a",
        "{\"a\" 1}",
        "{\"events\": [\\",
        "{\"k\": \"\\",
        "]]]",
        "{\"events\":",
        "{\"events\": [{]}",
        "{\"é\\é\": [",
    ];
    for text in broken {
        let _ = record_offsets(text);
        let _ = locate(text, "events[0].id");
        let _ = locate(text, "k");
        let _ = line_col(text, 5);
        for at in 0..text.len() {
            let _ = value_end(text, at);
        }
    }
}

#[test]
fn record_offsets_is_one_pass_over_a_large_file() {
    // 200k records with a deep value each: quadratic work would not finish.
    let mut text = String::from("{\"events\": [");
    for i in 0..200_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!("{{\"x\": [[[\"]\"]]], \"id\": \"e{i}\"}}"));
    }
    text.push_str("]}");
    let records = record_offsets(&text);
    assert_eq!(records.len(), 200_000);
    assert_eq!(records[199_999].1.as_deref(), Some("e199999"));
    assert_eq!(
        locate(&text, "events[199999].id").map(|at| &text[at..at + 4]),
        Some("\"e19")
    );
}
