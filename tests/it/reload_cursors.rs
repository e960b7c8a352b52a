//! A reload of the same story keeps Detail's saved cursors: on the record shown, and
//! on each record behind (Backspace) and ahead (`]`) in the trail, found again by id
//! after the records moved in the file; the status bar says the place is kept, or
//! names what of it the file no longer has.

use serde_json::Value;
use storyscope::story::{RecordRef, Story, load};
use storyscope::tui::app::{App, DetailLink, MessageKind};
use storyscope::tui::input::Action;
use storyscope::tui::update::{Reload, apply_reload, update};

use crate::common::{fixed_today, press};

fn wire_text() -> String {
    let path = format!(
        "{}/tests/fixtures/wire_reports.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn load(text: &str) -> Story {
    load::load_bytes(text.as_bytes(), "wire_reports.json").unwrap_or_else(|err| panic!("{err}"))
}

/// Every list of records in the opposite order: every id at another index.
fn reversed(text: &str, drop_metric: Option<&str>) -> String {
    let mut json: Value = serde_json::from_str(text).unwrap();
    for list in [
        "events",
        "sources",
        "metrics",
        "candidates",
        "entities",
        "relations",
    ] {
        json[list].as_array_mut().unwrap().reverse();
    }
    if let Some(id) = drop_metric {
        json["metrics"]
            .as_array_mut()
            .unwrap()
            .retain(|m| m["id"] != id);
    }
    serde_json::to_string_pretty(&json).unwrap()
}

fn id_of(app: &App, record: Option<RecordRef>) -> String {
    app.story.record_id(record.unwrap()).to_owned()
}

/// Detail's cursor, as (link, scroll).
fn cursor(app: &App) -> (usize, usize) {
    (app.detail.link, app.detail.scroll)
}

#[test]
fn a_reload_keeps_the_cursor_on_every_record_of_the_trail() {
    let text = wire_text();
    let mut app = App::new(load(&text), None, fixed_today());
    update(&mut app, Action::Resize(160, 45));
    // The allies' event: down to its first citation, follow it to the source, down a
    // link there, follow that, down a line there, and back one hop.
    let Some(RecordRef::Event(event)) = app.story.lookup("ev-allies") else {
        panic!("no ev-allies");
    };
    let row = app.panes.timeline_events.iter().position(|&e| e == event);
    press(&mut app, &format!("1{}<Enter>", "j".repeat(row.unwrap())));
    while !matches!(
        app.detail
            .layout
            .as_ref()
            .and_then(|l| l.links.get(app.detail.link)),
        Some((_, DetailLink::Citation(0)))
    ) {
        press(&mut app, "j");
    }
    let on_event = cursor(&app);
    press(&mut app, "<Enter>j");
    let (source, on_source) = (id_of(&app, app.detail_target()), cursor(&app));
    assert_eq!(on_source.0, 1);
    press(&mut app, "<Enter>jj");
    let (ahead, on_ahead) = (id_of(&app, app.detail_target()), cursor(&app));
    assert_ne!(on_ahead, (0, 0), "the cursor moved on the record ahead");
    press(&mut app, "<BS>");
    assert_eq!(cursor(&app), on_source);

    apply_reload(
        &mut app,
        Reload::Loaded(Box::new(load(&reversed(&text, None)))),
    );
    let message = app.session.message.clone().unwrap();
    assert_eq!(
        message,
        (
            "reloaded wire_reports.json · your place is kept".to_owned(),
            MessageKind::Info
        )
    );
    assert_eq!(id_of(&app, app.detail_target()), source);
    assert_eq!(cursor(&app), on_source, "the cursor on the record shown");
    press(&mut app, "]");
    assert_eq!(id_of(&app, app.detail_target()), ahead);
    assert_eq!(cursor(&app), on_ahead, "the cursor ahead, for ]");
    press(&mut app, "<BS><BS>");
    assert_eq!(id_of(&app, app.detail_target()), "ev-allies");
    assert_eq!(cursor(&app), on_event, "the cursor behind, for Backspace");
}

/// A selection whose record the new file no longer has is named in the message; the
/// others are kept by id.
#[test]
fn a_reload_names_what_of_the_place_is_gone() {
    let text = wire_text();
    let mut app = App::new(load(&text), None, fixed_today());
    update(&mut app, Action::Resize(160, 45));
    press(&mut app, "3G4jj");
    let metric = id_of(
        &app,
        app.selected_record(storyscope::tui::app::Pane::Metrics),
    );
    let source = id_of(
        &app,
        app.selected_record(storyscope::tui::app::Pane::Sources),
    );
    apply_reload(
        &mut app,
        Reload::Loaded(Box::new(load(&reversed(&text, Some(&metric))))),
    );
    let (message, _) = app.session.message.clone().unwrap();
    assert_eq!(
        message,
        format!("reloaded wire_reports.json · no longer in the file: {metric}")
    );
    assert_eq!(
        id_of(
            &app,
            app.selected_record(storyscope::tui::app::Pane::Sources)
        ),
        source
    );
}
