//! Escaping story text into inert Markdown: controls stripped, anything that could
//! start markup escaped, with a copy of the whole text when nothing in it needs either.

use crate::story::safe_text::is_unsafe_char;

/// Story text as inert Markdown on one line: controls stripped, every character that
/// could start markup escaped (including `|`, so it is safe inside table cells).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`] appended to `out`, with no allocation of its own: exports call it for
/// every cell of every row.
///
/// It does what `clean_chars` then the escapes below would do character by character,
/// but copies each run of text that needs neither (words, single spaces between them,
/// most punctuation, any script) whole, found a byte at a time: decoding a `char` at
/// each step was half of the escape, and the escape half of `export timeline`'s rows.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    if copies_whole(text.as_bytes()) {
        out.push_str(text);
        return;
    }
    let start = out.len();
    // `clean_chars`' state: whitespace and unsafe characters become one space between
    // words, none at either end.
    let mut started = false;
    let mut space_pending = false;
    let mut at = 0;
    while at < text.len() {
        let run = plain_run(text, at);
        if run > at {
            if space_pending {
                out.push(' ');
                space_pending = false;
            }
            started = true;
            out.push_str(&text[at..run]);
            at = run;
            continue;
        }
        // `at` is on a character boundary: runs end on one, and steps are whole chars.
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if is_unsafe_char(c) || c.is_whitespace() {
            space_pending = started;
            continue;
        }
        if space_pending {
            out.push(' ');
            space_pending = false;
        }
        started = true;
        push_escaped(out, start, c);
    }
}

/// True when escaping `text` gives the text itself, decided in one pass of a table
/// lookup and a few comparisons per byte, with no branch until the end: most titles
/// and summaries are plain ASCII prose, and copying them whole skips the escape's
/// stop at every space and full stop. Sure only of texts that are ASCII, printable,
/// free of markup and of ends or runs of spaces, with no `:/` or `w.` (where the
/// escapes of `/` and `.` look back); anything else takes the escape's own path.
fn copies_whole(text: &[u8]) -> bool {
    let ends_clear = text.first() != Some(&b' ') && text.last() != Some(&b' ');
    let mut clear = true;
    let mut before = 0u8;
    for &byte in text {
        let pair_looks_back = (before == b' ' && byte == b' ')
            | (before == b':' && byte == b'/')
            | (before == b'w' && byte == b'.');
        clear &= COPIED_BYTE[usize::from(byte)] & !pair_looks_back;
        before = byte;
    }
    ends_clear & clear
}

/// The bytes `copies_whole` lets through: the plain ones, the space, and the two
/// (`/`, `.`) written as they are unless the byte before calls for an escape.
const COPIED_BYTE: [bool; 256] = {
    let mut copied = PLAIN_BYTE;
    copied[b' ' as usize] = true;
    copied[b'/' as usize] = true;
    copied[b'.' as usize] = true;
    copied
};

/// True when texts like this one, escaped one by one and joined by separators such as
/// ", ", "; ", " (" and ")" (plain characters, single spaces, not ending in `:` or `w`,
/// which the escapes of `/` and `.` look back at), give what escaping the joined text
/// gives: the text is not empty and neither starts nor ends with white space or a
/// character the escape drops (the escape of the whole would turn those into a space
/// beside the separator, or drop them at an end).
pub(crate) fn joins_cleanly(text: &str) -> bool {
    let drops = |c: char| is_unsafe_char(c) || c.is_whitespace();
    match (text.chars().next(), text.chars().next_back()) {
        (Some(first), Some(last)) => !drops(first) && !drops(last),
        _ => false,
    }
}

/// Where the run of text written as it is, from byte `from` of `text`, ends: characters
/// that are neither markup, white space, unsafe, nor one of the two (`/`, `.`) whose
/// escape depends on what came before, and single spaces between two of them. Plain
/// ASCII, most of a story's text, is skipped by a table lookup per byte.
fn plain_run(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = from;
    loop {
        while let Some(&byte) = bytes.get(end)
            && PLAIN_BYTE[usize::from(byte)]
        {
            end += 1;
        }
        let width = match bytes.get(end) {
            None => return end,
            Some(b' ') if end > from && plain_width(text, end + 1) > 0 => 1,
            Some(&byte) if byte >= 0x80 => plain_width(text, end),
            Some(_) => 0,
        };
        if width == 0 {
            return end;
        }
        end += width;
    }
}

/// The length in bytes of the character at byte `at` of `text` when it `is_plain`, else
/// 0 (also at the end of the text). Read from its first bytes where they decide it: no
/// character from U+3001 on is white space, a control or unsafe, and most CJK text is
/// there, so it is not decoded.
fn plain_width(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        None => 0,
        Some(&byte) if byte < 0x80 => usize::from(PLAIN_ASCII[usize::from(byte)]),
        Some(&byte) if byte >= 0xF0 => 4,
        Some(&byte) if byte >= 0xE4 => 3,
        // U+3000 to U+3FFF (CJK punctuation, kana): all but the ideographic space.
        Some(0xE3) if text.as_bytes().get(at + 1..at + 3) != Some(&[0x80, 0x80]) => 3,
        Some(_) => text[at..]
            .chars()
            .next()
            .filter(|&c| is_plain(c))
            .map_or(0, char::len_utf8),
    }
}

