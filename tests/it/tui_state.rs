//! State tests: the explorer driven by key strings, asserting on App state.

use crate::common::{app, app_with, fixture, press};
use storyscope::story::RecordRef;
use storyscope::tui::app::{Mode, Pane};
use storyscope::tui::update::Effect;

#[test]
fn starts_on_the_timeline_with_the_first_event_in_detail() {
    let app = app(160, 45);
    assert_eq!(app.panes.focus, Pane::Timeline);
    assert_eq!(app.overlay.mode, Mode::Normal);
    assert_eq!(
        app.detail_target(),
        Some(RecordRef::Event(app.panes.timeline_events[0]))
    );
}

#[test]
fn vim_keys_arrows_and_jumps_move_the_selection() {
    let mut app = app(160, 45);
    let last = app.panes.timeline_events.len() - 1;
    press(&mut app, "jj");
    assert_eq!(app.cursor(Pane::Timeline).selected, 2);
    press(&mut app, "k<Down><Up><Up>");
    assert_eq!(app.cursor(Pane::Timeline).selected, 0);
    press(&mut app, "G");
    assert_eq!(app.cursor(Pane::Timeline).selected, last);
    press(&mut app, "j");
    assert_eq!(
        app.cursor(Pane::Timeline).selected,
        last,
        "the selection stops at the end"
    );
    press(&mut app, "g");
    assert_eq!(app.cursor(Pane::Timeline).selected, 0);
    press(&mut app, "<End><Home><PgDn>");
    assert!(app.cursor(Pane::Timeline).selected > 0);
}

#[test]
fn tab_and_numbers_move_between_panes() {
    let mut app = app(160, 45);
    press(&mut app, "<Tab>");
    assert_eq!(app.panes.focus, Pane::Candidates);
    press(&mut app, "<Tab><Tab><Tab>");
    assert_eq!(app.panes.focus, Pane::Detail);
    press(&mut app, "<Tab>");
    assert_eq!(app.panes.focus, Pane::Timeline);
    press(&mut app, "<S-Tab>");
    assert_eq!(app.panes.focus, Pane::Detail);
    press(&mut app, "3");
    assert_eq!(app.panes.focus, Pane::Metrics);
    press(&mut app, "4");
    assert_eq!(app.panes.focus, Pane::Sources);
    press(&mut app, "1");
    assert_eq!(app.panes.focus, Pane::Timeline);
}

#[test]
fn search_enter_opens_the_qwen_max_model_in_detail() {
    let mut app = app(160, 45);
    press(&mut app, "/qwen");
    assert_eq!(app.overlay.mode, Mode::Search);
    assert!(!app.overlay.search.hits.is_empty());
    press(&mut app, "<Enter>");
    assert_eq!(app.overlay.mode, Mode::Normal);
    assert_eq!(app.panes.focus, Pane::Detail);
    let target = app.detail_target().expect("something in detail");
    assert_eq!(app.story.record_title(target), "Qwen 2.5-Max");
}

#[test]
fn search_escape_restores_the_previous_view() {
    let mut app = app(160, 45);
    press(&mut app, "jj3j");
    let before = (
        app.panes.focus,
        app.cursor(Pane::Timeline),
        app.cursor(Pane::Metrics),
        app.detail_target(),
    );
    press(&mut app, "/alibaba<Down><Esc>");
    assert_eq!(app.overlay.mode, Mode::Normal);
    assert_eq!(
        (
            app.panes.focus,
            app.cursor(Pane::Timeline),
            app.cursor(Pane::Metrics),
            app.detail_target()
        ),
        before
    );
}

#[test]
fn search_jumps_to_an_event_in_its_pane() {
    let mut app = app(160, 45);
    press(&mut app, "/extend the rally<Enter>");
    let target = app.detail_target().expect("selected");
    assert!(matches!(target, RecordRef::Event(_)), "{target:?}");
    assert_eq!(app.panes.origin_pane, Pane::Timeline);
    assert_eq!(Some(target), app.selected_record(Pane::Timeline));
}

