//! Draws the help overlay as a command palette: the filter line, then the keymap's rows
//! as bound now, grouped by scope, the highlighted command marked. Rows of the search
//! box and of the palette itself are listed for reference and are not run.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::App;
use crate::tui::app::command_palette::{self, Entry};
use crate::tui::input::keymap::Scope;
use crate::tui::ui::theme::Theme;

/// What a scope's heading says in the palette.
fn heading(scope: Scope) -> &'static str {
    match scope {
        Scope::Global => "Everywhere",
        Scope::Lists => "In the lists",
        Scope::Detail => "In Detail",
        Scope::Search => "In the search box (reference)",
        Scope::Help => "In this palette (reference)",
    }
}

/// Draws the palette; returns where the terminal cursor belongs (the highlighted row,
/// for screen readers, or the filter while it is being typed).
pub(super) fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) -> Option<Position> {
    let entries = command_palette::entries(&app.session.keymap, &app.overlay.palette.query);
    let all_lines =
        command_palette::lines(&command_palette::entries(&app.session.keymap, "")).len();
    let (popup_width, height) = command_palette::popup_size((area.width, area.height), all_lines);
    let popup = Rect {
        x: area.x + (area.width - popup_width) / 2,
        y: area.y + (area.height - height) / 2,
        width: popup_width,
        height,
    };
    let close = app
        .session
        .keymap
        .key_for("palette-close")
        .unwrap_or_else(|| "Ctrl-C".to_owned());
    let title = format!(" Keys and commands · Enter runs · {close} closes ");
    let body = crate::tui::ui::overlays::framed_popup(frame, popup, title, theme);
    if body.height == 0 || body.width == 0 {
        return None;
    }
    let cells = usize::from(body.width);
    let filter = format!("Filter: {}", clean_line(&app.overlay.palette.query));
    let shown_filter = truncate_to_width(&filter, cells.saturating_sub(1));
    let mut lines = vec![filter_line(app, &entries, &shown_filter, theme)];
    let visible = command_palette::list_height(height);
    let (rows, cursor) = list_lines(app, &entries, body, visible, theme);
    lines.extend(rows);
    frame.render_widget(Paragraph::new(lines), body);
    if app.overlay.palette.query.is_empty() {
        cursor
    } else {
        let x = body.x + u16::try_from(width(&shown_filter)).unwrap_or(0);
        Some(Position::new(x.min(body.right().saturating_sub(1)), body.y))
    }
}

/// The first line: the filter as typed, then how many commands it leaves.
fn filter_line(
    app: &App,
    entries: &[Entry<'_>],
    shown_filter: &str,
    theme: Theme,
) -> Line<'static> {
    Line::from(vec![
        Span::styled(shown_filter.to_owned(), theme.heading()),
        Span::styled(
            if app.overlay.palette.query.is_empty() {
                "  type to narrow".to_owned()
            } else {
                format!(
                    "  {} found",
                    entries.iter().filter(|e| e.runnable()).count()
                )
            },
            theme.dim(),
        ),
    ])
}

/// The visible part of the list (scope headings and commands) under the filter line,
/// and where the highlighted command is drawn.
fn list_lines(
    app: &App,
    entries: &[Entry<'_>],
    body: Rect,
    visible: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, Option<Position>) {
    let cells = usize::from(body.width);
    let list = command_palette::lines(entries);
    let scroll = command_palette::scroll_for(
        &list,
        app.overlay.palette.selected,
        app.overlay.palette.scroll,
        visible,
    );
    let mut lines = Vec::new();
    let mut cursor = None;
    for (offset, line) in list.iter().skip(scroll).take(visible).enumerate() {
        let y = body.y + 1 + offset as u16;
        lines.push(match *line {
            None => {
                let scope = list[scroll + offset + 1..]
                    .iter()
                    .flatten()
                    .next()
                    .map_or(Scope::Global, |&i| entries[i].row.binding.scope);
                Line::from(Span::styled(heading(scope), theme.heading()))
            }
            Some(i) => {
                let selected = i == app.overlay.palette.selected && entries[i].runnable();
                if selected {
                    cursor = Some(Position::new(body.x, y));
                }
                let query = &app.overlay.palette.query;
                entry_line(&entries[i], selected, query, cells, theme)
            }
        });
    }
    if entries.is_empty() {
        lines.push(Line::from(Span::styled(
            "no command matches: every word of the filter must match",
            theme.dim(),
        )));
    }
    (lines, cursor)
}

/// "▶ e        export the focused view to Markdown       export"
fn entry_line(
    entry: &Entry<'_>,
    selected: bool,
    query: &str,
    cells: usize,
    theme: Theme,
) -> Line<'static> {
    let row = entry.row;
    let keys: Vec<String> = row.keys.iter().map(|key| key.label()).collect();
    let keys = if keys.is_empty() {
        "(unbound)".to_owned()
    } else {
        keys.join(" / ")
    };
    let marker = if selected { "▶ " } else { "  " };
    let name = format!(" {}", row.binding.name);
    let left = fit_to_width(&format!("{marker}{keys}"), 18.min(cells));
    let room = cells.saturating_sub(width(&left) + width(&name));
    let description = fit_to_width(row.binding.description, room);
    if selected {
        let text = format!("{left}{description}{name}");
        return Line::from(Span::styled(
            fit_to_width(&text, cells),
            theme.selected(true),
        ));
    }
    let style = if entry.runnable() {
        theme.plain()
    } else {
        theme.dim()
    };
    let mut spans = vec![Span::styled(left, style)];
    spans.extend(highlight_matches(
        &description,
        query,
        style,
        theme.matched(),
    ));
    spans.push(Span::styled(truncate_to_width(&name, cells), theme.dim()));
    Line::from(spans)
}

/// The description with the characters the filter's words match in it highlighted,
/// as search highlights its results.
fn highlight_matches(
    text: &str,
    query: &str,
    style: ratatui::style::Style,
    matched: ratatui::style::Style,
) -> Vec<Span<'static>> {
    use fuzzy_matcher::FuzzyMatcher;
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default();
    let mut hits = std::collections::HashSet::new();
    for word in query.split_whitespace() {
        if let Some((_, indices)) = matcher.fuzzy_indices(text, word) {
            hits.extend(indices);
        }
    }
    if hits.is_empty() {
        return vec![Span::styled(text.to_owned(), style)];
    }
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if hits.contains(&i) { matched } else { style };
            Span::styled(c.to_string(), style)
        })
        .collect()
}
