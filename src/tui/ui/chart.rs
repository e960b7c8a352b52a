//! The Cited metrics pane as a bar chart of the metrics that compare (one group at a
//! time: the selected metric's group, else the first). Drawn by hand rather than with
//! ratatui's BarChart, whose bars are unsigned and carry their label inside the bar:
//! here each row is label, value as stated (bound, sign, currency, scale), then a bar
//! in proportion on one scale, negative values left of a zero line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::model::amount::comparable;
use crate::story::query::metric_rows::MetricRow;
use crate::story::query::views::ViewFilter;
use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::{App, Pane};
use crate::tui::ui::layout::inner;
use crate::tui::ui::theme::Theme;

use crate::tui::ui::bar_geometry::{Cell, bar_rows};
use crate::tui::ui::pane_block;

pub(super) fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, focused: bool, theme: Theme) {
    let groups = app.story.metric_groups(ViewFilter::default());
    let selected = app
        .panes
        .metric_rows
        .get(app.cursor(Pane::Metrics).selected)
        .map(|r| r.metric);
    let chosen = chosen_group(app, &groups, selected);
    let title = chart_title(
        app,
        chosen.map(|(name, _)| name.as_str()),
        (focused, area.width),
    );
    let block = pane_block(title, Pane::Metrics, focused, theme);
    let body = inner(area);
    frame.render_widget(block, area);
    let Some((_, rows)) = chosen else {
        let why = Paragraph::new(no_chart(app, selected)).style(theme.dim());
        frame.render_widget(why.wrap(ratatui::widgets::Wrap { trim: true }), body);
        return;
    };
    let lines = chart_lines(app, rows, usize::from(body.width), selected, focused, theme);
    let note = selected.and_then(|m| words_note(app, m, usize::from(body.width)));
    let room = usize::from(body.height).saturating_sub(if note.is_some() { 2 } else { 0 });
    let mut lines = spaced_when_room(lines, room);
    if let Some(note) = note {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(note, theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// The chart's title: the pane, the group charted and the way back to the list,
/// the longest form that fits the border whole (a group's unit is not cut mid-word).
fn chart_title(app: &App, group: Option<&str>, (focused, border_cols): (bool, u16)) -> String {
    let name = app.pane_title(Pane::Metrics);
    let short = Pane::Metrics.short_title();
    let group = group.map_or_else(String::new, |g| clean_line(&g.replace(['-', '_'], " ")));
    let chart = if group.is_empty() {
        "chart".to_owned()
    } else {
        format!("chart: {group}")
    };
    let back =
        (app.session.keymap.key_for("chart")).map_or_else(String::new, |k| format!(" ({k}: list)"));
    let forms = [
        format!("{name} · {chart}{back}"),
        format!("{name} · {chart}"),
        format!("{short} · {chart}"),
        chart.clone(),
        format!("{short} · chart"),
    ];
    let fits = |title: &&String| super::pane_title_fits(title, Pane::Metrics, focused, border_cols);
    forms.iter().find(fits).unwrap_or(&forms[4]).clone()
}

/// Why the pane has no chart: the selected metric compares with nothing, or no metric
/// does.
fn no_chart(app: &App, selected: Option<usize>) -> String {
    match selected.map(|m| &app.story.file.metrics[m]) {
        Some(metric) if metric.group.is_none() => format!(
            "“{}” is in no group: nothing to chart it against",
            clean_line(&metric.label)
        ),
        _ => "no metrics that compare".to_owned(),
    }
}

/// The selected metric's chart; for words (never charted), the chart of its group, so
/// the reader still sees what the words sit beside. A metric in no group has none:
/// showing another group's chart beside it would read as its own. With nothing
/// selected, the first chart.
fn chosen_group<'g>(
    app: &App,
    groups: &'g [(String, Vec<MetricRow>)],
    selected: Option<usize>,
) -> Option<&'g (String, Vec<MetricRow>)> {
    let selected_group = selected.and_then(|m| app.story.file.metrics[m].group.as_ref());
    if selected.is_some() && selected_group.is_none() {
        return None;
    }
    groups
        .iter()
        .find(|(_, rows)| rows.iter().any(|r| Some(r.metric) == selected))
        .or_else(|| {
            groups
                .iter()
                .find(|(_, rows)| rows[0].group.as_ref() == selected_group)
        })
        .or_else(|| groups.first())
}

/// The metrics' lines (a label too long for its column wraps onto more), with a
/// blank line between metrics when they all fit that way in `room` lines.
fn spaced_when_room(metrics: Vec<Vec<Line<'static>>>, room: usize) -> Vec<Line<'static>> {
    let lines: usize = metrics.iter().map(Vec::len).sum();
    let spaced = lines + metrics.len().saturating_sub(1) <= room;
    let mut out = Vec::new();
    for (i, metric) in metrics.into_iter().enumerate() {
        if i > 0 && spaced {
            out.push(Line::default());
        }
        out.extend(metric);
    }
    out
}

fn words_note(app: &App, metric: usize, cells: usize) -> Option<String> {
    let record = &app.story.file.metrics[metric];
    comparable(record).is_none().then(|| {
        let value = clean_line(&crate::story::model::amount::metric_value_text(record));
        truncate_to_width(&format!("“{value}”: words, not charted"), cells)
    })
}

/// The fewest cells a bar gets before labels are cut: enough for bars in proportion
/// to within a cell to tell values apart.
const MIN_BAR_COLS: usize = 16;

/// Each metric's lines: label, value as stated, bar; where a label is longer than
/// the room beside the bars, every label goes on its own line above its bar rather
/// than being cut.
fn chart_lines(
    app: &App,
    rows: &[MetricRow],
    cells: usize,
    selected: Option<usize>,
    focused: bool,
    theme: Theme,
) -> Vec<Vec<Line<'static>>> {
    let labels = distinct_labels(rows.iter().map(|r| clean_line(&r.label)).collect());
    let values: Vec<String> = rows.iter().map(|r| clean_line(&r.value)).collect();
    // The value as stated is never cut (its bound and unit are the point); the label
    // takes what it needs as long as the bars keep `MIN_BAR_COLS` (or three fifths of
    // what is left, on a pane too narrow for both), and the bar the rest, less a blank
    // cell that keeps the longest bar off the pane's border.
    let value_cols = values
        .iter()
        .map(|v| width(v))
        .max()
        .unwrap_or(0)
        .min(cells.saturating_sub(12));
    let rest = cells.saturating_sub(value_cols + 3);
    let label_cols = labels
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
        .min(rest.saturating_sub(MIN_BAR_COLS).max(rest * 2 / 5));
    // A label that would wrap beside its bar goes on its own line(s) above it
    // instead, the whole width, and every bar then starts at the pane's edge.
    let stacked = labels.iter().any(|l| width(l) > label_cols);
    let label_cols = if stacked { 0 } else { label_cols };
    let bar_cols = rest - label_cols;
    let spans: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| comparable(&app.story.file.metrics[r.metric]).unwrap_or((0.0, 0.0)))
        .collect();
    let bars = bar_rows(&spans, bar_cols);
    let columns = Columns {
        label: label_cols,
        value: value_cols,
        cells,
        stacked,
    };
    rows.iter()
        .zip(labels)
        .zip(values)
        .zip(bars)
        .map(|(((row, label), value), bar)| {
            let style = if Some(row.metric) == selected {
                theme.selected(focused)
            } else {
                theme.plain()
            };
            metric_lines(&label, &value, &bar_text(&bar), columns, (style, theme))
        })
        .collect()
}