#[test]
fn enter_follows_links_backspace_goes_back_and_bracket_goes_forward() {
    let mut app = app(160, 45);
    let start = app.detail_target();
    press(&mut app, "<Enter>");
    assert_eq!(app.panes.focus, Pane::Detail);
    press(&mut app, "<Enter>");
    let first_hop = app.detail_target().expect("followed");
    assert!(
        matches!(first_hop, RecordRef::Entity(_)),
        "first link of an event is an entity"
    );
    assert_eq!(app.detail.trail.back, vec![start.unwrap()]);
    press(&mut app, "j<Enter>");
    let second_hop = app.detail_target().unwrap();
    assert_ne!(second_hop, first_hop);
    assert_eq!(app.detail.trail.back.len(), 2);
    press(&mut app, "<BS>");
    assert_eq!(app.detail_target(), Some(first_hop));
    assert_eq!(app.detail.trail.forward, vec![second_hop]);
    press(&mut app, "]");
    assert_eq!(app.detail_target(), Some(second_hop));
    press(&mut app, "<BS><BS>");
    assert_eq!(app.detail_target(), start);
    assert_eq!(app.detail.trail.followed, None);
}

#[test]
fn a_new_hop_drops_forward_history() {
    let mut app = app(160, 45);
    press(&mut app, "<Enter><Enter>j<Enter><BS>");
    assert_eq!(app.detail.trail.forward.len(), 1);
    press(&mut app, "jj<Enter>");
    assert!(app.detail.trail.forward.is_empty());
}

#[test]
fn filter_narrows_the_timeline_to_the_selected_entity_and_clears() {
    let mut app = app(160, 45);
    let all = app.panes.timeline_events.len();
    // Open the first event's first entity (Apple), then filter by it.
    press(&mut app, "<Enter><Enter>f");
    let entity = app.panes.filter.expect("filter set");
    assert!(app.panes.timeline_events.len() < all);
    let id = &app.story.file.entities[entity].id;
    for &event in &app.panes.timeline_events {
        assert!(
            app.story.file.events[event]
                .entities
                .iter()
                .any(|e| e == id)
        );
    }
    press(&mut app, "f");
    assert_eq!(app.panes.filter, None);
    assert_eq!(app.panes.timeline_events.len(), all);
}

#[test]
fn chart_toggles() {
    let mut app = app(160, 45);
    press(&mut app, "3c");
    assert!(app.panes.chart);
    press(&mut app, "c");
    assert!(!app.panes.chart);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app(160, 45);
    press(&mut app, "?");
    assert_eq!(app.overlay.mode, Mode::Help);
    press(&mut app, "j");
    assert_eq!(
        app.cursor(Pane::Timeline).selected,
        0,
        "keys do not leak through help"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.overlay.mode, Mode::Normal);
}

#[test]
fn q_and_ctrl_c_quit_from_anywhere() {
    let mut app = app(160, 45);
    press(&mut app, "q");
    assert!(app.session.should_quit);
    let mut app = crate::common::app(160, 45);
    press(&mut app, "/qw<C-c>");
    assert!(app.session.should_quit, "Ctrl-C quits even while searching");
    let mut app = crate::common::app(160, 45);
    press(&mut app, "/q");
    assert!(!app.session.should_quit, "q types into the search query");
    assert_eq!(app.overlay.search.query, "q");
}

