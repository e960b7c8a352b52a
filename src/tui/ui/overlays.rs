//! The search overlay (query, ranked results with matched characters highlighted), and
//! the popup frame the palette shares.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::story::query::{MatchTier, SearchHit, shown_name};
use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::App;
use crate::tui::ui::theme::Theme;

/// A rectangle of at most `max_width`×`max_height`, centred in `area`.
fn centred(area: Rect, max_width: u16, max_height: u16) -> Rect {
    let width = area
        .width
        .saturating_sub(4)
        .min(max_width)
        .max(1.min(area.width));
    let height = area
        .height
        .saturating_sub(2)
        .min(max_height)
        .max(1.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Draws the search box; returns where the terminal cursor belongs: after the query.
pub(super) fn search(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    theme: Theme,
) -> Option<Position> {
    // On a narrow terminal the overlay takes the full width: slivers of the panes
    // beside it would only distract.
    let popup = if area.width < 100 {
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2).max(1),
            ..area
        }
    } else {
        centred(area, 100, 24)
    };
    frame.render_widget(Clear, popup);
    let search = &app.overlay.search;
    let count = search.hits.len();
    let title = if app.index_pending() {
        " Search · indexing… ".to_owned()
    } else if search.query.is_empty() {
        " Search: names, aliases, events, candidacies, metrics, sources ".to_owned()
    } else {
        format!(
            " Search · {count} result{} ",
            if count == 1 { "" } else { "s" }
        )
    };
    let body = framed_popup(frame, popup, title, theme);
    if body.height == 0 || body.width == 0 {
        return None;
    }
    let cells = usize::from(body.width);
    let typed = format!("/ {}", clean_line(&search.query));
    let cursor_x = body.x + u16::try_from(width(&typed)).unwrap_or(u16::MAX);
    let query = format!("{typed}▏");
    let mut lines = vec![Line::from(Span::styled(
        truncate_to_width(&query, cells),
        theme.heading(),
    ))];
    lines.extend(hit_lines(
        app,
        usize::from(body.height).saturating_sub(1),
        cells,
        theme,
    ));
    frame.render_widget(Paragraph::new(lines), body);
    Some(Position::new(
        cursor_x.min(body.right().saturating_sub(1)),
        body.y,
    ))
}

/// The `visible` hits around the selected one, or why there are none.
fn hit_lines(app: &App, visible: usize, cells: usize, theme: Theme) -> Vec<Line<'static>> {
    let search = &app.overlay.search;
    let first = search.selected.saturating_sub(visible.saturating_sub(1));
    let mut lines = Vec::new();
    for (i, hit) in search.hits.iter().enumerate().skip(first).take(visible) {
        let mut line = result_line(app, hit, cells, theme);
        if i == search.selected {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            line = Line::from(Span::styled(
                fit_to_width(&text, cells),
                theme.selected(true),
            ));
        }
        lines.push(line);
    }
    if app.index_pending() {
        lines.push(Line::from(Span::styled("indexing…", theme.dim())));
    } else if search.hits.is_empty() && !search.query.is_empty() {
        lines.push(Line::from(Span::styled(
            "no match: every word of the query must match",
            theme.dim(),
        )));
    }
    lines
}

/// Clears `popup`, draws its frame with `title`, and returns the area inside.
pub(super) fn framed_popup(
    frame: &mut Frame<'_>,
    popup: Rect,
    title: String,
    theme: Theme,
) -> Rect {
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(title);
    let body = block.inner(popup);
    frame.render_widget(block, popup);
    body
}

/// One result: kind, the matched name with its matched characters highlighted, the
/// entity an alias belongs to, and on the right the disputed badge and sourcing.
/// What is said of a hit on the right: typo, disputed, its sourcing.
fn hit_badges(app: &App, hit: &SearchHit) -> String {
    let mut right = String::new();
    if hit.tier == MatchTier::Typo {
        // The highlighted letters are the word the query was taken for.
        right.push_str("≈ typo  ");
    }
    if app.story.is_disputed(hit.target.record()) {
        right.push_str("◆ disputed  ");
    }
    if let Some(sourcing) = app.story.sourcing_label(hit.target.record()) {
        right.push_str(&clean_line(&sourcing));
    }
    right
}

/// The hit's text cut to `cols`, one span a character, matched ones highlighted.
fn highlighted_name(
    text: &str,
    positions: &[usize],
    cols: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let cleaned = clean_line(text);
    // Match positions index the original text; after cleaning changed it they would
    // point at the wrong characters, so such a name is shown without highlights.
    let positions: &[usize] = if cleaned == text { positions } else { &[] };
    let shown = truncate_to_width(&cleaned, cols);
    shown
        .chars()
        .enumerate()
        .map(|(position, c)| {
            let style = if positions.contains(&position) {
                theme.matched()
            } else {
                theme.plain()
            };
            Span::styled(c.to_string(), style)
        })
        .collect()
}

fn result_line(app: &App, hit: &SearchHit, cells: usize, theme: Theme) -> Line<'static> {
    let Some(entry) = app
        .overlay
        .index
        .as_ref()
        .and_then(|index| shown_name(&app.story, &index.targets, hit.entry))
    else {
        return Line::default();
    };
    let right = hit_badges(app, hit);
    let kind_cols = 10;
    // The sourcing names its origins and can be long: it gets at most half the row,
    // so the name always shows.
    let right = truncate_to_width(&right, cells.saturating_sub(kind_cols) / 2);
    let name_cols = cells.saturating_sub(kind_cols + width(&right) + 1).max(1);
    let mut spans = vec![Span::styled(
        fit_to_width(hit.target.record().kind_label(), kind_cols.min(cells)),
        theme.dim(),
    )];
    let mut name = String::new();
    if let Some(owner) = entry.alias_of {
        name = format!("  alias of {}", clean_line(owner));
    }
    let shown = highlighted_name(&entry.text, &hit.positions, name_cols, theme);
    let shown_cols = width(&shown.iter().map(|s| s.content.as_ref()).collect::<String>());
    spans.extend(shown);
    let mut used = kind_cols + shown_cols;
    if !name.is_empty() && used + width(&name) < name_cols + kind_cols {
        used += width(&name);
        spans.push(Span::styled(name, theme.dim()));
    }
    if !right.is_empty() && used + width(&right) < cells {
        spans.push(Span::raw(" ".repeat(cells - used - width(&right))));
        spans.push(Span::styled(right, theme.dim()));
    }
    Line::from(spans)
}
