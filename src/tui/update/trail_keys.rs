//! Enter, Backspace, `]` and Esc: following links in Detail and walking back and
//! forth along the trail of records followed.

use crate::story::RecordRef;
use crate::tui::app::detail_state::DetailLink;
use crate::tui::app::trail::Cursor;
use crate::tui::app::{App, Pane};
use crate::tui::input::action::Action;

use super::citation_keys::{citation_of_shown, cited_source, select_cited_source};
use super::detail_cursor::detail_layout;
use super::toggle_filter;

/// Enter, back, forward and Esc: the trail of records followed in Detail.
pub(super) fn trail_key(app: &mut App, action: Action) {
    match action {
        Action::Follow => follow(app),
        Action::Back => back(app),
        Action::Forward => forward(app),
        Action::Escape => {
            if app.detail.trail.followed.is_some() {
                back(app);
            } else if app.panes.filter.is_some() {
                toggle_filter(app);
            } else if app.panes.focus == Pane::Detail {
                app.set_focus(app.panes.origin_pane);
            }
        }
        _ => {}
    }
}

pub(super) fn follow(app: &mut App) {
    if app.panes.focus.is_list() {
        if app.selected_record(app.panes.focus).is_some() {
            app.set_focus(Pane::Detail);
            app.reset_detail_cursor();
        }
        return;
    }
    let link = app.detail.link;
    let target = detail_layout(app).and_then(|doc| doc.links.get(link).map(|&(_, target)| target));
    match target {
        Some(DetailLink::Record(target)) => navigate_to(app, target),
        Some(DetailLink::Citation(ordinal)) => follow_citation(app, ordinal),
        None => {}
    }
}

/// Enter on a citation: Detail shows the cited source (this report, not another of
/// its outlet) as a new hop, and the Sources pane selects it.
fn follow_citation(app: &mut App, ordinal: usize) {
    let Some(citation) = citation_of_shown(app, ordinal) else {
        return;
    };
    if let Some(source) = cited_source(app, &citation) {
        navigate_to(app, RecordRef::Source(source));
        // After the hop, so what Detail showed before is what Backspace returns to.
        select_cited_source(app, source, &citation);
    }
}

/// Shows `target` in Detail as a new hop; forward history is dropped.
pub(super) fn navigate_to(app: &mut App, target: RecordRef) {
    let (shown, list) = (app.detail_target(), app.last_list_pane());
    let here = cursor_here(app);
    if app.detail.trail.hop(shown, target, list) {
        if let Some(left) = shown {
            app.detail.trail.remember(left, here);
        }
        app.reset_detail_cursor();
    }
}

/// Where Detail's cursor stands now.
fn cursor_here(app: &App) -> Cursor {
    Cursor {
        link: app.detail.link,
        scroll: app.detail.scroll,
    }
}

/// Puts Detail's cursor at `at`.
fn put_cursor(app: &mut App, at: Cursor) {
    app.detail.link = at.link;
    app.detail.scroll = at.scroll;
}

pub(super) fn back(app: &mut App) {
    // Back at the start of the trail, Detail shows the list selection again.
    // The cursor comes back to the link it was on when that record was left, and the
    // one left now is noted for `]`.
    let selection = app.selected_record(app.last_list_pane());
    let (shown, here) = (app.detail_target(), cursor_here(app));
    let previous = app.detail.trail.back.last().copied();
    if app.detail.trail.back(selection) {
        if let Some(left) = shown {
            app.detail.trail.remember_forward(left, here);
        }
        let at = app.detail.trail.recall(previous).unwrap_or_default();
        put_cursor(app, at);
    }
}

/// `]`: retraces the hop Backspace stepped back over, the cursor where it was then;
/// the record left is noted so Backspace comes back to its cursor too.
fn forward(app: &mut App) {
    let (shown, here) = (app.detail_target(), cursor_here(app));
    let next = app.detail.trail.forward.last().copied();
    if app.detail.trail.forward(shown) {
        if let Some(left) = shown {
            app.detail.trail.remember(left, here);
        }
        let at = app.detail.trail.recall_forward(next).unwrap_or_default();
        put_cursor(app, at);
    }
}
