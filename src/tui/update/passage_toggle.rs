//! The paragraph key on a citation in Detail: open its paragraph under it (or close it), and
//! scroll so what opened is on screen.

use crate::tui::app::App;
use crate::tui::ui::layout;
use crate::tui::ui::theme::Theme;

/// Opens the cited paragraph under a citation in Detail, or closes it; one open at a
/// time.
pub(crate) fn toggle_passage(app: &mut App, ordinal: usize) {
    let Some(record) = app.detail_target() else {
        return;
    };
    app.detail.open_passage = if app.detail.open_passage == Some((record, ordinal)) {
        None
    } else {
        Some((record, ordinal))
    };
    // The links' layout changes with what is open.
    app.detail.layout = None;
    // Scroll so the opened paragraph shows, keeping its citation on screen.
    let (width, height) = layout::detail_size(app);
    let doc = app
        .detail_source()
        .lay_out(record, width, Theme::no_color());
    let Some(&(line, _)) = doc.links.get(app.detail.link) else {
        return;
    };
    let starts = |l: &ratatui::text::Line<'_>, prefix: &str| {
        l.spans
            .first()
            .is_some_and(|s| s.content.starts_with(prefix))
    };
    let wrapped_citation = doc.lines[line + 1..]
        .iter()
        .take_while(|l| starts(l, "  ") && !starts(l, "  │"))
        .count();
    let passage = doc.lines[line + 1 + wrapped_citation..]
        .iter()
        .take_while(|l| starts(l, "  │"))
        .count();
    let last = line + wrapped_citation + passage;
    if last >= app.detail.scroll + height {
        app.detail.scroll = (last + 1).saturating_sub(height).min(line);
    }
}
