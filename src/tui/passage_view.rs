//! A citation as Detail shows it: one line naming the source, the paragraph, the
//! statement's origin and quote; and, opened with Enter, the cited paragraph itself,
//! wrapped, with the quoted words highlighted.

use std::ops::Range;

use ratatui::text::{Line, Span};

use crate::story::Story;
use crate::story::authored::{AUTHOR_MARK, note_text};
use crate::story::model::{AuthorNote, Citation};
use crate::story::passage::{SourceTexts, find_quote};
use crate::story::text::{clean_line, width};

use super::theme::Theme;

/// "MARKETING-INTERACTIVE, “…”, 12 Feb 2025, ¶8 — note · from CARMA · “quote”".
fn citation_text(story: &Story, citation: &Citation) -> String {
    let source = &story.file.sources[story.source_index(&citation.source)];
    let mut text = format!("{}, “{}”", source.outlet, source.title);
    if let Some(date) = source.published {
        text.push_str(&format!(", {}", date.human()));
    }
    if let Some(para) = citation.para {
        text.push_str(&format!(", ¶{para}"));
    }
    if let Some(note) = &citation.note {
        text.push_str(&format!(" — {note}"));
    }
    match citation.via.as_deref() {
        Some(own) if own == citation.source => text.push_str(" · its own reporting"),
        Some(via) => {
            let upstream = &story.file.sources[story.source_index(via)];
            text.push_str(&format!(" · from {}", upstream.outlet));
        }
        None => {}
    }
    if let Some(quote) = &citation.quote {
        text.push_str(&format!(" · “{quote}”"));
    }
    text
}

/// A record's citations in Detail: their lines, and for each citation whose paragraph
/// Enter opens, (line index, its place among the record's citations). `(first, open)`:
/// the place of the first of these, and the place of the citation shown open.
pub(crate) fn citation_block(
    story: &Story,
    texts: &SourceTexts,
    cite: &[Citation],
    (first, open): (usize, Option<usize>),
    cells: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let mut lines = Vec::new();
    let mut passages = Vec::new();
    for (i, citation) in cite.iter().enumerate() {
        let ordinal = first + i;
        let passage = has_passage(texts, citation);
        let is_open = passage && open == Some(ordinal);
        let (bullet, style) = match (passage, is_open) {
            (false, _) => ("•", theme.dim()),
            (true, false) => ("▸", theme.link()),
            (true, true) => ("▾", theme.link()),
        };
        if passage {
            passages.push((lines.len(), ordinal));
        }
        lines.extend(citation_lines(story, citation, bullet, style, cells));
        if is_open {
            lines.extend(passage_lines(texts, citation, cells, theme));
        }
    }
    (lines, passages)
}

/// A citation's line(s) in Detail, wrapped, after its bullet (`•`, or `▸`/`▾` when
/// Enter opens its paragraph).
fn citation_lines(
    story: &Story,
    citation: &Citation,
    bullet: &str,
    style: ratatui::style::Style,
    cells: usize,
) -> Vec<Line<'static>> {
    let text = format!("{bullet} {}", citation_text(story, citation));
    textwrap::wrap(
        &clean_line(&text),
        textwrap::Options::new(cells.max(8)).subsequent_indent("  "),
    )
    .into_iter()
    .map(|line| Line::from(Span::styled(line.into_owned(), style)))
    .collect()
}

/// The author's notes, one each after `◇`, wrapped.
pub(crate) fn authored_lines(
    notes: &[AuthorNote],
    cells: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for note in notes {
        let text = clean_line(&note_text(note));
        let options = textwrap::Options::new(cells.max(8)).subsequent_indent("  ");
        for (i, line) in textwrap::wrap(&text, options).into_iter().enumerate() {
            let line = line.into_owned();
            let spans = match line.strip_prefix(AUTHOR_MARK) {
                Some(rest) if i == 0 => vec![
                    Span::styled(AUTHOR_MARK, theme.disputed()),
                    Span::raw(rest.to_owned()),
                ],
                _ => vec![Span::raw(line)],
            };
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// True when Enter can open this citation's paragraph.
fn has_passage(texts: &SourceTexts, citation: &Citation) -> bool {
    citation.para.is_some() && texts.has_text(&citation.source)
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
    let quote = citation
        .quote
        .as_deref()
        .and_then(|q| find_quote(&paragraph, q));
    let mut lines: Vec<Line<'static>> = wrap_ranges(&paragraph, room)
        .into_iter()
        .map(|range| {
            let mut spans = vec![Span::styled(BAR, theme.dim())];
            spans.extend(styled_pieces(&paragraph, range, quote.clone(), theme));
            Line::from(spans)
        })
        .collect();
    if citation.quote.is_some() && quote.is_none() {
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
