//! The story's title read off the start of its file, before the file is loaded, for
//! the explorer's first frame. A small walker over the top-level object finds
//! `story.title` and skips every other value whole (an event's own `title` is never
//! taken for it); it answers only what the text says for certain, and nothing when
//! the title is not within the bytes it was given or the text is not as expected.

use std::io::Read;
use std::path::Path;

use crate::story::load::json_spans::skip_space;

/// How much of the file's start is read for the title.
pub const TITLE_PEEK_BYTES: usize = 64 * 1024;

/// The title of the story file at `path`, if it is in the first `TITLE_PEEK_BYTES`.
pub fn peek_title_of_file(path: &Path) -> Option<String> {
    let mut head = Vec::with_capacity(TITLE_PEEK_BYTES);
    std::fs::File::open(path)
        .ok()?
        .take(TITLE_PEEK_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    peek_title(&head)
}

/// The story's title if `head`, the start of a story file, holds it whole.
pub fn peek_title(head: &[u8]) -> Option<String> {
    let valid = match std::str::from_utf8(head) {
        Ok(text) => text,
        // The cut may fall inside a character: keep what is whole.
        Err(err) => std::str::from_utf8(&head[..err.valid_up_to()]).ok()?,
    };
    let text = valid.strip_prefix('\u{feff}').unwrap_or(valid);
    let mut walk = Walk {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    walk.member_value("story")?;
    walk.member_value("title")?;
    let title: String = serde_json::from_str(walk.string()?).ok()?;
    (!title.trim().is_empty()).then_some(title)
}

struct Walk<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

impl<'t> Walk<'t> {
    /// Enters the object here and stops at the value of its member `name`.
    fn member_value(&mut self, name: &str) -> Option<()> {
        self.space();
        self.eat(b'{')?;
        loop {
            self.space();
            let key: String = serde_json::from_str(self.string()?).ok()?;
            self.space();
            self.eat(b':')?;
            self.space();
            if key == name {
                return Some(());
            }
            self.skip_value()?;
            self.space();
            // `}` (the object ends without it) or anything unexpected: no answer.
            self.eat(b',')?;
        }
    }

    fn space(&mut self) {
        self.at = skip_space(self.bytes, self.at);
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.bytes.get(self.at) == Some(&byte)).then(|| self.at += 1)
    }

    /// The string here, quotes included; None if it does not close within the text.
    fn string(&mut self) -> Option<&'t str> {
        let start = self.at;
        self.eat(b'"')?;
        loop {
            match self.bytes.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return self.text.get(start..self.at);
                }
                _ => self.at += 1,
            }
        }
    }

    /// Past the value here; None if it does not end within the text.
    fn skip_value(&mut self) -> Option<()> {
        match self.bytes.get(self.at)? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.bytes.get(self.at)? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                // A number, true, false or null: it ends at a delimiter, which must be
                // in the text (a number cut short would look whole).
                while !matches!(
                    self.bytes.get(self.at)?,
                    b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                ) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_title_at_the_start() {
        let text = br#"{"format": 1, "story": {"title": "Apple picks Alibaba", "summary": "s"}, "sources": []}"#;
        assert_eq!(peek_title(text).as_deref(), Some("Apple picks Alibaba"));
    }

    #[test]
    fn skips_the_events_and_their_own_titles_to_reach_the_story() {
        let text = br#"{"format": 1, "events": [{"id": "e1", "title": "Not this }]", "x": [1, {"title": "nor this"}]}],
            "story": {"summary": "{[\"", "title": "The real one"}}"#;
        assert_eq!(peek_title(text).as_deref(), Some("The real one"));
    }

    #[test]
    fn a_title_after_a_long_events_array_cut_off_is_not_guessed() {
        let mut text = String::from(r#"{"format": 1, "events": ["#);
        while text.len() < TITLE_PEEK_BYTES {
            text.push_str(r#"{"id": "e", "title": "An event title"},"#);
        }
        text.push_str(r#"{}], "story": {"title": "Late"}}"#);
        let head = &text.as_bytes()[..TITLE_PEEK_BYTES];
        assert_eq!(peek_title(head), None);
        // With the whole text, it is found.
        assert_eq!(peek_title(text.as_bytes()).as_deref(), Some("Late"));
    }

    #[test]
    fn escapes_are_decoded() {
        let text = br#"{"story": {"title": "The \"quoted\" deal \u00e9 \\ end", "summary": ""}}"#;
        assert_eq!(
            peek_title(text).as_deref(),
            Some(r#"The "quoted" deal é \ end"#)
        );
    }

    #[test]
    fn no_title_no_answer() {
        for text in [
            &br#"{"format": 1, "story": {"summary": "no title here"}}"#[..],
            br#"{"format": 1, "sources": []}"#,
            br#"[{"story": {"title": "in an array"}}]"#,
            br#"{"story": {"title": 12}}"#,
            br#"{"story": {"title": "   "}}"#,
            br#"{"story": {"title": "cut off befo"#,
            b"",
            b"not json",
            br#"{"title": "a top-level title is not the story's"}"#,
        ] {
            assert_eq!(peek_title(text), None, "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_cut_inside_a_character_still_reads_what_is_whole() {
        let text = "{\"story\": {\"title\": \"Café\"}, \"x\": \"é".as_bytes();
        assert_eq!(peek_title(&text[..text.len() - 1]).as_deref(), Some("Café"));
    }
}
