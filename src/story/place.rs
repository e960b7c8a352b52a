//! Where a problem is in the text of the file: the record's own id and a line and
//! column, found from the record path a message gives (`events[12].date`), so a
//! message leads to the place in a long hand-written file:
//! `events[12] (ev-fired), line 233 col 7: …`.
//!
//! Run only when there is something to report. One pass over the text finds every
//! record (`json_spans::record_offsets`); each path is then looked up inside its own
//! record, so a thousand problems in a 50 MB file cost one pass, not a thousand.

use std::collections::HashMap;

use super::json_spans::{self, LineIndex};
pub use super::problem::Place;
use super::problem::{Location, Problem};

/// Finds places for paths in one text, reusing one pass over it.
pub(crate) struct Locator<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    /// `events[3]` → (id, where the record opens).
    records: HashMap<String, (Option<String>, usize)>,
    /// A record's id → its path (the first record with that id).
    paths: HashMap<String, String>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Locator<'a> {
        let offsets = json_spans::record_offsets(text);
        let mut paths = HashMap::with_capacity(offsets.len());
        for (path, id, _) in &offsets {
            if let Some(id) = id {
                paths.entry(id.clone()).or_insert_with(|| path.clone());
            }
        }
        let records = offsets
            .into_iter()
            .map(|(path, id, at)| (path, (id, at)))
            .collect();
        Locator {
            text,
            lines: LineIndex::new(text),
            records,
            paths,
        }
    }

    /// The path of the record with this id in the file: `events[3]`.
    pub(crate) fn record_path_of(&self, id: &str) -> Option<&str> {
        self.paths.get(id).map(String::as_str)
    }

    /// The place of `path`, or of the nearest enclosing value that exists (a missing
    /// field is reported where its record opens); `None` for a path not in the file.
    pub(crate) fn place(&self, path: &str) -> Option<Place> {
        let (record, rest) = split_record(path);
        let (id, at) = match self.records.get(record) {
            Some((id, start)) => {
                let end = json_spans::value_end(self.text, *start).min(self.text.len());
                let inner = &self.text[*start..end];
                let offset = nearest(inner, rest).unwrap_or(0);
                (id.clone(), start + offset)
            }
            None => (None, nearest(self.text, path)?),
        };
        let (line, column) = self.lines.line_col(at);
        Some(Place { id, line, column })
    }
}

/// Gives every problem at a path its place in `text`.
pub(crate) fn locate_problems(text: &str, problems: &mut [Problem]) {
    if !problems
        .iter()
        .any(|p| matches!(p.location, Location::Path(_)))
    {
        return;
    }
    let locator = Locator::new(text);
    for problem in problems {
        if let Location::Path(path) = &problem.location {
            problem.place = locator.place(path);
        }
    }
}

/// `events[3].cite[0]` → (`events[3]`, `cite[0]`); a path outside the record lists is
/// all record and no rest.
fn split_record(path: &str) -> (&str, &str) {
    let Some(close) = path.find(']') else {
        return (path, "");
    };
    let (record, rest) = path.split_at(close + 1);
    (record, rest.strip_prefix('.').unwrap_or(rest))
}

/// The offset of `path` in `text`, or of its nearest ancestor that is there.
fn nearest(text: &str, path: &str) -> Option<usize> {
    let mut path = path;
    loop {
        if let Some(at) = json_spans::locate(text, path) {
            return Some(at);
        }
        if path.is_empty() {
            return None;
        }
        let cut = path.rfind(['.', '[']).unwrap_or(0);
        path = &path[..cut];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "format": 1,
  "events": [
    { "id": "ev-a", "title": "A" },
    {
      "id": "ev-b",
      "date": "Nov 2023"
    }
  ]
}"#;

    #[test]
    fn a_path_gets_its_records_id_and_its_line_and_column() {
        let locator = Locator::new(TEXT);
        let place = locator.place("events[1].date").unwrap();
        assert_eq!(place.id.as_deref(), Some("ev-b"));
        assert_eq!((place.line, place.column), (7, 15));
        let record = locator.place("events[0]").unwrap();
        assert_eq!((record.line, record.column), (4, 5));
        assert_eq!(record.id.as_deref(), Some("ev-a"));
    }

    #[test]
    fn a_missing_field_is_placed_at_its_record() {
        let locator = Locator::new(TEXT);
        let place = locator.place("events[0].cite").unwrap();
        assert_eq!((place.line, place.column), (4, 5));
        let top = locator.place("sources").unwrap();
        assert_eq!((top.line, top.column, top.id), (1, 1, None));
        let format = locator.place("format").unwrap();
        assert_eq!((format.line, format.column), (2, 13));
    }

    #[test]
    fn junk_gives_no_place_and_no_panic() {
        let locator = Locator::new("[1, 2");
        assert_eq!(locator.place("events[3]").map(|p| p.line), Some(1));
        let locator = Locator::new("");
        assert_eq!(locator.place("events[3]"), None);
    }
}
