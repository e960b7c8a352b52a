//! The Detail pane: the full record of what is selected or followed, with its links.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::detail_state::{DetailLayout, DetailLink};
use crate::tui::app::{App, Pane};
use crate::tui::ui::layout::{clamp_detail_scroll, inner};
use crate::tui::ui::theme::Theme;

use crate::tui::ui::{pane_block, pane_title_fits};

/// Detail's title: the kind of record shown and, when focused, the keys that follow
/// and go back (as bound, so a rebinding shows here too); on a citation, where Enter
/// leads (its source) and the key that opens its paragraph. A hint that does not fit
/// the border is left out whole rather than cut ("Backspac").
fn detail_title(
    app: &App,
    kind: &str,
    on_citation: bool,
    (focused, border_cols): (bool, u16),
) -> String {
    let plain = format!("{} · {kind}", Pane::Detail.title());
    let keymap = &app.session.keymap;
    let (Some(open), Some(back), true) = (keymap.key_for("open"), keymap.key_for("back"), focused)
    else {
        return plain;
    };
    let paragraph = keymap.key_for("paragraph").filter(|_| on_citation);
    let forms = match paragraph {
        Some(para) => vec![
            format!("{plain} · {open} source · {para} paragraph · {back} back"),
            format!("{plain} · {open} source · {para} paragraph"),
            format!("{plain} · {open} source"),
        ],
        None => vec![
            format!("{plain} · {open} follows · {back} back"),
            format!("{plain} · {open} follows"),
        ],
    };
    forms
        .into_iter()
        .find(|title| pane_title_fits(title, Pane::Detail, focused, border_cols))
        .unwrap_or(plain)
}

/// Whether Detail's link cursor is on a citation (which Enter follows to its source
/// and the paragraph key opens).
pub(crate) fn cursor_on_citation(app: &App) -> bool {
    let Some(record) = app.detail_target() else {
        return false;
    };
    let width = crate::tui::ui::layout::detail_size(app).0;
    let cached = (app.detail.layout.as_ref()).filter(|l| l.record == record && l.width == width);
    let link = |layout: &DetailLayout| {
        matches!(
            layout.links.get(app.detail.link),
            Some((_, DetailLink::Citation(_)))
        )
    };
    match cached {
        Some(layout) => link(layout),
        None => link(&app.detail_source().layout(record, width)),
    }
}

/// Draws Detail; returns where its highlighted link is (else its first line), for the
/// terminal cursor.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    focused: bool,
    theme: Theme,
) -> Option<Position> {
    let target = app.detail_target();
    let kind = target.map_or("", |r| r.kind_label());
    let body = inner(area);
    let Some(record) = target else {
        let title = detail_title(app, kind, false, (focused, area.width));
        frame.render_widget(pane_block(title, Pane::Detail, focused, theme), area);
        frame.render_widget(Paragraph::new("nothing selected").style(theme.dim()), body);
        return Some(body.as_position());
    };
    let cells = usize::from(body.width);
    let doc = app.detail_source().lay_out(record, cells, theme);
    let link = doc.links.get(app.detail.link);
    let link_line = link.map(|(line, _)| *line);
    let on_citation = matches!(link, Some((_, DetailLink::Citation(_))));
    let title = detail_title(app, kind, on_citation, (focused, area.width));
    let mut block = pane_block(title, Pane::Detail, focused, theme);
    let scroll = clamp_detail_scroll(app.detail.scroll, doc.lines.len(), usize::from(body.height));
    if doc.lines.len() > scroll + usize::from(body.height) {
        block = block.title_bottom(" ↓ more ");
    }
    frame.render_widget(block, area);
    let lines: Vec<Line<'static>> = doc
        .lines
        .into_iter()
        .enumerate()
        .skip(scroll)
        .take(usize::from(body.height))
        .map(|(index, line)| {
            if focused && Some(index) == link_line {
                crate::tui::ui::highlighted(&line, cells, theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    let row = link_line
        .and_then(|line| line.checked_sub(scroll))
        .filter(|&row| row < usize::from(body.height))
        .unwrap_or(0);
    Some(Position::new(body.x, body.y + row as u16))
}
