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
    let date_cols = match pane {
        Pane::Timeline => timeline_date_cols(app, cursor.offset..end, cells),
        _ => 0,
    };
    let lines: Vec<Line<'static>> = (cursor.offset..end)
        .map(|index| {
            let line = marked_row_line(app, pane, index, (cells, date_cols), theme);
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

/// Row `index`, opened after a step through dates by its mark: "+" new, "*" changed.
fn marked_row_line(
    app: &App,
    pane: Pane,
    index: usize,
    (cells, date_cols): (usize, usize),
    theme: Theme,
) -> Line<'static> {
    let marked = app.new_since.as_ref().is_some_and(|n| n.since.is_some()) && cells > 4;
    if !marked {
        return row_line(app, pane, index, (cells, date_cols), theme);
    }
    let mark = app
        .selected_record_at(pane, index)
        .and_then(|record| app.row_mark(record))
        .map_or_else(|| "  ".to_owned(), |m| format!("{m} "));
    let mut line = row_line(app, pane, index, (cells - 2, date_cols), theme);
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

/// Lays out columns (each ending in a blank cell) then a last column that takes the
/// rest. A row whose last column would be cut takes the padding of the columns before
/// it, down to their own text: no text is cut while its row has blank cells. Rows
/// that fit keep the columns lined up.
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
    let texts: Vec<String> = parts.iter().map(|(text, ..)| clean_line(text)).collect();
    let last = last.to_vec();
    let last_cols = last.iter().map(|(text, _)| width(text)).sum();
    let widths = fitted_widths(parts, &texts, last_cols, cells);
    let mut spans = Vec::new();
    let mut used = 0;
    for ((text, (_, _, style)), cols) in texts.iter().zip(parts).zip(widths) {
        if used >= cells {
            break;
        }
        let cols = cols.min(cells - used);
        if cols == 0 {
            continue;
        }
        // The last cell of each column stays blank so neighbours never run together.
        let text = fit_to_width(text, cols.saturating_sub(1));
        spans.push(Span::styled(format!("{text} "), *style));
        used += cols;
    }
    let mut rest = cells.saturating_sub(used);
    for (piece, (text, style)) in last.into_iter().enumerate() {
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

/// The columns' widths for one row: as asked when the last column fits; else each
/// column shrinks to its own text and one blank (an empty one to nothing), so the
/// last column starts right after them rather than at some column in between.
fn fitted_widths(
    parts: &[(String, usize, ratatui::style::Style)],
    texts: &[String],
    last_cols: usize,
    cells: usize,
) -> Vec<usize> {
    let asked: Vec<usize> = parts.iter().map(|(_, cols, _)| *cols).collect();
    if asked.iter().sum::<usize>() + last_cols <= cells {
        return asked;
    }
    asked
        .iter()
        .zip(texts)
        .map(|(&cols, text)| {
            let least = if text.is_empty() { 0 } else { width(text) + 1 };
            cols.min(least)
        })
        .collect()
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

/// Row `index` of `pane`, `cells` wide; the timeline's date column `date_cols` wide.
fn row_line(
    app: &App,
    pane: Pane,
    index: usize,
    (cells, date_cols): (usize, usize),
    theme: Theme,
) -> Line<'static> {
    match pane {
        Pane::Timeline => timeline_line(app, index, (cells, date_cols), theme),
        Pane::Candidates => candidate_line(app, index, cells, theme),
        Pane::Metrics => metric_line(app, index, cells, theme),
        Pane::Sources => super::source_rows::source_line(app, index, cells, theme),
        Pane::Detail => Line::default(),
    }
}

/// Date, badges, title.
fn timeline_line(
    app: &App,
    index: usize,
    (cells, date_cols): (usize, usize),
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
    // The status word (denied, cancelled, expected …) has its own column before the
    // title, only on the rows that have one, so it is never the part cut off; the
    // date is then the date alone.
    let event = &app.story.file.events[row.event];
    let mark = app.story.event_status(row.event).list_mark();
    let mut parts = vec![
        (event.date.human(), date_cols, theme.date()),
        (badges(row.disputed, row.overdue), 3, badge_style),
    ];
    if let Some(mark) = mark {
        parts.push((mark.to_owned(), mark.len() + 1, theme.dim()));
    }
    columns(&parts, (row.title.clone(), theme.plain()), cells)
}

/// The timeline's date column for the rows shown: the usual width (21 cells, 13 on a
/// narrow pane), or more when a date shown is longer (a range, "expected"), so dates
/// are never cut while the title column has room; at most half the row.
fn timeline_date_cols(app: &App, shown: std::ops::Range<usize>, cells: usize) -> usize {
    let usual = if cells >= 60 { 21 } else { 13 };
    let widest = shown
        .filter_map(|index| app.timeline_row(index))
        .map(|row| width(&clean_line(&row.date)) + 1)
        .max()
        .unwrap_or(0);
    usual.max(widest).min(cells / 2).max(usual.min(cells))
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
    // The way there follows, dim, in what room is left (the columns' padding too).
    let mut last = vec![(clean_line(&row.chooser_and_role()), theme.plain())];
    let story_so_far = story_so_far(row);
    if !story_so_far.is_empty() {
        last.push((format!(" · {}", clean_line(&story_so_far)), theme.dim()));
    }
    columns_then(
        &[
            (name, app.panes.candidate_name_cols + 1, theme.plain()),
            (badges(row.disputed, false), 2, theme.disputed()),
            (
                row.current.label().to_owned(),
                stage_cols(app),
                theme.value(),
            ),
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