/// A character written as it is (see `plain_run`).
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        PLAIN_ASCII[c as usize]
    } else {
        !is_unsafe_char(c) && !c.is_whitespace()
    }
}

/// `is_plain` of each ASCII character, worked out once: searching the list of markup
/// characters for each one was about half of `plain_run`'s time in a profile of
/// `export timeline`.
const PLAIN_ASCII: [bool; 128] = {
    let markup = b"\\`*_[]<>#|!~&$/.";
    let mut plain = [false; 128];
    let mut c = 0;
    while c < 128 {
        let byte = c as u8;
        plain[c] = byte.is_ascii_graphic();
        let mut m = 0;
        while m < markup.len() {
            if markup[m] == byte {
                plain[c] = false;
            }
            m += 1;
        }
        c += 1;
    }
    plain
};

/// `PLAIN_ASCII` over every byte value, false from 0x80 on (those bytes start or
/// continue a longer character, which `plain_width` reads).
const PLAIN_BYTE: [bool; 256] = {
    let mut plain = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        plain[byte] = PLAIN_ASCII[byte];
        byte += 1;
    }
    plain
};

/// One character of clean text, escaped if it could start markup; `start` is where
/// this call's text began in `out`.
fn push_escaped(out: &mut String, start: usize, c: char) {
    match c {
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '&' | '$' => {
            out.push('\\');
            out.push(c);
        }
        // A colon after a scheme name is how bare autolinks ("http://…", "www.")
        // start; a zero-width joiner would be invisible, so escape-free text keeps
        // `:` but breaks the "://" sequence with a backslash-escaped slash instead.
        '/' if out.len() > start && out.ends_with(':') => out.push_str("\\/"),
        // "www." starts an autolink in GFM even without a scheme. `w` and `.` are
        // never escaped, so "www" just written by this call is "www" in the text.
        '.' if out.len() >= start + 3 && out.ends_with("www") => out.push_str("\\."),
        _ => out.push(c),
    }
}

/// Like `escape`, for text that begins a line of its own (a paragraph): a leading `-`,
/// `+` or `1.` / `1)` would otherwise start a list or a rule.
pub(crate) fn escape_block(text: &str) -> String {
    let mut out = escape(text);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::safe_text::clean_chars;

    /// The escape as it was written before the fast path: character by character.
    fn escape_by_char(text: &str) -> String {
        let mut out = String::new();
        for c in clean_chars(text) {
            push_escaped(&mut out, 0, c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_fast_escape_writes_what_the_walk_by_char_wrote(
            text in "(?s)([a-zA-Z0-9 .:/w\\\\|*_\\[\\]<>#!~&$`\t\n\u{7}\u{85}\u{a0}\u{202e}\u{2028}\u{3000}\u{3001}\u{feff}é中😀-]){0,40}"
        ) {
            proptest::prop_assert_eq!(escape(&text), escape_by_char(&text));
        }

        #[test]
        fn texts_copied_whole_are_what_the_walk_by_char_writes(
            text in "[a-zA-Z0-9 .,:;/w'%()-]{0,60}"
        ) {
            proptest::prop_assert_eq!(escape(&text), escape_by_char(&text));
        }

        #[test]
        fn the_fast_escape_agrees_on_any_text(text in "\\PC{0,30}|(?s).{0,30}") {
            proptest::prop_assert_eq!(escape(&text), escape_by_char(&text));
        }
    }

    #[test]
    fn the_width_read_from_the_first_byte_is_that_of_every_plain_character() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = c.to_string();
            let expected = if is_plain(c) { c.len_utf8() } else { 0 };
            assert_eq!(plain_width(&text, 0), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn plain_prose_is_copied_whole_and_what_looks_back_is_not() {
        for prose in [
            "Apple picks Qwen 2.5 for its phones in China.",
            "Sales rose 11.2% (year on year), per the filing; see p. 4/5.",
            "",
        ] {
            assert!(copies_whole(prose.as_bytes()), "{prose}");
        }
        for not_whole in [
            " leading",
            "trailing ",
            "two  spaces",
            "http://x",
            "www.example",
            "a|b",
            "tab\there",
            "café",
        ] {
            assert!(!copies_whole(not_whole.as_bytes()), "{not_whole}");
        }
    }

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("[x](http://e.vil)"), "\\[x\\](http:\\//e.vil)");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("see www.evil.com"), "see www\\.evil.com");
        assert_eq!(escape("\x1b[31mred"), "\\[31mred");
    }

    #[test]
    fn escaping_into_text_looks_only_at_its_own_piece() {
        assert_eq!(escape("wwww.x"), "wwww\\.x");
        // What is already written is not part of this text: no "://" or "www." here.
        let mut out = "see http:".to_owned();
        escape_into(&mut out, "/x");
        assert_eq!(out, "see http:/x");
        let mut out = "ww".to_owned();
        escape_into(&mut out, "w.");
        assert_eq!(out, "www.");
    }

    #[test]
    fn a_paragraph_cannot_start_a_list_or_a_rule() {
        assert_eq!(escape_block("+"), "\\+");
        assert_eq!(escape_block("- item"), "\\- item");
        assert_eq!(escape_block("---"), "\\---");
        assert_eq!(escape_block("1. first"), "1\\. first");
        assert_eq!(escape_block("2024) year"), "2024\\) year");
        assert_eq!(escape_block("2024 was"), "2024 was");
        assert_eq!(escape_block("a - b"), "a - b");
    }
}
