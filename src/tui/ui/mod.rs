//! Drawing: one module per pane, overlay and bar, all reading `&App` and never
//! changing it; and what drawing decides that others need too: where each pane goes
//! (`layout`, which `update` hit-tests clicks against), Detail's lines (`detail_lines`,
//! whose link positions `update` moves the cursor over), and the named styles (`theme`).
//!
//! May import: `app` (read only), `input` (the keymap, for hints and help) and the
//! story; never `update` or `shell`.

mod bar_geometry;
mod bars;
mod chart;
pub(crate) mod detail_lines;
mod detail_pane;
mod file_problems;
pub(crate) mod layout;
mod list_columns;
mod lists;
pub(crate) mod loading;
mod overlays;
mod palette_popup;
pub(crate) mod passage_lines;
mod source_rows;
pub(crate) mod theme;
mod theme_palettes;

pub use layout::{compute, inner};
pub use loading::draw_loading;
pub use theme::{StyleName, Theme, ThemeName};

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::tui::app::{App, Mode, Pane};
use layout::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: Theme) {
    let area = frame.area();
    if layout::is_too_small(area) {
        draw_too_small(frame, area, theme);
        return;
    }
    let areas = layout::for_app(area, app, app.panes.focus);
    bars::title_bar(frame, areas.title, app, theme);
    if let Some(tabs) = areas.tabs {
        bars::tab_bar(frame, tabs, app, theme);
    }
    // The terminal cursor follows the selection, so screen readers and braille
    // displays read the row the user is on (as iamb does).
    let mut cursor = None;
    for &(pane, rect) in &areas.panes {
        let focused = app.panes.focus == pane && app.overlay.mode == Mode::Normal;
        let position = match pane {
            Pane::Detail => detail_pane::draw(frame, rect, app, focused, theme),
            Pane::Metrics if app.panes.chart => {
                chart::draw(frame, rect, app, focused, theme);
                Some(layout::inner(rect).as_position())
            }
            _ => lists::draw(frame, rect, app, pane, focused, theme),
        };
        if app.panes.focus == pane {
            cursor = position;
        }
    }
    bars::status_bar(frame, areas.status, app, theme);
    let above_status = Rect {
        height: areas.status.y.saturating_sub(area.y),
        ..area
    };
    file_problems::draw(frame, above_status, app, theme);
    match app.overlay.mode {
        Mode::Search => cursor = overlays::search(frame, area, app, theme),
        Mode::Help => cursor = palette_popup::draw(frame, area, app, theme),
        Mode::Normal | Mode::Date => {}
    }
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn draw_too_small(frame: &mut Frame<'_>, area: Rect, theme: Theme) {
    let (width, height) = (area.width, area.height);
    // The longest wording that fits, so both sizes stay readable as long as possible.
    let wordings = [
        format!("storyscope needs {MIN_WIDTH}×{MIN_HEIGHT}; this terminal is {width}×{height}"),
        format!("needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {width}×{height}"),
        format!("{MIN_WIDTH}×{MIN_HEIGHT} > {width}×{height}"),
        format!("{MIN_WIDTH}×{MIN_HEIGHT}"),
    ];
    let text = wordings
        .into_iter()
        .find(|w| crate::story::safe_text::width(w) <= usize::from(width))
        .unwrap_or_default();
    let y = area.y + area.height / 2;
    let line = Rect {
        x: area.x,
        y,
        width: area.width,
        height: area.height.min(1),
    };
    frame.render_widget(
        Paragraph::new(Line::from(text))
            .style(theme.plain())
            .alignment(Alignment::Center),
        line,
    );
}

/// A row drawn as selected: its text in one style across the whole width, so the
/// selection reads as a bar even without colour.
fn highlighted(line: &Line<'_>, cells: usize, style: ratatui::style::Style) -> Line<'static> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::from(ratatui::text::Span::styled(
        crate::story::safe_text::fit_to_width(&text, cells),
        style,
    ))
}

/// Whether `title` shows whole on the top border of a pane `border_cols` wide (the
/// two corners stay).
fn pane_title_fits(title: &str, pane: Pane, focused: bool, border_cols: u16) -> bool {
    let marker = if focused { "▶ " } else { "" };
    let shown = format!(" {marker}{} {title} ", pane.number());
    crate::story::safe_text::width(&shown) + 2 <= usize::from(border_cols)
}

/// The bordered block every pane sits in; the focused one stands out.
fn pane_block(title: String, pane: Pane, focused: bool, theme: Theme) -> Block<'static> {
    let marker = if focused { "▶ " } else { "" };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(format!(" {marker}{} {title} ", pane.number()))
}
