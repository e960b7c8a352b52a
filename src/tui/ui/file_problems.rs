//! The panel that says why the story file on disk does not load (count, the first few
//! problems with line and id), drawn above the status bar until a save fixes it; the
//! last good story stays on screen behind it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::story::safe_text::{clean_line, truncate_to_width};
use crate::tui::app::App;
use crate::tui::app::broken_file::FileProblem;
use crate::tui::ui::theme::Theme;

/// Draws the panel at the bottom of `above` (the area over the status bar), if the
/// file is broken.
pub(super) fn draw(frame: &mut Frame<'_>, above: Rect, app: &App, theme: Theme) {
    let Some(broken) = &app.session.broken_file else {
        return;
    };
    let more = broken.count.saturating_sub(broken.shown.len());
    let rows = broken.shown.len() + usize::from(more > 0) + 2;
    let height = (rows as u16).min(above.height / 2).max(3.min(above.height));
    if height == 0 || above.width < 10 {
        return;
    }
    let area = Rect {
        y: above.y + above.height - height,
        height,
        ..above
    };
    let file = app
        .session
        .story_file
        .as_ref()
        .map_or_else(|| app.full.origin.clone(), |p| p.display().to_string());
    let noun = if broken.count == 1 {
        "problem"
    } else {
        "problems"
    };
    let title = format!(
        " ⚠ {}: {} {noun} on disk; showing the last good version (E opens the file there) ",
        clean_line(&file),
        broken.count
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error())
        .title(Span::styled(
            truncate_to_width(&title, usize::from(area.width.saturating_sub(2))),
            theme.error(),
        ));
    let cells = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line<'static>> = broken
        .shown
        .iter()
        .map(|problem| Line::from(truncate_to_width(&problem_line(problem), cells)))
        .collect();
    if more > 0 {
        lines.push(Line::from(Span::styled(
            truncate_to_width(
                &format!("…and {more} more: `storyscope check --story FILE` lists every one"),
                cells,
            ),
            theme.dim(),
        )));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).style(theme.plain()).block(block),
        area,
    );
}

/// "line 41 · `ev-x` · events[2].entities[0]: unknown entity …"
pub(super) fn problem_line(problem: &FileProblem) -> String {
    let mut text = String::new();
    // A syntax error's location is already a line and column.
    if let Some(line) = problem.line.filter(|_| !problem.text.starts_with("line ")) {
        text.push_str(&format!("line {line} · "));
    }
    if let Some(id) = &problem.id {
        text.push_str(&format!("`{}` · ", clean_line(id)));
    }
    text.push_str(&clean_line(&problem.text));
    text
}
