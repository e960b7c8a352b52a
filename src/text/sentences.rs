//! Sentences of one paragraph, as byte ranges: a full stop, question or exclamation
//! mark ends a sentence unless it belongs to an abbreviation ("Inc.", "Ltd.", "U.S.",
//! "Mr."), a decimal ("2.5"), an initial ("J. Smith") or sits inside a quotation.
//!
//! A stop ends a sentence only when white space follows it (after any closing quote or
//! bracket) and the next word starts with a capital, a digit or an opening quote.
//! "Inc." and the other corporate abbreviations end a sentence only when the next
//! word is a function word ("The", "It", "But" …), because "Apple Inc. Shares" is
//! rarer than "Apple Inc. said". CJK full stops (。！？) always end one.

use std::ops::Range;

use super::lexicon;

/// Abbreviations whose full stop never ends a sentence (titles, months, "No.").
const ALWAYS_ABBREVIATED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no", "gov", "sen", "rep", "gen",
    "lt", "col", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "e.g", "i.e", "approx", "est", "fig",
];

/// Abbreviations that may end a sentence when a function word follows.
const SOMETIMES_ABBREVIATED: &[&str] = &["inc", "ltd", "corp", "co", "bros", "etc", "plc"];

/// The sentences of `paragraph`, in order, each a byte range trimmed of white space.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut found = Vec::new();
    let mut start = 0;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => ends_sentence(paragraph, &chars, i),
            _ => false,
        };
        if ends {
            let mut end = at + c.len_utf8();
            // Closing quotes and brackets right after the stop belong to this sentence.
            for &(close_at, close) in &chars[i + 1..] {
                if matches!(close, '"' | '”' | '’' | '\'' | ')' | ']' | '」' | '』') {
                    end = close_at + close.len_utf8();
                } else {
                    break;
                }
            }
            push_trimmed(paragraph, start..end, &mut found);
            start = end;
        }
    }
    push_trimmed(paragraph, start..paragraph.len(), &mut found);
    found
}

fn push_trimmed(text: &str, range: Range<usize>, found: &mut Vec<Range<usize>>) {
    if range.start >= range.end || range.start < found.last().map_or(0, |r: &Range<usize>| r.end) {
        return;
    }
    let Some(part) = text.get(range.clone()) else {
        return;
    };
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    if part.trim().is_empty() {
        return;
    }
    found.push(range.start + lead..range.end - trail);
}

/// True when the stop at char index `i` ends a sentence.
fn ends_sentence(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    // What follows: closing marks, then white space, then the next word's first char.
    let mut k = i + 1;
    while chars
        .get(k)
        .is_some_and(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'))
    {
        k += 1;
    }
    if k >= chars.len() {
        return true;
    }
    if !chars[k].1.is_whitespace() {
        return false;
    }
    while chars.get(k).is_some_and(|&(_, c)| c.is_whitespace()) {
        k += 1;
    }
    let Some(&(next_at, next)) = chars.get(k) else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '('))
    {
        return false;
    }
    if chars[i].1 != '.' {
        return true;
    }
    let word = word_before(text, chars, i);
    let next_word: String = text[next_at..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.');
    if single_letter || dotted || lexicon::has(ALWAYS_ABBREVIATED, &word) {
        return false;
    }
    if lexicon::has(SOMETIMES_ABBREVIATED, &word) {
        return lexicon::has(lexicon::NOT_NAMES, &next_word);
    }
    true
}

/// The word (letters and inner dots, as in "U.S") right before char index `i`.
fn word_before(text: &str, chars: &[(usize, char)], i: usize) -> String {
    let mut k = i;
    while k > 0
        && (chars[k - 1].1.is_alphabetic()
            || (chars[k - 1].1 == '.' && k >= 2 && chars[k - 2].1.is_alphabetic()))
    {
        k -= 1;
    }
    let from = chars.get(k).map_or(text.len(), |&(at, _)| at);
    let to = chars.get(i).map_or(text.len(), |&(at, _)| at);
    text.get(from..to).unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn stops_end_sentences() {
        assert_eq!(
            split("Sales rose. Profit fell! Why? Nobody knows."),
            vec!["Sales rose.", "Profit fell!", "Why?", "Nobody knows."]
        );
        assert_eq!(split("  One.  "), vec!["One."]);
        assert_eq!(split("No stop at all"), vec!["No stop at all"]);
    }

    #[test]
    fn abbreviations_decimals_and_initials_do_not() {
        assert_eq!(
            split(
                "Mr. Varga met J. Okafor of Brindle Corp. on Feb. 3 in the U.S. to sign a 2.5 deal."
            ),
            vec![
                "Mr. Varga met J. Okafor of Brindle Corp. on Feb. 3 in the U.S. to sign a 2.5 deal."
            ]
        );
        assert_eq!(
            split("Kestrel Ltd. said yes. It was Kestrel Ltd. The board agreed."),
            vec![
                "Kestrel Ltd. said yes.",
                "It was Kestrel Ltd.",
                "The board agreed."
            ]
        );
        assert_eq!(split("version 3.1. Next"), vec!["version 3.1.", "Next"]);
    }

    #[test]
    fn quotes_and_other_scripts() {
        assert_eq!(
            split("“We are done.” She left. He said “go now.” and stayed."),
            vec![
                "“We are done.”",
                "She left.",
                "He said “go now.” and stayed."
            ]
        );
        assert_eq!(split("它很好。我们走吧。"), vec!["它很好。", "我们走吧。"]);
    }
}
