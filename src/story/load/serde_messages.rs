//! serde's error wording turned into messages and hints a story author can act on.
//!
//! serde speaks of Rust types ("f64", "struct Event with 8 elements") and appends
//! positions to its messages; the loader shows JSON words and reports positions apart.

use crate::story::problem::{Location, Problem};
use crate::story::safe_text::did_you_mean;

/// A record's deserialisation error, with the path inside the record where it happened.
pub(crate) type ReadError = serde_path_to_error::Error<serde_json::Error>;

const TOO_LARGE: &str = "the number is too large to read; numbers go up to about 1.8e308";

/// The problem for a file that is not valid JSON, at serde's line and column.
pub(crate) fn syntax_problem(err: &serde_json::Error) -> Problem {
    let message = without_position(&err.to_string()).to_owned();
    let hint = if err.is_eof() {
        "the file ends too early; was it cut off?"
    } else if message == "number out of range" {
        TOO_LARGE
    } else {
        "the file is not valid JSON"
    };
    Problem {
        location: Location::LineColumn {
            line: err.line(),
            column: err.column(),
        },
        message,
        hint: Some(hint.to_owned()),
        place: None,
    }
}

/// The problem with the record at `prefix`, whose text is `record`.
pub(crate) fn record_problem(prefix: &str, record: &str, err: &ReadError) -> Problem {
    if record.starts_with('[') {
        // serde also reads a record from a list of its fields in order, so its errors
        // would talk of "struct Event with 8 elements"; story files use objects.
        return Problem::at(prefix, "invalid type: a list, expected an object");
    }
    let inner = err.path().to_string();
    let path = match inner.as_str() {
        "." => prefix.to_owned(),
        _ if inner.starts_with('[') => format!("{prefix}{inner}"),
        _ => format!("{prefix}.{inner}"),
    };
    let raw = err.inner().to_string();
    let (message, mut hint) = explain(without_position(&raw));
    if hint.is_none() && message == "number out of range" {
        hint = Some(TOO_LARGE.to_owned());
    }
    Problem {
        location: Location::Path(path),
        message,
        hint,
        place: None,
    }
}

/// serde_json ends its messages with " at line L column C"; locations are shown apart.
pub(crate) fn without_position(message: &str) -> &str {
    let Some(cut) = message.rfind(" at line ") else {
        return message;
    };
    let position = &message[cut + " at line ".len()..];
    let is_position = position
        .split_once(" column ")
        .is_some_and(|(line, column)| {
            [line, column]
                .iter()
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
    if is_position {
        &message[..cut]
    } else {
        message
    }
}

/// Turns serde's wording into a message plus a hint a story author can act on.
pub(crate) fn explain(raw: &str) -> (String, Option<String>) {
    if let Some((field, allowed)) = unknown(raw, "unknown field `") {
        let hint = near_or_list(field, &allowed, "allowed here");
        return (format!("unknown field `{field}`"), Some(hint));
    }
    if let Some((variant, allowed)) = unknown(raw, "unknown variant `") {
        let hint = crate::story::model::closed_values::hint(variant, &allowed);
        return (format!("`{variant}` is not an allowed value"), Some(hint));
    }
    if let Some(field) = raw
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return (
            format!("missing field `{field}`"),
            Some(format!("add `{field}`")),
        );
    }
    if let Some(expected) = raw.strip_prefix("invalid type: null, expected ") {
        return (
            "must not be null".to_owned(),
            Some(format!(
                "leave an optional field out when there is nothing to say; a required one needs {}",
                plain_expected(expected)
            )),
        );
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = raw
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            let found = match found {
                "sequence" => "a list",
                "map" => "an object",
                other => other,
            };
            let wanted = plain_expected(expected);
            let hint = (found.starts_with("string ") && wanted.contains("number"))
                .then(|| "write the number without quotes".to_owned());
            return (format!("{prefix}{found}, expected {wanted}"), hint);
        }
    }
    (raw.to_owned(), None)
}

/// The name and the allowed names of serde's "unknown field/variant `x`, expected …".
fn unknown<'a>(raw: &'a str, prefix: &str) -> Option<(&'a str, Vec<&'a str>)> {
    let (name, expected) = raw.strip_prefix(prefix)?.split_once("`, expected ")?;
    let allowed = expected
        .trim_start_matches("one of ")
        .split(", ")
        .map(|name| name.trim_matches('`'))
        .collect();
    Some((name, allowed))
}

fn near_or_list(name: &str, allowed: &[&str], label: &str) -> String {
    match did_you_mean(name, allowed.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("{label}: {}", allowed.join(", ")),
    }
}

