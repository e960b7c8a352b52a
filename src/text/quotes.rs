//! Direct quotes: words inside quotation marks (“…”, "…", «…», 「…」) of at least
//! three words (shorter ones are names or scare quotes: “Qwen”, “open”), with the
//! speaker when a verb of saying next to the quote names one (“…,” Lin said / said
//! Lin / Lin said: “…” / “…”, according to Lin).

use std::ops::Range;

use super::lexicon::SAYING_VERBS;
use super::match_words::Words;
use super::names::{name_from, name_until, names};

/// One direct quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub range: Range<usize>,
    /// Who said it, as written, when the sentence names them ("Lin said", "said Lin",
    /// "according to Lin").
    pub speaker: Option<String>,
}

/// Every direct quote in `text`, in order of position.
pub fn quotes(text: &str) -> Vec<Quote> {
    let spans = quoted_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let words = Words::new(text);
    let names = names(text);
    spans
        .into_iter()
        .filter(|inner| {
            text.get(inner.clone())
                .is_some_and(|q| q.split_whitespace().count() >= 3)
        })
        .map(|inner| {
            let speaker = speaker_after(&words, &names, inner.end)
                .or_else(|| speaker_before(&words, &names, inner.start));
            Quote {
                range: inner,
                speaker,
            }
        })
        .collect()
}

/// The byte ranges inside each pair of quotation marks. Curly and CJK marks pair by
/// direction; straight double quotes pair in order; an unclosed quote is dropped.
fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        let closes = |opener: char| {
            matches!(
                (opener, c),
                ('“', '”') | ('"', '"') | ('«', '»') | ('「', '」') | ('„', '“')
            )
        };
        match open {
            Some((start, opener)) if closes(opener) => {
                found.push(start..at);
                open = None;
            }
            None if matches!(c, '“' | '"' | '«' | '「' | '„') => {
                open = Some((at + c.len_utf8(), c))
            }
            _ => {}
        }
    }
    found
}

/// The first token starting at or after byte `at`.
fn token_at(words: &Words, at: usize) -> usize {
    words
        .tokens
        .iter()
        .position(|t| t.range.start >= at)
        .unwrap_or(words.len())
}

/// “…,” Lin said / “…,” said Lin / “…”, according to Lin.
fn speaker_after(words: &Words, names: &[super::names::NameMention], end: usize) -> Option<String> {
    let mut k = token_at(words, end) + 1; // past the closing mark
    if words.is_mark(k, ',') {
        k += 1;
    }
    if words.in_table(k, SAYING_VERBS) {
        return name_from(words, names, k + 1).map(|(_, who)| who);
    }
    if let Some(next) = words.phrase_from(k, "according to") {
        return name_from(words, names, next).map(|(_, who)| who);
    }
    // "Tessel founder Ilya Brandt said": the first name within a few words that a
    // verb of saying follows, before the sentence ends.
    (k..k + 5)
        .take_while(|&n| !words.is_mark(n, '.') && !words.is_mark(n, '“') && !words.is_mark(n, '"'))
        .find_map(|n| {
            let (last, who) = name_from(words, names, n)?;
            words.in_table(last + 1, SAYING_VERBS).then_some(who)
        })
}

/// Lin said: “…” / Lin said, “…” / Lin said that “…”.
fn speaker_before(
    words: &Words,
    names: &[super::names::NameMention],
    start: usize,
) -> Option<String> {
    let open = token_at(words, start).checked_sub(1)?;
    let mut k = open.checked_sub(1)?;
    if words.is_mark(k, ':') || words.is_mark(k, ',') || words.is(k, "that") {
        k = k.checked_sub(1)?;
    }
    if !words.in_table(k, SAYING_VERBS) {
        return None;
    }
    name_until(words, names, k.checked_sub(1)?).map(|(_, who)| who)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(&str, Option<String>)> {
        quotes(text)
            .into_iter()
            .map(|q| (&text[q.range], q.speaker))
            .collect()
    }

    #[test]
    fn quotes_and_speakers() {
        let text = "“We will ship it in spring,” Marta Ilves said.";
        assert_eq!(
            read(text),
            vec![("We will ship it in spring,", Some("Marta Ilves".to_owned()))]
        );
        let text = "\"It is not for sale,\" said Orla Venn, shrugging.";
        assert_eq!(read(text)[0].1.as_deref(), Some("Orla Venn"));
        let text = "Velt said: “the tests went very well.”";
        assert_eq!(
            read(text),
            vec![("the tests went very well.", Some("Velt".to_owned()))]
        );
        let text = "“Demand is far above supply”, according to Quorvel.";
        assert_eq!(read(text)[0].1.as_deref(), Some("Quorvel"));
        let text = "“Nobody else uses that test,” Tessel founder Ilya Brandt said.";
        assert_eq!(read(text)[0].1.as_deref(), Some("Ilya Brandt"));
        let text = "A note read “back in five minutes” on the door.";
        assert_eq!(read(text), vec![("back in five minutes", None)]);
    }

    #[test]
    fn short_or_unclosed_quotes_are_not_speech() {
        assert!(read("Its “Brio” model is “open” now.").is_empty());
        assert!(read("He wrote “this never ends and").is_empty());
        assert!(read("").is_empty());
    }
}
