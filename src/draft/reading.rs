//! One article read once by the text layer: its paragraphs (numbered by the format
//! guide's rule, as the text file written beside the draft numbers them), and each
//! paragraph's sentences, names, figures, dates, attributions and quotes.

use std::ops::Range;

use super::input::Article;
use crate::text::{
    Attribution, DateMention, Day, FigureMention, NameMention, Quote, attributions, dates, figures,
    names, quotes, sentences,
};

/// A paragraph and what the text layer found in it; ranges are into `text`.
pub(crate) struct Para {
    /// Its number (¶1 first).
    pub(crate) number: u32,
    /// Its words, as the text file holds them.
    pub(crate) text: String,
    /// Sentence ranges.
    pub(crate) sentences: Vec<Range<usize>>,
    /// Proper names.
    pub(crate) names: Vec<NameMention>,
    /// Figures.
    pub(crate) figures: Vec<FigureMention>,
    /// Dates, resolved against the article's date.
    pub(crate) dates: Vec<DateMention>,
    /// "according to X" and the like.
    pub(crate) attributions: Vec<Attribution>,
    /// Direct quotes.
    pub(crate) quotes: Vec<Quote>,
}

impl Para {
    /// The sentence holding byte `at` (the whole paragraph when sentences miss it).
    pub(crate) fn sentence_of(&self, at: usize) -> Range<usize> {
        self.sentences
            .iter()
            .find(|s| s.start <= at && at < s.end.max(s.start + 1))
            .cloned()
            .unwrap_or(0..self.text.len())
    }
}

/// An article with its source id and paragraphs read.
pub(crate) struct Reading<'a> {
    /// The article as read from its file.
    pub(crate) article: &'a Article,
    /// The id of the source drafted for it.
    pub(crate) source_id: String,
    /// Its paragraphs.
    pub(crate) paras: Vec<Para>,
}

/// Reads every paragraph of `article` with the text layer.
pub(crate) fn read(article: &Article, source_id: String) -> Reading<'_> {
    let anchor = article.published.as_deref().and_then(parse_day);
    let paras = article
        .paragraphs()
        .enumerate()
        .map(|(i, text)| {
            let text = text.to_owned();
            Para {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                sentences: sentences(&text),
                names: names(&text),
                figures: figures(&text),
                dates: dates(&text, anchor),
                attributions: attributions(&text),
                quotes: quotes(&text),
                text,
            }
        })
        .collect();
    Reading {
        article,
        source_id,
        paras,
    }
}

/// `2025-02-12` as a day; `None` for coarser or other text.
pub(crate) fn parse_day(text: &str) -> Option<Day> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some(Day { year, month, day })
}

/// A few words of `text` around `range`, exactly as written, for a citation's `quote`:
/// the words of the range, widened word by word to the right (then the left) until
/// there are at least `MIN_QUOTE_WORDS`, never past the sentence `within`.
pub(crate) fn quote_around(text: &str, range: &Range<usize>, within: &Range<usize>) -> String {
    const MIN_QUOTE_WORDS: usize = 4;
    let (mut start, mut end) = (range.start, range.end);
    let words = |s: usize, e: usize| text[s..e].split_whitespace().count();
    while words(start, end) < MIN_QUOTE_WORDS && end < within.end {
        end = next_word_end(text, end, within.end);
    }
    while words(start, end) < MIN_QUOTE_WORDS && start > within.start {
        start = previous_word_start(text, start, within.start);
    }
    text[start..end].trim().to_owned()
}

fn next_word_end(text: &str, from: usize, limit: usize) -> usize {
    let rest = &text[from..limit];
    let skipped = rest.len() - rest.trim_start().len();
    let word = rest.trim_start();
    let word_len = word.find(char::is_whitespace).unwrap_or(word.len());
    from + skipped + word_len
}

fn previous_word_start(text: &str, from: usize, limit: usize) -> usize {
    let before = text[limit..from].trim_end();
    match before.rfind(char::is_whitespace) {
        Some(space) => limit + space + 1,
        None => limit,
    }
}
