//! The four list panes: Timeline, Candidates (titled by the story), Cited metrics,
//! Sources. Only the visible rows are built, so a story of any length draws in the
//! same time.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::query::views::CandidateRow;
use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width};
use crate::tui::app::{App, Pane};
use crate::tui::ui::layout::inner;
use crate::tui::ui::theme::Theme;

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
    let title = pane_title(app, pane, len, cursor.selected);
    let block = pane_block(title, pane, focused, theme);
    let body = inner(area);
    frame.render_widget(block, area);
    if body.width == 0 || body.height == 0 {
        return None;
    }
    let cells = usize::from(body.width);
    if len == 0 {
        let empty = empty_message(app, pane);
        frame.render_widget(
            Paragraph::new(truncate_to_width(&empty, cells)).style(theme.dim()),
            body,
        );
        return Some(body.as_position());
    }
    let end = (cursor.offset + usize::from(body.height)).min(len);
    let lines: Vec<Line<'static>> = (cursor.offset..end)
        .map(|index| {
            let line = marked_row_line(app, pane, index, cells, theme);
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

/// What an empty list says instead of rows.
fn empty_message(app: &App, pane: Pane) -> String {
    match (pane, app.panes.filter) {
        (Pane::Timeline, Some(_)) => format!(
            "no events for this entity ({} clears the filter)",
            app.session
                .keymap
                .key_for("filter")
                .unwrap_or_else(|| "Esc".to_owned())
        ),
        _ => "nothing here as of this date".to_owned(),
    }
}

/// Row `index`, opened after a step through dates by its mark: "+" new, "*" changed.
fn marked_row_line(
    app: &App,
    pane: Pane,
    index: usize,
    cells: usize,
    theme: Theme,
) -> Line<'static> {
    let marked = app.new_since.as_ref().is_some_and(|n| n.since.is_some()) && cells > 4;
    if !marked {
        return row_line(app, pane, index, cells, theme);
    }
    let mark = app
        .selected_record_at(pane, index)
        .and_then(|record| app.row_mark(record))
        .map_or_else(|| "  ".to_owned(), |m| format!("{m} "));
    let mut line = row_line(app, pane, index, cells - 2, theme);
    line.spans.insert(0, Span::styled(mark, theme.info()));
    line
}

fn pane_title(app: &App, pane: Pane, len: usize, selected: usize) -> String {
    let position = if len == 0 {
        "0".to_owned()
    } else {
        format!("{}/{len}", selected + 1)
    };
    match (pane, app.panes.filter) {
        (Pane::Timeline, Some(entity)) => format!(
            "{} · only {} ({} clears) · {position}",
            app.pane_title(pane),
            truncate_to_width(&clean_line(&app.story.file.entities[entity].name), 24),
            app.session
                .keymap
                .key_for("filter")
                .unwrap_or_else(|| "Esc".to_owned())
        ),
        _ => format!("{} · {position}", app.pane_title(pane)),
    }
}

/// Lays out fixed-width columns (each ending in a blank cell) then a last column that
/// takes the rest.
fn columns(
    parts: &[(String, usize, ratatui::style::Style)],
    last: (String, ratatui::style::Style),
    cells: usize,
) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, cols, style) in parts {
        let cols = (*cols).min(cells.saturating_sub(used));
        if cols == 0 {
            break;
        }
        // The last cell of each column stays blank so neighbours never run together.
        let text = fit_to_width(&clean_line(text), cols.saturating_sub(1));
        spans.push(Span::styled(format!("{text} "), *style));
        used += cols;
    }
    let rest = cells.saturating_sub(used);
    if rest > 0 {
        spans.push(Span::styled(
            truncate_to_width(&clean_line(&last.0), rest),
            last.1,
        ));
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

fn row_line(app: &App, pane: Pane, index: usize, cells: usize, theme: Theme) -> Line<'static> {
    match pane {
        Pane::Timeline => timeline_line(app, index, cells, theme),
        Pane::Candidates => candidate_line(app, index, cells, theme),
        Pane::Metrics => metric_line(app, index, cells, theme),
        Pane::Sources => super::source_rows::source_line(app, index, cells, theme),
        Pane::Detail => Line::default(),
    }
}

/// Date, badges, title.
fn timeline_line(app: &App, index: usize, cells: usize, theme: Theme) -> Line<'static> {
    let Some(row) = app.timeline_row(index) else {
        return Line::default();
    };
    let date_cols = if cells >= 60 { 21 } else { 13 };
    let badge_style = if row.overdue {
        theme.overdue()
    } else {
        theme.disputed()
    };
    columns(
        &[
            (row.date.clone(), date_cols, theme.date()),
            (badges(row.disputed, row.overdue), 3, badge_style),
        ],
        (row.title.clone(), theme.plain()),
        cells,
    )
}

/// Name, badge, current stage, chooser and role, then the way there.
fn candidate_line(app: &App, index: usize, cells: usize, theme: Theme) -> Line<'static> {
    let row = &app.panes.candidate_rows[index];
    // Named by a known record, not yet described by a source that counts.
    let name = if row.undescribed {
        format!("○{}", row.name)
    } else {
        row.name.clone()
    };
    // Chooser and role come before the history: they tell two candidacies of one
    // party apart, so they are the last thing a narrow pane should lose.
    let mut line = columns(
        &[
            (name, app.panes.candidate_name_cols + 1, theme.plain()),
            (badges(row.disputed, false), 2, theme.disputed()),
            (
                row.current.label().to_owned(),
                stage_cols(app),
                theme.value(),
            ),
        ],
        (row.chooser_and_role(), theme.plain()),
        cells,
    );
    let story_so_far = story_so_far(row);
    let used = crate::story::safe_text::width(&line.to_string());
    if !story_so_far.is_empty() && used + 4 < cells {
        line.spans.push(Span::styled(
            truncate_to_width(&format!(" · {}", clean_line(&story_so_far)), cells - used),
            theme.dim(),
        ));
    }
    line
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
fn metric_line(app: &App, index: usize, cells: usize, theme: Theme) -> Line<'static> {
    let row = &app.panes.metric_rows[index];
    let value_cols = app.panes.metric_value_cols.min(26) + 1;
    columns(
        &[
            (row.value.clone(), value_cols, theme.value()),
            (badges(row.disputed, false), 2, theme.disputed()),
        ],
        (format!("{} · {}", row.label, row.subject), theme.plain()),
        cells,
    )
}

/// The stage column fits the longest stage a story uses (its own kinds, like
/// "reinstated", included), between the width of the known ones and a cap.
fn stage_cols(app: &App) -> usize {
    app.panes
        .candidate_rows
        .iter()
        .map(|row| crate::story::safe_text::width(row.current.label()) + 1)
        .max()
        .unwrap_or(0)
        .clamp(10, 16)
}
