//! GitHub-flavoured Markdown building blocks: escaping that keeps story text inert
//! (no broken tables, no injected links or HTML), GFM tables, and footnotes numbered
//! by first use with one definition each.

use std::collections::HashMap;

use crate::story::graph::Story;
use crate::story::graph::authored::notes_cell;
use crate::story::model::{AuthorNote, Citation};
use crate::story::safe_text::clean_line;

/// Story text as inert Markdown on one line: controls stripped, every character that
/// could start markup escaped (including `|`, so it is safe inside table cells).
pub fn escape(text: &str) -> String {
    let clean = clean_line(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A colon after a scheme name is how bare autolinks ("http://…", "www.")
            // start; a zero-width joiner would be invisible, so escape-free text keeps
            // `:` but breaks the "://" sequence with a backslash-escaped slash instead.
            '/' if out.ends_with(':') => out.push_str("\\/"),
            _ => out.push(c),
        }
    }
    // "www." starts an autolink in GFM even without a scheme.
    out.replace("www.", "www\\.")
}

/// Like `escape`, for text that begins a line of its own (a paragraph): a leading `-`,
/// `+` or `1.` / `1)` would otherwise start a list or a rule.
pub(crate) fn escape_block(text: &str) -> String {
    let mut out = escape(text);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// A GFM table with escaped header cells; rows are already-escaped Markdown.
pub(crate) fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("_None._\n\n");
        return;
    }
    out.push('|');
    for cell in header {
        out.push_str(&format!(" {} |", escape(cell)));
    }
    out.push_str("\n|");
    for _ in header {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in rows {
        out.push('|');
        for cell in row {
            let cell = if cell.is_empty() { " " } else { cell.as_str() };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// What one footnote stands for: (source, paragraph, the citation's own `via`, quote).
type NoteKey = (String, Option<u32>, Option<String>, Option<String>);

/// Footnotes keyed by source, paragraph, origin and quote, numbered in order of first
/// use.
#[derive(Debug, Default)]
pub(crate) struct Footnotes {
    numbers: HashMap<NoteKey, usize>,
    order: Vec<NoteKey>,
}

impl Footnotes {
    /// `[^1][^3]` for a fact's citations: each distinct footnote once, in cited order.
    pub(crate) fn refs(&mut self, cite: &[Citation]) -> String {
        let mut used: Vec<usize> = Vec::new();
        for citation in cite {
            let key = (
                citation.source.clone(),
                citation.para,
                citation.via.clone(),
                citation.quote.clone(),
            );
            let next = self.order.len() + 1;
            let number = *self.numbers.entry(key.clone()).or_insert_with(|| next);
            if number == next {
                self.order.push(key);
            }
            if !used.contains(&number) {
                used.push(number);
            }
        }
        used.iter().map(|n| format!("[^{n}]")).collect()
    }

    /// The definitions, one per footnote used, each citation written as Detail writes it
    /// (with its quote and origin).
    pub(crate) fn definitions(&self, story: &Story) -> String {
        let mut out = String::new();
        for (number, (source, para, via, quote)) in self.order.iter().enumerate() {
            let citation = Citation {
                source: source.clone(),
                para: *para,
                note: None,
                via: via.clone(),
                quote: quote.clone(),
                resolved: Default::default(),
            };
            let text = crate::story::query::citation::citation_text(story, &citation);
            out.push_str(&format!("[^{}]: {}.\n", number + 1, escape(&text)));
        }
        out
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// A Markdown table cell: the sourcing label, then the author's notes after `◇`, so
/// a row says which of its parts no source states.
pub(crate) fn sourcing_cell(label: &str, notes: &[AuthorNote]) -> String {
    let label = escape(label);
    if notes.is_empty() {
        label
    } else {
        format!("{label} · {}", escape(&notes_cell(notes)))
    }
}

/// An already-escaped sourcing cell with the author's notes after it.
pub(crate) fn with_notes(sourcing: String, notes: &[AuthorNote]) -> String {
    if notes.is_empty() {
        sourcing
    } else {
        format!("{sourcing} · {}", escape(&notes_cell(notes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("[x](http://e.vil)"), "\\[x\\](http:\\//e.vil)");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("see www.evil.com"), "see www\\.evil.com");
        assert_eq!(escape("\x1b[31mred"), "\\[31mred");
    }

    #[test]
    fn a_paragraph_cannot_start_a_list_or_a_rule() {
        assert_eq!(escape_block("+"), "\\+");
        assert_eq!(escape_block("- item"), "\\- item");
        assert_eq!(escape_block("---"), "\\---");
        assert_eq!(escape_block("1. first"), "1\\. first");
        assert_eq!(escape_block("2024) year"), "2024\\) year");
        assert_eq!(escape_block("2024 was"), "2024 was");
        assert_eq!(escape_block("a - b"), "a - b");
    }
}
