//! `update(&mut App, Action) -> Option<Effect>`: every state change in one pure place.
//! Effects that touch the outside world (writing a file, the clipboard) are returned
//! for the event loop to carry out.

use crate::story::RecordRef;
use crate::story::query::views::ViewFilter;
use crate::story::report::export::{ExportOptions, ExportView};

use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::detail;
use crate::tui::detail_cursor::{click_in_detail, detail_layout, move_in_detail};
use crate::tui::layout::{self, Hit};

/// Something for the event loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this Markdown to a new file named after `stem` in the export folder.
    Export {
        /// The file name without its counter and extension: `storyscope-timeline`.
        stem: String,
        /// What the file holds.
        markdown: String,
    },
    /// Put this text on the clipboard.
    Copy(String),
    /// Hand the terminal to the editor on the story file.
    Edit(crate::tui::editor::EditRequest),
}

/// Acts on one action: changes the state, keeps every list's selection in view, and
/// returns what the event loop must do outside, if anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let effect = apply(app, action);
    layout::sync_scroll(app);
    effect
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    // A transient message lasts until the next thing the user does.
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    match action {
        Action::Quit => app.should_quit = true,
        Action::Resize(width, height) => app.size = (width, height),
        Action::ToggleHelp | Action::Palette(_) => {
            if let Some(command) = crate::tui::palette_update::handle(app, action) {
                return apply(app, command);
            }
        }
        Action::OpenSearch
        | Action::SearchCancel
        | Action::SearchInput(_)
        | Action::SearchDeleteChar
        | Action::SearchClear
        | Action::SearchUp
        | Action::SearchDown
        | Action::SearchAccept => search_key(app, action),
        Action::NextPane | Action::PrevPane | Action::FocusPane(_) => focus_key(app, action),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_key(app, action),
        Action::Follow | Action::Back | Action::Forward | Action::Escape => trail_key(app, action),
        Action::ToggleFilter => toggle_filter(app),
        Action::ToggleChart => toggle_chart(app),
        Action::AsOfEarlier | Action::AsOfLater => app.step_as_of(action == Action::AsOfLater),
        Action::Export => return export(app),
        Action::OpenInEditor => return crate::tui::editor::open_in_editor(app).map(Effect::Edit),
        Action::Copy => return copy(app),
        Action::Click(column, row) => click(app, column, row),
        Action::Scroll(column, row, delta) => {
            if let Some(Hit::Pane(pane, _)) = layout::hit_test(app, column, row) {
                app.set_focus(pane);
                move_selection(app, isize::from(delta) * 3);
            }
        }
    }
    None
}

/// The search overlay's keys: typing searches as it goes, Enter jumps to the hit.
fn search_key(app: &mut App, action: Action) {
    match action {
        Action::OpenSearch => {
            app.mode = Mode::Search;
            app.search.query.clear();
            app.search.hits.clear();
            app.search.selected = 0;
        }
        Action::SearchCancel => app.mode = Mode::Normal,
        Action::SearchInput(c) if !c.is_control() => {
            app.search.query.push(c);
            app.run_search();
        }
        Action::SearchDeleteChar => {
            app.search.query.pop();
            app.run_search();
        }
        Action::SearchClear => {
            app.search.query.clear();
            app.run_search();
        }
        Action::SearchUp => app.search.selected = app.search.selected.saturating_sub(1),
        Action::SearchDown if app.search.selected + 1 < app.search.hits.len() => {
            app.search.selected += 1;
        }
        Action::SearchAccept => {
            if let Some(hit) = app.search.hits.get(app.search.selected) {
                let target = hit.target;
                app.mode = Mode::Normal;
                jump_to(app, target);
            }
        }
        _ => {}
    }
}

/// Tab, Shift-Tab and the pane numbers.
fn focus_key(app: &mut App, action: Action) {
    let panes = Pane::ALL;
    let target = match action {
        Action::NextPane | Action::PrevPane => {
            let current = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
            let step = if action == Action::NextPane {
                1
            } else {
                panes.len() - 1
            };
            Some(panes[(current + step) % panes.len()])
        }
        Action::FocusPane(n) => panes.get(usize::from(n).saturating_sub(1)).copied(),
        _ => None,
    };
    if let Some(pane) = target {
        app.set_focus(pane);
    }
}

