//! The title bar (story, as-of date, breadcrumb), the tab bar of narrow terminals, and
//! the status bar (mode, pane, the keys that matter now, messages).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::{App, MessageKind, Mode, Pane};
use crate::tui::input::action::Action;
use crate::tui::input::keymap::Scope;
use crate::tui::ui::theme::Theme;

pub(super) fn title_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    // After a hop the breadcrumb says more than the story's title, which is known.
    let crumbs = breadcrumb(app);
    let head = if crumbs.is_empty() {
        format!(" storyscope · {}", clean_line(&app.story.file.story.title))
    } else {
        format!(" storyscope · {crumbs}")
    };
    let cells = usize::from(area.width);
    // The date and what changed are what the bar is for: the head (title or trail)
    // gives way first, then the bar's own explanations, longest wording first; the
    // date and the count stay.
    let wordings = date_wordings(app);
    let head_wants = width(&head).min(16);
    let text = wordings
        .iter()
        .find(|w| width(w) + head_wants <= cells)
        .unwrap_or(&wordings[wordings.len() - 1]);
    let head_cells = cells.saturating_sub(width(text));
    let head = if head_cells >= width(&head) || head_cells >= 16 {
        truncate_to_width(&head, head_cells)
    } else {
        head
    };
    let text = fit_to_width(&format!("{head}{text}"), cells);
    frame.render_widget(Paragraph::new(text).style(theme.title_bar()), area);
}

/// What the title bar says of time, from the fullest wording to the shortest: the
/// as-of date (or "all sources"), what is new since the previous date with its count,
/// then what the row marks mean and how to step. Every wording keeps the date and
/// the count.
fn date_wordings(app: &App) -> Vec<String> {
    let as_of = match app.as_of {
        Some(date) => format!(" · as of {}", date.human()),
        None => " · all sources".to_owned(),
    };
    let (new_full, new_short, legend) = match app.new_since.as_ref().map(|n| (n.since, n)) {
        Some((Some(since), new)) => (
            format!(
                " · new since previous date ({}): {}",
                since.human(),
                new.diff.len()
            ),
            format!(" · new since previous date: {}", new.diff.len()),
            " (+ new, * changed)".to_owned(),
        ),
        Some((None, _)) => (
            " · earliest date".to_owned(),
            " · earliest date".to_owned(),
            String::new(),
        ),
        None => (String::new(), String::new(), String::new()),
    };
    let steps = if app.as_of.is_some() {
        let keymap = &app.session.keymap;
        format!(
            " (undated sources left out; {} {} step)",
            keymap.key_for("as-of-earlier").unwrap_or_default(),
            keymap.key_for("as-of-later").unwrap_or_default()
        )
    } else {
        String::new()
    };
    vec![
        format!("{as_of}{new_full}{legend}{steps}"),
        format!("{as_of}{new_full}{legend}"),
        format!("{as_of}{new_full}"),
        format!("{as_of}{new_short}"),
    ]
}

/// "Timeline › Alibaba › Qwen 2.5": the pane the trail started from and each hop since.
pub(super) fn breadcrumb(app: &App) -> String {
    let Some(current) = app.detail.trail.followed else {
        return String::new();
    };
    let mut parts = vec![app.pane_title(app.detail.trail.start)];
    for &record in app
        .detail
        .trail
        .back
        .iter()
        .chain(std::iter::once(&current))
    {
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
            let style = if pane == app.panes.focus {
                theme.selected(true)
            } else {
                theme.dim()
            };
            Span::styled(label, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Whether `action` would do something where the reader is: the filter needs an
/// entity to filter by (or a filter to clear), the chart key only on the cited
/// metrics when some of them compare (it draws nothing elsewhere), the paragraph key
/// only on a citation in Detail.
fn acts_now(app: &App, action: Action) -> bool {
    match action {
        Action::OpenParagraph => super::detail_pane::cursor_on_citation(app),
        Action::ToggleFilter => app.panes.filter.is_some() || app.entity_in_focus().is_some(),
        Action::ToggleChart => {
            // A cheap test each frame: some row is in a group (the key itself says
            // when no group has two comparable figures).
            app.panes.focus == Pane::Metrics
                && app.panes.metric_rows.iter().any(|row| row.group.is_some())
        }
        _ => true,
    }
}

pub(super) fn status_bar(frame: &mut Frame<'_>, area: Rect, app: &App, theme: Theme) {
    let (mode, scopes): (&str, &[Scope]) = match app.overlay.mode {
        Mode::Search => ("SEARCH", &[Scope::Search]),
        Mode::Help => ("HELP", &[Scope::Help]),
        Mode::Date => ("DATE", &[]),
        Mode::Normal if app.panes.focus == Pane::Detail => {
            ("NORMAL", &[Scope::Detail, Scope::Global])
        }
        Mode::Normal => ("NORMAL", &[Scope::Lists, Scope::Global]),
    };
    let mut spans = vec![
        Span::styled(format!(" {mode} "), theme.title_bar()),
        Span::raw(format!(" {} ", app.pane_title(app.panes.focus))),
    ];
    let mut used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used);
    if app.overlay.mode == Mode::Date {
        let prompt = format!(
            "│ as of: {}▏ (any form --as-of takes · Enter shows it · Esc cancels)",
            clean_line(&app.overlay.date)
        );
        spans.push(Span::styled(truncate_to_width(&prompt, room), theme.info()));
    } else if let Some((text, kind)) = &app.session.message {
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
            .session
            .keymap
            .hints_for(scopes, |action| acts_now(app, action))
            .into_iter()
            .map(|(key, short)| (short, format!("│ {key} {short} ")))
            .partition(|(short, _)| {
                app.overlay.mode == Mode::Normal && (*short == "help" || *short == "quit")
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
