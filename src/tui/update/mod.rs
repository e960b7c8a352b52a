//! `update(&mut App, Action) -> Option<Effect>`: every state change in one pure place.
//! Effects that touch the outside world (writing a file, the clipboard, the editor)
//! are returned for the shell to carry out.
//!
//! May import: `app` (the state it changes), `input` (the actions), and `ui`'s
//! geometry (`ui::layout`, Detail's line layout), since clicks, paging and scrolling
//! act on where things are drawn. Never `shell`: no terminal I/O here.

use crate::story::query::views::ViewFilter;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::input::action::Action;
use crate::tui::ui::layout::{self, Hit};

mod citation_keys;
mod date_prompt;
mod detail_cursor;
pub(crate) mod effect;
mod palette_keys;
mod passage_toggle;
pub(crate) mod reload;
pub(crate) mod retire;
mod search_keys;
mod trail_keys;

use detail_cursor::{click_in_detail, move_in_detail};
pub use effect::{EditRequest, EditTarget, Effect};
pub use reload::{BrokenFile, Reload, apply as apply_reload};
pub use retire::all_freed;

/// Acts on one action: changes the state, keeps every list's selection in view, and
/// returns what the event loop must do outside, if anything.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let effect = apply(app, action);
    sync_scroll(app);
    effect
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    // A transient message lasts until the next thing the user does.
    if !matches!(action, Action::Resize(..)) {
        app.session.message = None;
    }
    match action {
        Action::Quit => app.session.should_quit = true,
        Action::Resize(width, height) => app.session.size = (width, height),
        Action::ToggleHelp | Action::Palette(_) => {
            if let Some(command) = palette_keys::handle(app, action) {
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
        | Action::SearchAccept => typing_key(app, action),
        Action::AskDate => date_prompt::open(app),
        Action::AllSources => date_prompt::all_sources(app),
        Action::NextPane | Action::PrevPane | Action::FocusPane(_) => focus_key(app, action),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_key(app, action),
        Action::Follow | Action::Back | Action::Forward | Action::Escape => {
            trail_keys::trail_key(app, action)
        }
        Action::OpenParagraph => citation_keys::open_paragraph(app),
        Action::ToggleFilter => toggle_filter(app),
        Action::ToggleChart => toggle_chart(app),
        Action::ToggleZoom => app.panes.zoomed = !app.panes.zoomed,
        Action::AsOfEarlier | Action::AsOfLater => app.step_as_of(action == Action::AsOfLater),
        Action::Export => return effect::export(app),
        Action::OpenInEditor => return effect::edit_request(app).map(Effect::Edit),
        Action::Copy => return effect::copy(app),
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

/// Search's editing keys, for the date prompt while it is open, else for search.
fn typing_key(app: &mut App, action: Action) {
    if app.overlay.mode == Mode::Date {
        date_prompt::key(app, action);
    } else {
        search_keys::search_key(app, action);
    }
}

/// Tab, Shift-Tab and the pane numbers.
fn focus_key(app: &mut App, action: Action) {
    let panes = Pane::ALL;
    let target = match action {
        Action::NextPane | Action::PrevPane => {
            let current = panes
                .iter()
                .position(|&p| p == app.panes.focus)
                .unwrap_or(0);
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

fn toggle_chart(app: &mut App) {
    app.panes.chart = !app.panes.chart;
    if app.panes.chart && app.story.metric_groups(ViewFilter::default()).is_empty() {
        app.panes.chart = false;
        app.info("no metrics here compare with each other");
    }
}

/// Takes the background search's hits if they answer the current query; true when the
/// screen needs a redraw.
pub fn poll_search(app: &mut App) -> bool {
    // The index built in the background: search for what was typed meanwhile.
    if app.collect_index() {
        if !app.overlay.search.query.trim().is_empty() {
            app.rerun_search();
        }
        return true;
    }
    let Some(results) = app
        .overlay
        .search_worker
        .as_ref()
        .and_then(|worker| worker.poll())
    else {
        return false;
    };
    if results.query != app.overlay.search.query {
        return false;
    }
    app.overlay.search.hits = results.hits;
    app.overlay.search.selected = 0;
    true
}

/// True while a background search is running.
pub fn search_pending(app: &App) -> bool {
    app.index_pending()
        || app
            .overlay
            .search_worker
            .as_ref()
            .is_some_and(|worker| worker.is_pending())
}

/// Moves the focused list's selection, or the Detail link cursor.
pub(super) fn move_selection(app: &mut App, delta: isize) {
    let pane = app.panes.focus;
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

pub(super) fn toggle_filter(app: &mut App) {
    if app.panes.filter.is_some() {
        app.panes.filter = None;
        app.info("filter cleared");
    } else {
        match app.entity_in_focus() {
            Some(entity) => {
                app.panes.filter = Some(entity);
                for pane in Pane::LISTS {
                    if let Some(cursor) = app.cursor_mut(pane) {
                        *cursor = Default::default();
                    }
                }
                let name = app.story.file.entities[entity].name.clone();
                let key = app
                    .session
                    .keymap
                    .key_for("filter")
                    .unwrap_or_else(|| "Esc".to_owned());
                app.info(format!(
                    "every list shows only what involves {name} ({key} clears)"
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

/// Keeps every list's selection inside its window after a move or a resize.
pub(crate) fn sync_scroll(app: &mut App) {
    for pane in Pane::LISTS {
        let height = layout::visible_rows(app, pane);
        let len = app.rows_len(pane);
        if let Some(cursor) = app.cursor_mut(pane) {
            cursor.scroll_into_view(height, len);
        }
    }
}
