//! A citation in Detail: Enter follows it to its source (Detail shows the source's
//! record, the Sources pane selects it, Backspace comes back to the citation), and the
//! paragraph key opens the cited paragraph under it where the source's text is at
//! hand, or says why it cannot.

use crate::story::RecordRef;
use crate::story::model::Citation;
use crate::story::report::document::Block;
use crate::tui::app::detail_state::DetailLink;
use crate::tui::app::{App, Pane};

use super::detail_cursor::detail_layout;

/// The `ordinal`-th citation of the record Detail shows.
pub(super) fn citation_of_shown(app: &App, ordinal: usize) -> Option<Citation> {
    let record = app.detail_target()?;
    let doc = app.detail_source().document(record);
    doc.blocks
        .into_iter()
        .filter_map(|block| match block {
            Block::Passage(citation) => Some(citation),
            _ => None,
        })
        .nth(ordinal)
}

/// The citation under Detail's link cursor, by its place among the record's.
fn citation_under_cursor(app: &mut App) -> Option<usize> {
    let link = app.detail.link;
    match detail_layout(app)?.links.get(link)? {
        (_, DetailLink::Citation(ordinal)) => Some(*ordinal),
        _ => None,
    }
}

/// The source `citation` (of the record Detail showed) cites, by arena index.
pub(super) fn cited_source(app: &mut App, citation: &Citation) -> Option<usize> {
    match app.story.lookup(&citation.source) {
        Some(RecordRef::Source(source)) => Some(source),
        _ => {
            app.error(format!("no source `{}` in the story", citation.source));
            None
        }
    }
}

/// After Enter followed `citation` to `source`: the Sources pane selects it when it
/// lists it, and the status bar says which paragraph was cited and how to get to it.
pub(super) fn select_cited_source(app: &mut App, source: usize, citation: &Citation) {
    let row = (app.panes.source_rows.iter()).position(|row| row.source == source);
    if let (Some(row), Some(cursor)) = (row, app.cursor_mut(Pane::Sources)) {
        cursor.selected = row;
    }
    if let Some(para) = citation.para {
        // Short enough for 80 columns: Detail names the source.
        let mut note = format!("cited at ¶{para} · Backspace goes back to the citation");
        let key = app.session.keymap.key_for("paragraph");
        if let (true, Some(key)) = (app.detail.texts.has_text(&citation.source), key) {
            note.push_str(&format!(", where {key} opens it"));
        }
        app.info(note);
    }
}

/// The paragraph key: opens (or closes) the cited paragraph of the citation under the
/// cursor; where that cannot be done, the status bar says why.
pub(super) fn open_paragraph(app: &mut App) {
    if app.panes.focus != Pane::Detail {
        return;
    }
    let Some(ordinal) = citation_under_cursor(app) else {
        app.info("put the cursor on a citation to open the paragraph it cites");
        return;
    };
    let Some(citation) = citation_of_shown(app, ordinal) else {
        return;
    };
    let name = match app.story.lookup(&citation.source) {
        Some(RecordRef::Source(source)) => app.story.source_name(source).to_owned(),
        _ => citation.source.to_string(),
    };
    let Some(para) = citation.para else {
        app.info(format!("this citation of {name} names no paragraph"));
        return;
    };
    if !app.detail.texts.has_text(&citation.source) {
        app.info(format!(
            "¶{para} cannot be shown: the text of this source is not at hand"
        ));
        return;
    }
    super::passage_toggle::toggle_passage(app, ordinal);
}
