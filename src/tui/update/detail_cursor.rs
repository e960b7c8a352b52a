//! Detail's part of `update`: the link cursor and the scroll, moved by keys and set by
//! clicks, against where the links of the record in Detail fall. That layout is cached
//! on the state (`App::detail_layout`) so a key does not lay the record out again.

use crate::tui::app::App;
use crate::tui::app::detail_state::DetailLayout;
use crate::tui::ui::layout;

/// Detail moves from link to link while the next link is on screen, and scrolls a
/// line at a time otherwise, so text after the last link (citations) can be read too.
pub(super) fn move_in_detail(app: &mut App, delta: isize) {
    let height = layout::detail_size(app).1;
    let Some(doc) = detail_layout(app) else {
        return;
    };
    let (lines, links) = (doc.lines, doc.links.clone());
    let max_scroll = lines.saturating_sub(height);
    let visible = |scroll: usize, line: usize| line >= scroll && line < scroll + height;
    for _ in 0..delta.unsigned_abs().min(lines + 1) {
        if delta > 0 {
            match links.get(app.detail.link + 1) {
                Some(&(line, _)) if visible(app.detail.scroll, line) => app.detail.link += 1,
                _ => app.detail.scroll = (app.detail.scroll + 1).min(max_scroll),
            }
        } else {
            let previous = app.detail.link.checked_sub(1).and_then(|i| links.get(i));
            match previous {
                Some(&(line, _)) if visible(app.detail.scroll, line) || app.detail.scroll == 0 => {
                    app.detail.link -= 1;
                }
                _ => app.detail.scroll = app.detail.scroll.saturating_sub(1),
            }
        }
    }
}

/// Where the links of the record in Detail fall at Detail's width: laid out once per
/// record and width, then reused by every key until the record, the width or the
/// story changes.
pub(super) fn detail_layout(app: &mut App) -> Option<&DetailLayout> {
    let record = app.detail_target()?;
    let width = layout::detail_size(app).0;
    let fresh = app
        .detail
        .layout
        .as_ref()
        .is_some_and(|doc| doc.record == record && doc.width == width);
    if !fresh {
        app.detail.layout = Some(app.detail_source().layout(record, width));
    }
    app.detail.layout.as_ref()
}

/// A click on the Detail row `row` (0 is the top line shown) puts the cursor on the
/// link drawn there.
pub(super) fn click_in_detail(app: &mut App, row: usize) {
    let (scroll, height) = (app.detail.scroll, layout::detail_size(app).1);
    let Some(doc) = detail_layout(app) else {
        return;
    };
    let line = layout::clamp_detail_scroll(scroll, doc.lines, height) + row;
    if let Some(link) = doc.links.iter().position(|&(at, _)| at == line) {
        app.detail.link = link;
    }
}
