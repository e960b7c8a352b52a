//! The Detail pane: the full record of what is selected or followed, with its links.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Pane};
use crate::tui::ui::layout::{clamp_detail_scroll, inner};
use crate::tui::ui::theme::Theme;

use crate::tui::ui::pane_block;

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
    // The keys as bound, so a rebinding shows here too.
    let hint = match (
        focused,
        app.session.keymap.key_for("open"),
        app.session.keymap.key_for("back"),
    ) {
        (true, Some(open), Some(back)) => format!(" · {open} follows · {back} back"),
        _ => String::new(),
    };
    let mut block = pane_block(
        format!("{} · {kind}{hint}", Pane::Detail.title()),
        Pane::Detail,
        focused,
        theme,
    );
    let body = inner(area);
    let Some(record) = target else {
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new("nothing selected").style(theme.dim()), body);
        return Some(body.as_position());
    };
    let cells = usize::from(body.width);
    let doc = app.detail_source().lay_out(record, cells, theme);
    let link_line = doc.links.get(app.detail.link).map(|(line, _)| *line);
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