#[test]
fn export_asks_for_the_focused_view_with_its_filter() {
    let mut app = app(160, 45);
    press(&mut app, "<Enter><Enter>f1");
    let effects = press(&mut app, "e");
    let [Effect::Export { stem, markdown }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(stem, "storyscope-timeline");
    assert!(markdown.starts_with("# "));
    assert!(
        markdown.contains("filtered to Apple"),
        "{}",
        &markdown[..300]
    );
    let effects = press(&mut app, "3ce");
    let [Effect::Export { stem, markdown }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(stem, "storyscope-metrics");
    assert!(
        markdown.contains("### Chart:"),
        "chart data exported as tables when the chart shows"
    );
}

#[test]
fn copy_yields_the_selected_record_as_markdown() {
    let mut app = app(160, 45);
    let effects = press(&mut app, "y");
    let [Effect::Copy(markdown)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let title = app.story.record_title(app.detail_target().unwrap());
    // The date it describes first: pasted elsewhere, it still says so.
    let body = markdown
        .strip_prefix("_With all sources (no as-of date)._\n\n")
        .unwrap_or_else(|| panic!("{markdown}"));
    assert!(body.starts_with(&format!("## {title}")));
    assert!(markdown.contains("### Citations\n\n- "), "{markdown}");
    press(&mut app, "<lt>");
    let effects = press(&mut app, "y");
    let [Effect::Copy(markdown)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        markdown.starts_with("_As of 28 Feb 2025: sources count"),
        "{markdown}"
    );
}

#[test]
fn as_of_steps_through_publication_dates() {
    let mut app = app(160, 45);
    let all_metrics = app.panes.metric_rows.len();
    // Stops: 28 Feb 2025 (the upstream report, dated only by month), 13 Feb, 12 Feb.
    press(&mut app, "<lt>");
    assert_eq!(
        app.as_of.expect("as of the latest publication day").human(),
        "28 Feb 2025"
    );
    press(&mut app, "<lt><lt>");
    assert_eq!(app.as_of.expect("an earlier day").human(), "12 Feb 2025");
    assert!(
        app.panes.metric_rows.len() < all_metrics,
        "figures only the later article cites are gone"
    );
    press(&mut app, "<lt>");
    assert_eq!(
        app.as_of.unwrap().human(),
        "12 Feb 2025",
        "stays at the earliest stop"
    );
    press(&mut app, "<gt><gt><gt>");
    assert_eq!(app.as_of, None);
    assert_eq!(app.panes.metric_rows.len(), all_metrics);
}

#[test]
fn mouse_click_focuses_and_selects_and_wheel_scrolls() {
    use storyscope::tui::input::Action;
    use storyscope::tui::update::update;
    let mut app = app(160, 45);
    // Row 4 of the screen is the third timeline row (title bar, border, rows…).
    update(&mut app, Action::Click(10, 4));
    assert_eq!(app.panes.focus, Pane::Timeline);
    assert_eq!(app.cursor(Pane::Timeline).selected, 2);
    update(&mut app, Action::Scroll(10, 4, 1));
    assert_eq!(app.cursor(Pane::Timeline).selected, 5);
    // Clicking the Detail pane focuses it.
    update(&mut app, Action::Click(150, 10));
    assert_eq!(app.panes.focus, Pane::Detail);
}

#[test]
fn narrow_terminals_show_one_pane_and_tabs_are_clickable() {
    use storyscope::tui::input::Action;
    use storyscope::tui::update::update;
    let mut app = app(80, 24);
    update(&mut app, Action::Click(79, 1));
    assert_eq!(app.panes.focus, Pane::Detail);
    update(&mut app, Action::Click(0, 1));
    assert_eq!(app.panes.focus, Pane::Timeline);
}

#[test]
fn cjk_story_loads_into_the_explorer() {
    let mut app = app_with(fixture("cjk.json"), 80, 24);
    press(&mut app, "/tongyi");
    assert!(app.overlay.search.hits.is_empty());
    press(&mut app, "<C-u>qwen<Enter>");
    let target = app.detail_target().unwrap();
    assert_eq!(app.story.record_title(target), "通义千问");
}

#[test]
fn big_indexes_search_in_the_background_and_the_hits_follow() {
    use storyscope::tui::update::{poll_search, search_pending};
    let mut app = app(160, 45);
    app.overlay.background_search_names = 0;
    press(&mut app, "/qwen");
    assert_eq!(
        app.overlay.search.query, "qwen",
        "the typed characters show at once"
    );
    assert!(
        app.overlay.search_worker.is_some(),
        "the worker took the search"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !poll_search(&mut app) || search_pending(&app) {
        assert!(
            std::time::Instant::now() < deadline,
            "no hits from the worker"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    press(&mut app, "<Enter>");
    let target = app.detail_target().expect("a result opened");
    assert_eq!(app.story.record_title(target), "Qwen 2.5-Max");
}

#[test]
fn typing_a_typo_in_search_opens_the_intended_entity() {
    let mut app = app(160, 45);
    press(&mut app, "/tencnet");
    let first = app.overlay.search.hits.first().expect("a hit");
    assert_eq!(app.story.record_id(first.target.record()), "tencent");
    press(&mut app, "<Enter>");
    let target = app.detail_target().expect("something in detail");
    assert_eq!(app.story.record_id(target), "tencent");
}