/// How a chart's lines are laid out: the label column (0 when labels go above their
/// bars), the value column, the pane's width.
#[derive(Clone, Copy)]
struct Columns {
    label: usize,
    value: usize,
    cells: usize,
    stacked: bool,
}

/// One metric's lines: label, value and bar on one line, or the label wrapped above
/// the value and bar.
fn metric_lines(
    label: &str,
    value: &str,
    bar: &str,
    columns: Columns,
    (label_style, theme): (ratatui::style::Style, Theme),
) -> Vec<Line<'static>> {
    let pad = columns.value.saturating_sub(width(value));
    let value = truncate_to_width(value, columns.value);
    let bar_line = |label: &str| {
        Line::from(vec![
            Span::styled(fit_to_width(label, columns.label), label_style),
            Span::raw(format!(" {}{value} ", " ".repeat(pad))),
            Span::styled(bar.to_owned(), theme.value()),
        ])
    };
    if !columns.stacked {
        return vec![bar_line(label)];
    }
    let mut lines: Vec<Line<'static>> = textwrap::wrap(label, columns.cells.max(1))
        .into_iter()
        .map(|part| Line::from(Span::styled(part.into_owned(), label_style)))
        .collect();
    lines.push(bar_line(""));
    lines
}

/// The bar's cells as characters; a sliver leans toward the zero line.
fn bar_text(bar: &[Cell]) -> String {
    let zero = bar.iter().position(|c| *c == Cell::Axis).unwrap_or(0);
    bar.iter()
        .enumerate()
        .map(|(i, cell)| match cell {
            Cell::Empty => ' ',
            Cell::Axis => '│',
            Cell::Solid => '█',
            Cell::Shade => '░',
            Cell::Sliver if i < zero => '▕',
            Cell::Sliver => '▏',
        })
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// Labels shorn of the words they share with another label at their start, less the
/// last shared word for context ("Staff who had signed the letter by morning / by
/// evening" → "…by morning", "…by evening"), so truncated labels stay apart.
fn distinct_labels(labels: Vec<String>) -> Vec<String> {
    let words: Vec<Vec<&str>> = labels.iter().map(|l| l.split(' ').collect()).collect();
    let shared = |a: &[&str], b: &[&str]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    words
        .iter()
        .enumerate()
        .map(|(i, own)| {
            let most = words
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, other)| shared(own, other))
                .max()
                .unwrap_or(0);
            // A label wholly inside another keeps every word: nothing else names it.
            if most < 2 || most >= own.len() {
                labels[i].clone()
            } else {
                format!("…{}", own[most - 1..].join(" "))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::distinct_labels;

    fn labels(all: &[&str]) -> Vec<String> {
        distinct_labels(all.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn shared_openings_give_way_to_what_differs() {
        assert_eq!(
            labels(&[
                "Staff who signed by morning",
                "Staff who signed by evening",
                "Staff at Halden in all",
            ]),
            ["…by morning", "…by evening", "Staff at Halden in all"]
        );
        assert_eq!(
            labels(&["Apple revenue", "Apple revenue, fourth quarter"]),
            ["Apple revenue", "Apple revenue, fourth quarter"]
        );
        assert_eq!(labels(&["Only one"]), ["Only one"]);
    }
}
