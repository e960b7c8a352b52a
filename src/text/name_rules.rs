//! How names are found: the text is cut into chunks (tokens glued without spaces, as
//! in "GPT-4o", "Qwen 2.5-Max"'s "2.5-Max", "U.S."), capitalised chunks next to each
//! other form a run ("Bank of America" through the connector "of"), leading function
//! words and titles are stripped, and a lone capitalised word at the start of a
//! sentence counts only when something else says it is a name (it appears capitalised
//! mid-sentence too, the gazetteer knows it, it has inner capitals or digits, a
//! possessive or a verb of saying follows).

use std::ops::Range;

use super::lexicon::{self, NOT_NAMES};
use super::match_words::Words;
use super::tokens::TokenKind;

/// Tokens glued together with no space: one chunk of a name.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// A run of chunks that names something, before its kind is guessed.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    /// Chunk indexes, first and last (inclusive) after stripping.
    pub(crate) chunks: Range<usize>,
    /// A title stripped from the front ("CEO", "Mr").
    pub(crate) title: Option<String>,
}

/// Cuts the tokens into chunks; marks and spaced tokens split them.
pub(crate) fn chunks(words: &Words) -> Vec<Chunk> {
    let mut found: Vec<Chunk> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !matches!(words.kind(i), Some(TokenKind::Word | TokenKind::Number))
            && !words.is_mark(i, '&')
        {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        loop {
            let next = last + 1;
            let glued_word = matches!(words.kind(next), Some(TokenKind::Word | TokenKind::Number))
                && !words.spaced(next);
            let glue_mark = ['-', '.', '&', '+'].iter().any(|&c| words.is_mark(next, c))
                && !words.spaced(next)
                && matches!(
                    words.kind(next + 1),
                    Some(TokenKind::Word | TokenKind::Number)
                )
                && !words.spaced(next + 1);
            if glued_word {
                last = next;
            } else if glue_mark {
                last = next + 1;
            } else {
                break;
            }
        }
        // "U.S." keeps its last full stop (single letters joined by stops), and so do
        // the corporate abbreviations ("Ltd.").
        let text = words.slice(first, last);
        let dotted = text.len() >= 3 && text.split('.').all(|p| p.chars().count() == 1);
        let abbreviation = lexicon::has(&["inc", "ltd", "corp", "co", "jr", "sr", "bros"], text);
        if words.is_mark(last + 1, '.') && !words.spaced(last + 1) && (dotted || abbreviation) {
            last += 1;
        }
        // "Hangzhou-based", "Nasdaq-listed": the place or market without its suffix.
        if last >= first + 2
            && words.is_mark(last - 1, '-')
            && words.in_table(
                last,
                &[
                    "based",
                    "listed",
                    "headquartered",
                    "born",
                    "owned",
                    "backed",
                ],
            )
        {
            found.push(Chunk {
                first,
                last: last - 2,
            });
            i = last + 1;
            continue;
        }
        found.push(Chunk { first, last });
        i = last + 1;
    }
    found
}

/// True when a chunk may be part of a name: starts with a capital, or with a small
/// letter followed by a capital ("iPhone", "eCommerce").
pub(crate) fn capitalised(words: &Words, chunk: &Chunk) -> bool {
    let text = words.slice(chunk.first, chunk.last);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => {
            let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
            word.chars().skip(1).any(char::is_uppercase)
        }
        _ => false,
    }
}

/// A version chunk after a name: "2.5", "2.5-Max", "4o", "18.5"; a bare small integer
/// only after a name chunk with capitals or digits inside ("iPhone 16", "GPT 4").
fn is_version(words: &Words, chunk: &Chunk, previous: &Chunk) -> bool {
    let text = words.slice(chunk.first, chunk.last);
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if text.contains(['.', '-']) || text.chars().any(char::is_alphabetic) {
        return !text.contains(',');
    }
    let before = words.slice(previous.first, previous.last);
    let inner = before
        .chars()
        .skip(1)
        .any(|c| c.is_uppercase() || c.is_ascii_digit());
    inner && text.len() <= 2
}

/// The runs of name chunks in the text, stripped of function words and titles.
pub(crate) fn runs(words: &Words, chunks: &[Chunk]) -> Vec<Run> {
    let mut found = Vec::new();
    let mut c = 0;
    while c < chunks.len() {
        if !capitalised(words, &chunks[c])
            || breaks_run(words, &chunks[c]) && !is_title(words, &chunks[c])
        {
            c += 1;
            continue;
        }
        let start = c;
        let mut end = c;
        while end + 1 < chunks.len()
            && touches(words, &chunks[end], &chunks[end + 1])
            && !possessive_after(words, &chunks[end])
        {
            let next = &chunks[end + 1];
            if capitalised(words, next) && !breaks_run(words, next)
                || is_version(words, next, &chunks[end])
            {
                end += 1;
            } else if is_connector(words, next)
                && end + 2 < chunks.len()
                && touches(words, next, &chunks[end + 2])
                && capitalised(words, &chunks[end + 2])
                && !breaks_run(words, &chunks[end + 2])
            {
                end += 2;
            } else {
                break;
            }
        }
        found.extend(strip(words, chunks, start..end + 1));
        c = end + 1;
    }
    found
}

/// Leading function words and titles off the front of a run.
fn strip(words: &Words, chunks: &[Chunk], mut range: Range<usize>) -> Option<Run> {
    let mut title = None;
    while range.start < range.end {
        let chunk = &chunks[range.start];
        let text = words.slice(chunk.first, chunk.last);
        if is_title(words, chunk) {
            title = Some(text.trim_end_matches('.').to_owned());
        } else if lexicon::has(NOT_NAMES, text) && !is_known_with_the(words, chunks, &range) {
            title = None;
        } else {
            break;
        }
        range.start += 1;
    }
    (range.start < range.end).then_some(Run {
        chunks: range,
        title,
    })
}

/// "The Information" and other outlets whose name starts with "The".
fn is_known_with_the(words: &Words, chunks: &[Chunk], range: &Range<usize>) -> bool {
    let first = &chunks[range.start];
    let last = &chunks[range.end - 1];
    words.is(first.first, "the") && lexicon::OUTLETS.contains(&words.slice(first.first, last.last))
}

fn is_title(words: &Words, chunk: &Chunk) -> bool {
    chunk.first == chunk.last
        && words.in_table(chunk.first, lexicon::PERSON_TITLES)
        && words.capitalised(chunk.first)
}

/// A capitalised chunk that never joins a name: months, weekdays.
fn breaks_run(words: &Words, chunk: &Chunk) -> bool {
    let text = words.slice(chunk.first, chunk.last);
    chunk.first == chunk.last
        && (lexicon::month(text).is_some() && text != "May" || lexicon::weekday(text).is_some())
        || is_title(words, chunk)
}

fn is_connector(words: &Words, chunk: &Chunk) -> bool {
    chunk.first == chunk.last
        && (words.in_table(chunk.first, &["of", "de", "for", "du", "van", "von", "der"])
            || words.is_mark(chunk.first, '&'))
}

/// Only white space between two chunks.
fn touches(words: &Words, a: &Chunk, b: &Chunk) -> bool {
    b.first == a.last + 1 && words.spaced(b.first)
}

pub(crate) fn possessive_after(words: &Words, chunk: &Chunk) -> bool {
    words
        .tokens
        .get(chunk.last + 1)
        .is_some_and(|t| t.is_possessive(words.text))
}
