//! The date prompt (`@`): a date typed on the status line, in any form `--as-of` takes,
//! narrows the explorer to it; `A` shows every source again. A date that cannot be
//! shown is reported on the status line and the view stays as it was.

use crate::story::model::date::DateSpec;
use crate::tui::app::{App, Mode};
use crate::tui::input::action::Action;

/// `@`: opens the prompt with an empty date.
pub(super) fn open(app: &mut App) {
    app.overlay.mode = Mode::Date;
    app.overlay.date.clear();
}

/// `A`: every source again; says so when every source is already shown.
pub(super) fn all_sources(app: &mut App) {
    if app.as_of.is_none() {
        app.info("already showing every source");
    } else {
        app.go_to_as_of(None);
    }
}

/// The prompt's keys (search's editing keys): typing, Backspace, Ctrl-U, Esc, Enter.
pub(super) fn key(app: &mut App, action: Action) {
    match action {
        Action::SearchInput(c) if !c.is_control() => app.overlay.date.push(c),
        Action::SearchDeleteChar => {
            app.overlay.date.pop();
        }
        Action::SearchClear => app.overlay.date.clear(),
        Action::SearchCancel => app.overlay.mode = Mode::Normal,
        Action::SearchAccept => {
            app.overlay.mode = Mode::Normal;
            let text = std::mem::take(&mut app.overlay.date);
            accept(app, text.trim());
        }
        _ => {}
    }
}

/// Enter: narrows to the typed date, or says why it cannot and changes nothing.
fn accept(app: &mut App, text: &str) {
    if text.is_empty() {
        app.error("no date typed: the view is unchanged");
        return;
    }
    let date = match DateSpec::parse_any(text) {
        Ok(date) => date,
        Err(why) => {
            app.error(format!("not a date: {text}: {why}"));
            return;
        }
    };
    let first = app.full.publication_days().first().copied();
    if let Some(first) = first.filter(|&first| date.latest() < first) {
        app.error(format!(
            "nothing is known before the first source ({}): the view is unchanged",
            DateSpec::from_day_number(first).human()
        ));
        return;
    }
    app.go_to_as_of(Some(date));
}
