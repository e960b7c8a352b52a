//! The panel that says why the story file on disk does not load (count, the first few
//! problems with line and id), drawn above the status bar until a save fixes it; the
//! last good story stays on screen behind it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::story::safe_text::{clean_line, truncate_to_width, width};
use crate::tui::app::App;
use crate::tui::app::broken_file::{BrokenFile, FileProblem};
use crate::tui::ui::theme::Theme;

/// Draws the panel at the bottom of `above` (the area over the status bar), if the
/// file is broken.
pub(super) fn draw(frame: &mut Frame<'_>, above: Rect, app: &App, theme: Theme) {
    let Some(broken) = &app.session.broken_file else {
        return;
    };
    let title = panel_title(
        app,
        broken.count,
        usize::from(above.width.saturating_sub(2)),
    );
    draw_panel(frame, above, broken, &title, theme);
}

/// The panel for `broken` at the bottom of `above`, headed `title` (the loading screen
/// shows it too, when the file does not load at start).
pub(super) fn draw_panel(
    frame: &mut Frame<'_>,
    above: Rect,
    broken: &BrokenFile,
    title: &str,
    theme: Theme,
) {
    let more = broken.count.saturating_sub(broken.shown.len());
    let cells = usize::from(above.width.saturating_sub(2));
    let mut lines: Vec<Line<'static>> = broken
        .shown
        .iter()
        .flat_map(|problem| wrap(&problem_line(problem), cells))
        .map(Line::from)
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
    let rows = lines.len() + 2;
    let height = (rows as u16).min(above.height / 2).max(3.min(above.height));
    if height == 0 || above.width < 10 {
        return;
    }
    let area = Rect {
        y: above.y + above.height - height,
        height,
        ..above
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error())
        .title(Span::styled(
            truncate_to_width(title, usize::from(area.width.saturating_sub(2))),
            theme.error(),
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).style(theme.plain()).block(block),
        area,
    );
}

/// The panel's title: the longest of its forms that fits `cells` whole (the file's
/// path gives way to its name, then the words to the count and the editor key), so
/// the count is never what is cut.
fn panel_title(app: &App, count: usize, cells: usize) -> String {
    let path = (app.session.story_file.as_ref())
        .map_or_else(|| app.full.origin.clone(), |p| p.display().to_string());
    let name = std::path::Path::new(&path)
        .file_name()
        .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
    let (path, name) = (clean_line(&path), clean_line(&name));
    let noun = if count == 1 { "problem" } else { "problems" };
    let key = app.session.keymap.key_for("edit");
    let opens = key.map_or_else(String::new, |key| format!(" · {key} opens it there"));
    let forms = [
        format!(" ⚠ {path}: {count} {noun} on disk; showing the last good version{opens} "),
        format!(" ⚠ {name}: {count} {noun} on disk; showing the last good version{opens} "),
        format!(" ⚠ {name}: {count} {noun} on disk · last good version shown{opens} "),
        format!(" ⚠ {name}: {count} {noun} on disk{opens} "),
        format!(" ⚠ {count} {noun} on disk{opens} "),
    ];
    let fits = |title: &String| width(title) <= cells;
    let last = truncate_to_width(&format!(" ⚠ {count} {noun} on disk "), cells);
    forms.into_iter().find(fits).unwrap_or(last)
}

/// "line 41 · `ev-x` · events[2].entities[0]: unknown entity …; did you mean …"
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

/// `text` broken at spaces into lines of at most `cells` cells (a word longer than a
/// line is cut), the lines after the first indented by two cells.
fn wrap(text: &str, cells: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let room = if lines.is_empty() {
            cells
        } else {
            cells.saturating_sub(2)
        };
        let joined = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if width(&joined) <= room || current.is_empty() {
            current = joined;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    lines.push(current);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| match i {
            0 => truncate_to_width(&line, cells),
            _ => truncate_to_width(&format!("  {line}"), cells),
        })
        .collect()
}
