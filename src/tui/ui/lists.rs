//! The four list panes: Timeline, Candidates (titled by the story), Cited metrics,
//! Sources. Only the visible rows are built, so a story of any length draws in the
//! same time.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::query::views::CandidateRow;
use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::{App, Pane};
use crate::tui::ui::layout::inner;
use crate::tui::ui::theme::Theme;

use super::list_columns::Widths;
use super::pane_block;

/// Draws a list pane; returns where its selected row is, for the terminal cursor.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    pane: Pane,
    focused: bool,
    theme: Theme,
) -> Option<Position> {
    let cursor = app.cursor(pane);
    let len = app.rows_len(pane);
    let title = pane_title(app, pane, (len, cursor.selected), (area.width, focused));
    let block = pane_block(title, pane, focused, theme);
    let body = inner(area);
    frame.render_widget(block, area);
    if body.width == 0 || body.height == 0 {
        return None;
    }
    let cells = usize::from(body.width);
    if len == 0 {
        let empty = empty_message(app, pane);
        // Wrapped: on a narrow pane the reason is the part that would be cut.
        let wrap = ratatui::widgets::Wrap { trim: true };
        frame.render_widget(Paragraph::new(empty).wrap(wrap).style(theme.dim()), body);
        return Some(body.as_position());
    }
    let end = (cursor.offset + usize::from(body.height)).min(len);
    let marked = app.new_since.as_ref().is_some_and(|n| n.since.is_some()) && cells > 4;
    let row_cells = if marked { cells - 2 } else { cells };
    let widths = super::list_columns::widths(app, pane, cursor.offset..end, row_cells);
    let lines: Vec<Line<'static>> = (cursor.offset..end)
        .map(|index| {
            let line = marked_row_line(app, pane, index, (row_cells, widths), theme);
            if index == cursor.selected {
                super::highlighted(&line, cells, theme.selected(focused))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    let row = cursor.selected.checked_sub(cursor.offset)?;
    (row < usize::from(body.height)).then(|| Position::new(body.x, body.y + row as u16))
}

/// What an empty list says instead of rows: why it is empty (the filter, the date
/// shown, or a story that has none), never a date when none is shown.
fn empty_message(app: &App, pane: Pane) -> String {
    let things = match pane {
        Pane::Timeline => "events",
        Pane::Candidates => "candidates",
        Pane::Metrics => "cited metrics",
        Pane::Sources | Pane::Detail => "sources",
    };
    match (app.panes.filter, app.as_of) {
        (Some(_), _) => format!(
            "no {things} for this entity ({} clears the filter)",
            filter_key(app)
        ),
        (None, Some(date)) => format!("no {things} known as of {}", date.human()),
        (None, None) => format!("no {things} in this story"),
    }
}

/// The key that toggles the entity filter, as the help names it.
fn filter_key(app: &App) -> String {
    app.session
        .keymap
        .key_for("filter")
        .unwrap_or_else(|| "Esc".to_owned())
}

/// Row `index`, `cells` wide, opened after a step through dates by its mark: "+" new,
/// "*" changed (two cells more).
fn marked_row_line(
    app: &App,
    pane: Pane,
    index: usize,
    (cells, widths): (usize, Widths),
    theme: Theme,
) -> Line<'static> {
    let marked = app.new_since.as_ref().is_some_and(|n| n.since.is_some()) && cells > 2;
    if !marked {
        return row_line(app, pane, index, (cells, widths), theme);
    }
    let mark = app
        .selected_record_at(pane, index)
        .and_then(|record| app.row_mark(record))
        .map_or_else(|| "  ".to_owned(), |m| format!("{m} "));
    let mut line = row_line(app, pane, index, (cells, widths), theme);
    line.spans.insert(0, Span::styled(mark, theme.info()));
    line
}

/// A list pane's title: its name, the entity filter when on, the row position. Under
/// the filter the longest form that fits the border is used: the filter always shows.
fn pane_title(
    app: &App,
    pane: Pane,
    (len, selected): (usize, usize),
    (border_cols, focused): (u16, bool),
) -> String {
    let position = if len == 0 {
        "0".to_owned()
    } else {
        format!("{}/{len}", selected + 1)
    };
    let name = app.pane_title(pane);
    let Some(entity) = app.panes.filter else {
        return format!("{name} · {position}");
    };
    let only = format!(
        "only {}",
        truncate_to_width(&clean_line(&app.story.file.entities[entity].name), 24)
    );
    let short = pane.short_title();
    let forms = [
        format!("{name} · {only} ({} clears) · {position}", filter_key(app)),
        format!("{name} · {only} · {position}"),
        format!("{short} · {only} · {position}"),
        format!("{short} · {only}"),
    ];
    let fits = |title: &&String| super::pane_title_fits(title, pane, focused, border_cols);
    let fitting = forms.iter().find(fits).unwrap_or(&forms[3]);
    fitting.clone()
}

/// Lays out columns (each ending in a blank cell; one 0 wide is left out) then a last
/// column that takes the rest, cut with `…` at the row's end when longer. Every row
/// of a pane gets the same widths, so the columns line up.
fn columns(
    parts: &[(String, usize, ratatui::style::Style)],
    last: (String, ratatui::style::Style),
    cells: usize,
) -> Line<'static> {
    columns_then(parts, &[(clean_line(&last.0), last.1)], cells)
}

/// As [`columns`], with a last column of several pieces, each in its own style and
/// already cleaned (a piece may start with a blank, which cleaning would trim).
fn columns_then(
    parts: &[(String, usize, ratatui::style::Style)],
    last: &[(String, ratatui::style::Style)],
    cells: usize,
) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, cols, style) in parts {
        let (text, cols) = (clean_line(text), *cols);
        if used >= cells {
            break;
        }
        let cols = cols.min(cells - used);
        if cols == 0 {
            continue;
        }
        // The last cell of each column stays blank so neighbours never run together.
        let text = fit_to_width(&text, cols.saturating_sub(1));
        spans.push(Span::styled(format!("{text} "), *style));
        used += cols;
    }
    let mut rest = cells.saturating_sub(used);
    for (piece, (text, style)) in last.iter().cloned().enumerate() {
        // A later piece needs a few cells to say anything.
        if rest == 0 || (piece > 0 && rest < 4) {
            break;
        }
        let shown = truncate_to_width(&text, rest);
        rest -= width(&shown);
        spans.push(Span::styled(shown, style));
    }
    Line::from(spans)
}

