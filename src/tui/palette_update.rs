//! The palette's part of `update`: typing narrows, the arrows move between commands,
//! and the scroll is settled here, against the list as it will be drawn, so the state
//! never holds a scroll the screen cannot show.

use crate::tui::action::{Action, PaletteAction};
use crate::tui::app::{App, Mode};
use crate::tui::palette::{self, Entry};

/// The command Enter would run now, if the highlighted row runs.
pub(super) fn highlighted_action(app: &App) -> Option<Action> {
    let entries = palette::entries(&app.keymap, &app.palette.query);
    entries
        .get(app.palette.selected)
        .filter(|entry| entry.runnable())
        .map(Entry::action)
}

/// Opens or closes help, or acts inside it. Enter closes the palette and hands back
/// the command to run, so that it acts on the screen under the palette.
pub(super) fn handle(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::ToggleHelp => {
            app.mode = if app.mode == Mode::Help {
                Mode::Normal
            } else {
                Mode::Help
            };
            app.palette = Default::default();
            None
        }
        Action::Palette(PaletteAction::Run) => {
            let command = highlighted_action(app);
            app.mode = Mode::Normal;
            app.palette = Default::default();
            command
        }
        Action::Palette(inside) => {
            apply(app, inside);
            None
        }
        _ => None,
    }
}

fn apply(app: &mut App, action: PaletteAction) {
    let page = page_entries(app) as isize;
    let query_changed = match action {
        PaletteAction::Input(c) if !c.is_control() => {
            app.palette.query.push(c);
            true
        }
        PaletteAction::DeleteChar => app.palette.query.pop().is_some(),
        PaletteAction::Clear => !std::mem::take(&mut app.palette.query).is_empty(),
        _ => false,
    };
    if query_changed {
        // A new list starts from its top when the highlighted row fits there.
        app.palette.scroll = 0;
    }
    let entries = palette::entries(&app.keymap, &app.palette.query);
    let selected = app.palette.selected;
    app.palette.selected = match action {
        _ if query_changed => palette::best(&entries),
        PaletteAction::Up => palette::step(&entries, selected, -1),
        PaletteAction::Down => palette::step(&entries, selected, 1),
        PaletteAction::PageUp => palette::step(&entries, selected, -page),
        PaletteAction::PageDown => palette::step(&entries, selected, page),
        _ => selected.min(entries.len().saturating_sub(1)),
    };
    app.palette.scroll = settled_scroll(app, &entries);
}

/// The scroll that keeps the highlighted row in view.
fn settled_scroll(app: &App, entries: &[Entry<'_>]) -> usize {
    let lines = palette::lines(entries);
    palette::scroll_for(
        &lines,
        app.palette.selected,
        app.palette.scroll,
        palette::list_height(popup_height(app)),
    )
}

fn popup_height(app: &App) -> u16 {
    let all_lines = palette::lines(&palette::entries(&app.keymap, "")).len();
    palette::popup_size(app.size, all_lines).1
}

/// Commands a page key moves over: the visible lines less one for context.
fn page_entries(app: &App) -> usize {
    palette::list_height(popup_height(app))
        .saturating_sub(1)
        .max(1)
}