/// The arrow, page, home and end keys, in the focused pane.
fn move_key(app: &mut App, action: Action) {
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -(layout::page_rows(app) as isize),
        Action::PageDown => layout::page_rows(app) as isize,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return,
    };
    move_selection(app, delta);
}

/// Enter, back, forward and Esc: the trail of records followed in Detail.
fn trail_key(app: &mut App, action: Action) {
    match action {
        Action::Follow => follow(app),
        Action::Back => back(app),
        Action::Forward => {
            let shown = app.detail_target();
            if app.trail.forward(shown) {
                app.reset_detail_cursor();
            }
        }
        Action::Escape => {
            if app.trail.followed.is_some() {
                back(app);
            } else if app.filter.is_some() {
                toggle_filter(app);
            } else if app.focus == Pane::Detail {
                app.set_focus(app.origin_pane);
            }
        }
        _ => {}
    }
}

fn toggle_chart(app: &mut App) {
    app.chart = !app.chart;
    if app.chart && app.story.metric_groups(ViewFilter::default()).is_empty() {
        app.chart = false;
        app.info("no metrics here compare with each other");
    }
}

/// The record in Detail as Markdown, for the clipboard.
fn copy(app: &mut App) -> Option<Effect> {
    let record = app.detail_target()?;
    let markdown =
        crate::story::report::document::to_markdown(&app.detail_source().document(record));
    app.info(format!(
        "copied “{}” as Markdown",
        app.story.record_title(record)
    ));
    Some(Effect::Copy(markdown))
}

/// Takes the background search's hits if they answer the current query; true when the
/// screen needs a redraw.
pub fn poll_search(app: &mut App) -> bool {
    let Some(results) = app.search_worker.as_ref().and_then(|worker| worker.poll()) else {
        return false;
    };
    if results.query != app.search.query {
        return false;
    }
    app.search.hits = results.hits;
    app.search.selected = 0;
    true
}

/// True while a background search is running.
pub fn search_pending(app: &App) -> bool {
    app.search_worker
        .as_ref()
        .is_some_and(|worker| worker.is_pending())
}

/// Moves the focused list's selection, or the Detail link cursor.
fn move_selection(app: &mut App, delta: isize) {
    let pane = app.focus;
    if pane == Pane::Detail {
        move_in_detail(app, delta);
        return;
    }
    let len = app.rows_len(pane);
    if let Some(cursor) = app.cursor_mut(pane) {
        cursor.step(delta, len);
    }
    // A new selection starts a new trail in Detail.
    app.start_over();
}

fn follow(app: &mut App) {
    if app.focus.is_list() {
        if app.selected_record(app.focus).is_some() {
            app.set_focus(Pane::Detail);
            app.reset_detail_cursor();
        }
        return;
    }
    let link = app.detail_link;
    let target = detail_layout(app).and_then(|doc| doc.links.get(link).map(|&(_, target)| target));
    match target {
        Some(detail::DetailLink::Record(target)) => navigate_to(app, target),
        Some(detail::DetailLink::Passage(ordinal)) => {
            crate::tui::passage_toggle::toggle_passage(app, ordinal);
        }
        None => {}
    }
}

/// Shows `target` in Detail as a new hop; forward history is dropped.
fn navigate_to(app: &mut App, target: RecordRef) {
    let (shown, list) = (app.detail_target(), app.last_list_pane());
    if app.trail.hop(shown, target, list) {
        app.reset_detail_cursor();
    }
}

fn back(app: &mut App) {
    // Back at the start of the trail, Detail shows the list selection again.
    let selection = app.selected_record(app.last_list_pane());
    if app.trail.back(selection) {
        app.reset_detail_cursor();
    }
}

