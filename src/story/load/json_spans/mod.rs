//! Where values are in the text of a JSON file, found without building them.
//!
//! The loader uses this to cut a story file into its records (and read each alone);
//! messages use it to turn a record path like `events[3].entities[1]` into a line and
//! column. The walkers never index past the text, so on a file that is not valid JSON
//! they give a wrong answer or none, never a panic. Every walk is linear in the part of
//! the text it passes over: nesting is counted, not recursed into.

use std::borrow::Cow;

/// Top-level fields that hold lists of records, in the order of the format guide.
pub(crate) const RECORD_LISTS: [&str; 7] = [
    "sources",
    "entities",
    "relations",
    "events",
    "candidates",
    "metrics",
    "disputes",
];

/// Whether `byte` is JSON white space.
pub(crate) fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// The first byte at or after `at` that is not JSON white space (the length if none),
/// in a text or its bytes.
pub(crate) fn skip_space<T: AsRef<[u8]> + ?Sized>(text: &T, at: usize) -> usize {
    let rest = text.as_ref().get(at..).unwrap_or_default();
    at + rest.iter().take_while(|&&b| is_space(b)).count()
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
/// Nothing here is JSON's: the config file's TOML errors are placed with it too.
/// A byte past the end is taken as the end; one inside a character, as its start.
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

/// Line starts of a text, for callers that turn many offsets into lines and columns.
///
/// A story written by a program is often one line of many megabytes, so a column is
/// not found by counting the characters of its line: the index keeps how many
/// characters come before every [`CHARS_STEP`]th byte, and a lookup costs a binary
/// search and a count over at most that many bytes.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Characters in `text[..k * CHARS_STEP]`, for every k.
    chars_before_step: Vec<usize>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHARS_STEP: usize = 4096;

/// Characters starting in `bytes` (every byte that is not a UTF-8 continuation byte).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl<'a> LineIndex<'a> {
    /// One pass over `text`.
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        let mut chars_before_step = vec![0];
        let mut chars = 0;
        for (step, chunk) in text.as_bytes().chunks(CHARS_STEP).enumerate() {
            let base = step * CHARS_STEP;
            starts.extend(
                chunk
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| base + i + 1),
            );
            chars += chars_in(chunk);
            chars_before_step.push(chars);
        }
        LineIndex {
            text,
            starts,
            chars_before_step,
        }
    }

    /// Characters in `text[..byte]`, `byte` a character boundary.
    fn chars_before(&self, byte: usize) -> usize {
        let step = byte / CHARS_STEP;
        let from = step * CHARS_STEP;
        self.chars_before_step[step] + chars_in(&self.text.as_bytes()[from..byte])
    }

    /// The same answer as [`line_col`].
    pub(crate) fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(self.text, byte);
        let line = self.starts.partition_point(|&start| start <= byte);
        let line_start = self.starts[line - 1];
        (
            line,
            self.chars_before(byte) - self.chars_before(line_start) + 1,
        )
    }
}

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
pub(crate) fn record_offsets(text: &str) -> Vec<(String, Option<String>, usize)> {
    (record_spans(text).into_iter())
        .map(|r| {
            let path = format!("{}[{}]", r.list, r.index);
            (path, r.id.map(Cow::into_owned), r.start)
        })
        .collect()
}

/// One record of a story file's text, as `record_spans` finds it.
pub(crate) struct RecordSpan<'a> {
    /// The list it is in: `events`.
    pub(crate) list: &'static str,
    /// Its position in that list.
    pub(crate) index: usize,
    /// Its `id`, decoded; borrowed from the text when it holds no escape.
    pub(crate) id: Option<Cow<'a, str>>,
    /// Where the record opens and ends.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// `record_offsets` without a string made per record: each list's records in order,
/// with their ends (the first list of a name given twice wins).
pub(crate) fn record_spans(text: &str) -> Vec<RecordSpan<'_>> {
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
            records.push(RecordSpan {
                list,
                index,
                id: string_member_borrowed(text, item.value, "id"),
                start: item.value,
                end: item.end,
            });
        }
    }
    records
}

/// As `string_member`, borrowed from the text when the string is plain (no escape, no
/// control character), as JSON reads it unchanged.
fn string_member_borrowed<'a>(text: &'a str, at: usize, name: &str) -> Option<Cow<'a, str>> {
    let entry =
        entries(text, at, b'{')?.find(|entry| entry.key.is_some_and(|key| key_is(key, name)))?;
    let value = &text[entry.value..entry.end];
    let inner = value.strip_prefix('"')?.strip_suffix('"');
    match inner {
        Some(inner) if !inner.bytes().any(|b| b == b'\\' || b < 0x20) => Some(Cow::Borrowed(inner)),
        _ => serde_json::from_str(value).ok().map(Cow::Owned),
    }
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
mod tests;
