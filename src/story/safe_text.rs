//! Text helpers shared by the screen and the exports: stripping what a terminal would
//! act on, truncating by display width, and "did you mean" suggestions.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// True for characters that must never reach a terminal raw: C0/C1 controls (ESC, BEL,
/// CSI …), bidi overrides and isolates that reorder what follows them.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Story text made safe for a terminal line: controls become a space (so words stay
/// apart), runs of whitespace collapse to one.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(clean_chars(text));
    out
}

/// The characters of [`clean_line`]`(text)`, without building it: for comparing
/// many texts by their starts.
pub(crate) fn clean_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut started = false;
    let mut space_pending = false;
    text.chars()
        .flat_map(move |c| {
            if is_unsafe_char(c) || c.is_whitespace() {
                space_pending = started;
                return [None, None];
            }
            let space = space_pending.then_some(' ');
            space_pending = false;
            started = true;
            [space, Some(c)]
        })
        .flatten()
}

/// Story text for a one-line message: unsafe characters shown as visible escapes
/// (`\u{1b}`) so a reader sees what is in the file without the terminal acting on it,
/// and long text cut.
pub(crate) fn escape_controls(text: &str) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == 200 {
            out.push('…');
            break;
        }
        if is_unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` cells, ending with `…` when something was cut. Cuts
/// only between user-perceived characters: a two-cell character that does not fit is
/// left out whole, and an emoji keeps its variation selector (which can make it two
/// cells wide where the emoji alone counts one).
pub fn truncate_to_width(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1;
    // Summing characters' widths is right for almost all text and several times faster
    // than walking grapheme clusters, which this runs for many cells of every frame.
    // It is kept only when it ends between two clusters and really fits.
    let mut out = cut_by_chars(text, budget);
    let mut boundary = GraphemeCursor::new(out.len(), text.len(), true);
    if !boundary.is_boundary(text, 0).unwrap_or(false) || width(&out) > budget {
        out = cut_by_graphemes(text, budget);
    }
    out.push('…');
    out
}

/// The longest start of `text` whose characters' widths sum to at most `budget`.
fn cut_by_chars(text: &str, budget: usize) -> String {
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            used += c.width().unwrap_or(0);
            used > budget
        })
        .map_or(text.len(), |(at, _)| at);
    text[..end].to_owned()
}

/// The longest start of `text` made of whole grapheme clusters that is at most
/// `budget` cells wide.
fn cut_by_graphemes(text: &str, budget: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        let w = width(grapheme);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(grapheme);
    }
    // Widths of neighbouring clusters are not always additive; never trust the sum.
    while width(&out) > budget {
        let last = out
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at);
        out.truncate(last);
    }
    out
}

/// Pads with spaces on the right to exactly `cells` wide (truncating first if needed).
pub(crate) fn fit_to_width(text: &str, cells: usize) -> String {
    let mut out = truncate_to_width(text, cells);
    let pad = cells.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Words longer than this (in bytes) are never compared: a typo of a field name or an
/// id is short, and Jaro-Winkler's cost grows with the product of the two lengths, so a
/// 10 MB "field name" would otherwise take seconds per candidate.
const LONGEST_SUGGESTED: usize = 256;

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if word.len() > LONGEST_SUGGESTED {
        return None;
    }
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|candidate| candidate.len() <= LONGEST_SUGGESTED)
        .map(|candidate| {
            (
                strsim::jaro_winkler(&word_lower, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// Formats a number the way a reader expects: 300000 → "300,000", 7.7 → "7.7".
pub(crate) fn format_number(value: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, value);
    out
}

/// `format_number(value)` written onto the end of `out`, with no allocation of its own
/// (a big story's metric rows format thousands of numbers).
pub(crate) fn push_number(out: &mut String, value: f64) {
    use std::fmt::Write;
    if !value.is_finite() {
        out.push_str(&value.to_string());
        return;
    }
    let start = out.len();
    // Writing to a String cannot fail.
    let _ = if value.fract() != 0.0 {
        write!(out, "{value}")
    } else {
        write!(out, "{value:.0}")
    };
    let digits_from = start + usize::from(out[start..].starts_with('-'));
    let digits_to = out[digits_from..]
        .find('.')
        .map_or(out.len(), |dot| digits_from + dot);
    // Commas from the right, every three digits of the whole part.
    let mut comma = digits_to;
    while comma >= digits_from + 4 {
        comma -= 3;
        out.insert(comma, ',');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_drops_ends_and_collapses_runs() {
        let text = "  Apple\u{1b}[31m  \n picks\t \u{202e} ";
        assert_eq!(clean_line(text), "Apple [31m picks");
        assert_eq!(clean_chars(text).collect::<String>(), clean_line(text));
        assert_eq!(clean_line(" \t\n"), "");
    }

    #[test]
    fn an_emoji_and_its_variation_selector_are_cut_together() {
        // Found by the truncation property: 🕯 counts one cell, 🕯 + VS16 two.
        let text = "a 0a \u{1F56F}\u{FE0F} aA  a0";
        let cut = truncate_to_width(text, 7);
        assert!(width(&cut) <= 7, "{cut:?} is {} cells", width(&cut));
        assert_eq!(cut, "a 0a …");
        assert_eq!(
            truncate_to_width("ab\u{1F56F}\u{FE0F}cd", 5),
            "ab\u{1F56F}\u{FE0F}…"
        );
        // A skin tone belongs to its emoji: never left behind, never kept alone.
        let thumbs = "ab\u{1F44D}\u{1F3FD}cdefgh";
        assert_eq!(truncate_to_width(thumbs, 6), "ab\u{1F44D}\u{1F3FD}c…");
        assert_eq!(truncate_to_width(thumbs, 4), "ab…");
        // Plain text takes the fast path and the same cut as ever.
        assert_eq!(truncate_to_width("Apple picks Alibaba", 8), "Apple p…");
        assert_eq!(truncate_to_width("阿里巴巴集团", 6), "阿里…");
    }

    #[test]
    fn escape_sequences_never_survive() {
        let hostile = "Apple\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}evil";
        let clean = clean_line(hostile);
        assert!(!clean.chars().any(is_unsafe_char), "{clean:?}");
        assert!(clean.starts_with("Apple"));
    }

    #[test]
    fn escaped_controls_are_visible_and_inert() {
        assert_eq!(escape_controls("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert!(
            !escape_controls("\u{9b}\u{202e}")
                .chars()
                .any(is_unsafe_char)
        );
        assert_eq!(escape_controls(&"x".repeat(500)).chars().count(), 201);
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate_to_width("阿里巴巴集团", 5), "阿里…");
        assert_eq!(width(&truncate_to_width("阿里巴巴集团", 4)), 3);
        assert_eq!(truncate_to_width("Alibaba", 10), "Alibaba");
        assert_eq!(truncate_to_width("Alibaba", 4), "Ali…");
        assert_eq!(truncate_to_width("Alibaba", 0), "");
        assert_eq!(width(&fit_to_width("阿里巴巴", 7)), 7);
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(300000.0), "300,000");
        assert_eq!(format_number(100_000_000.0), "100,000,000");
        assert_eq!(format_number(7.7), "7.7");
        assert_eq!(format_number(29.3), "29.3");
        assert_eq!(format_number(97.0), "97");
    }

    /// The number written in place is the number `format!` writes, with a comma
    /// before each group of three whole digits, after text already in the buffer.
    #[test]
    fn numbers_are_grouped_in_place_as_written_whole() {
        fn grouped(whole: &str) -> String {
            let (sign, digits) = whole.split_at(usize::from(whole.starts_with('-')));
            let mut out = sign.to_owned();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }
        proptest::proptest!(|(value in proptest::num::f64::ANY, before in "[a-z ]{0,3}")| {
            let written = if value.fract() != 0.0 { format!("{value}") } else { format!("{value:.0}") };
            let expected = match written.split_once('.') {
                _ if !value.is_finite() => value.to_string(),
                Some((whole, fraction)) => format!("{}.{fraction}", grouped(whole)),
                None => grouped(&written),
            };
            let mut out = before.clone();
            push_number(&mut out, value);
            proptest::prop_assert_eq!(out, format!("{before}{expected}"));
        });
        for (value, expected) in [
            (-1234.5, "-1,234.5"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (-100.0, "-100"),
        ] {
            assert_eq!(format_number(value), expected);
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        assert_eq!(did_you_mean("titel", ["title", "summary"]), Some("title"));
        assert_eq!(did_you_mean("zzz", ["title", "summary"]), None);
        let long = "titel".repeat(1000);
        assert_eq!(did_you_mean(&long, ["title"]), None);
        assert_eq!(
            did_you_mean("title", [long.as_str(), "titles"]),
            Some("titles")
        );
    }
}
