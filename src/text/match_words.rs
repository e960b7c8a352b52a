//! Small helpers the extractors share for looking at tokens: the lower-cased word at
//! an index, and whether a phrase of words starts or ends there (hyphens between the
//! words are skipped, so "year-on-year" matches "year on year").

use super::tokens::{Token, TokenKind};

/// The tokens of one text with the text itself, so rules can ask about words.
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: Vec<Token>,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str) -> Words<'a> {
        Words {
            text,
            tokens: super::tokens::tokens(text),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text, or "" past either end.
    pub(crate) fn at(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// True when token `i` is a word equal to `word`, case folded.
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.at(i).eq_ignore_ascii_case(word)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// True when token `i` is a word in `table`.
    pub(crate) fn in_table(&self, i: usize, table: &[&str]) -> bool {
        self.kind(i) == Some(TokenKind::Word) && super::lexicon::has(table, self.at(i))
    }

    pub(crate) fn is_mark(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_mark(self.text, c))
    }

    /// True when white space separates token `i` from the one before.
    pub(crate) fn spaced(&self, i: usize) -> bool {
        self.tokens.get(i).is_none_or(|t| t.spaced)
    }

    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is_capitalised(self.text))
    }

    /// When the words of `phrase` (space-separated) start at token `i`, the index just
    /// past the phrase. A hyphen between two of its words is skipped.
    pub(crate) fn phrase_from(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut k = i;
        for (n, word) in phrase.split(' ').enumerate() {
            if n > 0 && (self.is_mark(k, '-') || self.is_mark(k, '‑')) && !self.spaced(k) {
                k += 1;
            }
            if !self.is(k, word) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// When the words of `phrase` end just before token `end`, the index where the
    /// phrase starts.
    pub(crate) fn phrase_before(&self, end: usize, phrase: &str) -> Option<usize> {
        let count = phrase.split(' ').count();
        (end.saturating_sub(count * 2 - 1)..end)
            .rev()
            .find(|&start| self.phrase_from(start, phrase) == Some(end))
    }

    /// The byte range from the start of token `first` to the end of token `last`.
    pub(crate) fn span(&self, first: usize, last: usize) -> std::ops::Range<usize> {
        let start = self
            .tokens
            .get(first)
            .map_or(self.text.len(), |t| t.range.start);
        let end = self
            .tokens
            .get(last)
            .map_or(self.text.len(), |t| t.range.end);
        start..end.max(start)
    }

    /// The text of tokens `first..=last`, as written.
    pub(crate) fn slice(&self, first: usize, last: usize) -> &'a str {
        self.text.get(self.span(first, last)).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_skip_hyphens_and_fold_case() {
        let words = Words::new("Up 3% year-on-year, More than 4");
        assert_eq!(words.phrase_from(3, "year on year"), Some(8));
        assert_eq!(words.phrase_before(8, "year on year"), Some(3));
        assert_eq!(words.phrase_from(9, "more than"), Some(11));
        assert_eq!(words.phrase_from(9, "more than that"), None);
        assert_eq!(words.phrase_before(0, "up"), None);
        assert_eq!(words.slice(0, 2), "Up 3%");
    }
}
