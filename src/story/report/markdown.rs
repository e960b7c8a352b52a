//! GitHub-flavoured Markdown building blocks: escaping that keeps story text inert
//! (no broken tables, no injected links or HTML), GFM tables, and footnotes numbered
//! by first use with one definition each.

mod escape;
mod footnotes;

use crate::story::graph::authored::notes_cell;
use crate::story::model::AuthorNote;

pub use escape::escape;
pub(crate) use escape::{escape_block, escape_into, joins_cleanly};
pub(crate) use footnotes::{Cited, Footnotes, NumberingInTurn, RefNumbers};

/// A GFM table with escaped header cells; rows are already-escaped Markdown.
pub(crate) fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("_None._\n\n");
        return;
    }
    table_head(out, header);
    for row in rows {
        out.push('|');
        for text in row {
            cell(out, |out| out.push_str(text));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The first two lines of a GFM table, header cells escaped: for tables written a row
/// at a time (each row `|`, then [`cell`]s, then a line end; a blank line after all).
pub(crate) fn table_head(out: &mut String, header: &[&str]) {
    out.push('|');
    for text in header {
        out.push(' ');
        escape_into(out, text);
        out.push_str(" |");
    }
    out.push_str("\n|");
    for _ in header {
        out.push_str(" --- |");
    }
    out.push('\n');
}

/// One table cell, its Markdown appended by `write`; an empty cell holds a space.
pub(crate) fn cell(out: &mut String, write: impl FnOnce(&mut String)) {
    out.push(' ');
    let start = out.len();
    write(out);
    if out.len() == start {
        out.push(' ');
    }
    out.push_str(" |");
}

/// A Markdown table cell: the sourcing label, then the author's notes after `◇`, so
/// a row says which of its parts no source states.
pub(crate) fn sourcing_cell(label: &str, notes: &[AuthorNote]) -> String {
    let mut out = String::new();
    sourcing_cell_into(&mut out, label, notes);
    out
}

/// [`sourcing_cell`] appended to `out`.
pub(crate) fn sourcing_cell_into(out: &mut String, label: &str, notes: &[AuthorNote]) {
    escape_into(out, label);
    author_notes_into(out, notes);
}

/// The end of a sourcing cell: " · " and the author's notes, when there are any.
pub(crate) fn author_notes_into(out: &mut String, notes: &[AuthorNote]) {
    if !notes.is_empty() {
        out.push_str(" · ");
        escape_into(out, &notes_cell(notes));
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
