//! The paragraph rule of docs/story-format.md ("Counting paragraphs", "Article text and
//! quotes"): the numbering every citation's `para` uses.
//!
//! Every non-blank line is one paragraph, numbered from 1; a line starting with `#` is
//! site furniture (headline, share bar, promo, date line, footer) and is not counted; a
//! paragraph that itself starts with `#` is written `\#` and read as starting with `#`.
//! Lines are trimmed of surrounding white space before the rule is applied.

/// One counted paragraph of an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its number, from 1, as a citation's `para` gives it.
    pub number: u32,
    /// Its words, trimmed, with a leading `\#` escape read as `#`.
    pub text: String,
    /// The line of the text file it sits on, from 1 (for messages that point there).
    pub line: u32,
}

/// The paragraphs of an article's text, numbered by the format guide's rule.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let Some(words) = paragraph_words(line) else {
            continue;
        };
        found.push(Paragraph {
            number: counted(found.len() + 1),
            text: words.to_owned(),
            line: counted(index + 1),
        });
    }
    found
}

/// Just the paragraphs' words, in order (index 0 is ¶1).
pub fn paragraph_texts(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(paragraph_words)
        .map(str::to_owned)
        .collect()
}

/// The words of one line when it is a counted paragraph, `None` when it is blank or
/// furniture.
fn paragraph_words(line: &str) -> Option<&str> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    // `\#` escapes a paragraph that starts with `#`; the backslash is not its text.
    Some(
        line.strip_prefix('\\')
            .filter(|rest| rest.starts_with('#'))
            .unwrap_or(line),
    )
}

/// A count as u32, saturating: a text of more than four billion lines is not an
/// article, but it must not wrap round either.
fn counted(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_blank_lines_are_not_counted() {
        let text = "# Headline\n\n# share on\nFirst one.\nSecond, right after.\n\n# Promo\n  Third.  \n\\# Fourth starts with a hash.\n\\not an escape\n";
        let found = paragraphs(text);
        let words: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "First one.",
                "Second, right after.",
                "Third.",
                "# Fourth starts with a hash.",
                "\\not an escape",
            ]
        );
        let numbers: Vec<u32> = found.iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
        let lines: Vec<u32> = found.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![4, 5, 8, 9, 10]);
        assert_eq!(paragraph_texts(text), words);
    }

    #[test]
    fn windows_line_ends_and_empty_text() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n  \n# only furniture\n").is_empty());
        let found = paragraphs("One.\r\nTwo.\r\n");
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].text, "Two.");
    }
}