fn badges(disputed: bool, overdue: bool) -> String {
    let mut text = String::new();
    if disputed {
        text.push('◆');
    }
    if overdue {
        text.push('⚠');
    }
    text
}

/// Row `index` of `pane`, `cells` wide, its columns `widths` wide.
fn row_line(
    app: &App,
    pane: Pane,
    index: usize,
    (cells, widths): (usize, Widths),
    theme: Theme,
) -> Line<'static> {
    match pane {
        Pane::Timeline => timeline_line(app, index, (cells, widths), theme),
        Pane::Candidates => candidate_line(app, index, (cells, widths), theme),
        Pane::Metrics => metric_line(app, index, (cells, widths), theme),
        Pane::Sources => super::source_rows::source_line(app, index, (cells, widths), theme),
        Pane::Detail => Line::default(),
    }
}

/// Date, badges, then status word and title.
fn timeline_line(
    app: &App,
    index: usize,
    (cells, widths): (usize, Widths),
    theme: Theme,
) -> Line<'static> {
    let Some(row) = app.timeline_row(index) else {
        return Line::default();
    };
    let badge_style = if row.overdue {
        theme.overdue()
    } else {
        theme.disputed()
    };
    // The status word (denied, cancelled, expected …) opens the title column, dim,
    // so it is never the part cut off and the titles still line up; the date is then
    // the date alone.
    let mut last = Vec::new();
    if let Some(mark) = app.story.event_status(row.event).list_mark() {
        last.push((format!("{mark} "), theme.dim()));
    }
    last.push((clean_line(&row.title), theme.plain()));
    let parts = [
        (
            app.story.file.events[row.event].date.human(),
            widths.lead,
            theme.date(),
        ),
        (
            badges(row.disputed, row.overdue),
            widths.badges,
            badge_style,
        ),
    ];
    columns_then(&parts, &last, cells)
}

/// Name, badge, current stage, chooser and role, then the way there.
fn candidate_line(
    app: &App,
    index: usize,
    (cells, widths): (usize, Widths),
    theme: Theme,
) -> Line<'static> {
    let row = &app.panes.candidate_rows[index];
    // Named by a known record, not yet described by a source that counts.
    let name = if row.undescribed {
        format!("○{}", row.name)
    } else {
        row.name.clone()
    };
    // Chooser and role come before the history: they tell two candidacies of one
    // party apart, so they are the last thing a narrow pane should lose.
    // The way there follows, dim, in what room is left (the columns' padding too).
    let mut last = vec![(clean_line(&row.chooser_and_role()), theme.plain())];
    let story_so_far = story_so_far(row);
    if !story_so_far.is_empty() {
        last.push((format!(" · {}", clean_line(&story_so_far)), theme.dim()));
    }
    columns_then(
        &[
            (name, widths.lead, theme.plain()),
            (badges(row.disputed, false), widths.badges, theme.disputed()),
            (row.current.label().to_owned(), widths.status, theme.value()),
        ],
        &last,
        cells,
    )
}

/// A candidacy's way there when there was one; for a single step, the reason given.
fn story_so_far(row: &CandidateRow) -> String {
    if row.stages.len() > 1 {
        let steps: Vec<String> = row
            .stages
            .iter()
            .map(|s| match &s.date {
                Some(date) => format!("{} {date}", s.stage.label()),
                None => s.stage.label().to_owned(),
            })
            .collect();
        steps.join(" → ")
    } else {
        row.stages
            .last()
            .and_then(|s| s.reason.clone())
            .unwrap_or_default()
    }
}

/// Value as stated, badge, label and subject.
fn metric_line(
    app: &App,
    index: usize,
    (cells, widths): (usize, Widths),
    theme: Theme,
) -> Line<'static> {
    let row = &app.panes.metric_rows[index];
    columns(
        &[
            (row.value.clone(), widths.lead, theme.value()),
            (badges(row.disputed, false), widths.badges, theme.disputed()),
        ],
        (format!("{} · {}", row.label, row.subject), theme.plain()),
        cells,
    )
}
