//! The loading screen: the explorer's first frame, drawn before the story is loaded:
//! the title bar with the story's title (when the file's start says it), a progress
//! bar with the loader's own figures, and how to quit; the broken-file panel when the
//! file does not load.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{LineGauge, Paragraph};

use crate::story::safe_text::{clean_line, fit_to_width};
use crate::tui::app::loading::{Loading, progress_words};
use crate::tui::ui::theme::Theme;

/// The widest the bar grows, in cells.
const BAR_CELLS: u16 = 72;

/// Draws the loading screen.
pub fn draw_loading(frame: &mut Frame<'_>, loading: &Loading, theme: Theme) {
    let area = frame.area();
    if area.height == 0 || area.width == 0 {
        return;
    }
    let cells = usize::from(area.width);
    let head = match &loading.title {
        Some(title) => format!(" storyscope · {}", clean_line(title)),
        None => format!(" storyscope · {}", clean_line(&loading.file)),
    };
    frame.render_widget(
        Paragraph::new(fit_to_width(&head, cells)).style(theme.title_bar()),
        row(area, 0),
    );
    let status = match (&loading.broken, loading.reloads_on_save) {
        (Some(_), true) => " the story did not load · q quits · a save loads it again",
        (Some(_), false) => " the story did not load · q quits",
        (None, _) => " loading… · q quits",
    };
    frame.render_widget(
        Paragraph::new(fit_to_width(status, cells)).style(theme.title_bar()),
        row(area, area.height.saturating_sub(1)),
    );
    match &loading.broken {
        Some(failure) => {
            let broken = &failure.panel;
            let noun = if broken.count == 1 {
                "problem"
            } else {
                "problems"
            };
            let title = format!(
                " ⚠ {}: {} {noun}; the story did not load ",
                clean_line(&loading.file),
                broken.count
            );
            let above = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(2),
                ..area
            };
            super::file_problems::draw_panel(frame, above, broken, &title, theme);
        }
        None => draw_bar(frame, area, loading, theme),
    }
}

/// The file's name, the bar and its words, in the middle of the screen.
fn draw_bar(frame: &mut Frame<'_>, area: Rect, loading: &Loading, theme: Theme) {
    let seen = loading.progress.snapshot();
    let width = area.width.saturating_sub(4).min(BAR_CELLS);
    let x = area.x + (area.width - width) / 2;
    let middle = area.height / 2;
    let line = |y: u16| Rect {
        x,
        y: area.y + y,
        width,
        height: u16::from(y < area.height),
    };
    let cells = usize::from(width);
    let opening = format!("Opening {}", clean_line(&loading.file));
    frame.render_widget(
        Paragraph::new(Line::from(fit_to_width(&opening, cells)))
            .style(theme.dim())
            .alignment(Alignment::Center),
        line(middle.saturating_sub(2)),
    );
    let ratio = seen.ratio();
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio)
            .label(format!("{:>3}%", (ratio * 100.0).floor() as u32))
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(theme.plain())
            .unfilled_style(theme.dim()),
        line(middle),
    );
    frame.render_widget(
        Paragraph::new(Line::from(fit_to_width(&progress_words(&seen), cells)))
            .style(theme.plain())
            .alignment(Alignment::Center),
        line((middle + 1).min(area.height.saturating_sub(2))),
    );
}

/// Row `y` of `area`, one line high.
fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}
