//! Where values are in the text of a JSON file, found without building them.
//!
//! The loader uses this to cut a story file into its records (and read each alone);
//! messages use it to turn a record path like `events[3].entities[1]` into a line and
//! column. The walkers never index past the text, so on a file that is not valid JSON
//! they give a wrong answer or none, never a panic. Every walk is linear in the part of
//! the text it passes over: nesting is counted, not recursed into.

/// Top-level fields that hold lists of records, in the order of the format guide.
#[allow(dead_code, reason = "for located messages; the format slice calls it")]
pub(crate) const RECORD_LISTS: [&str; 7] = [
    "sources",
    "entities",
    "relations",
    "events",
    "candidates",
    "metrics",
    "disputes",
];

/// The first byte at or after `at` that is not JSON white space.
pub(crate) fn skip_space(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// Where the document's value starts: past white space and a byte-order mark.
pub(crate) fn root(text: &str) -> usize {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    skip_space(text, start)
}

/// Just past the string that opens at `at` (the end of the text if it never closes).
fn string_end(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Just past the value that starts at `at`.
pub(crate) fn value_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(at) {
        None => bytes.len(),
        Some(b'"') => string_end(bytes, at),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = at;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            bytes.len()
        }
        Some(_) => {
            let mut i = at;
            while i < bytes.len()
                && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            i
        }
    }
}

/// The items of the array at `at` (`None` if the value there is not an array).
pub(crate) fn items(text: &str, at: usize) -> Option<impl Iterator<Item = &str>> {
    entries(text, at, b'[').map(|entries| entries.map(|entry| &text[entry.value..entry.end]))
}

/// The (key, value) members of the object at `at`, keys still quoted (`None` if the
/// value there is not an object).
pub(crate) fn members(text: &str, at: usize) -> Option<impl Iterator<Item = (&str, &str)>> {
    entries(text, at, b'{').map(|entries| {
        entries.map(|entry| (entry.key.unwrap_or(""), &text[entry.value..entry.end]))
    })
}

/// "an object", "a number" …: what a value is, from its first byte.
pub(crate) fn kind(value: &str) -> &'static str {
    match value.trim_start().bytes().next() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// 1-based line and column of byte `byte` in `text`; the column counts characters.
/// A byte past the end is taken as the end; one inside a character, as its start.
#[allow(dead_code, reason = "for located messages; the format slice calls it")]
pub(crate) fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let byte = floor_char_boundary(text, byte);
    let before = &text.as_bytes()[..byte];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, text[line_start..byte].chars().count() + 1)
}

/// Line starts of a text, for callers that turn many offsets into lines and columns:
/// each lookup then costs a binary search and the length of one line.
#[allow(dead_code, reason = "for located messages; the format slice calls it")]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

#[allow(dead_code, reason = "for located messages; the format slice calls it")]
impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex { text, starts }
    }

    /// The same answer as [`line_col`].
    pub(crate) fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(self.text, byte);
        let line = self.starts.partition_point(|&start| start <= byte);
        let line_start = self.starts[line - 1];
        (line, self.text[line_start..byte].chars().count() + 1)
    }
}

#[allow(dead_code, reason = "for located messages; the format slice calls it")]
fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// The byte offset of the value at `path`, a record path as messages give it:
/// `events[12].entities[1]`, `candidates[0].stages[2].date`, `story.title`, `format`;
/// the empty path is the whole document. `None` if nothing is at that path.
///
/// Costs one pass over the text before the value (and no more). Callers that need the
/// place of many records should call [`record_offsets`] once instead.
#[allow(dead_code, reason = "for located messages; the format slice calls it")]
pub(crate) fn locate(text: &str, path: &str) -> Option<usize> {
    let mut at = root(text);
    for step in steps(path)? {
        at = match step {
            Step::Key(name) => {
                entries(text, at, b'{')?
                    .find(|entry| entry.key.is_some_and(|key| key_is(key, name)))?
                    .value
            }
            Step::Index(index) => entries(text, at, b'[')?.nth(index)?.value,
        };
    }
    (at < text.len()).then_some(at)
}

