//! The scanner every extractor shares: a text cut into words, numbers and marks, each
//! with its byte range, so rules look at tokens and never slice bytes themselves.
//!
//! A word is a run of letters (digits may follow inside it: "Q4", "FY2024"), with an
//! apostrophe inside kept ("don't") except a possessive "'s", which becomes its own
//! mark token. A number is a run of digits with thousands commas ("300,000") and one
//! decimal point ("2.5") only when digits follow them. Every other non-space character
//! is a one-character mark. Ranges come from `char_indices`, so they are always on
//! character boundaries.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, then letters or digits.
    Word,
    /// Digits, with thousands commas and a decimal point.
    Number,
    /// Any other single character that is not white space; a possessive "'s" is one
    /// mark of two or three characters.
    Mark,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) range: Range<usize>,
    pub(crate) kind: TokenKind,
    /// White space separates it from the token before (or it is the first).
    pub(crate) spaced: bool,
}

impl Token {
    /// Its text in `source` (the text it was cut from).
    pub(crate) fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.range.clone()).unwrap_or("")
    }

    /// True when it is a word starting with an upper-case letter.
    pub(crate) fn is_capitalised(&self, source: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .text(source)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// True for the mark `c`.
    pub(crate) fn is_mark(&self, source: &str, c: char) -> bool {
        self.kind == TokenKind::Mark && self.text(source).starts_with(c)
    }

    /// True for a possessive "'s" (straight or curly apostrophe).
    pub(crate) fn is_possessive(&self, source: &str) -> bool {
        self.kind == TokenKind::Mark && self.text(source).chars().count() >= 2
    }

    /// The numeric value of a number token (commas dropped).
    pub(crate) fn number(&self, source: &str) -> Option<f64> {
        if self.kind != TokenKind::Number {
            return None;
        }
        let digits: String = self.text(source).chars().filter(|&c| c != ',').collect();
        digits.parse().ok()
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The tokens of `text`, in order.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut found = Vec::new();
    let mut i = 0;
    let mut spaced = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let (next, kind) = if c.is_alphabetic() {
            (word_end(&chars, i), TokenKind::Word)
        } else if c.is_ascii_digit() {
            (number_end(&chars, i), TokenKind::Number)
        } else if is_apostrophe(c) && possessive_at(&chars, i) {
            (i + 2, TokenKind::Mark)
        } else {
            (i + 1, TokenKind::Mark)
        };
        found.push(Token {
            range: start..end_of(next),
            kind,
            spaced,
        });
        spaced = false;
        i = next;
    }
    found
}

/// True when the apostrophe at `i` starts a possessive "'s" that ends the word.
fn possessive_at(chars: &[(usize, char)], i: usize) -> bool {
    let s = chars.get(i + 1).map(|&(_, c)| c);
    let after = chars.get(i + 2).map(|&(_, c)| c);
    i > 0
        && chars[i - 1].1.is_alphanumeric()
        && matches!(s, Some('s' | 'S'))
        && !after.is_some_and(char::is_alphanumeric)
}

fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let inner_apostrophe = is_apostrophe(c)
            && !possessive_at(chars, i)
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphanumeric() || inner_apostrophe {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn number_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let mut seen_point = false;
    while i < chars.len() {
        let c = chars[i].1;
        let digit_at = |k: usize| chars.get(k).is_some_and(|&(_, d)| d.is_ascii_digit());
        if c.is_ascii_digit() {
            i += 1;
        } else if c == ',' && !seen_point && (1..=3).all(|k| digit_at(i + k)) && !digit_at(i + 4) {
            i += 4;
        } else if c == '.' && !seen_point && digit_at(i + 1) {
            seen_point = true;
            i += 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_marks() {
        assert_eq!(
            texts("Over 300,000 firms use Qwen 2.5-Max, Zorvik's app."),
            vec![
                "Over", "300,000", "firms", "use", "Qwen", "2.5", "-", "Max", ",", "Zorvik", "'s",
                "app", "."
            ]
        );
        assert_eq!(
            texts("1,23 and 2. then 4,5678"),
            vec!["1", ",", "23", "and", "2", ".", "then", "4", ",", "5678"]
        );
        assert_eq!(
            texts("don’t GPT-4o FY2024"),
            vec!["don’t", "GPT", "-", "4", "o", "FY2024"]
        );
    }

    #[test]
    fn spacing_and_values() {
        let text = "$13bn at 2.5%";
        let found = tokens(text);
        assert!(found[0].spaced && !found[1].spaced && !found[2].spaced && found[3].spaced);
        assert_eq!(found[1].number(text), Some(13.0));
        assert_eq!(found[4].number(text), Some(2.5));
        assert!(found[0].is_mark(text, '$'));
    }

    #[test]
    fn other_scripts_keep_char_boundaries() {
        let text = "阿里巴巴 13亿元 — ok’";
        for token in tokens(text) {
            assert!(text.get(token.range.clone()).is_some());
        }
    }
}
