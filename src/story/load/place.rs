//! Where a problem is in the text of the file: the record's own id and a line and
//! column, found from the record path a message gives (`events[12].date`), so a
//! message leads to the place in a long hand-written file:
//! `events[12] (ev-fired), line 233 col 7: …`.
//!
//! Run only when there is something to report. One pass over the text finds every
//! record (`json_spans::record_offsets`); each path is then looked up inside its own
//! record, so a thousand problems in a 50 MB file cost one pass, not a thousand.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::story::load::json_spans::{self, LineIndex, RecordSpan};
pub(crate) use crate::story::problem::Place;
use crate::story::problem::{Location, Problem};

/// Finds places for paths in one text, reusing one pass over it.
pub(crate) struct Locator<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    /// Every record, each list's in order (see `json_spans::record_spans`).
    records: Vec<RecordSpan<'a>>,
    /// Each list's name and where its records start in `records`.
    lists: Vec<(&'static str, usize)>,
    /// A record's id → its place in `records` (the first record with that id).
    ids: HashMap<&'a str, usize, foldhash::fast::RandomState>,
    /// The same for ids written with escapes in the text (rare), decoded.
    escaped_ids: HashMap<String, usize, foldhash::fast::RandomState>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Locator<'a> {
        let records = json_spans::record_spans(text);
        let mut lists = Vec::new();
        let mut ids = HashMap::with_capacity_and_hasher(records.len(), Default::default());
        let mut escaped_ids = HashMap::default();
        for (at, record) in records.iter().enumerate() {
            if record.index == 0 {
                lists.push((record.list, at));
            }
            match &record.id {
                Some(Cow::Borrowed(id)) => {
                    ids.entry(*id).or_insert(at);
                }
                Some(Cow::Owned(id)) => {
                    escaped_ids.entry(id.clone()).or_insert(at);
                }
                None => {}
            }
        }
        Locator {
            text,
            lines: LineIndex::new(text),
            records,
            lists,
            ids,
            escaped_ids,
        }
    }

    /// The list and position in the file of the first record with this id: (`events`,
    /// 3).
    pub(crate) fn record_of(&self, id: &str) -> Option<(&'static str, usize)> {
        let plain = self.ids.get(id).copied();
        let escaped = self.escaped_ids.get(id).copied();
        let at = plain.into_iter().chain(escaped).min()?;
        let record = &self.records[at];
        Some((record.list, record.index))
    }

    /// The record at a path such as `events[3]`, written as `record_spans` would.
    fn record_at(&self, path: &str) -> Option<&RecordSpan<'a>> {
        let (list, index) = path.strip_suffix(']')?.split_once('[')?;
        let canonical = !index.is_empty()
            && index.bytes().all(|b| b.is_ascii_digit())
            && (index == "0" || !index.starts_with('0'));
        let index: usize = index.parse().ok().filter(|_| canonical)?;
        let &(_, first) = self.lists.iter().find(|(name, _)| *name == list)?;
        let record = self.records.get(first + index)?;
        (record.list == list && record.index == index).then_some(record)
    }

    /// The place of `path`, or of the nearest enclosing value that exists (a missing
    /// field is reported where its record opens); `None` for a path not in the file.
    pub(crate) fn place(&self, path: &str) -> Option<Place> {
        let (record, rest) = split_record(path);
        let (id, at) = match self.record_at(record) {
            Some(record) => {
                let end = record.end.min(self.text.len());
                let inner = &self.text[record.start..end];
                let offset = nearest(inner, rest).unwrap_or(0);
                (
                    record.id.as_deref().map(str::to_owned),
                    record.start + offset,
                )
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
    fn a_record_is_found_by_its_first_id_escaped_or_not() {
        let text = r#"{"events": [{"id": "ev-\u0061"}, {"id": "ev-a"}, {"id": "ev-b"}],
            "sources": [{"id": "ev-b"}]}"#;
        let locator = Locator::new(text);
        assert_eq!(locator.record_of("ev-a"), Some(("events", 0)));
        assert_eq!(locator.record_of("ev-b"), Some(("events", 2)));
        assert_eq!(locator.record_of("ev-c"), None);
        let place = locator.place("events[0]").unwrap();
        assert_eq!(place.id.as_deref(), Some("ev-a"));
        assert_eq!(
            locator.place("sources[0]").unwrap().id.as_deref(),
            Some("ev-b")
        );
    }

    #[test]
    fn only_a_path_as_written_names_a_record() {
        let locator = Locator::new(TEXT);
        assert_eq!(
            locator.place("events[1]").unwrap().id.as_deref(),
            Some("ev-b")
        );
        for path in [
            "events[01]",
            "events[+1]",
            "events[]",
            "events[2]",
            "sources[0]",
        ] {
            assert_eq!(locator.place(path).and_then(|p| p.id), None, "{path}");
        }
    }

    #[test]
    fn junk_gives_no_place_and_no_panic() {
        let locator = Locator::new("[1, 2");
        assert_eq!(locator.place("events[3]").map(|p| p.line), Some(1));
        let locator = Locator::new("");
        assert_eq!(locator.place("events[3]"), None);
    }
}
