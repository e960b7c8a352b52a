//! The title bar (story, as-of date, breadcrumb), the tab bar of narrow terminals, and
//! the status bar (mode, pane, the keys that matter now, messages).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::text::{clean_line, truncate_to_width, width};
use crate::tui::app::{App, MessageKind, Mode, Pane};
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;

pub fn title_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let mut text = format!(" storyscope · {}", clean_line(&app.story.file.story.title));
    match app.as_of {
        Some(date) => text.push_str(&format!(
            " · as of {} (undated sources left out; < > step)",
            date.human()
        )),
        None => text.push_str(" · all sources"),
    }
    let crumbs = breadcrumb(app);
    if !crumbs.is_empty() {
        text.push_str(&format!(" · {crumbs}"));
    }
    let text = truncate_to_width(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(text).style(theme.title_bar()), area);
}

/// "Timeline › Alibaba › Qwen 2.5": where the user started and each hop since.
pub fn breadcrumb(app: &App) -> String {
    let Some(current) = app.followed else {
        return String::new();
    };
    let mut parts = vec![app.last_list_pane().title().to_owned()];
    for &record in app.trail.iter().chain(std::iter::once(&current)) {
        parts.push(truncate_to_width(
            &clean_line(&app.story.record_title(record)),
            24,
        ));
    }
    parts.join(" › ")
}

pub fn tab_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let cell = usize::from(area.width) / Pane::ALL.len();
    let spans: Vec<Span<'static>> = Pane::ALL
        .iter()
        .map(|&pane| {
            let label = crate::story::text::fit_to_width(
                &format!(" {} {}", pane.number(), pane.title()),
                cell.max(1),
            );
            let style = if pane == app.focus {
                theme.selected(true)
            } else {
                theme.dim()
            };
            Span::styled(label, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn status_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let (mode, scopes): (&str, &[Scope]) = match app.mode {
        Mode::Search => ("SEARCH", &[Scope::Search]),
        Mode::Help => ("HELP", &[Scope::Help]),
        Mode::Normal if app.focus == Pane::Detail => ("NORMAL", &[Scope::Detail, Scope::Global]),
        Mode::Normal => ("NORMAL", &[Scope::Lists, Scope::Global]),
    };
    let mut spans = vec![
        Span::styled(format!(" {mode} "), theme.title_bar()),
        Span::raw(format!(" {} ", app.focus.title())),
    ];
    if let Some((text, kind)) = &app.message {
        let style = if *kind == MessageKind::Error {
            theme.error()
        } else {
            theme.info()
        };
        spans.push(Span::styled(format!("│ {} ", clean_line(text)), style));
    } else {
        let mut used: usize = spans.iter().map(|s| width(&s.content)).sum();
        for (key, description) in keymap::hints(scopes).into_iter().take(6) {
            let hint = format!("│ {key} {description} ");
            if used + width(&hint) > usize::from(area.width) {
                break;
            }
            used += width(&hint);
            spans.push(Span::styled(hint, theme.dim()));
        }
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}
