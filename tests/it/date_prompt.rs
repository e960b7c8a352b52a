//! The date prompt: `@`, a date in any form `--as-of` takes and Enter narrow the
//! explorer to it; a bad date is reported and the view kept; `A` widens again.

use storyscope::tui::app::{MessageKind, Mode};

use crate::common::{app, press, screen_text};

fn error(app: &storyscope::tui::app::App) -> String {
    match &app.session.message {
        Some((text, MessageKind::Error)) => text.clone(),
        other => panic!("no error on the status line: {other:?}"),
    }
}

#[test]
fn typing_a_date_narrows_to_it_and_a_widens_again() {
    for (width, height) in [(80, 24), (120, 30), (160, 45)] {
        let mut app = app(width, height);
        let all_metrics = app.panes.metric_rows.len();
        press(&mut app, "@");
        assert_eq!(app.overlay.mode, Mode::Date);
        press(&mut app, "2025-02-12");
        assert!(
            screen_text(&app).contains("as of: 2025-02-12"),
            "the prompt shows"
        );
        press(&mut app, "<Enter>");
        assert_eq!(app.overlay.mode, Mode::Normal);
        assert_eq!(app.as_of.expect("narrowed").human(), "12 Feb 2025");
        assert!(app.panes.metric_rows.len() < all_metrics);
        let title = screen_text(&app).lines().next().unwrap().to_owned();
        assert!(title.contains("as of 12 Feb 2025"), "{width}: {title}");
        press(&mut app, "A");
        assert_eq!(app.as_of, None, "every source again");
        assert_eq!(app.panes.metric_rows.len(), all_metrics);
        assert!(!screen_text(&app).lines().next().unwrap().contains("as of"));
    }
}

#[test]
fn the_explorers_own_date_forms_work_too() {
    let mut app = app(160, 45);
    press(&mut app, "@13 Feb 2025<Enter>");
    assert_eq!(app.as_of.expect("narrowed").human(), "13 Feb 2025");
}

#[test]
fn a_bad_date_is_reported_and_the_view_kept() {
    let mut app = app(160, 45);
    press(&mut app, "@2025-02-12<Enter>");
    let before = app.panes.metric_rows.len();
    press(&mut app, "@next tuesday<Enter>");
    assert!(
        error(&app).contains("not a date: next tuesday"),
        "{}",
        error(&app)
    );
    assert_eq!(app.as_of.unwrap().human(), "12 Feb 2025");
    assert_eq!(app.panes.metric_rows.len(), before);
    assert!(screen_text(&app).contains("not a date"));
    press(&mut app, "@1999-01-01<Enter>");
    assert!(
        error(&app).contains("nothing is known before"),
        "{}",
        error(&app)
    );
    assert_eq!(app.as_of.unwrap().human(), "12 Feb 2025");
}

#[test]
fn escape_cancels_the_prompt_and_changes_nothing() {
    let mut app = app(160, 45);
    press(&mut app, "@2025-02-12<Esc>");
    assert_eq!(app.overlay.mode, Mode::Normal);
    assert_eq!(app.as_of, None);
    press(&mut app, "A");
    assert!(
        matches!(&app.session.message, Some((t, MessageKind::Info)) if t.contains("every source"))
    );
}
