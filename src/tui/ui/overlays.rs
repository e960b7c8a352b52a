//! The search overlay (query, ranked results with matched characters highlighted) and
//! the help overlay (built from the keymap table).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::story::search::{MatchTier, SearchHit};
use crate::story::text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;

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

pub fn search(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
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
    let count = app.search.hits.len();
    let title = if app.search.query.is_empty() {
        " Search: names, aliases, events, candidacies, metrics, sources ".to_owned()
    } else {
        format!(
            " Search · {count} result{} ",
            if count == 1 { "" } else { "s" }
        )
    };
    let body = framed_popup(frame, popup, title, theme);
    if body.height == 0 || body.width == 0 {
        return;
    }
    let cells = usize::from(body.width);
    let query = format!("/ {}▏", clean_line(&app.search.query));
    let mut lines = vec![Line::from(Span::styled(
        truncate_to_width(&query, cells),
        theme.heading(),
    ))];
    let visible = usize::from(body.height).saturating_sub(1);
    let first = app
        .search
        .selected
        .saturating_sub(visible.saturating_sub(1));
    for (i, hit) in app.search.hits.iter().enumerate().skip(first).take(visible) {
        let mut line = result_line(app, hit, cells, theme);
        if i == app.search.selected {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            line = Line::from(Span::styled(
                fit_to_width(&text, cells),
                theme.selected(true),
            ));
        }
        lines.push(line);
    }
    if app.search.hits.is_empty() && !app.search.query.is_empty() {
        lines.push(Line::from(Span::styled(
            "no match: every word of the query must match",
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// Every binding, grouped by scope, as plain lines.
fn help_lines(theme: Theme, cells: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (scope, bindings) in keymap::by_scope() {
        lines.push(Line::from(Span::styled(scope.title(), theme.heading())));
        for binding in bindings {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            let keys = fit_to_width(&format!("  {}", keys.join(" / ")), 18);
            lines.push(Line::from(truncate_to_width(
                &format!("{keys}{}", binding.description),
                cells,
            )));
        }
    }
    lines.push(Line::from(Span::styled(
        "Mouse: click focuses and selects; the wheel scrolls.",
        theme.dim(),
    )));
    lines
}

/// Two columns when the terminal is wide enough to show everything at once; otherwise
/// one column that j/k scroll.
/// Clears `popup`, draws its frame with `title`, and returns the area inside.
fn framed_popup(frame: &mut Frame<'_>, popup: Rect, title: String, theme: Theme) -> Rect {
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
fn result_line(app: &App, hit: &SearchHit, cells: usize, theme: Theme) -> Line<'static> {
    let Some(entry) = app
        .index
        .as_ref()
        .and_then(|index| index.entries.get(hit.entry))
    else {
        return Line::default();
    };
    let mut right = String::new();
    if hit.tier == MatchTier::Typo {
        // The highlighted letters are the word the query was taken for.
        right.push_str("≈ typo  ");
    }
    if app.story.is_disputed(hit.target) {
        right.push_str("◆ disputed  ");
    }
    if let Some(sourcing) = app.story.sourcing_label(hit.target) {
        right.push_str(&clean_line(&sourcing));
    }
    let kind_cols = 10;
    // The sourcing names its origins and can be long: it gets at most half the row,
    // so the name always shows.
    let right = truncate_to_width(&right, cells.saturating_sub(kind_cols) / 2);
    let name_cols = cells.saturating_sub(kind_cols + width(&right) + 1).max(1);
    let mut spans = vec![Span::styled(
        fit_to_width(hit.target.kind_label(), kind_cols.min(cells)),
        theme.dim(),
    )];
    let cleaned = clean_line(&entry.text);
    // Match positions index the original text; after cleaning changed it they would
    // point at the wrong characters, so such a name is shown without highlights.
    let positions: &[usize] = if cleaned == entry.text {
        &hit.positions
    } else {
        &[]
    };
    let mut name = String::new();
    if let Some(owner) = &entry.alias_of {
        name = format!("  alias of {}", clean_line(owner));
    }
    let shown = truncate_to_width(&cleaned, name_cols);
    for (position, c) in shown.chars().enumerate() {
        let style = if positions.contains(&position) {
            theme.matched()
        } else {
            theme.plain()
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    let mut used = kind_cols + width(&shown);
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

pub fn help(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let probe = help_lines(theme, usize::MAX).len();
    let two_columns = area.width >= 120 && probe > usize::from(area.height.saturating_sub(4));
    let rows = if two_columns {
        probe.div_ceil(2)
    } else {
        probe
    };
    let popup = centred(
        area,
        if two_columns { 150 } else { 84 },
        u16::try_from(rows + 2).unwrap_or(u16::MAX),
    );
    let overflow = !two_columns && rows > usize::from(popup.height.saturating_sub(2));
    let title = if overflow {
        " Keys (j/k scroll · ? or Esc closes) "
    } else {
        " Keys (? or Esc closes) "
    };
    let body = framed_popup(frame, popup, title.to_owned(), theme);
    if two_columns {
        let half = body.width / 2;
        let left = Rect {
            width: half,
            ..body
        };
        let right = Rect {
            x: body.x + half,
            width: body.width - half,
            ..body
        };
        let mut lines = help_lines(theme, usize::from(half).saturating_sub(1));
        let second = lines.split_off(rows.min(lines.len()));
        frame.render_widget(Paragraph::new(lines), left);
        frame.render_widget(Paragraph::new(second), right);
    } else {
        let lines = help_lines(theme, usize::from(body.width));
        let scroll = app
            .help_scroll
            .min(lines.len().saturating_sub(usize::from(body.height)));
        frame.render_widget(
            Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
            body,
        );
    }
}
