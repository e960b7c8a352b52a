//! The Detail pane: the full record of what is selected or followed, with its links.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Pane};
use crate::tui::layout::{clamp_detail_scroll, inner};
use crate::tui::theme::Theme;

use super::pane_block;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, focused: bool, theme: Theme) {
    let target = app.detail_target();
    let kind = target.map_or("", |r| r.kind_label());
    let hint = if focused {
        " · Enter follows · Backspace back"
    } else {
        ""
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
        return;
    };
    let cells = usize::from(body.width);
    let doc = app.detail_source().lay_out(record, cells, theme);
    let link_line = doc.links.get(app.detail_link).map(|(line, _)| *line);
    let scroll = clamp_detail_scroll(app.detail_scroll, doc.lines.len(), usize::from(body.height));
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
                super::highlighted(&line, cells, theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
