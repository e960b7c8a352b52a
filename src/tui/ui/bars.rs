//! The title bar (story, as-of date, breadcrumb), the tab bar of narrow terminals, and
//! the status bar (mode, pane, the keys that matter now, messages).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::{App, MessageKind, Mode, Pane};
use crate::tui::keymap::Scope;
use crate::tui::theme::Theme;

pub(super) fn title_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    // After a hop the breadcrumb says more than the story's title, which is known.
    let crumbs = breadcrumb(app);
    let head = if crumbs.is_empty() {
        format!(" storyscope · {}", clean_line(&app.story.file.story.title))
    } else {
        format!(" storyscope · {crumbs}")
    };
    // The date and what changed are what the bar is for: a long title gives way first.
    let mut text = String::new();
    match app.as_of {
        Some(date) => text.push_str(&format!(" · as of {}", date.human())),
        None => text.push_str(" · all sources"),
    }
    // What the marks on rows mean, and how many things they cover.
    if let Some(new) = &app.new_since {
        match new.since {
            Some(since) => text.push_str(&format!(
                " · new since previous date ({}): {} (+ new, * changed)",
                since.human(),
                new.diff.len()
            )),
            None => text.push_str(" · earliest date"),
        }
    }
    if app.as_of.is_some() {
        text.push_str(&format!(
            " (undated sources left out; {} {} step)",
            app.keymap.key_for("as-of-earlier").unwrap_or_default(),
            app.keymap.key_for("as-of-later").unwrap_or_default()
        ));
    }
    let cells = usize::from(area.width);
    let head_cells = cells.saturating_sub(width(&text));
    let head = if head_cells >= width(&head) || head_cells >= 16 {
        truncate_to_width(&head, head_cells)
    } else {
        head
    };
    let text = fit_to_width(&format!("{head}{text}"), cells);
    frame.render_widget(Paragraph::new(text).style(theme.title_bar()), area);
}

/// "Timeline › Alibaba › Qwen 2.5": the pane the trail started from and each hop since.
pub(super) fn breadcrumb(app: &App) -> String {
    let Some(current) = app.trail.followed else {
        return String::new();
    };
    let mut parts = vec![app.pane_title(app.trail.start)];
    for &record in app.trail.back.iter().chain(std::iter::once(&current)) {
        parts.push(truncate_to_width(
            &clean_line(&app.story.record_title(record)),
            24,
        ));
    }
    parts.join(" › ")
}

pub(super) fn tab_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let cell = usize::from(area.width) / Pane::ALL.len();
    let spans: Vec<Span<'static>> = Pane::ALL
        .iter()
        .map(|&pane| {
            let label = crate::story::safe_text::fit_to_width(
                &format!(" {} {}", pane.number(), pane.short_title()),
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

pub(super) fn status_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let (mode, scopes): (&str, &[Scope]) = match app.mode {
        Mode::Search => ("SEARCH", &[Scope::Search]),
        Mode::Help => ("HELP", &[Scope::Help]),
        Mode::Normal if app.focus == Pane::Detail => ("NORMAL", &[Scope::Detail, Scope::Global]),
        Mode::Normal => ("NORMAL", &[Scope::Lists, Scope::Global]),
    };
    let mut spans = vec![
        Span::styled(format!(" {mode} "), theme.title_bar()),
        Span::raw(format!(" {} ", app.pane_title(app.focus))),
    ];
    let mut used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used);
    if let Some((text, kind)) = &app.message {
        let style = if *kind == MessageKind::Error {
            theme.error()
        } else {
            theme.info()
        };
        let text = truncate_to_width(&format!("│ {}", clean_line(text)), room);
        spans.push(Span::styled(text, style));
    } else {
        // In normal mode help and quit always show; the keys of the moment fill the
        // room before them.
        let (essentials, others): (Vec<_>, Vec<_>) = app
            .keymap
            .hints(scopes)
            .into_iter()
            .map(|(key, short)| (short, format!("│ {key} {short} ")))
            .partition(|(short, _)| {
                app.mode == Mode::Normal && (*short == "help" || *short == "quit")
            });
        let reserved: usize = essentials.iter().map(|(_, h)| width(h)).sum();
        let total = usize::from(area.width);
        for (_, hint) in others {
            if used + width(&hint) + reserved <= total {
                used += width(&hint);
                spans.push(Span::styled(hint, theme.dim()));
            }
        }
        for (_, hint) in essentials {
            if used + width(&hint) <= total {
                used += width(&hint);
                spans.push(Span::styled(hint, theme.dim()));
            }
        }
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}
