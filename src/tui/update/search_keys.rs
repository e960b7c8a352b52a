//! The search overlay's keys: typing searches as it goes, Enter jumps to the hit (the
//! pane that lists it, or Detail for records no pane lists).

use crate::story::RecordRef;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::input::action::Action;

use super::trail_keys::navigate_to;

/// The search overlay's keys: typing searches as it goes, Enter jumps to the hit.
pub(super) fn search_key(app: &mut App, action: Action) {
    match action {
        Action::OpenSearch => {
            app.overlay.mode = Mode::Search;
            app.overlay.search.query.clear();
            app.overlay.search.hits.clear();
            app.overlay.search.selected = 0;
        }
        Action::SearchCancel => app.overlay.mode = Mode::Normal,
        Action::SearchInput(c) if !c.is_control() => {
            app.overlay.search.query.push(c);
            app.run_search();
        }
        Action::SearchDeleteChar => {
            app.overlay.search.query.pop();
            app.run_search();
        }
        Action::SearchClear => {
            app.overlay.search.query.clear();
            app.run_search();
        }
        Action::SearchUp => {
            app.overlay.search.selected = app.overlay.search.selected.saturating_sub(1)
        }
        Action::SearchDown if app.overlay.search.selected + 1 < app.overlay.search.hits.len() => {
            app.overlay.search.selected += 1;
        }
        Action::SearchAccept => {
            if let Some(hit) = app.overlay.search.hits.get(app.overlay.search.selected) {
                let target = hit.target.record();
                app.overlay.mode = Mode::Normal;
                jump_to(app, target);
            }
        }
        _ => {}
    }
}

/// Search's Enter: focus the pane that lists the record and select it; records no pane
/// lists (entities, disputes, relations) open in Detail.
pub(super) fn jump_to(app: &mut App, target: RecordRef) {
    let mut pane_and_row = listed_at(app, target);
    // A record the entity filter hides: clear the filter rather than lose the place.
    if pane_and_row.is_none() && app.panes.filter.is_some() && listed_pane(target) {
        app.panes.filter = None;
        app.refresh_rows();
        pane_and_row = listed_at(app, target);
    }
    match pane_and_row {
        Some((pane, row)) => {
            app.set_focus(pane);
            if let Some(cursor) = app.cursor_mut(pane) {
                cursor.selected = row;
            }
            app.start_over();
            app.set_focus(Pane::Detail);
        }
        None => {
            app.set_focus(Pane::Detail);
            navigate_to(app, target);
        }
    }
}

/// Whether a list pane lists records of this kind.
fn listed_pane(target: RecordRef) -> bool {
    matches!(
        target,
        RecordRef::Event(_) | RecordRef::Candidacy(_) | RecordRef::Metric(_) | RecordRef::Source(_)
    )
}

/// The list pane and row showing `target`, if one shows it now.
fn listed_at(app: &App, target: RecordRef) -> Option<(Pane, usize)> {
    match target {
        RecordRef::Event(i) => app
            .panes
            .timeline_events
            .iter()
            .position(|&event| event == i)
            .map(|row| (Pane::Timeline, row)),
        RecordRef::Candidacy(i) => app
            .panes
            .candidate_rows
            .iter()
            .position(|r| r.candidacy == i)
            .map(|row| (Pane::Candidates, row)),
        RecordRef::Metric(i) => app
            .panes
            .metric_rows
            .iter()
            .position(|r| r.metric == i)
            .map(|row| (Pane::Metrics, row)),
        RecordRef::Source(i) => app
            .panes
            .source_rows
            .iter()
            .position(|r| r.source == i)
            .map(|row| (Pane::Sources, row)),
        RecordRef::Entity(_) | RecordRef::Dispute(_) | RecordRef::Relation(_) => None,
    }
}
