//! What Detail adds to a record's document in the explorer: a citation whose source's
//! text is at hand opens, on the paragraph key, the cited paragraph itself, wrapped, with the
//! quoted words highlighted; the author's notes are drawn after `◇`.

use std::ops::Range;

use ratatui::text::{Line, Span};

use crate::story::graph::authored::AUTHOR_MARK;
use crate::story::graph::passage::{SourceTexts, find_quote};
use crate::story::model::Citation;
use crate::story::safe_text::{clean_line, width};

use crate::tui::ui::theme::Theme;

/// Where the source's text is at hand, the lines the paragraph key shows under a
/// citation: none while closed, the paragraph when `open`. None when there is nothing
/// to open.
pub(crate) fn opened(
    texts: &SourceTexts,
    citation: &Citation,
    open: bool,
    cells: usize,
    theme: Theme,
) -> Option<Vec<Line<'static>>> {
    if citation.para.is_none() || !texts.has_text(&citation.source) {
        return None;
    }
    Some(if open {
        passage_lines(texts, citation, cells, theme)
    } else {
        Vec::new()
    })
}

/// A citation, in the link style (Enter follows it to its source); where its
/// paragraph can be opened (`openable` is whether it is open), `▸` (or `▾` when open)
/// for its bullet.
pub(crate) fn mark_citation(lines: &mut [Line<'static>], openable: Option<bool>, theme: Theme) {
    for (i, line) in lines.iter_mut().enumerate() {
        for span in &mut line.spans {
            if let (0, Some(open)) = (i, openable) {
                if let Some(rest) = span.content.strip_prefix('•') {
                    let bullet = if open { '▾' } else { '▸' };
                    span.content = format!("{bullet}{rest}").into();
                }
            }
            span.style = theme.link();
        }
    }
}

/// One of the author's notes, `◇` marked, wrapped.
pub(crate) fn note_lines(text: &str, cells: usize, theme: Theme) -> Vec<Line<'static>> {
    let options = textwrap::Options::new(cells.max(8)).subsequent_indent("  ");
    textwrap::wrap(&clean_line(text), options)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let line = line.into_owned();
            match line.strip_prefix(AUTHOR_MARK) {
                Some(rest) if i == 0 => Line::from(vec![
                    Span::styled(AUTHOR_MARK, theme.disputed()),
                    Span::raw(rest.to_owned()),
                ]),
                _ => Line::from(line),
            }
        })
        .collect()
}

/// The cited paragraph, wrapped to `cells` behind a bar, the quote highlighted; a
/// one-line explanation when the text has no such paragraph.
fn passage_lines(
    texts: &SourceTexts,
    citation: &Citation,
    cells: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    const BAR: &str = "  │ ";
    let room = cells.saturating_sub(width(BAR)).max(8);
    let para = citation.para.unwrap_or(0);
    let Some(paragraph) = texts.paragraph(&citation.source, para) else {
        return vec![Line::from(Span::styled(
            format!("{BAR}(the text has no paragraph {para})"),
            theme.error(),
        ))];
    };
    let paragraph = clean_line(paragraph);
    let quote = citation.quote().and_then(|q| find_quote(&paragraph, q));
    let mut lines: Vec<Line<'static>> = wrap_ranges(&paragraph, room)
        .into_iter()
        .map(|range| {
            let mut spans = vec![Span::styled(BAR, theme.dim())];
            spans.extend(styled_pieces(&paragraph, range, quote.clone(), theme));
            Line::from(spans)
        })
        .collect();
    if citation.quote().is_some() && quote.is_none() {
        lines.push(Line::from(Span::styled(
            format!("{BAR}(the quote is not in this paragraph)"),
            theme.error(),
        )));
    }
    lines
}

/// The pieces of `text[range]`, the part inside `quote` highlighted.
fn styled_pieces(
    text: &str,
    range: Range<usize>,
    quote: Option<Range<usize>>,
    theme: Theme,
) -> Vec<Span<'static>> {
    let Some(quote) = quote else {
        return vec![Span::styled(text[range].to_owned(), theme.plain())];
    };
    let start = quote.start.clamp(range.start, range.end);
    let end = quote.end.clamp(range.start, range.end);
    [
        (range.start..start, theme.plain()),
        (start..end, theme.matched()),
        (end..range.end, theme.plain()),
    ]
    .into_iter()
    .filter(|(r, _)| !r.is_empty())
    .map(|(r, style)| Span::styled(text[r].to_owned(), style))
    .collect()
}

/// Greedy word wrap by display width, as byte ranges of `text` (single-spaced, as
/// `clean_line` leaves it); a word wider than a line is cut between characters.
fn wrap_ranges(text: &str, cells: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut end = 0;
    let mut used = 0;
    for (at, word) in text.split(' ').scan(0, |offset, word| {
        let at = *offset;
        *offset += word.len() + 1;
        Some((at, word))
    }) {
        let word_cells = width(word);
        if used > 0 && used + 1 + word_cells <= cells {
            end = at + word.len();
            used += 1 + word_cells;
            continue;
        }
        if used > 0 {
            lines.push(start..end);
        }
        // A fresh line; cut the word while it is wider than a line.
        let mut piece_start = at;
        let mut piece_cells = 0;
        for (i, c) in word.char_indices() {
            let c_cells = width(c.encode_utf8(&mut [0u8; 4]));
            if piece_cells + c_cells > cells && piece_cells > 0 {
                lines.push(piece_start..at + i);
                piece_start = at + i;
                piece_cells = 0;
            }
            piece_cells += c_cells;
        }
        start = piece_start;
        end = at + word.len();
        used = piece_cells;
    }
    if used > 0 || lines.is_empty() {
        lines.push(start..end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_the_width() {
        let text = "one two three four five six seven eight nine ten eleven";
        let lines = wrap_ranges(text, 12);
        let joined: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined.join(" "), text);
        assert!(joined.iter().all(|l| width(l) <= 12), "{joined:?}");
        let long = "abcdefghijklmnopqrstuvwxyz";
        let cut: Vec<&str> = wrap_ranges(long, 10)
            .into_iter()
            .map(|r| &long[r])
            .collect();
        assert_eq!(cut, vec!["abcdefghij", "klmnopqrst", "uvwxyz"]);
        let wide = "日本語のテキスト";
        let cut: Vec<&str> = wrap_ranges(wide, 5).into_iter().map(|r| &wide[r]).collect();
        assert!(cut.iter().all(|l| width(l) <= 5), "{cut:?}");
    }
}
