//! The palette's part of `update`: typing narrows, the arrows move between commands,
//! and the scroll is settled here, against the list as it will be drawn, so the state
//! never holds a scroll the screen cannot show.

use crate::tui::app::command_palette::{self, Entry};
use crate::tui::app::{App, Mode};
use crate::tui::input::action::{Action, PaletteAction};

/// The command Enter would run now, if the highlighted row runs.
pub(super) fn highlighted_action(app: &App) -> Option<Action> {
    let entries = command_palette::entries(&app.session.keymap, &app.overlay.palette.query);
    entries
        .get(app.overlay.palette.selected)
        .filter(|entry| entry.runnable())
        .map(Entry::action)
}

/// Opens or closes help, or acts inside it. Enter closes the palette and hands back
/// the command to run, so that it acts on the screen under the palette.
pub(super) fn handle(app: &mut App, action: Action) -> Option<Action> {
    match action {
        Action::ToggleHelp => {
            app.overlay.mode = if app.overlay.mode == Mode::Help {
                Mode::Normal
            } else {
                Mode::Help
            };
            app.overlay.palette = Default::default();
            None
        }
        Action::Palette(PaletteAction::Run) => {
            let command = highlighted_action(app);
            app.overlay.mode = Mode::Normal;
            app.overlay.palette = Default::default();
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
            app.overlay.palette.query.push(c);
            true
        }
        PaletteAction::DeleteChar => app.overlay.palette.query.pop().is_some(),
        PaletteAction::Clear => !std::mem::take(&mut app.overlay.palette.query).is_empty(),
        _ => false,
    };
    if query_changed {
        // A new list starts from its top when the highlighted row fits there.
        app.overlay.palette.scroll = 0;
    }
    let entries = command_palette::entries(&app.session.keymap, &app.overlay.palette.query);
    let selected = app.overlay.palette.selected;
    app.overlay.palette.selected = match action {
        _ if query_changed => command_palette::best(&entries),
        PaletteAction::Up => command_palette::step(&entries, selected, -1),
        PaletteAction::Down => command_palette::step(&entries, selected, 1),
        PaletteAction::PageUp => command_palette::step(&entries, selected, -page),
        PaletteAction::PageDown => command_palette::step(&entries, selected, page),
        _ => selected.min(entries.len().saturating_sub(1)),
    };
    app.overlay.palette.scroll = settled_scroll(app, &entries);
}

/// The scroll that keeps the highlighted row in view.
fn settled_scroll(app: &App, entries: &[Entry<'_>]) -> usize {
    let lines = command_palette::lines(entries);
    command_palette::scroll_for(
        &lines,
        app.overlay.palette.selected,
        app.overlay.palette.scroll,
        command_palette::list_height(popup_height(app)),
    )
}

fn popup_height(app: &App) -> u16 {
    let all_lines =
        command_palette::lines(&command_palette::entries(&app.session.keymap, "")).len();
    command_palette::popup_size(app.session.size, all_lines).1
}

/// Commands a page key moves over: the visible lines less one for context.
fn page_entries(app: &App) -> usize {
    command_palette::list_height(popup_height(app))
        .saturating_sub(1)
        .max(1)
}
