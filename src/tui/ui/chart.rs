//! The Cited figures pane as a bar chart of the figures that compare (one group at a
//! time: the selected figure's group, else the first).

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use crate::story::text::{clean_line, truncate_to_width};
use crate::story::views::ViewFilter;
use crate::tui::app::{App, Pane};
use crate::tui::layout::inner;
use crate::tui::theme::Theme;

use super::pane_block;

pub(super) fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, focused: bool, theme: Theme) {
    let groups = app.story.metric_groups(ViewFilter::default());
    let selected = app.metric_rows.get(app.metrics.selected).map(|r| r.metric);
    let chosen = groups
        .iter()
        .find(|(_, rows)| rows.iter().any(|r| Some(r.metric) == selected))
        .or_else(|| groups.first());
    let title = match chosen {
        Some((name, _)) => format!(
            "{} · chart: {} (c: list)",
            Pane::Metrics.title(),
            clean_line(&name.replace(['-', '_'], " "))
        ),
        None => format!("{} · chart (c: list)", Pane::Metrics.title()),
    };
    let block = pane_block(title, Pane::Metrics, focused, theme);
    let body = inner(area);
    frame.render_widget(block, area);
    let Some((_, rows)) = chosen else {
        frame.render_widget(
            Paragraph::new("no figures that compare").style(theme.dim()),
            body,
        );
        return;
    };
    let label_cols = usize::from(body.width / 2).max(4);
    let labels = distinct_labels(rows.iter().map(|r| clean_line(&r.label)).collect());
    let bars: Vec<Bar<'static>> = rows
        .iter()
        .zip(labels)
        .map(|(row, label)| {
            let magnitude = app.story.file.metrics[row.metric].value.abs();
            // Bars need whole numbers: tenths keep one decimal of resolution.
            let scaled = (magnitude * 10.0).round().clamp(0.0, u64::MAX as f64 / 2.0) as u64;
            let style = if Some(row.metric) == selected {
                theme.selected(focused)
            } else {
                theme.value()
            };
            Bar::default()
                .value(scaled)
                .label(truncate_to_width(&label, label_cols))
                .text_value(ascii_value(&row.value))
                .value_style(theme.selected(true))
                .style(style)
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(1)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, body);
}

/// ratatui 0.30's horizontal bars measure the value text in bytes and overflow on
/// multi-byte text (a "−" sign, a CJK unit): keep it ASCII, dropping what is not.
fn ascii_value(value: &str) -> String {
    clean_line(value)
        .replace('−', "-")
        .chars()
        .filter(char::is_ascii)
        .collect()
}

/// Labels with the words they all start with left out ("Share of DeepSeek
/// conversation that was positive / negative" → "…positive", "…negative"), so
/// truncated labels stay apart.
fn distinct_labels(labels: Vec<String>) -> Vec<String> {
    if labels.len() < 2 {
        return labels;
    }
    let words: Vec<Vec<&str>> = labels.iter().map(|l| l.split(' ').collect()).collect();
    let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
    let common = (0..shortest)
        .take_while(|&i| words.iter().all(|w| w[i] == words[0][i]))
        .count();
    if common == 0 || common == shortest {
        return labels;
    }
    words
        .iter()
        .map(|w| format!("…{}", w[common..].join(" ")))
        .collect()
}