/// Search's Enter: focus the pane that lists the record and select it; records no pane
/// lists (entities, disputes, relations) open in Detail.
fn jump_to(app: &mut App, target: RecordRef) {
    let pane_and_row = match target {
        RecordRef::Event(i) => {
            if app.filter.is_some() && !app.timeline_events.contains(&i) {
                app.filter = None;
                app.refresh_rows();
            }
            app.timeline_events
                .iter()
                .position(|&event| event == i)
                .map(|row| (Pane::Timeline, row))
        }
        RecordRef::Candidacy(i) => app
            .candidate_rows
            .iter()
            .position(|r| r.candidacy == i)
            .map(|row| (Pane::Candidates, row)),
        RecordRef::Metric(i) => app
            .metric_rows
            .iter()
            .position(|r| r.metric == i)
            .map(|row| (Pane::Metrics, row)),
        RecordRef::Source(i) => app
            .source_rows
            .iter()
            .position(|r| r.source == i)
            .map(|row| (Pane::Sources, row)),
        RecordRef::Entity(_) | RecordRef::Dispute(_) | RecordRef::Relation(_) => None,
    };
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

fn toggle_filter(app: &mut App) {
    if app.filter.is_some() {
        app.filter = None;
        app.info("timeline filter cleared");
    } else {
        match app.entity_in_focus() {
            Some(entity) => {
                app.filter = Some(entity);
                if let Some(cursor) = app.cursor_mut(Pane::Timeline) {
                    *cursor = Default::default();
                }
                let name = app.story.file.entities[entity].name.clone();
                let key = app
                    .keymap
                    .key_for("filter")
                    .unwrap_or_else(|| "Esc".to_owned());
                app.info(format!(
                    "timeline shows only events involving {name} ({key} clears)"
                ));
            }
            None => {
                app.error("select something that involves an entity to filter by it");
                return;
            }
        }
    }
    app.refresh_rows();
}

fn export(app: &mut App) -> Option<Effect> {
    let filter = ViewFilter { entity: app.filter };
    let (view, options_filter) = match app.focus {
        Pane::Timeline => (ExportView::Timeline, filter),
        Pane::Candidates => (ExportView::Candidates, ViewFilter::default()),
        Pane::Metrics => (ExportView::Metrics, ViewFilter::default()),
        Pane::Sources => (ExportView::Sources, ViewFilter::default()),
        // What Detail shows: an entity with everything linked to it, else the record.
        Pane::Detail => match app.detail_target() {
            Some(RecordRef::Entity(e)) => (ExportView::Entity(e), ViewFilter::default()),
            Some(record) => (ExportView::Record(record), ViewFilter::default()),
            None => (ExportView::Report, ViewFilter::default()),
        },
    };
    let options = ExportOptions {
        filter: options_filter,
        as_of: app.as_of,
        selected: app.detail_target().map(|r| app.story.record_title(r)),
        chart: app.chart && view == ExportView::Metrics,
        // After a step the marks on screen go into the export, with both dates.
        new_since: app.new_since.as_ref().and_then(|n| {
            n.since.map(|since| crate::story::time::diff::NewMarks {
                since,
                diff: n.diff.clone(),
            })
        }),
    };
    let markdown =
        crate::story::report::export::export_markdown(&app.story, view, &options, app.clock());
    Some(Effect::Export {
        stem: format!("storyscope-{}", view.name()),
        markdown,
    })
}

fn click(app: &mut App, column: u16, row: u16) {
    match layout::hit_test(app, column, row) {
        Some(Hit::Pane(pane, Some(index))) => {
            app.set_focus(pane);
            if pane == Pane::Detail {
                click_in_detail(app, index);
                return;
            }
            let len = app.rows_len(pane);
            if let Some(cursor) = app.cursor_mut(pane) {
                if index < len {
                    cursor.selected = index;
                }
            }
            app.start_over();
        }
        Some(Hit::Pane(pane, None)) => app.set_focus(pane),
        Some(Hit::Tab(pane)) => app.set_focus(pane),
        None => {}
    }
}