/// Every record of every top-level record list, in file order: its path (`events[3]`),
/// its id when it has a string one, and the byte offset where it opens.
///
/// One pass over the text. A list given twice is taken the first time, as its path
/// names it; items that are not objects are listed without an id.
#[allow(dead_code, reason = "for located messages; the format slice calls it")]
pub(crate) fn record_offsets(text: &str) -> Vec<(String, Option<String>, usize)> {
    let mut records = Vec::new();
    let Some(top) = entries(text, root(text), b'{') else {
        return records;
    };
    let mut seen: Vec<&str> = Vec::new();
    for member in top {
        let Some(list) = member
            .key
            .and_then(|key| RECORD_LISTS.iter().find(|name| key_is(key, name)))
        else {
            continue;
        };
        if seen.contains(list) {
            continue;
        }
        seen.push(list);
        let Some(items) = entries(text, member.value, b'[') else {
            continue;
        };
        for (index, item) in items.enumerate() {
            let id = string_member(text, item.value, "id");
            records.push((format!("{list}[{index}]"), id, item.value));
        }
    }
    records
}

/// The string value of member `name` of the object at `at`, decoded.
#[allow(dead_code, reason = "for located messages; the format slice calls it")]
fn string_member(text: &str, at: usize, name: &str) -> Option<String> {
    let entry =
        entries(text, at, b'{')?.find(|entry| entry.key.is_some_and(|key| key_is(key, name)))?;
    let value = &text[entry.value..entry.end];
    value
        .starts_with('"')
        .then(|| serde_json::from_str(value).ok())?
}

/// Whether the quoted JSON key `key` says `name`.
fn key_is(key: &str, name: &str) -> bool {
    let inner = key.strip_prefix('"').and_then(|k| k.strip_suffix('"'));
    match inner {
        Some(inner) if !inner.contains('\\') => inner == name,
        _ => serde_json::from_str::<String>(key).is_ok_and(|decoded| decoded == name),
    }
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `a.b[2][0].c` → Key(a), Key(b), Index(2), Index(0), Key(c); `None` if malformed.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (index, after) = after.split_once(']')?;
            steps.push(Step::Index(index.parse().ok()?));
            rest = after;
        } else {
            let rest_key = rest.strip_prefix('.').unwrap_or(rest);
            if steps.is_empty() != (rest_key.len() == rest.len()) {
                return None;
            }
            let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
            if end == 0 {
                return None;
            }
            steps.push(Step::Key(&rest_key[..end]));
            rest = &rest_key[end..];
        }
    }
    Some(steps)
}

/// One entry of an array or object: its key (quoted) for objects, and its value's span.
struct Entry<'a> {
    key: Option<&'a str>,
    value: usize,
    end: usize,
}

/// The entries of the array (`open` = `[`) or object (`{`) whose value is at `at`.
fn entries(text: &str, at: usize, open: u8) -> Option<Entries<'_>> {
    let at = skip_space(text, at);
    (text.as_bytes().get(at) == Some(&open)).then(|| Entries {
        text,
        at: skip_space(text, at + 1),
        keyed: open == b'{',
    })
}

struct Entries<'a> {
    text: &'a str,
    /// The next entry, or the closing bracket (past the text once done).
    at: usize,
    keyed: bool,
}

impl<'a> Iterator for Entries<'a> {
    type Item = Entry<'a>;

    fn next(&mut self) -> Option<Entry<'a>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        if matches!(bytes.get(self.at), None | Some(b']' | b'}')) {
            self.at = bytes.len();
            return None;
        }
        let mut at = self.at;
        let key = if self.keyed {
            let end = string_end(bytes, at);
            let key = &text[at..end];
            // Past the key, the colon and the space around it.
            at = skip_space(text, (skip_space(text, end) + 1).min(bytes.len()));
            Some(key)
        } else {
            None
        };
        let end = value_end(text, at);
        let next = skip_space(text, end);
        self.at = if bytes.get(next) == Some(&b',') {
            skip_space(text, next + 1)
        } else {
            next
        };
        Some(Entry {
            key,
            value: at,
            end,
        })
    }
}

#[cfg(test)]
mod tests {
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
    fn line_index_agrees_with_line_col() {
        let index = LineIndex::new(DOC);
        for byte in 0..=DOC.len() + 2 {
            assert_eq!(index.line_col(byte), line_col(DOC, byte), "byte {byte}");
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
        let text = "\u{feff} {\"events\": [{\"id\": \"a\"}], \"events\": [{\"id\": \"b\"}], \"metrics\": 3}";
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
}