/// serde names Rust types ("f64", "struct Status"); a story author thinks in JSON.
fn plain_expected(expected: &str) -> &str {
    match expected {
        "f64" | "f32" => "a number",
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number (0 or more)",
        "a borrowed string" => "a string",
        "a sequence" => "a list",
        other if other.starts_with("struct ") => "an object",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_suffix_is_cut_only_when_it_is_one() {
        assert_eq!(
            without_position("expected `,` at line 3 column 14"),
            "expected `,`"
        );
        assert_eq!(without_position("no position here"), "no position here");
        // A message that quotes " at line " from the file keeps it.
        assert_eq!(
            without_position("unknown variant `at line one`"),
            "unknown variant `at line one`"
        );
        assert_eq!(
            without_position("x at line 3 column "),
            "x at line 3 column "
        );
        assert_eq!(
            without_position("x at line a column 2"),
            "x at line a column 2"
        );
    }

    #[test]
    fn unknown_field_suggests_the_near_name_or_lists_the_allowed() {
        let (message, hint) = explain("unknown field `titel`, expected one of `id`, `title`");
        assert_eq!(message, "unknown field `titel`");
        assert_eq!(hint.as_deref(), Some("did you mean `title`?"));
        let (_, hint) = explain("unknown field `zzzzzz`, expected one of `id`, `title`");
        assert_eq!(hint.as_deref(), Some("allowed here: id, title"));
        let (_, hint) = explain("unknown field `zzzzzz`, expected `id`");
        assert_eq!(hint.as_deref(), Some("allowed here: id"));
    }

    #[test]
    fn unknown_variant_is_an_allowed_value_problem() {
        let (message, hint) =
            explain("unknown variant `articel`, expected one of `article`, `filing`");
        assert_eq!(message, "`articel` is not an allowed value");
        assert_eq!(
            hint.as_deref(),
            Some("did you mean `article`? allowed: article, filing")
        );
        let (_, hint) = explain("unknown variant `qqqqqq`, expected `article` or `filing`");
        assert!(hint.unwrap().starts_with("allowed: "));
    }

    #[test]
    fn missing_field_says_what_to_add() {
        let (message, hint) = explain("missing field `cite`");
        assert_eq!(message, "missing field `cite`");
        assert_eq!(hint.as_deref(), Some("add `cite`"));
    }

    #[test]
    fn types_are_named_in_json_words() {
        let (message, hint) = explain("invalid type: string \"12\", expected f64");
        assert_eq!(message, "invalid type: string \"12\", expected a number");
        assert_eq!(hint.as_deref(), Some("write the number without quotes"));
        let (message, hint) = explain("invalid type: sequence, expected struct Status");
        assert_eq!(message, "invalid type: a list, expected an object");
        assert_eq!(hint, None);
        let (message, _) = explain("invalid value: integer `-1`, expected u32");
        assert_eq!(
            message,
            "invalid value: integer `-1`, expected a whole number from 0 to 4294967295"
        );
        let (message, _) = explain("invalid type: map, expected a borrowed string");
        assert_eq!(message, "invalid type: an object, expected a string");
    }

    #[test]
    fn other_messages_pass_through() {
        assert_eq!(
            explain("something else"),
            ("something else".to_owned(), None)
        );
    }

    fn read<T: serde::de::DeserializeOwned>(text: &str) -> ReadError {
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize::<_, T>(&mut de)
            .err()
            .expect("the text does not fit the type")
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        tags: Vec<u8>,
    }

    #[test]
    fn record_problem_joins_the_record_path_and_the_inner_path() {
        let text = r#"{"name": "a", "tags": [1, 300]}"#;
        let problem = record_problem("events[2]", text, &read::<Item>(text));
        assert_eq!(problem.location, Location::Path("events[2].tags[1]".into()));
        assert!(
            problem.message.contains("a whole number from 0 to 255"),
            "{problem}"
        );
        let text = r#"{"tags": []}"#;
        let problem = record_problem("events[2]", text, &read::<Item>(text));
        assert_eq!(problem.location, Location::Path("events[2]".into()));
        assert_eq!(problem.message, "missing field `name`");
        let problem = record_problem("events[0]", "[\"a\"]", &read::<Item>("[\"a\"]"));
        assert_eq!(problem.location, Location::Path("events[0]".into()));
        assert_eq!(problem.message, "invalid type: a list, expected an object");
    }

    #[test]
    fn syntax_problems_carry_line_and_column_and_a_hint() {
        let err = serde_json::from_str::<serde::de::IgnoredAny>("{\n  \"a\": 1,\n").unwrap_err();
        let problem = syntax_problem(&err);
        assert!(matches!(
            problem.location,
            Location::LineColumn { line: 3, .. }
        ));
        assert!(!problem.message.contains(" at line "), "{problem}");
        assert_eq!(
            problem.hint.as_deref(),
            Some("the file ends too early; was it cut off?")
        );
        let err = serde_json::from_str::<serde_json::Value>("[1e999]").unwrap_err();
        assert_eq!(syntax_problem(&err).hint.as_deref(), Some(TOO_LARGE));
    }
}
