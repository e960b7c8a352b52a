//! An event keeps its three texts in one allocation and reads and writes as written.

use super::*;

fn parse(json: &str) -> Event {
    serde_json::from_str(json).expect("a valid event")
}

const EVENT: &str = r#"{"id": "e1", "title": "Talks open", "date": "2025-03-01", "summary": "The two firms met.", "entities": ["a"], "status": {"sourcing": "reported", "timing": "happened"}, "cite": [{"source": "s1"}]}"#;

#[test]
fn the_three_texts_read_back_as_written() {
    let plain = parse(EVENT);
    assert_eq!(plain.title(), "Talks open");
    assert_eq!(plain.summary(), "The two firms met.");
    assert_eq!(plain.condition(), None);
    let conditional = parse(&EVENT.replace(
        r#""cite""#,
        r#""condition": "if regulators approve", "cite""#,
    ));
    assert_eq!(conditional.summary(), "The two firms met.");
    assert_eq!(conditional.condition(), Some("if regulators approve"));
}

#[test]
fn empty_texts_keep_their_places() {
    // An empty title or summary (refused later by validation, with its place) and an
    // empty condition must not bleed into each other.
    for (title, summary, condition) in [
        ("", "", None),
        ("", "", Some("")),
        ("t", "", Some("c")),
        ("", "s", Some("")),
        ("é", "ß", Some("阿里")),
    ] {
        let text = EventText::new(title, summary, condition).expect("short");
        assert_eq!(
            (text.title(), text.summary(), text.condition()),
            (title, summary, condition)
        );
    }
}

#[test]
fn escaped_texts_are_unescaped_and_written_back() {
    let escaped = EVENT.replace("Talks open", r#"Talks \"open\"\n"#);
    let event = parse(&escaped);
    assert_eq!(event.title(), "Talks \"open\"\n");
    let written = serde_json::to_string(&event).expect("writes");
    assert_eq!(parse(&written).title(), event.title());
}

#[test]
fn an_event_is_written_back_field_for_field_in_the_files_order() {
    let conditional = EVENT.replace(r#""cite""#, r#""condition": "if approved", "cite""#);
    let written = serde_json::to_string(&parse(&conditional)).expect("writes");
    let as_value = |json: &str| serde_json::from_str::<serde_json::Value>(json).expect("json");
    assert_eq!(as_value(&written), as_value(&conditional));
    let keys = [
        "id",
        "title",
        "date",
        "summary",
        "entities",
        "status",
        "condition",
        "cite",
    ];
    let places: Vec<usize> = keys
        .iter()
        .map(|key| written.find(&format!("\"{key}\":")).expect(key))
        .collect();
    assert!(places.is_sorted(), "{written}");
}

#[test]
fn unknown_fields_and_nulls_are_refused_as_before() {
    let unknown = EVENT.replace(r#""cite""#, r#""titel": "x", "cite""#);
    let message = serde_json::from_str::<Event>(&unknown)
        .unwrap_err()
        .to_string();
    assert!(message.contains("unknown field `titel`"), "{message}");
    let null = EVENT.replace(r#""cite""#, r#""condition": null, "cite""#);
    let message = serde_json::from_str::<Event>(&null)
        .unwrap_err()
        .to_string();
    assert!(message.contains("invalid type: null"), "{message}");
}

#[test]
fn an_event_is_112_bytes_with_one_block_for_its_words() {
    assert_eq!(std::mem::size_of::<EventText>(), 24);
    assert_eq!(std::mem::size_of::<Event>(), 112);
}
