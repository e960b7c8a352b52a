//! Where a record is in the story file's text: the line the editor key opens at and
//! the line a reload problem is shown with. Worked out from the text when needed (a
//! key press, a broken save) with the span walker, so no table of lines is kept for a
//! 100k-event story.

use crate::story::load::json_spans::{line_col, locate, record_offsets, value_end};

/// The record part of a problem path: `events[3]` of `events[3].entities[1]`,
/// `candidates[0].stages[2]` of `candidates[0].stages[2].cite[0]`.
pub(crate) fn record_prefix(path: &str) -> &str {
    let Some(first) = path.find(']') else {
        return path;
    };
    let end = first + 1;
    for nested in [".stages[", ".variants["] {
        if path[end..].starts_with(nested) {
            if let Some(close) = path[end..].find(']') {
                return &path[..end + close + 1];
            }
        }
    }
    &path[..end]
}

/// The line of the problem at `path` (or of its record, when the path names something
/// missing) and the id of the record it is in (a stage's is its candidacy's).
pub(crate) fn line_and_id(text: &str, path: &str) -> (Option<usize>, Option<String>) {
    let record = record_prefix(path);
    let at = locate(text, path).or_else(|| locate(text, record));
    let line = at.map(|byte| line_col(text, byte).0);
    let top = path.find(']').map_or(path, |end| &path[..=end]);
    let id = id_at(text, record).or_else(|| id_at(text, top));
    (line, id)
}

/// The string `id` of the record at `record_path`, if it has one.
fn id_at(text: &str, record_path: &str) -> Option<String> {
    if !record_path.ends_with(']') {
        return None;
    }
    let at = locate(text, &format!("{record_path}.id"))?;
    serde_json::from_str(&text[at..value_end(text, at)]).ok()
}

/// The 1-based line where the record with `id` opens. `path` is where the explorer
/// last saw it; the file may have changed since, so the id there is checked, and the
/// whole file searched by id if it differs.
pub(crate) fn line_of_record(text: &str, id: &str, path: Option<&str>) -> Option<usize> {
    let at = path
        .filter(|path| id_at(text, path).as_deref() == Some(id))
        .and_then(|path| locate(text, path))
        .or_else(|| {
            record_offsets(text)
                .into_iter()
                .find(|(_, record_id, _)| record_id.as_deref() == Some(id))
                .map(|(_, _, byte)| byte)
        })?;
    Some(line_col(text, at).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"format\": 1,\n  \"events\": [\n    {\n      \"id\": \"a\",\n      \"entities\": [\"x\"]\n    },\n    {\n      \"id\": \"b\"\n    }\n  ],\n  \"candidates\": [\n    { \"id\": \"c\",\n      \"stages\": [ {}, { \"cite\": [] } ] }\n  ]\n}\n";

    #[test]
    fn problems_get_their_line_and_record_id() {
        assert_eq!(
            line_and_id(TEXT, "events[0].entities[0]"),
            (Some(6), Some("a".to_owned()))
        );
        // A missing field: the record's own line.
        assert_eq!(
            line_and_id(TEXT, "events[1].title"),
            (Some(8), Some("b".to_owned()))
        );
        // A stage has no id of its own: its candidacy's.
        assert_eq!(
            line_and_id(TEXT, "candidates[0].stages[1].cite"),
            (Some(14), Some("c".to_owned()))
        );
        assert_eq!(line_and_id(TEXT, "format"), (Some(2), None));
        assert_eq!(
            record_prefix("candidates[0].stages[1].cite[0]"),
            "candidates[0].stages[1]"
        );
    }

    #[test]
    fn the_editor_line_follows_the_id_when_records_moved() {
        assert_eq!(line_of_record(TEXT, "b", Some("events[1]")), Some(8));
        // Seen at events[0] before an edit moved it: found by id.
        assert_eq!(line_of_record(TEXT, "b", Some("events[0]")), Some(8));
        assert_eq!(line_of_record(TEXT, "c", None), Some(13));
        assert_eq!(line_of_record(TEXT, "gone", None), None);
    }
}
